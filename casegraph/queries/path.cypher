// name: path
// parameters: $from_ids, $to_ids  lists of party ids, e.g. ['person:sam-bankman-fried'], ['firm:gemini']
// answers: the shortest connections between two parties over any relationship but MENTIONS (so
//   through case events too), either direction, up to 10 hops; every hop with its type, direction
//   and properties. casegraph keeps only the overall shortest when several ids are given.
MATCH (a:Party) WHERE a.id IN $from_ids
MATCH (b:Party) WHERE b.id IN $to_ids AND a <> b
MATCH p = allShortestPaths((a)-[:EXPOSED_TO|SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS*..10]-(b))
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: n.name, label: [l IN labels(n) WHERE NOT l IN ['Party', 'Event']][0],
                         date: n.date, kind: n.kind, status: n.status}] AS nodes,
       [r IN relationships(p) | {type: type(r), from_id: startNode(r).id, to_id: endNode(r).id,
                                 amount: r.amount, currency: r.currency, kind: r.kind, role: r.role,
                                 as_of: r.as_of, evidence: coalesce(r.evidence, []),
                                 display_amount: r.display_amount, evidence_sentence: r.evidence_sentence,
                                 document_title: r.document_title}] AS rels
ORDER BY length
