"""Loaders: documents and data files -> Extractions.

``load_paths`` is the single entry point of the CLI: files, folders (recursive) and ``-`` for
standard input. Each input yields Loaded items; a bad one yields an error and the rest go on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from casegraph.loaders.extractions import is_extraction_record, peek_record, read_extractions
from casegraph.loaders.result import Loaded

__all__ = ["Loaded", "load_paths"]

MAX_BYTES = 50 * 1024 * 1024


def expand(paths: Iterable[str]) -> Iterator[str | Path]:
    """Files in the order given; folders recursively, sorted; ``-`` stays as standard input."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def load_paths(paths: Iterable[str]) -> Iterator[Loaded]:
    for path in expand(paths):
        yield from load_one(path)


def load_one(path: str | Path) -> Iterator[Loaded]:
    name = "<stdin>" if path == "-" else str(path)
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            path = Path(path)
            if not path.exists():
                yield Loaded(name, error="no such file")
                return
            size = path.stat().st_size
            if size > MAX_BYTES:
                yield Loaded(name, error=f"too large ({size} bytes, limit {MAX_BYTES})")
                return
            data = path.read_bytes()
    except OSError as error:
        yield Loaded(name, error=f"cannot read: {error.strerror or error}")
        return
    if not data.strip():
        yield Loaded(name, error="empty")
        return
    yield from load_bytes(data, name)


def load_bytes(data: bytes, name: str) -> Iterator[Loaded]:
    """Extraction JSON lines are read as they are; every other input goes to the text extractor."""
    suffix = Path(name).suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson", ""} or name == "<stdin>":
        try:
            lines = data.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            lines = []
        records = (peek_record(line) for line in lines[:20] if line.strip())
        first = next((r for r in records if r is not None), None)  # a bad first line decides nothing
        if first is not None and is_extraction_record(first):
            yield from read_extractions(lines, name)
            return
    from casegraph.loaders.documents import extract_bytes  # spaCy loads only when text is read

    yield from extract_bytes(data, name)
