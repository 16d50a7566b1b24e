// Import chains. Parameters: $rows [{id, name, description?}]. Returns: nothing.
UNWIND $rows AS row
MERGE (c:Chain {id: row.id})
SET c.name = row.name, c.description = row.description
