// segmentsOf: the segments an enterprise works in. Parameters: $id. Returns: s (its properties).
MATCH (:Enterprise {id: $id})-[:IN_SEGMENT]->(s:Segment)
RETURN s {.*} AS s
ORDER BY s.chainId, s.order
