// name: name_keys
// parameters: none
// answers: every name key in the graph, with the parties that carry it (the index fuzzy matching reads).
MATCH (p:Party) UNWIND p.keys AS key
RETURN key, collect(p.id) AS ids ORDER BY key
