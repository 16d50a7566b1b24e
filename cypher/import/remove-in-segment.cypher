// Remove IN_SEGMENT. Parameters: $rows [{enterpriseId, segmentId}]. Returns: nothing.
UNWIND $rows AS row
MATCH (:Enterprise {id: row.enterpriseId})-[r:IN_SEGMENT]->(:Segment {id: row.segmentId})
DELETE r
