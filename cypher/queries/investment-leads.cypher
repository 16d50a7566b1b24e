// Investment leads that match the board's filters (each null: any); the store sorts them.
// Parameters: $chainId, $stages (a list), $owner, $segmentId, $enterpriseIds (a list).
// Returns: data (the record as JSON), one row per lead.
MATCH (l:InvestmentLead)
WHERE l.version > 0
  AND ($chainId IS NULL OR l.chainId = $chainId)
  AND ($stages IS NULL OR l.stage IN $stages)
  AND ($owner IS NULL OR l.owner = $owner)
  AND ($segmentId IS NULL OR l.segmentId = $segmentId)
  AND ($enterpriseIds IS NULL OR l.enterpriseId IN $enterpriseIds)
RETURN l.data AS data
