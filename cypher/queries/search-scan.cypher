// search, for an empty text or one of a single character (the cjk analyzer indexes pairs of
// characters): every enterprise, or those whose name or short name contains the text, or whose
// id it is; then the filters, ranked as in search.cypher (names in search form, as there).
// Parameters: $query (the text in search form, '' for none), $id (the text as given), $local
// (or null), $chainId (or null), $segmentId (or null), $tier (or null), $order, $skip, $limit.
// Returns: one row: total (matches over every page), page [e].
MATCH (e:Enterprise)
WITH e, coalesce(e.searchShort, toLower(e.shortName)) AS short, coalesce(e.searchName, toLower(e.name)) AS name
WHERE ($query = '' OR name CONTAINS $query OR short CONTAINS $query OR e.id = $id)
  AND ($local IS NULL OR e.local = $local)
  AND (($chainId IS NULL AND $segmentId IS NULL AND $tier IS NULL) OR EXISTS {
    MATCH (e)-[:IN_SEGMENT]->(s:Segment)
    WHERE ($segmentId IS NULL OR s.id = $segmentId)
      AND ($chainId IS NULL OR s.chainId = $chainId)
      AND ($tier IS NULL OR s.tier = $tier)
  })
WITH e,
     CASE
       WHEN $query = '' THEN 0
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
