// Investment leads' events at or after a time, of one chain or every chain (what moved since a meeting).
// Parameters: $since (an ISO time), $chainId (null: every chain).
// Returns: data (the event as JSON), oldest first.
MATCH (e:LeadEvent)
WHERE e.at >= $since AND ($chainId IS NULL OR e.chainId = $chainId)
RETURN e.data AS data
ORDER BY e.at, e.leadId, e.version
