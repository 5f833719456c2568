// name: timeline totals
// parameters: $ids  list of party ids, e.g. ['firm:ftx']
// answers: counts over every row of timeline.cypher, computed here, never listed: all of them
//   (summary), per event type (event) and per year of the date (year), and per currency the number
//   and the summed amount of the distinct events that state one (currency).
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH collect(DISTINCT member) AS grp
UNWIND grp AS member
MATCH (member)-[:INITIATED|CONCERNS]-(e:Event)
WITH DISTINCT e
MATCH (e)-[:CONCERNS]->(subject:Party)
OPTIONAL MATCH (d:Document) WHERE d.id IN coalesce(e.sources, [])
WITH e, subject, min(d.date) AS first_seen
WITH e, subject, coalesce(e.date, first_seen) AS date
WHERE date IS NOT NULL
UNWIND [['summary', null], ['event', [l IN labels(e) WHERE l <> 'Event'][0]], ['year', substring(date, 0, 4)],
        ['currency', e.currency]] AS g
WITH g, e WHERE g[0] <> 'currency' OR e.amount IS NOT NULL
WITH g[0] AS kind, g[1] AS key, count(*) AS rows, collect(DISTINCT e) AS events
RETURN kind, key, CASE WHEN kind = 'currency' THEN size(events) ELSE rows END AS rows,
       CASE WHEN kind = 'currency' THEN reduce(s = 0.0, x IN events | s + x.amount) END AS total
ORDER BY kind, key
