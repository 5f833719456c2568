// name: party_ids
// parameters: $key  a name key: lower case, no accents, punctuation or legal form ('ftx')
// answers: the ids of the parties one of whose names or aliases has this key.
MATCH (:NameKey {key: $key})-[:NAMES]->(p:Party)
RETURN p.id AS id ORDER BY id
