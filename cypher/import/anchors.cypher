// Import ANCHORS (链主). Parameters: $rows [{enterpriseId, chainId, props: {source, confidence, verifiedAt?}}]. Returns: nothing.
// An existing relationship keeps the properties the row does not give.
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.enterpriseId})
MATCH (c:Chain {id: row.chainId})
MERGE (e)-[r:ANCHORS]->(c)
SET r += row.props
