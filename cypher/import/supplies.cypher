// Import SUPPLIES, keyed by its ends and product.
// Parameters: $rows [{from, to, product, props: {product, annualValue?, source, confidence, verifiedAt?}}]. Returns: nothing.
// An existing relationship keeps the properties the row does not give.
UNWIND $rows AS row
MATCH (a:Enterprise {id: row.from})
MATCH (b:Enterprise {id: row.to})
MERGE (a)-[r:SUPPLIES {product: row.product}]->(b)
SET r += row.props
