// Import the home district: there is one, so a row replaces it. Parameters: $rows [{name, city?, province?}].
// Returns: nothing.
UNWIND $rows AS row
MERGE (d:District {key: 'home'})
SET d.name = row.name, d.city = row.city, d.province = row.province
