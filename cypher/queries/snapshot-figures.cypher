// A chain's snapshots taken at or after $since (every one when it is null), oldest first.
// Parameters: $chainId, $since (ms since 1970, or null). Returns: head (JSON: when, why, figures).
MATCH (s:ChainSnapshot {chainId: $chainId})
WHERE $since IS NULL OR s.takenAt >= $since
RETURN s.head AS head
ORDER BY s.takenAt, s.seq
