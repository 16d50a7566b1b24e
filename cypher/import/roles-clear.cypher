// Derived roles, step 1 of 2 (same transaction as step 2): every enterprise back to OTHER.
// Parameters: none. Returns: nothing.
MATCH (e:Enterprise)
WHERE e.role IN ['ROOT', 'DIRECT', 'AFFILIATE']
SET e.role = 'OTHER'
