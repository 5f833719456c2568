"""The stores: embedded SQLite by default, Neo4j when a bolt:// or neo4j:// address is given."""

from __future__ import annotations

import os

from casegraph.graph.base import Stats, Store, WriteReport, write_extractions

__all__ = ["DEFAULT_STORE", "Stats", "Store", "WriteReport", "is_neo4j", "open_store", "write_extractions"]

DEFAULT_STORE = "casegraph.db"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def resolve(store: str | None = None) -> str:
    """--store, else NEO4J_URI, else CASEGRAPH_STORE, else ./casegraph.db."""
    return store or os.environ.get("NEO4J_URI") or os.environ.get("CASEGRAPH_STORE") or DEFAULT_STORE


def is_neo4j(target: str) -> bool:
    return target.startswith(NEO4J_SCHEMES)


def open_store(store: str | None = None) -> Store:
    target = resolve(store)
    if is_neo4j(target):
        from casegraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(target)
    from casegraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(target)
