// segmentsById: segments by id. Parameters: $ids [segment id].
// Returns: one row per segment found: s (its properties).
MATCH (s:Segment)
WHERE s.id IN $ids
RETURN s {.*} AS s
