// ownersOf: for each enterprise, every holding on a path of CONTROLS up from it, at most 12
// levels. Parameters: $ids [enterprise id]. Returns: id, from, to, share.
UNWIND $ids AS id
MATCH p = (:Enterprise)-[:CONTROLS*1..12]->(:Enterprise {id: id})
UNWIND relationships(p) AS r
WITH DISTINCT id, r
RETURN id, startNode(r).id AS from, endNode(r).id AS to, r.share AS share
