-- The reviewed graph (--reviewed): temporary views over the embedded store's tables, named as they
-- are, so every query of this connection reads only accepted, corrected and manual facts and events
-- (and the parties and documents), and nothing else changes. Rejected facts are in no table at all.
-- temp_store first: setting it later (the exposure chains do) would drop these views.
PRAGMA temp_store = MEMORY;
CREATE TEMP VIEW IF NOT EXISTS nodes AS
SELECT * FROM main.nodes
WHERE base <> 'Event' OR json_extract(props, '$.review') IN ('accepted', 'corrected', 'manual');
CREATE TEMP VIEW IF NOT EXISTS edges AS
SELECT * FROM main.edges
WHERE type NOT IN ('EXPOSED_TO', 'OFFICER_OF', 'SUBSIDIARY_OF', 'INITIATED', 'CONCERNS')
   OR json_extract(props, '$.review') IN ('accepted', 'corrected', 'manual');
