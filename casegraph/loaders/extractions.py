"""Extraction JSON lines: the exchange format, read back with a per-line error."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from casegraph.loaders.result import Loaded
from casegraph.schemas import parse_line


def is_extraction_record(record: dict) -> bool:
    """Extraction lines carry entities or facts; corpus lines carry text."""
    return "text" not in record and ("entities" in record or "facts" in record)


def read_extractions(lines: Iterable[str], source: str) -> Iterator[Loaded]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield Loaded(where, parse_line(line))
        except ValidationError as error:
            yield Loaded(where, error=_first_error(error))


def _first_error(error: ValidationError) -> str:
    """One line: the first problem pydantic found, with where in the record it is."""
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return f"not JSON: {first['msg']}"
    place = ".".join(str(p) for p in first["loc"])
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{place + ': ' if place else ''}{first['msg']}{more}"


def peek_record(line: str) -> dict | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None
