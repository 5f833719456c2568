// name: exposure (direction out)
// parameters: $ids   list of party ids, e.g. ['firm:genesis-global-trading']
//             $depth chain length limit, 1..6 (casegraph's default 3)
//             $limit most chains, largest amount first (the amount of the hop touching party)
// answers: to whom the party or its group (itself plus SUBSIDIARY_OF parents, children and siblings,
//   up to 4 steps) is exposed, directly or through a chain of EXPOSED_TO, with each hop's amount,
//   currency and evidence. target is the group member the chain starts from; chains never pass
//   through another group member, so none is counted twice.
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
UNWIND grp AS target
CALL (target, grp) {
  MATCH p = (target)-[:EXPOSED_TO]->(:Party) RETURN p
  UNION
  MATCH p = (target)-[:EXPOSED_TO*2]->(:Party)
  WHERE $depth >= 2 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (target)-[:EXPOSED_TO*3]->(:Party)
  WHERE $depth >= 3 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (target)-[:EXPOSED_TO*4]->(:Party)
  WHERE $depth >= 4 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (target)-[:EXPOSED_TO*5]->(:Party)
  WHERE $depth >= 5 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (target)-[:EXPOSED_TO*6]->(:Party)
  WHERE $depth >= 6 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
}
WITH target, p, nodes(p)[-1] AS party
WHERE NOT party IN grp AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN party.id AS party_id, party.name AS party, target.id AS target_id, target.name AS target,
       NOT target.id IN $ids AS via_group, length(p) AS depth,
       relationships(p)[-1].display_amount AS display_amount,
       relationships(p)[-1].evidence_sentence AS evidence_sentence,
       relationships(p)[-1].document_title AS document_title,
       [r IN relationships(p) | {from_id: startNode(r).id, from: startNode(r).name,
                                 to_id: endNode(r).id, to: endNode(r).name,
                                 amount: r.amount, currency: r.currency, kind: r.kind, as_of: r.as_of, review: r.review,
                                 display_amount: r.display_amount, evidence_sentence: r.evidence_sentence,
                                 document_title: r.document_title,
                                 evidence: coalesce(r.evidence, []), sources: coalesce(r.sources, [])}] AS hops
ORDER BY relationships(p)[-1].amount IS NULL, relationships(p)[-1].amount DESC, depth, party_id,
         reduce(s = '|', n IN nodes(p) | s + n.id + '|')
LIMIT $limit
