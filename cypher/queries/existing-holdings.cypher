// Import checks: the shares held now in some companies. Parameters: $ids [id].
// Returns: to, from, share.
MATCH (a:Enterprise)-[r:CONTROLS]->(b:Enterprise)
WHERE b.id IN $ids
RETURN b.id AS to, a.id AS from, r.share AS share
