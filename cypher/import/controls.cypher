// Import CONTROLS, keyed by its ends. Parameters: $rows [{from, to, props: {share, source, confidence, verifiedAt?}}].
// Returns: nothing.
// An existing relationship keeps the properties the row does not give.
UNWIND $rows AS row
MATCH (a:Enterprise {id: row.from})
MATCH (b:Enterprise {id: row.to})
MERGE (a)-[r:CONTROLS]->(b)
SET r += row.props
