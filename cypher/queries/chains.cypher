// chains / chain: chains with their segments (in order), template, leaders and anchors.
// Parameters: $ids [id], or null for every chain. Returns: chain, segments, feeds, leaders, anchorIds.
MATCH (c:Chain)
WHERE $ids IS NULL OR c.id IN $ids
RETURN c {.*} AS chain,
       COLLECT { MATCH (s:Segment)-[:OF_CHAIN]->(c) RETURN s {.*} ORDER BY s.order } AS segments,
       COLLECT {
         MATCH (a:Segment)-[:OF_CHAIN]->(c)
         MATCH (a)-[:FEEDS]->(b:Segment)
         RETURN {from: a.id, to: b.id}
       } AS feeds,
       COLLECT { MATCH (l:Leader)-[:LEADS]->(c) RETURN l {.*} } AS leaders,
       COLLECT { MATCH (e:Enterprise)-[:ANCHORS]->(c) RETURN e.id } AS anchorIds
ORDER BY c.id
