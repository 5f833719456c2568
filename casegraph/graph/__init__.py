"""The stores: embedded SQLite by default, Neo4j when a bolt:// or neo4j:// address is given."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from casegraph.graph.base import Stats, Store, StoreUnavailable, WriteReport, write_extractions

__all__ = ["DEFAULT_STORE", "Stats", "Store", "StoreUnavailable", "WriteReport", "is_neo4j", "open_store", "redact",
           "write_extractions"]

DEFAULT_STORE = "casegraph.db"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
_HOST_PORT = re.compile(r"^[\w.-]+:\d+/?$")  # "127.0.0.1:7687": an address without its scheme


def resolve(store: str | None = None) -> str:
    """--store, else NEO4J_URI, else CASEGRAPH_STORE, else ./casegraph.db."""
    return store or os.environ.get("NEO4J_URI") or os.environ.get("CASEGRAPH_STORE") or DEFAULT_STORE


def is_neo4j(target: str) -> bool:
    return target.startswith(NEO4J_SCHEMES)


def redact(target: str) -> str:
    """The address without its userinfo: ``bolt://neo4j:SECRET@host`` -> ``bolt://host``."""
    if "@" not in target or "://" not in target:
        return target
    parts = urlsplit(target)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def check(target: str, store: str | None) -> None:
    """An address that is no Neo4j address must not become an SQLite file of that name."""
    if is_neo4j(target):
        return
    if "://" in target or _HOST_PORT.match(target) or (not store and target == os.environ.get("NEO4J_URI")):
        source = "--store" if store else "NEO4J_URI" if target == os.environ.get("NEO4J_URI") else "CASEGRAPH_STORE"
        raise ValueError(f"{source} {redact(target)!r} is no store: give bolt://host:port, neo4j://host:port "
                         "or a file path")


def open_store(store: str | None = None) -> Store:
    target = resolve(store)
    check(target, store)
    if is_neo4j(target):
        from casegraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(target)
    from casegraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(target)
