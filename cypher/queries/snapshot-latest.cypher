// Each chain's latest snapshot, with the snapshots it is based on down to one kept whole: the
// bases of new snapshots. Parameters: $chainIds. Returns: chainId, bodies (JSON, latest first).
UNWIND $chainIds AS chainId
CALL (chainId) {
  MATCH (s:ChainSnapshot {chainId: chainId})
  WITH s
  ORDER BY s.takenAt DESC, s.seq DESC
  LIMIT 1
  MATCH p = (s)-[:BASED_ON*0..16]->(w:ChainSnapshot)
  WHERE w.depth = 0
  RETURN [n IN nodes(p) | n.body] AS bodies
  LIMIT 1
}
RETURN chainId, bodies
