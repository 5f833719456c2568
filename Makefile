# The commands a newcomer needs; see README.md.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= casegraph.db

.PHONY: install demo test lint bench neo4j-start neo4j-stop clean

$(BIN)/casegraph: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

install: $(BIN)/casegraph

# The main job on the embedded default store: load the examples, count, trace exposure to FTX.
demo: install
	$(BIN)/casegraph load examples/ftx-case.jsonl --store $(STORE)
	$(BIN)/casegraph stats --store $(STORE)
	$(BIN)/casegraph exposure FTX --store $(STORE)

# Tests against a real Neo4j (started here when Java is present; left running, see neo4j-stop).
test: install
	@if command -v java >/dev/null && command -v mvn >/dev/null; then scripts/neo4j start; \
	else echo "no Java/Maven: Neo4j tests will be skipped" >&2; fi
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check casegraph tests bench examples

bench: install
	$(BIN)/python -m bench

neo4j-start:
	scripts/neo4j start

neo4j-stop:
	scripts/neo4j stop

clean:
	rm -rf $(VENV) *.egg-info $(STORE) $(STORE)-wal $(STORE)-shm
