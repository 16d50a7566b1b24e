// getEnterprises: enterprises by id. Parameters: $ids [string].
// Returns: one row per enterprise found: e (its properties).
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e {.*} AS e
