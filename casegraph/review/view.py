"""The reviewed graph that queries answer from with --reviewed: accepted, corrected and manual facts only.

The one condition is reviewed.sql, temporary views over the embedded store's tables. A Neo4j store
is first copied into a temporary embedded file (interchange.push, a page at a time) and answered
there with the same views: a full read of the graph per question, the price of keeping the canned
Cypher unchanged.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from casegraph.graph.embedded import EmbeddedStore

VIEWS = Path(__file__).with_name("reviewed.sql").read_text()


class ReviewedCopy(EmbeddedStore):
    """A temporary embedded copy of another store; its file goes when it is closed."""

    def __init__(self, source: Any) -> None:
        from casegraph.interchange.push import push

        self.folder = tempfile.TemporaryDirectory(prefix="casegraph-reviewed-")
        super().__init__(Path(self.folder.name) / "reviewed.db")
        push(source, self)
        self.source = source

    def __repr__(self) -> str:
        return f"{self.source!r}, reviewed facts"

    def close(self) -> None:
        super().close()
        self.source.close()
        self.folder.cleanup()


def reviewed(store: Any) -> EmbeddedStore:
    """The store, reading only reviewed facts from now on (a Neo4j store: a reviewed copy of it)."""
    view = store if isinstance(store, EmbeddedStore) else ReviewedCopy(store)
    view.db.executescript(VIEWS)
    return view
