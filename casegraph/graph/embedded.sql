-- The embedded store's file: nodes, relationships with adjacency indexes both ways, and a name index.
-- Schema 2 (PRAGMA user_version, set by the store once it has created these): amount and currency as columns of edges (exposure totals read them in SQL), an
-- FTS5 trigram index over name keys (fuzzy name search reads a few candidates, never every name).
-- Schema 3: the analysts' decisions (casegraph/review), kept apart from the case graph.
-- Schema 4: a party's sources (the documents it was seen in) as rows of party_sources, not a list in its
-- props (null holds the key's place there): a hub seen in every batch gains rows, its props stay small.
-- Schema 5: exposure answers kept for the parties with a large neighbourhood (casegraph/graph/kept.py):
-- added to a schema 4 file when it is opened.
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY,
    base TEXT NOT NULL,
    label TEXT NOT NULL,
    props TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_label ON nodes (label);
CREATE TABLE IF NOT EXISTS edges (
    src TEXT NOT NULL,
    type TEXT NOT NULL,
    dst TEXT NOT NULL,
    amount REAL,
    currency TEXT,
    props TEXT NOT NULL,
    PRIMARY KEY (src, type, dst)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_in ON edges (dst, type, src, amount, currency);
-- Rowid order is first-seen order; the primary key keeps each (party, source) once.
CREATE TABLE IF NOT EXISTS party_sources (
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (id, source)
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS name_grams USING fts5(key, tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE IF NOT EXISTS name_grams_vocab USING fts5vocab(name_grams, 'row');
CREATE TRIGGER IF NOT EXISTS names_grams AFTER INSERT ON names
WHEN NOT EXISTS (SELECT 1 FROM names WHERE key = new.key AND id <> new.id)
BEGIN INSERT INTO name_grams (key) VALUES (new.key); END;
CREATE TABLE IF NOT EXISTS decisions (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS decisions_key ON decisions (key);
CREATE TABLE IF NOT EXISTS kept_hubs (
    id TEXT NOT NULL,
    direction TEXT NOT NULL,
    PRIMARY KEY (id, direction)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kept_answers (
    id INTEGER PRIMARY KEY,
    grp TEXT NOT NULL,
    depth INTEGER NOT NULL,
    direction TEXT NOT NULL,
    totals TEXT NOT NULL,
    top TEXT NOT NULL,
    UNIQUE (grp, depth, direction)
);
CREATE TABLE IF NOT EXISTS kept_nodes (
    node TEXT NOT NULL,
    answer INTEGER NOT NULL,
    PRIMARY KEY (node, answer)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kept_nodes_answer ON kept_nodes (answer);
