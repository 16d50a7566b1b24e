// Each chain's snapshots taken at or after $since (every one when it is null), oldest first.
// Parameters: $chainIds, $since (ms since 1970, or null). Returns: chainId, heads (JSON of each: when, why, figures).
UNWIND $chainIds AS chainId
CALL (chainId) {
  MATCH (s:ChainSnapshot {chainId: chainId})
  WHERE $since IS NULL OR s.takenAt >= $since
  WITH s
  ORDER BY s.takenAt, s.seq
  RETURN collect(s.head) AS heads
}
RETURN chainId, heads
