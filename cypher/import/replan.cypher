// After a large import: has Neo4j sample every index afresh, waits for it (at most $seconds), then
// forgets the query plans made for the graph as it was, so that the next queries are planned with
// statistics of the graph as it is. Clearing the plans alone was not enough: an index is sampled
// again only in the background, so the fresh plans were still made with the old samples (right
// after the S scale set's import into a wiped database: Enterprise(id) sampled at 0 entries, 10k
// updates since; existing-relationships.cypher then walked 16 times the relationships it walks
// with fresh samples). Plans made on the demo data walked the S set's 10k enterprises so badly that
// the chain overview went from 2.8 s to over 15 s.
// Parameters: $seconds. Returns: nothing.
CALL db.prepareForReplanning($seconds)
