// Import CONTROLS, keyed by its ends. Parameters: $rows [{from, to, share, source, confidence, verifiedAt?}].
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Enterprise {id: row.from})
MATCH (b:Enterprise {id: row.to})
MERGE (a)-[r:CONTROLS]->(b)
SET r.share = row.share, r.source = row.source, r.confidence = row.confidence, r.verifiedAt = row.verifiedAt
