-- Exposure answers kept in the embedded file for the parties with a large neighbourhood (issue 11).
-- Read by casegraph/graph/kept.py (one named section per statement; the tables are in embedded.sql).
-- Only schema names are spliced in, every value is a parameter. kept_hubs: the parties whose
-- EXPOSED_TO degree one way reached HUB_DEGREE (their answers are made after each load);
-- kept_answers: the raw store rows of one question (group, depth, direction) as JSON; kept_nodes:
-- every node of its neighbourhood (the group and every node on a chain), so a write that changes
-- one of them drops the answer in its own transaction.

-- name: touched
CREATE TEMP TABLE IF NOT EXISTS kept_touched (id TEXT PRIMARY KEY) WITHOUT ROWID

-- name: ends
CREATE TEMP TABLE IF NOT EXISTS kept_ends (id TEXT PRIMARY KEY) WITHOUT ROWID

-- name: any
SELECT EXISTS (SELECT 1 FROM kept_answers)

-- name: dropped
-- The answers whose neighbourhood holds a node the write changed.
SELECT DISTINCT k.answer FROM temp.kept_touched t CROSS JOIN kept_nodes k ON k.node = t.id

-- name: drop_answer
DELETE FROM kept_answers WHERE id = ?1

-- name: drop_nodes
DELETE FROM kept_nodes WHERE answer = ?1

-- name: new_hubs
-- The ends of new EXPOSED_TO relationships whose degree that way is now HUB_DEGREE (?1) or more.
INSERT OR IGNORE INTO kept_hubs (id, direction)
SELECT t.id, '{direction}' FROM temp.kept_ends t
WHERE NOT EXISTS (SELECT 1 FROM kept_hubs h WHERE h.id = t.id AND h.direction = '{direction}')
  AND (SELECT count(*) FROM edges e WHERE e.{near} = t.id AND e.type = 'EXPOSED_TO') >= ?1

-- name: all_hubs
-- Every party of degree HUB_DEGREE (?1) or more one way: a schema 4 file gains its hubs once. The
-- adjacency index holds both ends.
INSERT OR IGNORE INTO kept_hubs (id, direction)
SELECT {near}, '{direction}' FROM edges INDEXED BY edges_in WHERE type = 'EXPOSED_TO' GROUP BY {near}
HAVING count(*) >= ?1

-- name: hubs
SELECT id, direction FROM kept_hubs ORDER BY direction, id

-- name: degree
SELECT count(*) FROM edges WHERE {near} = ?1 AND type = 'EXPOSED_TO'

-- name: drop_hub
DELETE FROM kept_hubs WHERE id = ?1 AND direction = ?2

-- name: answer_id
SELECT id FROM kept_answers WHERE grp = ?1 AND depth = ?2 AND direction = ?3

-- name: read_totals
SELECT totals FROM kept_answers WHERE grp = ?1 AND depth = ?2 AND direction = ?3

-- name: read_top
SELECT top FROM kept_answers WHERE grp = ?1 AND depth = ?2 AND direction = ?3

-- name: questions
SELECT grp, depth, direction FROM kept_answers ORDER BY grp, depth, direction

-- name: keep
INSERT INTO kept_answers (grp, depth, direction, totals, top) VALUES (?1, ?2, ?3, ?4, ?5)

-- name: keep_nodes
-- The neighbourhood of the question exposure.py has just built: the group, every prefix node and
-- every party one hop on from a far end.
INSERT OR IGNORE INTO kept_nodes (node, answer)
SELECT id, ?1 FROM (SELECT id FROM temp.xg UNION SELECT n1 FROM temp.xp UNION SELECT n2 FROM temp.xp
  UNION SELECT n3 FROM temp.xp UNION SELECT n4 FROM temp.xp UNION SELECT n5 FROM temp.xp
  UNION SELECT y FROM temp.xin) WHERE id <> ''
