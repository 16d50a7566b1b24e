// chainSubgraph, part 2 (part 1 is chains.cypher): the members of a chain by segment, and every
// supply link with a member at one end or both. Parameters: $chainId.
// Returns: memberships [{enterpriseId, segmentId}], supplies [{from, to, r}].
MATCH (c:Chain {id: $chainId})
RETURN
  COLLECT {
    MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)-[:OF_CHAIN]->(c)
    RETURN {enterpriseId: e.id, segmentId: s.id}
  } AS memberships,
  COLLECT {
    MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:OF_CHAIN]->(c)
    WITH DISTINCT e
    MATCH (e)-[r:SUPPLIES]-(o:Enterprise)
    WITH DISTINCT r
    RETURN {from: startNode(r).id, to: endNode(r).id, r: r {.*}}
  } AS supplies
