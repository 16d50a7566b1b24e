// Import segments and their OF_CHAIN; a row replaces the stored segment (an absent parentId,
// products or keywords removes it). Parameters: $rows [{id, chainId, name, tier, order, parentId?,
// products?, keywords?}]. Returns: nothing.
UNWIND $rows AS row
MATCH (c:Chain {id: row.chainId})
MERGE (s:Segment {id: row.id})
SET s.chainId = row.chainId, s.name = row.name, s.tier = row.tier, s.order = row.order,
    s.parentId = row.parentId, s.products = row.products, s.keywords = row.keywords
MERGE (s)-[:OF_CHAIN]->(c)
