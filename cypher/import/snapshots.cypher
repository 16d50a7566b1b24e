// Keeps chain snapshots (domain/snapshot.ts, as store/snapshot-delta.ts keeps them): one node each,
// never changed, BASED_ON the snapshot it records the changes from (none when kept whole). The
// time is kept as milliseconds since 1970 (UTC): instants compare alike whatever their offset.
// Parameters: $rows [{chainId, takenAt (ms since 1970), seq, key, base (a key, or null), depth,
//   head (JSON: when, why, figures), body (JSON: the snapshot as kept)}]. Returns: nothing.
UNWIND $rows AS row
CREATE (s:ChainSnapshot {
  chainId: row.chainId,
  takenAt: row.takenAt,
  seq: row.seq,
  key: row.key,
  depth: row.depth,
  head: row.head,
  body: row.body
})
WITH s, row
OPTIONAL MATCH (b:ChainSnapshot {key: row.base})
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | CREATE (s)-[:BASED_ON]->(b))
