// Investment leads by id, for get().
// Parameters: $ids (a list of lead ids). Returns: id, data (the record as JSON), one row per lead found.
UNWIND $ids AS id
MATCH (l:InvestmentLead {id: id})
RETURN l.id AS id, l.data AS data
