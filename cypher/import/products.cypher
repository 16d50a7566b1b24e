// Import MAKES (what an enterprise makes), keyed by the enterprise and the product's name.
// Parameters: $rows [{enterpriseId, product, props: {share?, source, confidence, verifiedAt?}}].
// Returns: nothing. An existing relationship keeps the properties the row does not give.
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.enterpriseId})
MERGE (p:Product {name: row.product})
MERGE (e)-[r:MAKES]->(p)
SET r += row.props
