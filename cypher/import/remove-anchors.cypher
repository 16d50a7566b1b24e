// Remove ANCHORS. Parameters: $rows [{enterpriseId, chainId}]. Returns: nothing.
UNWIND $rows AS row
MATCH (:Enterprise {id: row.enterpriseId})-[r:ANCHORS]->(:Chain {id: row.chainId})
DELETE r
