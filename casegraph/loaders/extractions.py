"""Extraction JSON lines: the exchange format, read back with a per-line error."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError

from casegraph.loaders.reading import Input, per_line
from casegraph.loaders.registry import Loader
from casegraph.loaders.result import Loaded
from casegraph.schemas import parse_line


def read_extractions(source: Input) -> Iterator[Loaded]:
    yield from per_line(source.lines(), source.name, _extraction)


def _extraction(where: str, line: str) -> Loaded:
    try:
        return Loaded(where, parse_line(line))
    except ValidationError as error:
        return Loaded(where, error=_first_error(error))


def _first_error(error: ValidationError) -> str:
    """One line: the first problem pydantic found, with where in the record it is."""
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return f"not JSON: {first['msg']}"
    place = ".".join(str(p) for p in first["loc"])
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{place + ': ' if place else ''}{first['msg']}{more}"


LOADER = Loader("extraction", "Extraction JSON lines (casegraph extract's output)",
                lambda source: source.json_kind == "extraction", read_extractions)
