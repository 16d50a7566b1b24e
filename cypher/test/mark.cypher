// Contract tests on Neo4j: marks the database as one a test run may wipe.
// Parameters: $startedAt. Returns: nothing.
CREATE (:ChainAtlasTestRun {startedAt: $startedAt})
