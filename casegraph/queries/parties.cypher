// name: parties
// parameters: $ids  list of party ids
// answers: the parties with these ids, with their names and labels (the runner's name look-ups).
MATCH (p:Party) WHERE p.id IN $ids
RETURN p.id AS id, p.name AS name, [l IN labels(p) WHERE l <> 'Party'][0] AS label ORDER BY id
