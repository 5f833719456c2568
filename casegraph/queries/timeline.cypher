// name: timeline
// parameters: $ids  list of party ids, e.g. ['firm:ftx']
//             $limit the first events returned, in date order, e.g. 50 (timeline_totals.cypher counts all)
// answers: every dated event the party or its group (SUBSIDIARY_OF parents, children and siblings,
//   up to 4 steps) initiated or is concerned by, in date order with its source documents. An event
//   without a date of its own takes its earliest source document's date (date_from = 'document');
//   partial dates ('2022-11') sort as given, before the days of that month.
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
UNWIND grp AS member
MATCH (member)-[:INITIATED|CONCERNS]-(e:Event)
WITH DISTINCT e
MATCH (e)-[:CONCERNS]->(subject:Party)
OPTIONAL MATCH (actor:Party)-[:INITIATED]->(e)
OPTIONAL MATCH (d:Document) WHERE d.id IN coalesce(e.sources, [])
WITH e, subject, actor,
     collect(CASE WHEN d IS NULL THEN null ELSE {id: d.id, source: d.source, title: d.title, url: d.url, date: d.date} END) AS documents,
     min(d.date) AS first_seen
WITH e, subject, actor, documents, coalesce(e.date, first_seen) AS date
WHERE date IS NOT NULL
RETURN date, CASE WHEN e.date IS NULL THEN 'document' ELSE 'event' END AS date_from,
       e.id AS event_id, [l IN labels(e) WHERE l <> 'Event'][0] AS event,
       e.kind AS kind, e.status AS status, e.review AS review, e.amount AS amount, e.currency AS currency,
       actor.id AS actor_id, actor.name AS actor, subject.id AS subject_id, subject.name AS subject,
       documents, coalesce(e.evidence, []) AS evidence,
       e.display_amount AS display_amount, e.evidence_sentence AS evidence_sentence,
       e.document_title AS document_title
ORDER BY date, event, event_id
LIMIT $limit
