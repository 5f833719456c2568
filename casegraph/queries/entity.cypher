// name: entity
// parameters: $ids  list of party ids (casegraph entity TEXT finds them by fuzzy name; in the Browser
//   try MATCH (:NameKey {key: toLower($name)})-[:NAMES]->(p:Party) RETURN p.id)
// answers: each party with its names and attributes and its neighbourhood in brief: every
//   relationship but MENTIONS, with the party or event at the other end.
MATCH (p:Party) WHERE p.id IN $ids
OPTIONAL MATCH (p)-[r:EXPOSED_TO|SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS]-(n)
WITH p, collect(CASE WHEN r IS NULL THEN null ELSE
       {type: type(r), direction: CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END,
        other_id: n.id, other: n.name, other_label: [l IN labels(n) WHERE NOT l IN ['Party', 'Event']][0],
        date: n.date, amount: r.amount, currency: r.currency, role: r.role} END) AS neighbours
RETURN p.id AS id, p.name AS name, p.display_name AS display_name, [l IN labels(p) WHERE l <> 'Party'][0] AS label,
       coalesce(p.aliases, []) AS aliases, p.kind AS kind, p.jurisdiction AS jurisdiction, p.lei AS lei,
       size(coalesce(p.sources, [])) AS documents, neighbours
ORDER BY id
