"""Shared fixtures: the dev corpus in ../shared, and both stores.

Tests that read ../shared (the corpus and the scorer, absent from a user's clone) take the
``shared`` fixture or call ``require_shared``: they skip with one reason, or fail under CI=true.
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


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def require_shared(*parts: str) -> Path:
    """The path under ../shared; skip the test when it is absent (a user's clone), fail under CI=true."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    if not SHARED.exists():
        message = f"{SHARED} is absent: these tests read the shared corpus and scorer beside the repo"
    else:
        message = f"{path} is missing from the shared corpus"
    if in_ci():
        pytest.fail(f"{message} (CI=true: required)")
    pytest.skip(f"SHARED CORPUS ABSENT: {message}")


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
def shared() -> Path:
    """../shared with the dev corpus and the scorer, or the test skips (fails under CI=true)."""
    require_shared("corpus", "dev", "docs.jsonl")
    require_shared("eval", "score.py")
    return SHARED


@pytest.fixture(scope="session")
def gold_lines() -> list[str]:
    path = require_shared("corpus", "dev", "gold.jsonl")
    return [line for line in path.read_text().splitlines() if line.strip()]
