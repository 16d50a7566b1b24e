// Import SUPPLIES, keyed by its ends and product.
// Parameters: $rows [{from, to, product, annualValue?, source, confidence, verifiedAt?}]. Returns: nothing.
UNWIND $rows AS row
MATCH (a:Enterprise {id: row.from})
MATCH (b:Enterprise {id: row.to})
MERGE (a)-[r:SUPPLIES {product: row.product}]->(b)
SET r.annualValue = row.annualValue, r.source = row.source, r.confidence = row.confidence,
    r.verifiedAt = row.verifiedAt
