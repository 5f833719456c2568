-- Exposure totals and top chains on the embedded store without a row per chain (issue 11).
-- A chain of depth d is a prefix (a chain of depth d-1: group member t <- n1 <- ... <- x, x its far
-- end) plus one relationship touching x from a party y outside the group and off the prefix. Only
-- the prefixes are listed (xp, one row each, level by level: plain joins, no path strings); the
-- last hop is counted per far end (xnp: how many prefixes of each depth end at x; xagg: x's
-- relationships per currency), less the few that would close a cycle (xcorr). Sections are read
-- by casegraph/graph/exposure.py; {near}/{far} are the columns of edges toward and away from the
-- group (dst/src inbound), {k} a key over xp's columns, {depths} generated per depth, {first} the
-- last rid of depth 1 (level 1 is written first). Only schema names and integers are spliced in;
-- every value is a parameter.

-- name: tables
CREATE TEMP TABLE IF NOT EXISTS xg (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xp (rid INTEGER PRIMARY KEY, depth INTEGER, x TEXT, t TEXT, ck INTEGER,
  cur TEXT, amount REAL, n1 TEXT, n2 TEXT, n3 TEXT, n4 TEXT, n5 TEXT);
CREATE INDEX IF NOT EXISTS temp.xp_x ON xp (x, depth);
CREATE TEMP TABLE IF NOT EXISTS xnp (x TEXT PRIMARY KEY, np INTEGER, np1 INTEGER, np2 INTEGER, np3 INTEGER,
  np4 INTEGER, np5 INTEGER) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xin (x TEXT, y TEXT, cur TEXT, amount REAL, PRIMARY KEY (x, cur, y)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xagg (x TEXT, cur TEXT, n INTEGER, unknown INTEGER, total REAL,
  PRIMARY KEY (x, cur)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xcorr (rid INTEGER, x TEXT, y TEXT, cur TEXT, amount REAL);
CREATE INDEX IF NOT EXISTS temp.xcorr_rid ON xcorr (rid, cur);
CREATE TEMP TABLE IF NOT EXISTS xys (cur TEXT, y TEXT, d1 INTEGER, a1 INTEGER, a2 INTEGER,
  a3 INTEGER, a4 INTEGER, a5 INTEGER, PRIMARY KEY (cur, y)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xcs (cur TEXT, cp TEXT, d1 INTEGER, e1 INTEGER, e2 INTEGER, e3 INTEGER,
  e4 INTEGER, e5 INTEGER, PRIMARY KEY (cur, cp)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xkx (key, x TEXT, np INTEGER, PRIMARY KEY (key, x)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xkinv (key, x TEXT, y TEXT, cur TEXT, amount REAL);
CREATE TEMP TABLE IF NOT EXISTS xkagg (key, cur TEXT, chains INTEGER, rels INTEGER, unknown INTEGER, total REAL,
  PRIMARY KEY (key, cur)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS xtop (key, cur TEXT, name TEXT, PRIMARY KEY (key, cur)) WITHOUT ROWID;

-- name: clear
DELETE FROM xg; DELETE FROM xp; DELETE FROM xnp; DELETE FROM xin; DELETE FROM xagg; DELETE FROM xcorr;

-- name: group
INSERT OR IGNORE INTO xg SELECT value FROM json_each(?1)

-- name: level1
-- The relationships into the group from outside: the chains of depth 1; each is its own counterparty key.
INSERT INTO xp (rid, depth, x, t, ck, cur, amount, n1, n2, n3, n4, n5)
SELECT r, 1, x, t, r, cur, amount, x, '', '', '', '' FROM (
  SELECT row_number() OVER () AS r, e.{far} AS x, e.{near} AS t, coalesce(e.currency, '') AS cur, e.amount
  FROM xg g CROSS JOIN edges e ON e.{near} = g.id AND e.type = 'EXPOSED_TO'
  WHERE e.{far} NOT IN (SELECT id FROM xg))

-- name: level
-- One hop on from the prefixes of the last level (rids ?1 < rid <= ?2), off the path: the
-- relationships into their far ends are read already (xin).
INSERT INTO xp (depth, x, t, ck, cur, amount, n1, n2, n3, n4, n5)
SELECT p.depth + 1, i.y, p.t, p.ck, i.cur, i.amount, {nodes}
FROM xp p CROSS JOIN xin i ON i.x = p.x
WHERE p.rid > ?1 AND p.rid <= ?2 AND i.y NOT IN ({path})

-- name: xnp
INSERT INTO xnp (x, np{cols}) SELECT x, count(*){sums} FROM xp GROUP BY x

-- name: xin
-- The relationships touching the far ends of the prefixes ?1 < rid <= ?2 from outside the group:
-- x the far end, y the party (a far end met at an earlier level is read again and kept once), in
-- the order of the index read.
INSERT OR IGNORE INTO xin SELECT e.{near}, e.{far}, coalesce(e.currency, ''), e.amount
FROM (SELECT x FROM xp WHERE rid > ?1 AND rid <= ?2 ORDER BY x) p
CROSS JOIN edges e ON e.{near} = p.x AND e.type = 'EXPOSED_TO'
WHERE e.{far} NOT IN (SELECT id FROM xg)

-- name: xagg
INSERT INTO xagg SELECT x, cur, count(*), sum(amount IS NULL), total(amount) FROM xin GROUP BY x, cur

-- name: xcorr
-- A prefix node y (the far end itself included: a relationship of x to itself) with y -> x: no chain.
INSERT INTO xcorr SELECT p.rid, p.x, i.y, i.cur, i.amount
FROM xp p CROSS JOIN xin i ON i.x = p.x AND i.y IN (p.n1, p.n2, p.n3, p.n4, p.n5)

-- name: first
-- Per currency: the chains of depth 1 (each its own relationship).
SELECT cur, count(*), sum(amount IS NULL), total(amount) FROM xp WHERE rid <= {first} GROUP BY cur

-- name: last
-- Per currency: one hop on from every far end, before corrections; then per prefix depth d the
-- chains of depth d + 1 and their distinct relationships (a far end counted once per depth).
SELECT a.cur, sum(a.n), sum(a.unknown), sum(a.total){depths}
FROM xnp n CROSS JOIN xagg a ON a.x = n.x GROUP BY a.cur

-- name: corr_chains
-- Per currency and prefix depth: the extensions that would close a cycle.
SELECT c.cur, p.depth, count(*) FROM xcorr c JOIN xp p ON p.rid = c.rid GROUP BY 1, 2

-- name: corr_pairs
-- The relationships (x, y) on every prefix of depth d ending at x (d = 0: of every depth): counted
-- as a relationship of no chain of that key.
SELECT r.d, r.cur, r.x, r.y, r.amount FROM (
  SELECT 0 AS d, c.x, c.y, c.cur, c.amount, count(*) AS n FROM xcorr c GROUP BY c.x, c.y
  UNION ALL SELECT p.depth, c.x, c.y, c.cur, c.amount, count(*) FROM xcorr c JOIN xp p ON p.rid = c.rid
  GROUP BY p.depth, c.x, c.y) r
JOIN xnp n ON n.x = r.x
WHERE r.n = CASE r.d WHEN 0 THEN n.np WHEN 1 THEN n.np1 WHEN 2 THEN n.np2 WHEN 3 THEN n.np3 WHEN 4 THEN n.np4
                     ELSE n.np5 END

-- name: xys
-- Per party and currency: how many relationships one hop on reach it from the far ends of prefixes
-- of depth d (a<d>; {cols}: the depths listed), then whether it is the party of a chain of depth 1
-- (d1). Upserts into the key's B-tree: cheaper in SQLite than sorting the union by party.
INSERT INTO xys (cur, y, d1{cols}) SELECT i.cur, i.y, 0{flags} FROM xnp n CROSS JOIN xin i ON i.x = n.x WHERE true
ON CONFLICT (cur, y) DO UPDATE SET {adds};
INSERT INTO xys (cur, y, d1{cols}) SELECT cur, x, 1{zeros} FROM xp WHERE rid <= {first} AND true
ON CONFLICT (cur, y) DO UPDATE SET d1 = 1;

-- name: xys_off
UPDATE xys SET a{d} = a{d} - 1 WHERE y = ?1 AND cur = ?2

-- name: parties
-- Per currency: parties of any chain (one that a relationship reaches from some depth, after those
-- that close a cycle for every prefix there), of depth 1, and of depth d + 1.
SELECT cur, sum(d1 > 0 OR {any}), sum(d1 > 0){counts} FROM xys GROUP BY cur

-- name: parties_all
SELECT count(*) FROM (SELECT y FROM xys WHERE d1 > 0 OR {any} GROUP BY y)

-- name: xcs
-- Per direct counterparty and currency: a chain of depth 1, and chains one hop on from a prefix of
-- depth d (e<d>: one relationship at least that closes no cycle), upserted as xys.
INSERT INTO xcs (cur, cp, d1{cols}) SELECT cur, n1, 1{zeros} FROM xp WHERE rid <= {first} AND true
ON CONFLICT (cur, cp) DO UPDATE SET d1 = 1;
INSERT INTO xcs (cur, cp, d1{cols}) SELECT a.cur, p.n1, 0{flags} FROM xp p CROSS JOIN xagg a ON a.x = p.x
WHERE a.n > (SELECT count(*) FROM xcorr c WHERE c.rid = p.rid AND c.cur = a.cur)
ON CONFLICT (cur, cp) DO UPDATE SET {maxes};

-- name: cps
SELECT cur, count(*), sum(d1){sums} FROM xcs GROUP BY cur

-- name: cps_all
SELECT count(*) FROM (SELECT cp FROM xcs GROUP BY cp)

-- name: keyed
-- A key fixed along a chain ({k}: the target, or ck, the counterparty's row): its far ends ({kx}:
-- xkx, or every prefix when no far end can repeat under a key), the relationships on every prefix of
-- the key ending there, then chains, relationships, unknown amounts and total per key and currency
-- (one sort of the parts).
DELETE FROM xkx; DELETE FROM xkinv; DELETE FROM xkagg; DELETE FROM xtop;
INSERT INTO xkx SELECT {k}, x, count(*) FROM xp WHERE {group_x} GROUP BY 1, 2;
INSERT INTO xkinv SELECT r.key, r.x, r.y, r.cur, r.amount FROM (
  SELECT p.{k} AS key, c.x, c.y, c.cur, c.amount, count(*) AS n FROM xcorr c JOIN xp p ON p.rid = c.rid
  GROUP BY 1, 2, 3) r JOIN {kx} k ON k.key = r.key AND k.x = r.x WHERE r.n = k.np;
INSERT INTO xkagg SELECT key, cur, sum(c), sum(r), sum(u), CASE WHEN sum(r) > sum(u) THEN total(t) END FROM (
  SELECT {k} AS key, cur, 1 AS c, 1 AS r, amount IS NULL AS u, amount AS t FROM xp WHERE rid <= {first}
  UNION ALL SELECT k.key, a.cur, k.np * a.n, a.n, a.unknown, a.total FROM {kx} k CROSS JOIN xagg a ON a.x = k.x
  UNION ALL SELECT p.{k}, c.cur, -1, 0, 0, NULL FROM xcorr c JOIN xp p ON p.rid = c.rid
  UNION ALL SELECT key, cur, 0, -1, -(amount IS NULL), -amount FROM xkinv)
GROUP BY key, cur HAVING sum(c) > 0;

-- name: top_keys
-- The rows shown: the ?3 largest of currency ?1 (ties by the key as text, named as the old rows
-- were), among those of total ?2 or more (the ?3-th largest: a name is made only for these).
INSERT INTO xtop SELECT a.key, a.cur, {name} FROM xkagg a {name_join}
WHERE a.cur = ?1 AND (?2 IS NULL OR a.total >= ?2)
ORDER BY a.total IS NULL, a.total DESC, {name} LIMIT ?3

-- name: keyed_parties
-- Parties of the shown keys: distinct over their chains of depth 1 and the relationships one hop on.
SELECT key, cur, count(DISTINCT y) FROM (
  SELECT {k} AS key, cur, x AS y FROM xp WHERE rid <= {first} AND {k} IN (SELECT key FROM xtop)
  UNION ALL SELECT k.key, i.cur, i.y FROM {kx} k CROSS JOIN xin i ON i.x = k.x WHERE k.key IN (SELECT key FROM xtop))
GROUP BY key, cur

-- name: keyed_parties_off
-- ... less the parties whose every such relationship closes a cycle and that have no chain of depth 1.
SELECT key, cur, count(*) FROM (SELECT key, cur, y, count(*) AS n FROM xkinv GROUP BY 1, 2, 3) b
WHERE b.n = (SELECT count(*) FROM edges e WHERE e.{far} = b.y AND e.type = 'EXPOSED_TO'
             AND coalesce(e.currency, '') = b.cur AND EXISTS (SELECT 1 FROM {kx} WHERE key = b.key AND x = e.{near}))
  AND NOT EXISTS (SELECT 1 FROM xp WHERE depth = 1 AND x = b.y AND {k} = b.key AND cur = b.cur)
GROUP BY key, cur

-- name: keyed_cps
-- Direct counterparties of the shown keys: of their chains of depth 1 and of the prefixes one hop
-- on from which a chain is left.
SELECT key, cur, count(DISTINCT cp) FROM (
  SELECT {k} AS key, cur, n1 AS cp FROM xp WHERE rid <= {first} AND {k} IN (SELECT key FROM xtop)
  UNION ALL SELECT p.{k}, a.cur, p.n1 FROM xp p CROSS JOIN xagg a ON a.x = p.x
  WHERE {deep} AND p.{k} IN (SELECT key FROM xtop)
    AND a.n > (SELECT count(*) FROM xcorr c WHERE c.rid = p.rid AND c.cur = a.cur))
GROUP BY key, cur

-- name: keyed_rows
SELECT t.name, a.cur, a.chains, a.rels, a.unknown, a.total, a.key FROM xkagg a JOIN xtop t ON t.key = a.key AND t.cur = a.cur

-- name: top_listed
-- The listed chains, best first (path: the node ids in hop order, as exposure_chains writes them):
-- the first ?1 by amount, depth and party, and every other with the same as the last of them (a
-- path is made only for these).
WITH best AS (SELECT rid, amount, depth, x FROM xp ORDER BY amount IS NULL, amount DESC, depth, x LIMIT ?1),
last AS (SELECT amount, depth, x FROM best ORDER BY amount IS NULL DESC, amount, depth DESC, x DESC LIMIT 1)
SELECT x, t, depth, {path_of_p}, amount FROM xp p WHERE rid IN (SELECT rid FROM best)
UNION SELECT x, t, depth, {path_of_p}, amount FROM xp p
WHERE p.rid IN (SELECT p2.rid FROM last l CROSS JOIN xp p2 INDEXED BY xp_x ON p2.x = l.x AND p2.depth = l.depth
                WHERE p2.amount IS l.amount)

-- name: top_edges
-- The relationships one hop on from the far ends of the prefixes of depth {last}, largest first.
SELECT i.x, i.y, i.amount FROM xnp n CROSS JOIN xin i ON i.x = n.x WHERE n.np{last} > 0
ORDER BY i.amount IS NULL, i.amount DESC

-- name: top_last
-- The chains those relationships (?2: [[x, y, amount], ...]) end, off each prefix of depth ?1.
WITH e AS (SELECT value ->> 0 AS x, value ->> 1 AS y, value ->> 2 AS amount FROM json_each(?2))
SELECT e.y, p.t, p.depth + 1, {path_of_e}, e.amount FROM e CROSS JOIN xp p ON p.x = e.x AND p.depth = ?1
WHERE e.y NOT IN (p.n1, p.n2, p.n3, p.n4, p.n5)
