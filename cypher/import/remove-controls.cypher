// Remove CONTROLS by its ends. Parameters: $rows [{from, to}]. Returns: nothing.
UNWIND $rows AS row
MATCH (:Enterprise {id: row.from})-[r:CONTROLS]->(:Enterprise {id: row.to})
DELETE r
