// name: actions
// parameters: $ids  list of party ids, e.g. ['firm:ftx']
//             $limit the first actions returned, in the order below, e.g. 50 (actions_totals.cypher counts all)
// answers: which authority acted against the party, its group (SUBSIDIARY_OF parents, children and
//   siblings, up to 4 steps) or their officers (people OFFICER_OF a group member): asset freezes,
//   investigations, charges, bankruptcies and withdrawal suspensions, with date, kind, status and
//   evidence. relation says whom the action concerns: party, group or officer (officer_of: where).
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
CALL (grp) {
  UNWIND grp AS m RETURN m AS subject
  UNION
  UNWIND grp AS m MATCH (subject:Person)-[:OFFICER_OF]->(m) RETURN subject
}
MATCH (e:Event)-[:CONCERNS]->(subject)
WHERE e:AssetFreeze OR e:Investigation OR e:Charge OR e:Bankruptcy OR e:WithdrawalSuspension
WITH e, subject, grp, [l IN labels(e) WHERE l <> 'Event'][0] AS event
ORDER BY e.date, event, subject.id, e.id
LIMIT $limit
OPTIONAL MATCH (actor:Party)-[:INITIATED]->(e)
OPTIONAL MATCH (subject)-[o:OFFICER_OF]->(org:Party) WHERE org IN grp AND NOT subject IN grp
WITH e, event, actor, subject, grp,
     collect(CASE WHEN org IS NULL THEN null ELSE {org_id: org.id, org: org.name, role: o.role} END) AS offices
RETURN e.id AS event_id, event, e.date AS date,
       e.kind AS kind, e.status AS status, e.review AS review, e.amount AS amount, e.currency AS currency,
       actor.id AS authority_id, actor.name AS authority,
       subject.id AS subject_id, subject.name AS subject, [l IN labels(subject) WHERE l <> 'Party'][0] AS subject_label,
       CASE WHEN subject.id IN $ids THEN 'party' WHEN subject IN grp THEN 'group' ELSE 'officer' END AS relation,
       offices AS officer_of, coalesce(e.evidence, []) AS evidence, coalesce(e.sources, []) AS sources,
       e.display_amount AS display_amount, e.evidence_sentence AS evidence_sentence,
       e.document_title AS document_title
ORDER BY date, event, subject_id, event_id
