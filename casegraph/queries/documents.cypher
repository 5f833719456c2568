// name: documents
// parameters: $ids  list of document ids (the sha256 in evidence "doc" and in sources)
// answers: each document's source, title, url and date, to cite evidence by title and link.
MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id, d.source AS source, d.title AS title, d.url AS url, d.date AS date
ORDER BY id
