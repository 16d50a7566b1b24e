// relations: relationships between enterprises by key. Parameters: $keys [{index, kind, from, to,
// product}] (kind CONTROLS or SUPPLIES; product null for CONTROLS).
// Returns: one row per relationship found: index (of its key), kind, from, to, r (its properties).
UNWIND $keys AS key
MATCH (a:Enterprise {id: key.from})-[r]->(b:Enterprise {id: key.to})
WHERE type(r) = key.kind AND (key.kind = 'CONTROLS' OR r.product = key.product)
RETURN key.index AS index, type(r) AS kind, a.id AS from, b.id AS to, r {.*} AS r
