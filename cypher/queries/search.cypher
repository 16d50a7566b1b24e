// search: enterprises whose name or short name contains $query, through the cjk full-text index.
// Parameters: $phrase (the query as a quoted Lucene phrase), $query (the raw text), $candidates
// (how many index hits to consider), $limit. Returns: e, best first: exact short name or name,
// then a prefix, then any other match; larger revenue first within a rank.
CALL db.index.fulltext.queryNodes('enterprise_names', $phrase, {limit: $candidates}) YIELD node
WHERE node.name CONTAINS $query OR node.shortName CONTAINS $query
WITH node,
     CASE
       WHEN node.shortName = $query OR node.name = $query THEN 0
       WHEN node.shortName STARTS WITH $query OR node.name STARTS WITH $query THEN 1
       ELSE 2
     END AS rank
RETURN node {.*} AS e
ORDER BY rank, coalesce(node.revenue, 0) DESC, node.id
LIMIT $limit
