"""What a loader yields for each input: an extraction, or a one-line error naming where."""

from __future__ import annotations

from dataclasses import dataclass

from casegraph.schemas import Extraction


@dataclass(frozen=True)
class Loaded:
    source: str
    extraction: Extraction | None = None
    error: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.error}" if self.error else self.source
