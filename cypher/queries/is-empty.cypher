// On start: whether the database holds no Chain Atlas data yet (then the demo data is imported).
// Parameters: none. Returns: empty.
OPTIONAL MATCH (n)
WHERE n:Enterprise OR n:Chain
WITH n LIMIT 1
RETURN n IS NULL AS empty
