// The history of investment leads: every event of each, oldest first.
// Parameters: $ids (a list of lead ids). Returns: id, data (the event as JSON), ordered by id, version.
UNWIND $ids AS id
MATCH (e:LeadEvent {leadId: id})
RETURN id, e.data AS data
ORDER BY id, e.version
