"""Corpus JSON lines ``{"id", "url", "date", "lang", "text"}``: one document per line."""

from __future__ import annotations

import json
from collections.abc import Iterator

from casegraph.loaders.reading import Input, per_line
from casegraph.loaders.registry import Loader
from casegraph.loaders.result import Loaded


def read_corpus(source: Input) -> Iterator[Loaded]:
    yield from corpus_lines(source.lines(), source.name)


def corpus_lines(lines, name: str) -> Iterator[Loaded]:
    """A bad line is an error for that line only."""
    yield from per_line(lines, name, _document)


def _document(where: str, line: str) -> Loaded:
    from casegraph.loaders.documents import extract_text  # spaCy loads only when text is read

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Loaded(where, error=f"not JSON: {error.msg}")
    except RecursionError:
        return Loaded(where, error="not JSON: nested too deeply")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        return Loaded(where, error="no 'text' in the record")
    date = record.get("date")
    return extract_text(record["text"], where, id=str(record.get("id") or where), url=record.get("url"),
                        title=record.get("title"), date=date if isinstance(date, str) and date else None,
                        lang=record.get("lang"))


LOADER = Loader("corpus", "corpus JSON lines {id, url, date, lang, text}",
                lambda source: source.json_kind == "corpus", read_corpus)
