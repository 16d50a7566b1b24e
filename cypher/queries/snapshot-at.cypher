// A chain's latest snapshot taken at or before $at, with the snapshots it is based on down to one
// kept whole (at most 16: store/snapshot-delta.ts). Parameters: $chainId, $at (ms since 1970).
// Returns: bodies (JSON of each, the snapshot asked for first); no row when none is that old.
MATCH (s:ChainSnapshot {chainId: $chainId})
WHERE s.takenAt <= $at
WITH s
ORDER BY s.takenAt DESC, s.seq DESC
LIMIT 1
MATCH p = (s)-[:BASED_ON*0..16]->(w:ChainSnapshot)
WHERE w.depth = 0
RETURN [n IN nodes(p) | n.body] AS bodies
LIMIT 1
