"""What a loader yields for each input: an extraction (or graph rows), or a one-line error naming where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from casegraph.schemas import Extraction

if TYPE_CHECKING:
    from casegraph.graph.rows import GraphBatch


@dataclass(frozen=True)
class Loaded:
    """One input unit. ``batch`` carries graph rows as they are (an RDF export read back), for
    inputs that are a graph already rather than a document's extraction."""

    source: str
    extraction: Extraction | None = None
    error: str | None = None
    batch: GraphBatch | None = None
    note: str | None = None  # not an error: something the user should know (records a loader left out)

    def __str__(self) -> str:
        return f"{self.source}: {self.error}" if self.error else self.source
