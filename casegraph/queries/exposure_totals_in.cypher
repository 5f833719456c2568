// name: exposure totals (direction in)
// parameters: $ids   list of party ids, e.g. ['firm:ftx']
//             $depth chain length limit, 1..6 (casegraph's default 3)
//             $limit most direct counterparties listed per currency, e.g. 50
// answers: totals over every chain of exposure_in.cypher, computed here, never listed: a summary
//   (chains, parties, direct counterparties, relationships), then per currency, depth, target (the
//   group member) and direct counterparty of the group (the party on the hop that reaches it), each
//   with chains, parties and the total over the distinct relationships touching the parties, so a
//   relationship on several chains counts once and exposure to a subsidiary once, for its group.
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
UNWIND grp AS target
CALL (target, grp) {
  MATCH p = (:Party)-[:EXPOSED_TO]->(target) RETURN p
  UNION
  MATCH p = (:Party)-[:EXPOSED_TO*2]->(target)
  WHERE $depth >= 2 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (:Party)-[:EXPOSED_TO*3]->(target)
  WHERE $depth >= 3 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (:Party)-[:EXPOSED_TO*4]->(target)
  WHERE $depth >= 4 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (:Party)-[:EXPOSED_TO*5]->(target)
  WHERE $depth >= 5 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
  UNION
  MATCH p = (:Party)-[:EXPOSED_TO*6]->(target)
  WHERE $depth >= 6 AND all(n IN nodes(p) WHERE n = target OR NOT n IN grp) RETURN p
}
WITH target, p, nodes(p)[0] AS party
WHERE NOT party IN grp AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH party, target, nodes(p)[-2] AS cp, length(p) AS depth, relationships(p)[0] AS e
UNWIND [['summary', null], ['currency', ''], ['depth', depth], ['target', target.id],
        ['counterparty', target.id + '|' + cp.id]] AS g
WITH g[0] AS kind, g[1] AS key, CASE WHEN g[0] = 'summary' THEN null ELSE e.currency END AS currency,
     count(*) AS chains, count(DISTINCT party) AS parties, count(DISTINCT cp) AS counterparties,
     collect(DISTINCT e) AS rels
WITH kind, key, currency, chains, parties, counterparties, size(rels) AS relationships,
     size([r IN rels WHERE r.amount IS NULL]) AS unknown_amounts,
     CASE WHEN kind = 'summary' THEN null
          ELSE reduce(s = null, r IN rels | CASE WHEN r.amount IS NULL THEN s ELSE coalesce(s, 0.0) + r.amount END)
     END AS total
ORDER BY kind, currency, total IS NULL, total DESC, key
WITH kind, currency, collect({key: key, chains: chains, parties: parties, counterparties: counterparties,
                              relationships: relationships, unknown_amounts: unknown_amounts, total: total}) AS rows
UNWIND CASE WHEN kind = 'counterparty' THEN rows[..$limit] ELSE rows END AS row
RETURN kind, row.key AS key, currency, row.chains AS chains, row.parties AS parties,
       row.counterparties AS counterparties, row.relationships AS relationships,
       row.unknown_amounts AS unknown_amounts, row.total AS total
