// Import IN_SEGMENT. Parameters: $rows [{enterpriseId, segmentId, props: {source, confidence, verifiedAt?}}]. Returns: nothing.
// An existing relationship keeps the properties the row does not give.
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.enterpriseId})
MATCH (s:Segment {id: row.segmentId})
MERGE (e)-[r:IN_SEGMENT]->(s)
SET r += row.props
