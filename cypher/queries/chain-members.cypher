// chainMembers: enterprises working in the segments of each chain. Parameters: $chainIds [chain id].
// Returns: chainId, e (its properties), segmentId; by segment order, then enterprise id.
UNWIND $chainIds AS chainId
MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)-[:OF_CHAIN]->(:Chain {id: chainId})
RETURN chainId, e {.*} AS e, s.id AS segmentId
ORDER BY chainId, s.order, e.id
