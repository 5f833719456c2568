"""Shared fixtures: the dev corpus in ../shared, and both stores.

Neo4j tests use $NEO4J_URI (default bolt://127.0.0.1:7687, as scripts/neo4j starts it). Without a
server they skip loudly; with CASEGRAPH_REQUIRE_NEO4J=1 (CI) they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from casegraph.graph.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
EXAMPLES = ROOT / "examples"
NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")


def neo4j_or_skip():
    from casegraph.graph.neo4j_store import Neo4jStore

    try:
        store = Neo4jStore(NEO4J_URI)  # checks that the server answers
    except Exception as error:
        message = f"no Neo4j at {NEO4J_URI} ({type(error).__name__}); start one with scripts/neo4j start"
        if os.environ.get("CASEGRAPH_REQUIRE_NEO4J") == "1":
            pytest.fail(message)
        pytest.skip(f"NEO4J TESTS SKIPPED: {message}")
    return store


@pytest.fixture
def neo4j_store():
    store = neo4j_or_skip()
    store.clear()
    store.init()
    yield store
    store.clear()
    store.close()


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """Each test that takes ``store`` runs on both stores."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="session")
def gold_lines() -> list[str]:
    path = DEV / "gold.jsonl"
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read the shared dev corpus from ../shared")
    return [line for line in path.read_text().splitlines() if line.strip()]
