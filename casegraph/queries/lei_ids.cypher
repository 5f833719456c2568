// name: lei_ids
// parameters: $lei  a Legal Entity Identifier (20 characters)
// answers: the ids of the parties carrying this LEI.
MATCH (p:Party) WHERE p.lei = $lei
RETURN p.id AS id ORDER BY id
