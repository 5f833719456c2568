"""Loaders: documents and data files -> Extractions (or graph rows).

``load_paths`` is the single entry point of the CLI: files, folders (recursive) and ``-`` for
standard input. The registry (``registry.py``) picks the loader of each file; a bad input yields
an error and the rest go on; a file no loader takes is skipped and said so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from casegraph.loaders.reading import IGNORE_FILE, IGNORED, MAX_BYTES, Input, expand, open_input
from casegraph.loaders.result import Loaded

__all__ = ["MAX_BYTES", "Loaded", "Reading", "expand", "load_bytes", "load_paths"]


@dataclass
class Reading:
    """What a load read: files taken per loader, files skipped with the reason."""

    format: str | None = None
    taken: Counter[str] = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    ignored: int = 0

    def load(self, paths: Iterable[str]) -> Iterator[Loaded]:
        for path, reason in expand(paths):
            if reason == IGNORED:
                self.ignored += 1
                continue
            if reason:
                self.skip(path, reason)
                continue
            try:
                source = open_input(path)
            except FileNotFoundError:
                yield Loaded(str(path), error="no such file")
                continue
            except OSError as error:
                yield Loaded(str(path), error=f"cannot read: {error.strerror or error}")
                continue
            try:
                yield from self.read(source)
            except OSError as error:
                yield Loaded(source.name, error=f"cannot read: {error.strerror or error}")
            finally:
                source.stream.close()

    def read(self, source: Input) -> Iterator[Loaded]:
        from casegraph.loaders import registry

        loader = registry.by_name(self.format) if self.format else registry.pick(source)
        if loader is None:
            self.skip(source.name, registry.why_not(source))
            return
        self.taken[loader.name] += 1
        yield from loader.read(source)

    def skip(self, name: str, reason: str) -> None:
        self.skipped.append((name, reason))

    def summary(self) -> str:
        """``read 6 file(s): 5 text, 1 extraction; skipped 2``."""
        read = ", ".join(f"{n} {name}" for name, n in sorted(self.taken.items()))
        files = sum(self.taken.values())
        return f"read {files} file(s)" + (f": {read}" if read else "") + (
            f"; skipped {len(self.skipped)}" if self.skipped else "") + (
            f"; {self.ignored} left out by {IGNORE_FILE}" if self.ignored else "")


def load_paths(paths: Iterable[str], format: str | None = None) -> Iterator[Loaded]:
    yield from Reading(format).load(paths)


def load_bytes(data: bytes, name: str, format: str | None = None) -> Iterator[Loaded]:
    """The same choice of loader for bytes in memory (tests, benchmarks)."""
    import io
    from pathlib import PurePath

    from casegraph.loaders.reading import HEAD_BYTES

    source = Input(name, io.BytesIO(data), data[:HEAD_BYTES], [s.lower() for s in PurePath(name).suffixes])
    yield from Reading(format).read(source)
