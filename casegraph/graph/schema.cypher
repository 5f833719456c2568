// Constraints and indexes, created before any load (casegraph init, and every load).
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE INDEX party_name IF NOT EXISTS FOR (n:Party) ON (n.name);
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (k:NameKey) REQUIRE k.key IS UNIQUE;
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE FULLTEXT INDEX name_key_text IF NOT EXISTS FOR (k:NameKey) ON EACH [k.key];
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;
// Exposure answers kept for hubs (casegraph/graph/neo4j_kept.py), outside the case graph.
CREATE CONSTRAINT kept_key IF NOT EXISTS FOR (k:KeptExposure) REQUIRE k.key IS UNIQUE;
CREATE INDEX kept_node_id IF NOT EXISTS FOR (m:KeptNode) ON (m.id);
CREATE INDEX kept_node_answer IF NOT EXISTS FOR (m:KeptNode) ON (m.answer);
