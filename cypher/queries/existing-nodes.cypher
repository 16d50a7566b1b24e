// Import checks and plan: which of some ids name an existing node of a label, with its properties.
// Parameters: $label (Enterprise, Chain, Segment or Leader: checked against the allow-list in
// code; each branch below is an index seek of its own), $ids [id]. Returns: id, props.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Enterprise {id: id}) WHERE $label = 'Enterprise' RETURN n
  UNION
  MATCH (n:Chain {id: id}) WHERE $label = 'Chain' RETURN n
  UNION
  MATCH (n:Segment {id: id}) WHERE $label = 'Segment' RETURN n
  UNION
  MATCH (n:Leader {id: id}) WHERE $label = 'Leader' RETURN n
}
RETURN id, n {.*} AS props
