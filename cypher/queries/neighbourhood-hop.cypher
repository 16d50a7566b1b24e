// neighbourhood, one hop of the breadth-first walk: enterprises linked either way to the frontier
// by a relationship of the chosen kinds, not seen yet. Parameters: $frontier [id], $seen [id],
// $kinds [CONTROLS|SUPPLIES] (checked against the allow-list in code), $room (how many more fit).
// Returns: id, up to $room rows, the smallest ids (when the limit cuts a hop short, the API keeps
// the nearest enterprises, then those of the smallest ids, on either store).
MATCH (n:Enterprise)-[r]-(m:Enterprise)
WHERE n.id IN $frontier AND type(r) IN $kinds AND NOT m.id IN $seen
RETURN DISTINCT m.id AS id
ORDER BY id
LIMIT $room
