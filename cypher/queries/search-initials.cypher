// search, for a text of Latin letters only: the names in search form as in search.cypher, or
// the pinyin initials of the short name or name (properties shortInitials, nameInitials: every
// spelling, one per combination of readings), ranked: exact name 0, prefix 1, part 2, the short
// name's initials 3, initials starting with the text 4, containing it 5, holding its letters in
// order 6: a match of the names always before one of initials. Parameters: $query (in search
// form), $subsequence (a regex: the letters of $query with .* between them), $local (or null),
// $chainId (or null), $segmentId (or null), $tier (or null), $order, $skip, $limit.
// Returns: one row: total (matches over every page), page [e].
MATCH (e:Enterprise)
WHERE ($local IS NULL OR e.local = $local)
  AND (($chainId IS NULL AND $segmentId IS NULL AND $tier IS NULL) OR EXISTS {
    MATCH (e)-[:IN_SEGMENT]->(s:Segment)
    WHERE ($segmentId IS NULL OR s.id = $segmentId)
      AND ($chainId IS NULL OR s.chainId = $chainId)
      AND ($tier IS NULL OR s.tier = $tier)
  })
WITH e, coalesce(e.searchShort, toLower(e.shortName)) AS short, coalesce(e.searchName, toLower(e.name)) AS name,
     coalesce(e.shortInitials, []) + coalesce(e.nameInitials, []) AS initials
WITH e,
     CASE
       WHEN short = $query OR name = $query THEN 0
       WHEN short STARTS WITH $query OR name STARTS WITH $query THEN 1
       WHEN short CONTAINS $query OR name CONTAINS $query OR toLower(e.id) = $query THEN 2
       WHEN $query IN coalesce(e.shortInitials, []) THEN 3
       WHEN any(v IN initials WHERE v STARTS WITH $query) THEN 4
       WHEN any(v IN initials WHERE v CONTAINS $query) THEN 5
       WHEN any(v IN initials WHERE v =~ $subsequence) THEN 6
     END AS rank
WHERE rank IS NOT NULL
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
