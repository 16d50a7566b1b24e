// Import the chain template. Parameters: $rows [{from, to}] (segment ids). Returns: nothing.
UNWIND $rows AS row
MATCH (a:Segment {id: row.from})
MATCH (b:Segment {id: row.to})
MERGE (a)-[:FEEDS]->(b)
