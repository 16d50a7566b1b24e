// Contract tests on Neo4j: how many nodes the database holds, and whether a test run marked it.
// Parameters: none. Returns: nodes, marked.
MATCH (n)
RETURN count(n) AS nodes, count { MATCH (m:ChainAtlasTestRun) RETURN m } > 0 AS marked
