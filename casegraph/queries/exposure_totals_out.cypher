// name: exposure totals (direction out)
// parameters: $ids   list of party ids, e.g. ['firm:genesis-global-trading']
//             $depth chain length limit, 1..6 (casegraph's default 3)
//             $limit most direct counterparties listed per currency, e.g. 50
// answers: totals over every chain of exposure_out.cypher, computed here, never listed: a summary
//   (chains, parties, direct counterparties, relationships), then per currency, depth, target (the
//   group member) and direct counterparty of the group (the party the member is exposed to on the
//   chain), each with chains, parties and the total over the distinct relationships touching the
//   parties, so a relationship on several chains counts once.
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
WITH party, target, nodes(p)[1] AS cp, length(p) AS depth, relationships(p)[-1] AS e
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
