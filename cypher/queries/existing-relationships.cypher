// Import plan: the stored properties of relationships by key, to tell added, updated and
// unchanged apart. Parameters: $kind (CONTROLS, SUPPLIES, IN_SEGMENT, ANCHORS, FEEDS, LEADS or MAKES:
// checked against the allow-list in code), $keys [{from, to, product}] (product: SUPPLIES only).
// Returns: from, to, product, r (its properties).
UNWIND $keys AS key
CALL (key) {
  MATCH (:Enterprise {id: key.from})-[r:CONTROLS]->(:Enterprise {id: key.to}) WHERE $kind = 'CONTROLS' RETURN r
  UNION
  MATCH (:Enterprise {id: key.from})-[r:SUPPLIES {product: key.product}]->(:Enterprise {id: key.to})
  WHERE $kind = 'SUPPLIES'
  RETURN r
  UNION
  MATCH (:Enterprise {id: key.from})-[r:IN_SEGMENT]->(:Segment {id: key.to}) WHERE $kind = 'IN_SEGMENT' RETURN r
  UNION
  MATCH (:Enterprise {id: key.from})-[r:ANCHORS]->(:Chain {id: key.to}) WHERE $kind = 'ANCHORS' RETURN r
  UNION
  MATCH (:Segment {id: key.from})-[r:FEEDS]->(:Segment {id: key.to}) WHERE $kind = 'FEEDS' RETURN r
  UNION
  MATCH (:Leader {id: key.from})-[r:LEADS]->(:Chain {id: key.to}) WHERE $kind = 'LEADS' RETURN r
  UNION
  MATCH (:Enterprise {id: key.from})-[r:MAKES]->(:Product {name: key.to}) WHERE $kind = 'MAKES' RETURN r
}
RETURN key.from AS from, key.to AS to, key.product AS product, r {.*} AS r
