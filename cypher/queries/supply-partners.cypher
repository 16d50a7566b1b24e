// Systems: the enterprises linked by SUPPLIES, either way, to each of some enterprises.
// Parameters: $ids [id]. Returns: id, partners [id].
UNWIND $ids AS id
MATCH (:Enterprise {id: id})-[:SUPPLIES]-(o:Enterprise)
RETURN id, collect(DISTINCT o.id) AS partners
