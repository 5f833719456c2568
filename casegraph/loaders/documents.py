"""Reading documents: bytes of a text, Markdown, HTML or PDF file, or a corpus of JSON lines
``{"id", "url", "date", "lang", "text"}`` -> one Loaded per document, never an exception."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

from casegraph.loaders.extract import Meta, extract
from casegraph.loaders.result import Loaded

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".json"}


def extract_bytes(data: bytes, name: str) -> Iterator[Loaded]:
    """Every document in ``data`` (a file called ``name``) as an Extraction, or a one-line error."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        yield _one(name, lambda: _pdf(data, name))
        return
    if b"\x00" in data[:8192]:
        yield Loaded(name, error="binary file")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Loaded(name, error=f"not UTF-8 text (byte {error.start})")
        return
    if not text.strip():
        yield Loaded(name, error="empty")
        return
    stripped = text.lstrip()
    if suffix in CORPUS_SUFFIXES or (name == "<stdin>" and stripped.startswith("{")):
        yield from _corpus(text, name)
    elif suffix in HTML_SUFFIXES or stripped[:15].lower().startswith(("<!doctype html", "<html")):
        yield _one(name, lambda: _html(text, name))
    elif suffix in TEXT_SUFFIXES or suffix not in HTML_SUFFIXES:
        if _looks_binary(text):
            yield Loaded(name, error="binary file")
            return
        yield _one(name, lambda: extract(text, Meta(id=name, source=name)))


def _one(name: str, work) -> Loaded:
    try:
        result = work()
    except _Unreadable as error:
        return Loaded(name, error=str(error))
    except Exception as error:  # a bug in one document must not stop the others
        return Loaded(name, error=f"extraction failed: {type(error).__name__}: {error}".splitlines()[0])
    return Loaded(name, extraction=result)


class _Unreadable(Exception):
    """The input is readable bytes but holds no document text."""


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(sample) * 0.1


def _corpus(text: str, name: str) -> Iterator[Loaded]:
    """Corpus JSON lines; a bad line is an error for that line only."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Loaded(where, error=f"not JSON: {error.msg}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Loaded(where, error="no 'text' in the record")
            continue
        date = record.get("date")
        meta = Meta(
            id=str(record.get("id") or where),
            source=where,
            url=record.get("url"),
            title=record.get("title"),
            date=date if isinstance(date, str) and date else None,
            lang=record.get("lang"),
        )
        yield _one(where, lambda r=record, m=meta: extract(r["text"], m))


def _html(text: str, name: str):
    """Main text and metadata of a web page, by trafilatura."""
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_recall=True)
    if not body or not body.strip():
        raise _Unreadable("HTML has no main text")
    meta = trafilatura.extract_metadata(text)
    date = meta.date if meta and meta.date else None
    return extract(
        body,
        Meta(
            id=name,
            source=name,
            url=meta.url if meta else None,
            title=meta.title if meta else None,
            date=date[:10] if date else None,
        ),
    )


def _pdf(data: bytes, name: str):
    """The text layer of a PDF, by pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise _Unreadable(f"unreadable PDF: {error}".splitlines()[0]) from error
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise _Unreadable("PDF has no text layer")
    title = None
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title)
    return extract(text, Meta(id=name, source=name, title=title))
