// name: every exposure chain (direction in), in order
// parameters: $ids   list of party ids, e.g. ['firm:ftx']
//             $depth chain length limit, 1..6 (casegraph's default 3)
// answers: every chain of exposure_in.cypher (casegraph exposure --all), in the same order: largest
//   amount first (the party's hop), then depth, party id and the ids along the chain.
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
CALL (grp) {
  UNWIND grp AS t
  RETURN t, null AS n1, t AS x, [] AS ns, [] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 2 THEN grp ELSE [] END AS t
  MATCH (n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp
  RETURN t, n1, n1 AS x, [n1] AS ns, [r1] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 3 THEN grp ELSE [] END AS t
  MATCH (n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND n2 <> n1
  RETURN t, n1, n2 AS x, [n1, n2] AS ns, [r1, r2] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 4 THEN grp ELSE [] END AS t
  MATCH (n3:Party)-[r3:EXPOSED_TO]->(n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND n2 <> n1 AND NOT n3 IN [n1, n2]
  RETURN t, n1, n3 AS x, [n1, n2, n3] AS ns, [r1, r2, r3] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 5 THEN grp ELSE [] END AS t
  MATCH (n4:Party)-[r4:EXPOSED_TO]->(n3:Party)-[r3:EXPOSED_TO]->(n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND NOT n4 IN grp
    AND n2 <> n1 AND NOT n3 IN [n1, n2] AND NOT n4 IN [n1, n2, n3]
  RETURN t, n1, n4 AS x, [n1, n2, n3, n4] AS ns, [r1, r2, r3, r4] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 6 THEN grp ELSE [] END AS t
  MATCH (n5:Party)-[r5:EXPOSED_TO]->(n4:Party)-[r4:EXPOSED_TO]->(n3:Party)-[r3:EXPOSED_TO]->(n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND NOT n4 IN grp AND NOT n5 IN grp
    AND n2 <> n1 AND NOT n3 IN [n1, n2] AND NOT n4 IN [n1, n2, n3] AND NOT n5 IN [n1, n2, n3, n4]
  RETURN t, n1, n5 AS x, [n1, n2, n3, n4, n5] AS ns, [r1, r2, r3, r4, r5] AS rs
}
MATCH (y:Party)-[e:EXPOSED_TO]->(x) WHERE NOT y IN grp AND NOT y IN ns
WITH t AS target, y AS party, [y] + reverse(ns) + [t] AS ns, [e] + reverse(rs) AS rels
WITH target, party, ns, rels, party.id AS party_id, size(rels) AS depth
ORDER BY rels[0].amount IS NULL, rels[0].amount DESC, depth, party_id, reduce(s = '|', n IN ns | s + n.id + '|')
RETURN party_id, party.name AS party, target.id AS target_id, target.name AS target,
       NOT target.id IN $ids AS via_group, depth,
       rels[0].display_amount AS display_amount, rels[0].evidence_sentence AS evidence_sentence,
       rels[0].document_title AS document_title,
       [r IN rels | {from_id: startNode(r).id, from: startNode(r).name,
                     to_id: endNode(r).id, to: endNode(r).name,
                     amount: r.amount, currency: r.currency, kind: r.kind, as_of: r.as_of, review: r.review,
                     display_amount: r.display_amount, evidence_sentence: r.evidence_sentence,
                     document_title: r.document_title,
                     evidence: coalesce(r.evidence, []), sources: coalesce(r.sources, [])}] AS hops

