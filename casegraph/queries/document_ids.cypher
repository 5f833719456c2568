// name: document_ids
// parameters: $ids  document ids (sha256 of the text)
// answers: which of these documents the store already holds (load reports them as unchanged).
MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id
