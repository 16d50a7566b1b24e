// search, for queries of one character (the cjk analyzer indexes pairs of characters): substring
// match through the text indexes, or an enterprise id. Parameters: $query, $limit.
// Returns: e, ranked as in search.cypher.
CALL (*) {
  MATCH (e:Enterprise) WHERE e.shortName CONTAINS $query RETURN e
  UNION
  MATCH (e:Enterprise) WHERE e.name CONTAINS $query RETURN e
  UNION
  MATCH (e:Enterprise {id: $query}) RETURN e
}
WITH e,
     CASE
       WHEN e.shortName = $query OR e.name = $query THEN 0
       WHEN e.shortName STARTS WITH $query OR e.name STARTS WITH $query THEN 1
       ELSE 2
     END AS rank
RETURN e {.*} AS e
ORDER BY rank, coalesce(e.revenue, 0) DESC, e.id
LIMIT $limit
