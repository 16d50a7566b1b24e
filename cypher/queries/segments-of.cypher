// segmentsOf: the segments each enterprise works in. Parameters: $ids [enterprise id].
// Returns: one row per enterprise that works in any: id, segments [its properties, by chain and order].
UNWIND $ids AS id
MATCH (:Enterprise {id: id})-[:IN_SEGMENT]->(s:Segment)
WITH id, s
ORDER BY s.chainId, s.order
RETURN id, collect(s {.*}) AS segments
