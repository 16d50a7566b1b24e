// Import ANCHORS (链主). Parameters: $rows [{enterpriseId, chainId, source, confidence, verifiedAt?}]. Returns: nothing.
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.enterpriseId})
MATCH (c:Chain {id: row.chainId})
MERGE (e)-[r:ANCHORS]->(c)
SET r.source = row.source, r.confidence = row.confidence, r.verifiedAt = row.verifiedAt
