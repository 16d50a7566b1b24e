// ownersOf: every holding on a path of CONTROLS up from an enterprise, at most 12 levels.
// Parameters: $id. Returns: from, to, share.
MATCH p = (:Enterprise)-[:CONTROLS*1..12]->(:Enterprise {id: $id})
UNWIND relationships(p) AS r
WITH DISTINCT r
RETURN startNode(r).id AS from, endNode(r).id AS to, r.share AS share
