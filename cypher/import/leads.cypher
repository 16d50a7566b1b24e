// Import LEADS. Parameters: $rows [{leaderId, chainId}]. Returns: nothing.
UNWIND $rows AS row
MATCH (l:Leader {id: row.leaderId})
MATCH (c:Chain {id: row.chainId})
MERGE (l)-[:LEADS]->(c)
