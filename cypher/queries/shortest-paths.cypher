// shortestPaths: every shortest path between two enterprises over the chosen kinds, either
// direction, of at most $maxHops (the pattern allows 6, the port's MAX_PATH_HOPS).
// Parameters: $from, $to, $kinds [CONTROLS|SUPPLIES] (checked against the allow-list in code),
// $maxHops, $limit. Returns: nodeIds [id], relations [{kind, from, to, r}], at most $limit rows.
MATCH (a:Enterprise {id: $from})
MATCH (b:Enterprise {id: $to})
MATCH p = allShortestPaths((a)-[:CONTROLS|SUPPLIES*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $kinds) AND length(p) <= $maxHops
RETURN [n IN nodes(p) | n.id] AS nodeIds,
       [r IN relationships(p) | {kind: type(r), from: startNode(r).id, to: endNode(r).id, r: properties(r)}] AS relations
LIMIT $limit
