// Import segments and their OF_CHAIN. Parameters: $rows [{id, chainId, name, tier, order}]. Returns: nothing.
UNWIND $rows AS row
MATCH (c:Chain {id: row.chainId})
MERGE (s:Segment {id: row.id})
SET s.chainId = row.chainId, s.name = row.name, s.tier = row.tier, s.order = row.order
MERGE (s)-[:OF_CHAIN]->(c)
