// Saves an investment lead (招商项目) as it is after an event, with the event, when the lead's
// stored version is the one before the event's (0: no lead yet). The lead is locked first, so two
// saves of one version cannot both pass; a lead made only to look and not saved is removed again.
// Parameters: $lead (map: id, chainId, enterpriseId, segmentId, stage, owner, version, data: the
// record as JSON), $event (map: leadId, version, at, chainId, data: the event as JSON).
// Returns: stored (the version before; the write was done only when it is $event.version - 1).
MERGE (l:InvestmentLead {id: $lead.id})
ON CREATE SET l.version = 0
SET l.locked = true
WITH l, l.version AS stored
REMOVE l.locked
FOREACH (_ IN CASE WHEN stored = $event.version - 1 THEN [1] ELSE [] END |
  SET l += $lead
  CREATE (e:LeadEvent)
  SET e = $event
)
FOREACH (_ IN CASE WHEN stored = 0 AND $event.version <> 1 THEN [1] ELSE [] END |
  DELETE l
)
RETURN stored
