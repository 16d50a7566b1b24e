// anchoredBy: the chains each enterprise anchors (链主). Parameters: $ids [enterprise id].
// Returns: one row per enterprise that anchors any: id, chainIds [by id].
MATCH (e:Enterprise)-[:ANCHORS]->(c:Chain)
WHERE e.id IN $ids
WITH e.id AS id, c.id AS chainId
ORDER BY chainId
RETURN id, collect(chainId) AS chainIds
