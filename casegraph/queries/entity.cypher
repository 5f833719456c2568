// name: entity
// parameters: $ids         list of party ids (casegraph entity TEXT finds them by fuzzy name; in the
//                          Browser try MATCH (:NameKey {key: toLower($name)})-[:NAMES]->(p:Party) RETURN p.id)
//             $neighbours  most relationships listed per party, e.g. 25
// answers: each party with its names and attributes and its neighbourhood in brief: the first
//   $neighbours relationships but MENTIONS (by type, direction, id at the other end), with the party
//   or event at the other end, and how many there are in all. The count is the node's degree (no
//   relationship read) and only the listed ones have their properties read: a hub's thousands cost
//   their ids' order, not a row each.
MATCH (p:Party) WHERE p.id IN $ids
CALL (p) {
  OPTIONAL MATCH (p)-[r:EXPOSED_TO|SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS]-(n)
  WITH r, n, CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction
  ORDER BY type(r), direction, n.id
  LIMIT $neighbours
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE
           {type: type(r), direction: direction, other_id: n.id, other: n.name,
            other_label: [l IN labels(n) WHERE NOT l IN ['Party', 'Event']][0], date: n.date,
            amount: r.amount, currency: r.currency, role: r.role} END) AS neighbours
}
RETURN p.id AS id, p.name AS name, p.display_name AS display_name, [l IN labels(p) WHERE l <> 'Party'][0] AS label,
       coalesce(p.aliases, []) AS aliases, p.kind AS kind, p.jurisdiction AS jurisdiction, p.lei AS lei,
       size(coalesce(p.sources, [])) AS documents, neighbours,
       COUNT { (p)-[:EXPOSED_TO|SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS]-() } AS neighbour_count
ORDER BY id
