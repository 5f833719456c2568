"""Opening and emptying the stores under test."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DEFAULT_NEO4J = "bolt://127.0.0.1:7687"


def neo4j_uri() -> str:
    return os.environ.get("BENCH_NEO4J_URI") or os.environ.get("NEO4J_URI") or DEFAULT_NEO4J


def open_store(kind: str, target: str) -> Any:
    if kind == "neo4j":
        from casegraph.graph.neo4j_store import Neo4jStore

        store = Neo4jStore(target)
        store.init()
        return store
    from casegraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(target)


def neo4j_available(uri: str) -> str | None:
    """None when the server answers, else why not."""
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(uri) as driver:
            driver.verify_connectivity()
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None


def reset(kind: str, target: str) -> None:
    """An empty store: delete the file (and WAL) or every Neo4j node."""
    if kind == "neo4j":
        from casegraph.graph.neo4j_store import Neo4jStore

        store = Neo4jStore(target)
        try:
            store.clear()
        finally:
            store.close()
        return
    for suffix in ("", "-wal", "-shm"):
        Path(target + suffix).unlink(missing_ok=True)
