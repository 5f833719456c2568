// name: entity
// parameters: $ids         list of party ids (casegraph entity TEXT finds them by fuzzy name; in the
//                          Browser try MATCH (:NameKey {key: toLower($name)})-[:NAMES]->(p:Party) RETURN p.id)
//             $neighbours  most relationships listed per party, e.g. 25
//             $scan        parties of the id index checked for a hub's relationships, e.g. 10000
// answers: each party with its names and attributes and its neighbourhood in brief: the first
//   $neighbours relationships but MENTIONS (by type, direction, id at the other end), with the party
//   or event at the other end, and how many there are in all. The count is the node's degree and only
//   the listed relationships are read whole. A hub's EXPOSED_TO ones one way (degree² > 75 ×
//   parties: sorting its thousands of ids would read more than walking the index) are not all read:
//   the first $scan parties in the id index's order are checked for the relationship and the first
//   found kept; when those hold too few, the relationships are read and sorted after all.
MATCH (p:Party) WHERE p.id IN $ids
CALL () { MATCH (x:Party) RETURN count(x) AS parties }
OPTIONAL CALL (p, parties) {
  MATCH (p)-[r:SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS]-(n)
  WITH r, n, CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction
  ORDER BY type(r), direction, n.id LIMIT $neighbours
  RETURN r, n, direction
UNION ALL
  WITH p, parties, COUNT { (p)<-[:EXPOSED_TO]-() } AS degree
  CALL (p, parties, degree) {
    UNWIND CASE WHEN degree * degree > 75 * parties THEN [p] ELSE [] END AS hub
    CALL (hub) {
      MATCH (n:Party) WHERE n.id >= ''
      WITH n ORDER BY n.id LIMIT $scan
      WITH n WHERE n <> hub AND EXISTS { (n)-[:EXPOSED_TO]->(hub) }
      RETURN n LIMIT $neighbours
    }
    RETURN collect(n) AS scanned
  }
  CALL (p, degree, scanned) {
    WITH p WHERE size(scanned) < $neighbours AND size(scanned) < degree
    MATCH (p)<-[:EXPOSED_TO]-(n) WHERE n <> p
    WITH n ORDER BY n.id LIMIT $neighbours
    RETURN n
  UNION
    UNWIND scanned AS n
    RETURN n
  }
  MATCH (p)<-[r:EXPOSED_TO]-(n)
  RETURN r, n, 'in' AS direction
UNION ALL
  WITH p, parties, COUNT { (p)-[:EXPOSED_TO]->() } AS degree
  CALL (p, parties, degree) {
    UNWIND CASE WHEN degree * degree > 75 * parties THEN [p] ELSE [] END AS hub
    CALL (hub) {
      MATCH (n:Party) WHERE n.id >= ''
      WITH n ORDER BY n.id LIMIT $scan
      WITH n WHERE EXISTS { (hub)-[:EXPOSED_TO]->(n) }
      RETURN n LIMIT $neighbours
    }
    RETURN collect(n) AS scanned
  }
  CALL (p, degree, scanned) {
    WITH p WHERE size(scanned) < $neighbours AND size(scanned) < degree
    MATCH (p)-[:EXPOSED_TO]->(n)
    WITH n ORDER BY n.id LIMIT $neighbours
    RETURN n
  UNION
    UNWIND scanned AS n
    RETURN n
  }
  MATCH (p)-[r:EXPOSED_TO]->(n)
  RETURN r, n, 'out' AS direction
}
WITH p, r, n, direction ORDER BY type(r), direction, n.id
WITH p, collect(CASE WHEN r IS NULL THEN null ELSE
         {type: type(r), direction: direction, other_id: n.id, other: n.name,
          other_label: [l IN labels(n) WHERE NOT l IN ['Party', 'Event']][0], date: n.date,
          amount: r.amount, currency: r.currency, role: r.role} END)[..$neighbours] AS neighbours
RETURN p.id AS id, p.name AS name, p.display_name AS display_name, [l IN labels(p) WHERE l <> 'Party'][0] AS label,
       coalesce(p.aliases, []) AS aliases, p.kind AS kind, p.jurisdiction AS jurisdiction, p.lei AS lei,
       size(coalesce(p.sources, [])) AS documents, neighbours,
       COUNT { (p)-[:EXPOSED_TO|SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS]-() } AS neighbour_count
ORDER BY id
