// name: exposure (direction out)
// parameters: $ids   list of party ids, e.g. ['firm:genesis-global-trading']
//             $depth chain length limit, 1..6 (casegraph's default 3)
//             $limit most chains, largest amount first (the amount of the hop touching party)
//             $probe chains read by amount alone before the full order, >= $limit (e.g. 200); the
//                    rows say how many were read (probed) and the amount of the last (bound): when
//                    probed = $probe and a row shown has the bound's amount, ask again with more
// answers: to whom the party or its group (itself plus SUBSIDIARY_OF parents, children and siblings,
//   up to 4 steps) is exposed, directly or through a chain of EXPOSED_TO, with each hop's amount,
//   currency and evidence. target is the group member the chain starts from; chains never pass
//   through another group member, so none is counted twice.
// how: the prefixes (chains of depth 0..$depth-1 off the group) plus one relationship from their
//   far end; the $probe largest by amount first, then only these in full order.
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
  MATCH (t)-[r1:EXPOSED_TO]->(n1:Party)
  WHERE NOT n1 IN grp
  RETURN t, n1, n1 AS x, [n1] AS ns, [r1] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 3 THEN grp ELSE [] END AS t
  MATCH (t)-[r1:EXPOSED_TO]->(n1:Party)-[r2:EXPOSED_TO]->(n2:Party)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND n2 <> n1
  RETURN t, n1, n2 AS x, [n1, n2] AS ns, [r1, r2] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 4 THEN grp ELSE [] END AS t
  MATCH (t)-[r1:EXPOSED_TO]->(n1:Party)-[r2:EXPOSED_TO]->(n2:Party)-[r3:EXPOSED_TO]->(n3:Party)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND n2 <> n1 AND NOT n3 IN [n1, n2]
  RETURN t, n1, n3 AS x, [n1, n2, n3] AS ns, [r1, r2, r3] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 5 THEN grp ELSE [] END AS t
  MATCH (t)-[r1:EXPOSED_TO]->(n1:Party)-[r2:EXPOSED_TO]->(n2:Party)-[r3:EXPOSED_TO]->(n3:Party)-[r4:EXPOSED_TO]->(n4:Party)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND NOT n4 IN grp
    AND n2 <> n1 AND NOT n3 IN [n1, n2] AND NOT n4 IN [n1, n2, n3]
  RETURN t, n1, n4 AS x, [n1, n2, n3, n4] AS ns, [r1, r2, r3, r4] AS rs
  UNION ALL
  UNWIND CASE WHEN $depth >= 6 THEN grp ELSE [] END AS t
  MATCH (t)-[r1:EXPOSED_TO]->(n1:Party)-[r2:EXPOSED_TO]->(n2:Party)-[r3:EXPOSED_TO]->(n3:Party)-[r4:EXPOSED_TO]->(n4:Party)-[r5:EXPOSED_TO]->(n5:Party)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND NOT n4 IN grp AND NOT n5 IN grp
    AND n2 <> n1 AND NOT n3 IN [n1, n2] AND NOT n4 IN [n1, n2, n3] AND NOT n5 IN [n1, n2, n3, n4]
  RETURN t, n1, n5 AS x, [n1, n2, n3, n4, n5] AS ns, [r1, r2, r3, r4, r5] AS rs
}
MATCH (x)-[e:EXPOSED_TO]->(y:Party) WHERE NOT y IN grp AND NOT y IN ns
WITH t, y, ns, rs, e, e.amount AS amount
ORDER BY amount IS NULL, amount DESC
LIMIT $probe
WITH collect({t: t, y: y, ns: ns, rs: rs, e: e}) AS found
WITH found, size(found) AS probed, found[-1].e.amount AS bound
UNWIND found AS c
WITH probed, bound, c.t AS target, c.y AS party, [c.t] + c.ns + [c.y] AS ns, c.rs + [c.e] AS rels
WITH probed, bound, target, party, ns, rels, party.id AS party_id, size(rels) AS depth
ORDER BY rels[-1].amount IS NULL, rels[-1].amount DESC, depth, party_id, reduce(s = '|', n IN ns | s + n.id + '|')
LIMIT $limit
RETURN party_id, party.name AS party, target.id AS target_id, target.name AS target,
       NOT target.id IN $ids AS via_group, depth,
       rels[-1].display_amount AS display_amount, rels[-1].evidence_sentence AS evidence_sentence,
       rels[-1].document_title AS document_title,
       [r IN rels | {from_id: startNode(r).id, from: startNode(r).name,
                     to_id: endNode(r).id, to: endNode(r).name,
                     amount: r.amount, currency: r.currency, kind: r.kind, as_of: r.as_of, review: r.review,
                     display_amount: r.display_amount, evidence_sentence: r.evidence_sentence,
                     document_title: r.document_title,
                     evidence: coalesce(r.evidence, []), sources: coalesce(r.sources, [])}] AS hops,
       probed, bound
