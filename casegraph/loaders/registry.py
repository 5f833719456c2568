"""The loader registry: which loader reads a file, decided by its extension and its content.

Each format is one loader module in this package; this is the one place that lists them, in the
order they are asked. ``--format`` forces one by name. A file no loader takes is skipped with a
reason, never read as text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from casegraph.loaders.reading import Input
from casegraph.loaders.result import Loaded


@dataclass(frozen=True)
class Loader:
    name: str
    help: str
    takes: Callable[[Input], bool]
    read: Callable[[Input], Iterator[Loaded]]


def _loaders() -> list[Loader]:
    from casegraph.loaders import corpus, csvbook, documents, extractions, ftm, rdf

    return [ftm.LOADER, extractions.LOADER, corpus.LOADER, *csvbook.LOADERS, rdf.LOADER,
            documents.PDF, documents.HTML, documents.TEXT]


LOADERS: list[Loader] = []
# The names --format takes, in the order loaders are asked (checked against the modules by a test).
FORMATS = ("ftm", "extraction", "corpus", "csv-exposures", "csv-parties", "rdf", "pdf", "html", "text")


def loaders() -> list[Loader]:
    if not LOADERS:
        LOADERS.extend(_loaders())
    return LOADERS


def by_name(name: str) -> Loader:
    for loader in loaders():
        if loader.name == name:
            return loader
    raise KeyError(name)


def names() -> list[str]:
    return [loader.name for loader in loaders()]


def pick(source: Input) -> Loader | None:
    """The first loader that takes this input."""
    return next((loader for loader in loaders() if loader.takes(source)), None)


def why_not(source: Input) -> str:
    """The one-line reason no loader takes a file."""
    from casegraph.loaders import csvbook

    if source.suffix in (".csv", ".tsv"):
        return csvbook.why_not(source)
    if not source.head.strip():
        return "empty"
    if not source.text_head:
        return "binary file, no loader for it"
    if source.records:
        return "JSON lines of no known kind (FollowTheMoney, Extraction or corpus)"
    return f"no loader for {source.suffix or 'a file without extension'} (--format forces one)"
