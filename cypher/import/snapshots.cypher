// Keeps chain snapshots (domain/snapshot.ts): one node each, never changed.
// The time is kept as milliseconds since 1970 (UTC): instants compare alike whatever their offset.
// Parameters: $rows [{chainId, takenAt (ms since 1970), seq, head (JSON: when, why, figures), body (JSON: the whole snapshot)}].
// Returns: nothing.
UNWIND $rows AS row
CREATE (:ChainSnapshot {
  chainId: row.chainId,
  takenAt: row.takenAt,
  seq: row.seq,
  head: row.head,
  body: row.body
})
