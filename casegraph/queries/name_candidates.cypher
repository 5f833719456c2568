// name: name_candidates
// parameters: $search a full-text query over name keys, e.g. 'binance^2 binance* binance~2'
//             $limit  most name keys, e.g. 200
// answers: the name keys nearest the query through the name_key_text full-text index (casegraph
//   ranks these few with rapidfuzz; nothing reads every name), with the parties carrying each.
CALL db.index.fulltext.queryNodes('name_key_text', $search, {limit: $limit}) YIELD node
MATCH (node)-[:NAMES]->(p:Party)
RETURN node.key AS key, collect(p.id) AS ids ORDER BY key
