// Import IN_SEGMENT. Parameters: $rows [{enterpriseId, segmentId, source, confidence, verifiedAt?}]. Returns: nothing.
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.enterpriseId})
MATCH (s:Segment {id: row.segmentId})
MERGE (e)-[r:IN_SEGMENT]->(s)
SET r.source = row.source, r.confidence = row.confidence, r.verifiedAt = row.verifiedAt
