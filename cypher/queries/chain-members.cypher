// chainMembers: enterprises working in the segments of a chain. Parameters: $chainId.
// Returns: e (its properties), segmentId.
MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)-[:OF_CHAIN]->(:Chain {id: $chainId})
RETURN e {.*} AS e, s.id AS segmentId
ORDER BY s.order, e.id
