// The graph's version: a token every write transaction changes (see import/write-lock.cypher);
// null before the first write of this code. Parameters: none. Returns: version.
OPTIONAL MATCH (l:WriteLock {key: 'graph'})
RETURN l.version AS version
