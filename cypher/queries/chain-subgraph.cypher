// chainSubgraph, part 2 (part 1 is chains.cypher): the members of a chain by segment, the supply
// links into them, and those out of them to local firms outside the chain. Parameters: $chainId.
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
    MATCH (o:Enterprise)-[r:SUPPLIES]->(e)
    RETURN {from: o.id, to: e.id, r: r {.*}}
  } + COLLECT {
    MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:OF_CHAIN]->(c)
    WITH DISTINCT e
    MATCH (e)-[r:SUPPLIES]->(o:Enterprise {local: true})
    WHERE NOT EXISTS { MATCH (o)-[:IN_SEGMENT]->(:Segment)-[:OF_CHAIN]->(c) }
    RETURN {from: e.id, to: o.id, r: r {.*}}
  } AS supplies
