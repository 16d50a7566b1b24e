// Import checks and plan: the home district, if any. Parameters: none. Returns: d (its properties).
MATCH (d:District {key: 'home'})
RETURN d {.name, .city, .province} AS d
