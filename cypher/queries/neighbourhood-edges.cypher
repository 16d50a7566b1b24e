// neighbourhood, last step: the relationships of the chosen kinds among the enterprises reached.
// Parameters: $ids [id], $kinds [CONTROLS|SUPPLIES]. Returns: kind, from, to, r (its properties).
MATCH (a:Enterprise)-[r]->(b:Enterprise)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $kinds
RETURN type(r) AS kind, a.id AS from, b.id AS to, r {.*} AS r
