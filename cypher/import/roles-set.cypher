// Derived roles, step 2 of 2: the roles the systems give.
// Parameters: $rows [{id, role}] (role: ROOT, DIRECT or AFFILIATE). Returns: nothing.
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.id})
SET e.role = row.role
