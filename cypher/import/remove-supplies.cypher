// Remove SUPPLIES by its ends and product. Parameters: $rows [{from, to, product}]. Returns: nothing.
UNWIND $rows AS row
MATCH (:Enterprise {id: row.from})-[r:SUPPLIES {product: row.product}]->(:Enterprise {id: row.to})
DELETE r
