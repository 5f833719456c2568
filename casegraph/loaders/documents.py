"""Documents: text, Markdown, HTML and PDF files -> one Extraction each, never an exception."""

from __future__ import annotations

import codecs
import io
import logging
import warnings
from collections.abc import Callable, Iterator

from casegraph.loaders.reading import STDIN, Input, TooLarge
from casegraph.loaders.registry import Loader
from casegraph.loaders.result import Loaded
from casegraph.schemas import Extraction

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# spaCy refuses longer texts (E088); a longer document is read in parts cut at paragraph breaks.
PART_CHARS = 900_000


class _Unreadable(Exception):
    """The input is readable bytes but holds no document text."""


def extract_text(text: str, where: str, **meta) -> Loaded:
    """One document's text as a Loaded extraction, or its one-line error."""
    from casegraph.loaders.extract import Meta

    return _one(where, lambda: _extract(text, Meta(**{"id": where, "source": where, **meta})))


def _extract(text: str, meta) -> Extraction:
    from casegraph.loaders.dates import leading_date
    from casegraph.loaders.extract import Meta, extract

    if len(text) <= PART_CHARS:
        return extract(text, meta)
    date, body = leading_date(text)
    if date:
        text = body
    parts = list(_parts(text, PART_CHARS))
    date = meta.date or date
    pieces = [extract(text[start:end], Meta(id=meta.id, lang=meta.lang, date=date)) for start, end in parts]
    return _joined(text, pieces, [start for start, _ in parts], meta, date)


def _parts(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Spans of at most ``size`` characters, ending at a paragraph, line or sentence break if there is one."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            for mark in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(mark, start + size // 2, end)
                if cut > 0:
                    end = cut + len(mark)
                    break
        yield start, end
        start = end


def _joined(text: str, pieces: list[Extraction], offsets: list[int], meta, date: str | None) -> Extraction:
    """One Extraction from its parts: evidence spans shifted to the whole text, one document."""
    from casegraph.schemas import Document, content_id

    entities, facts = [], []
    for piece, offset in zip(pieces, offsets, strict=True):
        for item in (*piece.entities, *piece.facts):
            item.evidence = [e.model_copy(update={"start": e.start + offset, "end": e.end + offset})
                             for e in item.evidence]
        entities += piece.entities
        facts += piece.facts
    lang = pieces[0].document.lang if pieces[0].document else meta.lang
    document = Document(id=content_id(text), source=meta.source, url=meta.url, title=meta.title, date=date, lang=lang)
    return Extraction(id=meta.id, document=document, entities=entities, facts=facts)


def _one(name: str, work: Callable[[], Extraction]) -> Loaded:
    try:
        result = work()
    except _Unreadable as error:
        return Loaded(name, error=str(error))
    except Exception as error:  # a bug in one document must not stop the others
        return Loaded(name, error=f"extraction failed: {type(error).__name__}: {error}".splitlines()[0])
    return Loaded(name, extraction=result)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _Unreadable(f"not UTF-16 text (byte {error.start})") from None
    if b"\x00" in data[:8192]:
        raise _Unreadable("binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"not UTF-8 text (byte {error.start})") from None
    if _looks_binary(text):
        raise _Unreadable("binary file")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(sample) * 0.1


def _whole(source: Input, work: Callable[[bytes], Loaded]) -> Iterator[Loaded]:
    try:
        data = source.read_all()
    except TooLarge as error:
        yield Loaded(source.name, error=str(error))
        return
    if not data.strip():
        yield Loaded(source.name, error="empty")
        return
    yield work(data)


def _text(data: bytes, name: str) -> Loaded:
    try:
        text = decode(data)
    except _Unreadable as error:
        return Loaded(name, error=str(error))
    if not text.strip():
        return Loaded(name, error="empty")
    return extract_text(text, name)


def _html(data: bytes, name: str) -> Loaded:
    """Main text and metadata of a web page, by trafilatura."""
    try:
        page = decode(data)
    except _Unreadable as error:
        return Loaded(name, error=str(error))

    def work() -> Extraction:
        import trafilatura

        from casegraph.loaders.extract import Meta

        body = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True)
        if not body or not body.strip():
            raise _Unreadable("HTML has no main text")
        meta = trafilatura.extract_metadata(page)
        date = meta.date if meta and meta.date else None
        return _extract(body, Meta(id=name, source=name, url=meta.url if meta else None,
                                   title=meta.title if meta else None, date=date[:10] if date else None))

    return _one(name, work)


def _pdf(data: bytes, name: str) -> Loaded:
    """The text layer of a PDF, by pypdf; its warnings stay quiet: the one error line says enough."""

    def work() -> Extraction:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        from casegraph.loaders.extract import Meta

        logging.getLogger("pypdf").setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                reader = PdfReader(io.BytesIO(data))
                pages = [page.extract_text() or "" for page in reader.pages]
                title = str(reader.metadata.title) if reader.metadata and reader.metadata.title else None
            except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
                raise _Unreadable(f"unreadable PDF: {error}".splitlines()[0]) from error
        text = "\n\n".join(p.strip() for p in pages if p.strip())
        if not text.strip():
            raise _Unreadable("PDF has no text layer")
        return _extract(text, Meta(id=name, source=name, title=title))

    return _one(name, work)


def _is_html(source: Input) -> bool:
    if source.suffix in HTML_SUFFIXES:
        return True
    return (source.is_stdin or not source.suffix) and source.text_head.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html"))


def _is_text(source: Input) -> bool:
    """Text by its extension; standard input that no other loader took; never a file of another kind."""
    return source.suffix in TEXT_SUFFIXES or source.is_stdin


PDF = Loader("pdf", "PDF (its text layer)", lambda s: s.head.startswith(b"%PDF") or s.suffix == ".pdf",
             lambda s: _whole(s, lambda data: _pdf(data, s.name)))
HTML = Loader("html", "HTML page (main text by trafilatura)", _is_html,
              lambda s: _whole(s, lambda data: _html(data, s.name)))
TEXT = Loader("text", "plain text or Markdown (.txt, .md)", _is_text,
              lambda s: _whole(s, lambda data: _text(data, s.name)))


def extract_bytes(data: bytes, name: str) -> Iterator[Loaded]:
    """Every document in ``data`` (a file called ``name``) as an Extraction, or a one-line error."""
    from casegraph.loaders.corpus import corpus_lines
    from casegraph.loaders.reading import decode_head

    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if data.startswith(b"%PDF") or suffix == "pdf":
        yield _pdf(data, name)
    elif not data.strip():
        yield Loaded(name, error="empty")
    elif suffix in ("jsonl", "ndjson", "json") or (name == STDIN and decode_head(data).lstrip().startswith("{")):
        yield from corpus_lines(enumerate(decode_head(data).splitlines(), 1), name)
    elif f".{suffix}" in HTML_SUFFIXES or decode_head(data).lstrip()[:15].lower().startswith(("<!doctype html",
                                                                                             "<html")):
        yield _html(data, name)
    else:
        yield _text(data, name)
