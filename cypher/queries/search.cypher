// search, for a text of two characters or more: the cjk full-text index over names (every hit:
// the filters, the order and the count apply to all of them), or the enterprise id itself; then
// the filters. Names are compared in search form (domain/search-text.ts: brackets, punctuation and
// letters of either width alike, lower-cased), kept as searchName and searchShort (an enterprise
// imported before them: its names lower-cased). Parameters: $phrase (the text in search form as a
// quoted Lucene phrase), $query (the text in search form), $id (the text as given: an id),
// $local (or null), $chainId (or null), $segmentId (or null), $tier (or null), $order (RELEVANCE, NAME,
// REVENUE, REGISTERED_CAPITAL, EMPLOYEES or FOUNDED_ON), $skip, $limit.
// Returns: one row: total (matches over every page), page [e] (their properties).
CALL () {
  CALL db.index.fulltext.queryNodes('enterprise_names', $phrase) YIELD node
  WHERE coalesce(node.searchName, toLower(node.name)) CONTAINS $query
     OR coalesce(node.searchShort, toLower(node.shortName)) CONTAINS $query
  RETURN node AS e
  UNION
  MATCH (e:Enterprise {id: $id})
  RETURN e
}
WITH e
WHERE ($local IS NULL OR e.local = $local)
  AND (($chainId IS NULL AND $segmentId IS NULL AND $tier IS NULL) OR EXISTS {
    MATCH (e)-[:IN_SEGMENT]->(s:Segment)
    WHERE ($segmentId IS NULL OR s.id = $segmentId)
      AND ($chainId IS NULL OR s.chainId = $chainId)
      AND ($tier IS NULL OR s.tier = $tier)
  })
WITH e, coalesce(e.searchShort, toLower(e.shortName)) AS short, coalesce(e.searchName, toLower(e.name)) AS name
WITH e,
     CASE
       WHEN short = $query OR name = $query THEN 0
       WHEN short STARTS WITH $query OR name STARTS WITH $query THEN 1
       ELSE 2
     END AS rank
ORDER BY
  CASE WHEN $order = 'RELEVANCE' THEN rank END,
  CASE WHEN $order = 'NAME' THEN e.name END,
  CASE $order
    WHEN 'RELEVANCE' THEN coalesce(e.revenue, -1)
    WHEN 'REVENUE' THEN coalesce(e.revenue, -1)
    WHEN 'REGISTERED_CAPITAL' THEN coalesce(e.registeredCapital, -1)
    WHEN 'EMPLOYEES' THEN coalesce(e.employees, -1)
  END DESC,
  CASE WHEN $order = 'FOUNDED_ON' THEN coalesce(e.foundedOn, '9999') END,
  e.id
WITH collect(e {.*}) AS found
RETURN size(found) AS total, found[$skip..$skip + $limit] AS page
