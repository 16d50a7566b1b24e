// relationsOf, direction 'out': each enterprise's relationships of one kind out of it.
// Parameters: $ids [enterprise id], $kind (CONTROLS or SUPPLIES, checked against the allow-list in code).
// Returns: id, from, to, r (its properties); by the other end's id, then product.
MATCH (a:Enterprise)-[r]->(b:Enterprise)
WHERE a.id IN $ids AND type(r) = $kind
RETURN a.id AS id, a.id AS from, b.id AS to, r {.*} AS r
ORDER BY to, r.product
