// Every write transaction runs this first: it takes the write lock of the one WriteLock node, so
// writers go one at a time and each checks its rows against what the one before it committed
// (two imports each holding 60% of one firm: the second sees the first's 60% and is refused).
// Each write also gives the graph a new version (a random token: a wiped database starts afresh),
// by which readers know that what they kept of it (chain subgraphs) is out of date.
// Parameters: none. Returns: nothing.
MERGE (l:WriteLock {key: 'graph'})
SET l.writes = coalesce(l.writes, 0) + 1, l.version = randomUUID()
