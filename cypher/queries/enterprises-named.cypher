// Import checks: enterprises whose name or short name is one of some texts (for hints on unknown
// references and warnings on names given twice). Parameters: $names [text].
// Returns: text, id, name, shortName.
UNWIND $names AS text
CALL (text) {
  MATCH (e:Enterprise {name: text}) RETURN e
  UNION
  MATCH (e:Enterprise {shortName: text}) RETURN e
}
RETURN text, e.id AS id, e.name AS name, e.shortName AS shortName
