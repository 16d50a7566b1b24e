// A chain's latest snapshot taken at or before $at. Parameters: $chainId, $at (ms since 1970).
// Returns: body (JSON: the whole snapshot); no row when none is that old.
MATCH (s:ChainSnapshot {chainId: $chainId})
WHERE s.takenAt <= $at
RETURN s.body AS body
ORDER BY s.takenAt DESC, s.seq DESC
LIMIT 1
