// Import chain leaders. Parameters: $rows [{id, name, title}]. Returns: nothing.
UNWIND $rows AS row
MERGE (l:Leader {id: row.id})
SET l.name = row.name, l.title = row.title
