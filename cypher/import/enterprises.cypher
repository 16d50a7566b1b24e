// Import enterprises; a row replaces every property of an existing one but its derived role.
// Parameters: $rows [{id, name, shortName, district, local, park?, status, foundedOn?,
//   registeredCapital?, employees?, revenue?, tags}]. Returns: nothing.
UNWIND $rows AS row
MERGE (e:Enterprise {id: row.id})
ON CREATE SET e.role = 'OTHER'
SET e.name = row.name, e.shortName = row.shortName, e.district = row.district, e.local = row.local,
    e.park = row.park, e.status = row.status, e.foundedOn = row.foundedOn,
    e.registeredCapital = row.registeredCapital, e.employees = row.employees, e.revenue = row.revenue,
    e.tags = row.tags
