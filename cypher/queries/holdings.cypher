// Systems: every holding at or above the control threshold (smaller ones never reach it when
// multiplied). Parameters: $threshold. Returns: from, to, share.
MATCH (a:Enterprise)-[r:CONTROLS]->(b:Enterprise)
WHERE r.share >= $threshold
RETURN a.id AS from, b.id AS to, r.share AS share
