// After a large import: forgets the query plans made for the graph as it was, so that the next
// queries are planned for the graph as it is (plans made on the demo data walked the S scale set's
// 10k enterprises so badly that the chain overview went from 2.8 s to over 15 s).
// Parameters: none. Returns: nothing.
CALL db.clearQueryCaches()
