// Exposure answers kept on Neo4j for the parties with a large neighbourhood (issue 11), read by
// casegraph/graph/neo4j_kept.py (one named section per statement). Outside the case graph, like
// NameKey and Decision (left out of stats and dumps, no relationships):
//   (:KeptExposure {key, totals, top}): the raw rows of one question, key = [ids, depth, direction];
//   totals one JSON text, top a list of them (one per chain, largest first: sliced on the server)
//   (:KeptNode {id, answer}): one node of that question's neighbourhood (answer = the key)
// <base>, <src_base>, <type>, <dst_base> are schema names checked before use; every value is a parameter.

// name: any
MATCH (k:KeptExposure) RETURN count(k) > 0 AS any

// name: members
// The ids among $ids that are in some kept neighbourhood.
UNWIND $ids AS id MATCH (m:KeptNode {id: id}) RETURN DISTINCT id

// name: node_props
UNWIND $ids AS id MATCH (n:<base> {id: id}) RETURN id, properties(n) AS props

// name: edge_props
UNWIND $rows AS row MATCH (a:<src_base> {id: row.src})-[r:<type>]->(b:<dst_base> {id: row.dst})
RETURN row.src AS src, row.dst AS dst, properties(r) AS props

// name: drop
// The answers whose neighbourhood holds one of $ids, and their neighbourhood nodes.
UNWIND $ids AS id MATCH (m:KeptNode {id: id}) WITH DISTINCT m.answer AS key
MATCH (k:KeptExposure {key: key}) DELETE k RETURN key

// name: drop_nodes
UNWIND $keys AS key MATCH (m:KeptNode {answer: key}) DELETE m

// name: hubs
// The parties with HUB_DEGREE ($hub) EXPOSED_TO relationships or more one way.
MATCH (p:Party) WHERE COUNT { (p)<-[:EXPOSED_TO]-() } >= $hub RETURN p.id AS id, 'in' AS direction
UNION ALL
MATCH (p:Party) WHERE COUNT { (p)-[:EXPOSED_TO]->() } >= $hub RETURN p.id AS id, 'out' AS direction

// name: level_in
// One hop out from $ids toward the parties exposed to them, off the group.
UNWIND $ids AS id MATCH (:Party {id: id})<-[:EXPOSED_TO]-(x:Party) WHERE NOT x.id IN $group
RETURN DISTINCT x.id AS id

// name: level_out
UNWIND $ids AS id MATCH (:Party {id: id})-[:EXPOSED_TO]->(x:Party) WHERE NOT x.id IN $group
RETURN DISTINCT x.id AS id

// name: kept_totals
MATCH (k:KeptExposure {key: $key}) RETURN k.totals AS totals

// name: kept_top
MATCH (k:KeptExposure {key: $key}) RETURN k.top[..$limit] AS top

// name: questions
MATCH (k:KeptExposure) RETURN k.key AS key ORDER BY key

// name: keep
CREATE (:KeptExposure {key: $key, totals: $totals, top: $top})

// name: keep_nodes
UNWIND $ids AS id CREATE (:KeptNode {id: id, answer: $key})
