// chainSubgraph, part 3: what the enterprises of a chain's subgraph make, and the firms that make a
// product of one of the chain's segments or of its members (by the product's exact name), with
// what they make. Parameters: $chainId, $ids [enterprise id] (the members and supply partners).
// Returns: makes [{enterpriseId, product, r}].
CALL () {
  MATCH (s:Segment {chainId: $chainId})
  WHERE s.products IS NOT NULL
  UNWIND s.products AS name
  MATCH (e:Enterprise)-[:MAKES]->(:Product {name: name})
  RETURN e.id AS id
  UNION
  MATCH (:Segment {chainId: $chainId})<-[:IN_SEGMENT]-(:Enterprise)-[:MAKES]->(p:Product)<-[:MAKES]-(e:Enterprise)
  RETURN e.id AS id
  UNION
  UNWIND $ids AS id
  RETURN id
}
WITH DISTINCT id
MATCH (e:Enterprise {id: id})-[r:MAKES]->(p:Product)
RETURN collect({enterpriseId: e.id, product: p.name, r: r {.*}}) AS makes
