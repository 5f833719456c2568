"""Loading on several processes: each file is read and extracted in a worker, in the given order.

spaCy holds the GIL while it tokenizes, so extraction scales with processes, not threads. Workers
start with ``spawn`` (no state inherited from a parent that may run a writer thread) and hand back
whole files' Loaded items with what their Reading counted; the caller writes them from one process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from casegraph.loaders import Reading
from casegraph.loaders.reading import IGNORED, expand
from casegraph.loaders.result import Loaded

SMALL_BYTES = 512 * 1024  # inputs smaller than this load on one process: starting workers costs more


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _load_file(task: tuple[str, str | None]) -> tuple[list[Loaded], Reading]:
    path, format = task
    reading = Reading(format)
    return list(reading.load([path])), reading


def load_parallel(reading: Reading, paths: Iterable[str], jobs: int) -> Iterator[Loaded]:
    """``reading.load(paths)`` with files extracted on up to ``jobs`` processes; same items, same order,
    and the files each worker took or skipped counted into ``reading``."""
    paths = list(paths)
    files = [(str(p), why) for p, why in expand(paths)]
    on_disk = [p for p, why in files if p != "-" and why is None]
    if min(jobs, len(on_disk)) <= 1 or sum(_size(f) for f in on_disk) < SMALL_BYTES:  # not worth processes
        yield from reading.load(paths)
        return
    with multiprocessing.get_context("spawn").Pool(min(jobs, len(on_disk))) as pool:
        results = pool.imap(_load_file, [(p, reading.format) for p in on_disk], chunksize=1)
        for path, why in files:
            if why == IGNORED:
                reading.ignored += 1
            elif why:
                reading.skip(path, why)
            elif path == "-":
                yield from reading.load(["-"])
            else:
                items, done = next(results)
                reading.taken.update(done.taken)
                reading.skipped += done.skipped
                yield from items
