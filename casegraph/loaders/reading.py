"""Opening inputs: files, folders and standard input, with caps on what is read (not on what
``stat`` says: ``/dev/zero`` and pipes report nothing), and a look at the head for the registry."""

from __future__ import annotations

import codecs
import csv
import fnmatch
import io
import json
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from casegraph.loaders.result import Loaded

MAX_BYTES = 50 * 1024 * 1024  # a whole document (text, HTML, PDF, RDF)
MAX_LINE = 16 * 1024 * 1024  # one JSON or CSV line
HEAD_BYTES = 64 * 1024
HEAD_RECORDS = 20
STDIN = "<stdin>"
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json", ""}


class TooLarge(Exception):
    """More bytes than a loader may read."""


@dataclass
class Input:
    """One opened input: its name, its first bytes and a stream from the start."""

    name: str
    stream: BinaryIO
    head: bytes = b""
    suffixes: list[str] = field(default_factory=list)

    @property
    def suffix(self) -> str:
        return self.suffixes[-1] if self.suffixes else ""

    @property
    def is_stdin(self) -> bool:
        return self.name == STDIN

    def read_all(self, limit: int | None = None) -> bytes:
        limit = limit or MAX_BYTES
        data = self.stream.read(limit + 1)
        if len(data) > limit:
            raise TooLarge(f"too large (over {limit} bytes)")
        return data

    def lines(self, limit: int = MAX_LINE) -> Iterator[tuple[int, str | None]]:
        """(line number, text) per line; text is None for a line over ``limit`` bytes or not UTF-8."""
        number = 0
        while True:
            raw = self.stream.readline(limit + 1)
            if not raw:
                return
            number += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = self.stream.readline(limit)
                yield number, None
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None

    @cached_property
    def text_head(self) -> str:
        """The head as text, for sniffing (UTF-8, or UTF-16 with its BOM); empty when binary."""
        return decode_head(self.head)

    @cached_property
    def records(self) -> list[dict]:
        """The first JSON objects of the head, one per line (a bad line decides nothing)."""
        out = []
        for line in self._head_lines():
            record = json_object(line)
            if record is not None:
                out.append(record)
        return out

    def _head_lines(self) -> list[str]:
        """The first lines as text: read from the file when it can seek back (a first line may be
        longer than the head), else from the head."""
        if not self.stream.seekable() or not self.text_head or self.head.startswith(
                (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return self.text_head.splitlines()[:HEAD_RECORDS]
        lines, budget = [], MAX_LINE
        try:
            while len(lines) < HEAD_RECORDS and budget > 0:
                raw = self.stream.readline(budget)
                if not raw:
                    break
                budget -= len(raw)
                lines.append(raw.decode("utf-8-sig" if not lines else "utf-8", errors="ignore"))
        finally:
            self.stream.seek(0)
        return lines

    @cached_property
    def json_kind(self) -> str | None:
        """ftm, extraction or corpus, from the keys of the first records (not from one key of one)."""
        if not (self.is_stdin or self.suffix in JSON_SUFFIXES):
            return None
        for record in self.records:
            if isinstance(record.get("schema"), str) and isinstance(record.get("properties"), dict):
                return "ftm"
            if isinstance(record.get("text"), str):
                return "corpus"
            if any(key in record for key in ("entities", "facts", "document")):
                return "extraction"
        # Records with an id and nothing else have no text, so no corpus: Extractions without facts. A
        # .jsonl file of nothing readable is read as Extraction lines too, so each bad line is an error.
        if any("id" in record for record in self.records) or (self.suffix and self.head.strip()):
            return "extraction"
        return None

    @cached_property
    def header(self) -> list[str] | None:
        """The first row of a CSV head, lower-cased and stripped; None when it is no CSV."""
        first = self.text_head.splitlines()[:1]
        if not first or ("," not in first[0] and "\t" not in first[0]):
            return None
        try:
            row = next(csv.reader(first, delimiter="\t" if self.suffix == ".tsv" else ","))
        except (csv.Error, StopIteration):
            return None
        return [c.strip().lower() for c in row]


def per_line(lines: Iterable[tuple[int, str | None]], name: str,
             read: Callable[[str, str], Loaded]) -> Iterator[Loaded]:
    """``read(where, line)`` for each non-blank line; an unreadable line is that line's error."""
    from casegraph.loaders.result import Loaded

    for number, line in lines:
        where = f"{name}:{number}"
        if line is None:
            yield Loaded(where, error="line too long or not UTF-8")
        elif line.strip():
            yield read(where, line)


def decode_head(data: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="ignore")
    if b"\x00" in data[:8192]:
        return ""
    return data.decode("utf-8", errors="ignore")


def json_object(line: str) -> dict | None:
    """A JSON object, or None: bad JSON, another JSON value, or nesting too deep to parse."""
    if not line.lstrip().startswith("{"):
        return None
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


class _Prefixed(io.RawIOBase):
    """A stream that cannot seek back (stdin, a pipe): the head already read, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def open_input(path: str | Path) -> Input:
    """Open a file or ``-``; the head is read once, the stream starts at the beginning again."""
    if path == "-":
        raw = sys.stdin.buffer
        head = raw.read(HEAD_BYTES)
        return Input(STDIN, io.BufferedReader(_Prefixed(head, raw)), head)
    path = Path(path)
    handle = path.open("rb")
    head = handle.read(HEAD_BYTES)
    if handle.seekable():
        handle.seek(0)
        stream: BinaryIO = handle
    else:
        stream = io.BufferedReader(_Prefixed(head, handle))
    return Input(str(path), stream, head, [s.lower() for s in path.suffixes])


IGNORE_FILE = ".casegraphignore"
IGNORED = "ignored"


def ignore_patterns(folder: Path) -> list[str]:
    """The folder's ``.casegraphignore``: one glob a line (``texts/`` a folder), ``#`` comments."""
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def is_ignored(relative: Path, patterns: list[str]) -> bool:
    text = relative.as_posix()
    for pattern in patterns:
        if pattern.endswith("/"):
            if any(fnmatch.fnmatch(parent.as_posix(), pattern.rstrip("/")) for parent in relative.parents):
                return True
        elif fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(relative.name, pattern):
            return True
    return False


def expand(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(input, reason to skip it or None): files in the order given, folders recursively and sorted.

    In a folder only regular files are read: a FIFO would block, a device never ends. Files its
    ``.casegraphignore`` names are skipped (reason ``IGNORED``).
    """
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        path = Path(raw)
        if not path.is_dir():
            yield raw, None  # named by the user: a pipe or device is read, up to the caps
            continue
        patterns = ignore_patterns(path)
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if is_ignored(relative, patterns):
                yield str(child), IGNORED
                continue
            try:
                mode = child.stat().st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode):
                continue
            yield str(child), None if stat.S_ISREG(mode) else "not a regular file"
