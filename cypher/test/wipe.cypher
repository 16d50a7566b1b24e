// Contract tests on Neo4j: deletes every node and relationship (a test database is small).
// Parameters: none. Returns: nothing. Runs only where mark.cypher marked the database.
MATCH (n)
DETACH DELETE n
