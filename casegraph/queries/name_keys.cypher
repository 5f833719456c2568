// name: name_keys
// parameters: none
// answers: every name key in the graph, with the parties that carry it (the index fuzzy matching reads).
MATCH (k:NameKey)-[:NAMES]->(p:Party)
RETURN k.key AS key, collect(p.id) AS ids ORDER BY key
