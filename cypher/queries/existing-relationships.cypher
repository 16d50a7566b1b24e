// Import plan: the stored properties of relationships by key, to tell added, updated and
// unchanged apart. Parameters: $kind (CONTROLS, SUPPLIES, IN_SEGMENT, ANCHORS, FEEDS, LEADS or MAKES:
// checked against the allow-list in code), $keys [{from, to, product}] (product: SUPPLIES only).
// Returns: from, to, product, r (its properties).
// Each branch finds both ends by their key first, then, in a subquery given both, the relationship
// between them: an Expand(Into), which walks the end with fewer relationships. In one MATCH the
// planner chose by its statistics which end to expand every relationship from, and after a wipe
// and a large import it could pick a segment (all its members' IN_SEGMENT, for every key) where
// the enterprise has one.
UNWIND $keys AS key
CALL (key) {
  MATCH (a:Enterprise {id: key.from}) WHERE $kind = 'CONTROLS'
  MATCH (b:Enterprise {id: key.to})
  CALL (a, b) { MATCH (a)-[r:CONTROLS]->(b) RETURN r }
  RETURN r
  UNION
  MATCH (a:Enterprise {id: key.from}) WHERE $kind = 'SUPPLIES'
  MATCH (b:Enterprise {id: key.to})
  CALL (a, b) { MATCH (a)-[r:SUPPLIES]->(b) RETURN r }
  WITH r WHERE r.product = key.product
  RETURN r
  UNION
  MATCH (a:Enterprise {id: key.from}) WHERE $kind = 'IN_SEGMENT'
  MATCH (b:Segment {id: key.to})
  CALL (a, b) { MATCH (a)-[r:IN_SEGMENT]->(b) RETURN r }
  RETURN r
  UNION
  MATCH (a:Enterprise {id: key.from}) WHERE $kind = 'ANCHORS'
  MATCH (b:Chain {id: key.to})
  CALL (a, b) { MATCH (a)-[r:ANCHORS]->(b) RETURN r }
  RETURN r
  UNION
  MATCH (a:Segment {id: key.from}) WHERE $kind = 'FEEDS'
  MATCH (b:Segment {id: key.to})
  CALL (a, b) { MATCH (a)-[r:FEEDS]->(b) RETURN r }
  RETURN r
  UNION
  MATCH (a:Leader {id: key.from}) WHERE $kind = 'LEADS'
  MATCH (b:Chain {id: key.to})
  CALL (a, b) { MATCH (a)-[r:LEADS]->(b) RETURN r }
  RETURN r
  UNION
  MATCH (a:Enterprise {id: key.from}) WHERE $kind = 'MAKES'
  MATCH (b:Product {name: key.to})
  CALL (a, b) { MATCH (a)-[r:MAKES]->(b) RETURN r }
  RETURN r
}
RETURN key.from AS from, key.to AS to, key.product AS product, r {.*} AS r
