// search, for a text of two characters or more: the cjk full-text index over names (every hit:
// the filters, the order and the count apply to all of them), or the enterprise id itself; then
// the filters. Parameters: $phrase (the text as a quoted Lucene phrase), $query (the raw text),
// $local (or null), $chainId (or null), $segmentId (or null), $tier (or null), $order (RELEVANCE, NAME,
// REVENUE, REGISTERED_CAPITAL, EMPLOYEES or FOUNDED_ON), $skip, $limit.
// Returns: one row: total (matches over every page), page [e] (their properties).
CALL () {
  CALL db.index.fulltext.queryNodes('enterprise_names', $phrase) YIELD node
  WHERE node.name CONTAINS $query OR node.shortName CONTAINS $query
  RETURN node AS e
  UNION
  MATCH (e:Enterprise {id: $query})
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
WITH e,
     CASE
       WHEN e.shortName = $query OR e.name = $query THEN 0
       WHEN e.shortName STARTS WITH $query OR e.name STARTS WITH $query THEN 1
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
