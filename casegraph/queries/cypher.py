"""The canned Cypher files beside this module, with the header each one carries.

Every ``.cypher`` file starts with ``//`` comment lines (name, parameters, what it answers) and is
runnable as-is in the Neo4j Browser after ``:param``; the runner sends the same text with parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class CannedQuery:
    file: str
    header: str
    text: str

    @property
    def body(self) -> str:
        """The Cypher without its comments."""
        return "\n".join(line for line in self.text.splitlines() if not line.startswith("//")).strip()


@cache
def canned(file: str) -> CannedQuery:
    text = (HERE / f"{file}.cypher").read_text()
    lines = text.splitlines()
    top = next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))
    header = "\n".join(line[2:].strip() for line in lines[:top])
    return CannedQuery(file, header, text)


def files() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.cypher"))
