// name: group
// parameters: $ids  list of party ids, e.g. ['firm:ftx']
// answers: the party's group: every party within 4 SUBSIDIARY_OF steps either way, and how it is
//   related to the named party: party, subsidiary (of it, at any depth), parent, or affiliate (sibling).
MATCH (start:Party) WHERE start.id IN $ids
// collect, then UNWIND: Neo4j 5.26 drops DISTINCT after a pruning expand from several start rows
WITH collect(start) AS starts UNWIND starts AS start
MATCH (start)-[:SUBSIDIARY_OF*0..4]-(member:Party)
WITH starts, collect(DISTINCT member) AS grp
UNWIND grp AS member
RETURN member.id AS id, member.name AS name, [l IN labels(member) WHERE l <> 'Party'][0] AS label,
       CASE WHEN member IN starts THEN 'party'
            WHEN EXISTS { MATCH (member)-[:SUBSIDIARY_OF*1..4]->(s) WHERE s IN starts } THEN 'subsidiary'
            WHEN EXISTS { MATCH (s)-[:SUBSIDIARY_OF*1..4]->(member) WHERE s IN starts } THEN 'parent'
            ELSE 'affiliate' END AS relation
ORDER BY id
