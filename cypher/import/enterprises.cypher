// Import enterprises. A new one gets every property; an existing one only those the row gives
// (an empty tag list keeps the stored tags), and keeps its derived role.
// Parameters: $rows [{id, props: {name, shortName, district, local, status, park?, foundedOn?,
//   registeredCapital?, employees?, revenue?, tags}}]. Returns: nothing.
UNWIND $rows AS row
MERGE (e:Enterprise {id: row.id})
ON CREATE SET e.role = 'OTHER', e.tags = []
WITH e, row, e.tags AS storedTags
SET e += row.props
SET e.tags = CASE WHEN size(row.props.tags) = 0 THEN storedTags ELSE row.props.tags END
