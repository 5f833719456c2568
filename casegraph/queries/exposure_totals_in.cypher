// name: exposure totals (direction in)
// parameters: $ids   list of party ids, e.g. ['firm:ftx']
//             $depth chain length limit, 1..6 (casegraph's default 3)
//             $limit most direct counterparties listed per currency, e.g. 50
// answers: totals over every chain of exposure_in.cypher, computed here, never listed: a summary
//   (chains, parties, direct counterparties, relationships), then per currency, depth, target (the
//   group member) and direct counterparty of the group (the party on the hop that reaches it), each
//   with chains, parties and the total over the distinct relationships touching the parties, so a
//   relationship on several chains counts once and exposure to a subsidiary once, for its group.
// how: only the prefixes are listed (chains of depth 0..$depth-1 off the group: target, direct
//   counterparty n1, far end x, nodes ns); a chain is a prefix plus one relationship from a party
//   y off the prefix into its far end (depth 0: x is the target, n1 is y). Each such row is
//   counted once per kind; a relationship reached from several prefixes of x with the same key is
//   counted once by '-kind' rows (subtracted) for all but the first of those prefixes.
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
// the prefixes: target t, direct counterparty n1 (none at depth 0), far end x, nodes off the group ns
CALL (grp) {
  UNWIND grp AS t
  RETURN t, null AS n1, t AS x, [] AS ns
  UNION ALL
  UNWIND CASE WHEN $depth >= 2 THEN grp ELSE [] END AS t
  MATCH (n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp
  RETURN t, n1, n1 AS x, [n1] AS ns
  UNION ALL
  UNWIND CASE WHEN $depth >= 3 THEN grp ELSE [] END AS t
  MATCH (n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND n2 <> n1
  RETURN t, n1, n2 AS x, [n1, n2] AS ns
  UNION ALL
  UNWIND CASE WHEN $depth >= 4 THEN grp ELSE [] END AS t
  MATCH (n3:Party)-[r3:EXPOSED_TO]->(n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND n2 <> n1 AND NOT n3 IN [n1, n2]
  RETURN t, n1, n3 AS x, [n1, n2, n3] AS ns
  UNION ALL
  UNWIND CASE WHEN $depth >= 5 THEN grp ELSE [] END AS t
  MATCH (n4:Party)-[r4:EXPOSED_TO]->(n3:Party)-[r3:EXPOSED_TO]->(n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND NOT n4 IN grp
    AND n2 <> n1 AND NOT n3 IN [n1, n2] AND NOT n4 IN [n1, n2, n3]
  RETURN t, n1, n4 AS x, [n1, n2, n3, n4] AS ns
  UNION ALL
  UNWIND CASE WHEN $depth >= 6 THEN grp ELSE [] END AS t
  MATCH (n5:Party)-[r5:EXPOSED_TO]->(n4:Party)-[r4:EXPOSED_TO]->(n3:Party)-[r3:EXPOSED_TO]->(n2:Party)-[r2:EXPOSED_TO]->(n1:Party)-[r1:EXPOSED_TO]->(t)
  WHERE NOT n1 IN grp AND NOT n2 IN grp AND NOT n3 IN grp AND NOT n4 IN grp AND NOT n5 IN grp
    AND n2 <> n1 AND NOT n3 IN [n1, n2] AND NOT n4 IN [n1, n2, n3] AND NOT n5 IN [n1, n2, n3, n4]
  RETURN t, n1, n5 AS x, [n1, n2, n3, n4, n5] AS ns
}
WITH grp, x, collect({t: t, n1: n1, ns: ns}) AS ps
MATCH (y:Party)-[e:EXPOSED_TO]->(x) WHERE NOT y IN grp
UNWIND range(0, size(ps) - 1) AS i
WITH ps, i, ps[i] AS p, y, e
WHERE NOT y IN p.ns
WITH ps, i, p, y, coalesce(p.n1, y) AS n1, size(p.ns) + 1 AS depth, e.currency AS cur, e.amount AS amount
WITH y, n1, amount,
     [['summary', null, null], ['currency', '', cur], ['depth', depth, cur], ['target', p.t, cur],
      ['counterparty', [p.t, n1], cur]] AS kinds,
     CASE WHEN i = 0 THEN [] ELSE
       CASE WHEN none(q IN ps[..i] WHERE NOT y IN q.ns) THEN [] ELSE [['-summary', null, null], ['-currency', '', cur]] END
       + CASE WHEN none(q IN ps[..i] WHERE size(q.ns) = size(p.ns) AND NOT y IN q.ns) THEN [] ELSE [['-depth', depth, cur]] END
       + CASE WHEN none(q IN ps[..i] WHERE q.t = p.t AND NOT y IN q.ns) THEN [] ELSE [['-target', p.t, cur]] END
       + CASE WHEN none(q IN ps[..i] WHERE q.t = p.t AND q.n1 = p.n1 AND NOT y IN q.ns) THEN []
              ELSE [['-counterparty', [p.t, n1], cur]] END
     END AS repeats
UNWIND kinds + repeats AS g
WITH g[0] AS kind, g[1] AS k, g[2] AS currency, count(*) AS n, count(DISTINCT y) AS parties,
     count(DISTINCT n1) AS counterparties, count(amount) AS known, sum(amount) AS s
WITH CASE WHEN kind STARTS WITH '-' THEN substring(kind, 1) ELSE kind END AS kind, k, currency,
     CASE WHEN kind STARTS WITH '-' THEN [0, 0, 0, -n, -known, -s] ELSE [n, parties, counterparties, n, known, s] END AS v
WITH kind, k, currency, sum(v[0]) AS chains, sum(v[1]) AS parties, sum(v[2]) AS counterparties,
     sum(v[3]) AS relationships, sum(v[4]) AS known, sum(v[5]) AS s
WITH kind, CASE kind WHEN 'target' THEN k.id WHEN 'counterparty' THEN k[0].id + '|' + k[1].id ELSE k END AS key,
     currency, chains, parties, counterparties, relationships, relationships - known AS unknown_amounts,
     CASE WHEN kind <> 'summary' AND known > 0 THEN 0.0 + s END AS total
ORDER BY kind, currency, total IS NULL, total DESC, key
WITH kind, currency, collect({key: key, chains: chains, parties: parties, counterparties: counterparties,
                              relationships: relationships, unknown_amounts: unknown_amounts, total: total}) AS rows
UNWIND CASE WHEN kind = 'counterparty' THEN rows[..$limit] ELSE rows END AS row
RETURN kind, row.key AS key, currency, row.chains AS chains, row.parties AS parties,
       row.counterparties AS counterparties, row.relationships AS relationships,
       row.unknown_amounts AS unknown_amounts, row.total AS total
