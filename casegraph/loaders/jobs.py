"""Loading on several processes: each file is read and extracted in a worker, in the given order.

spaCy holds the GIL while it tokenizes, so extraction scales with processes, not threads. Workers
start with ``spawn`` (no state inherited from a parent that may run a writer thread) and hand back
whole files' Loaded items; the caller writes them from its one process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from casegraph.loaders import expand, load_one, load_paths
from casegraph.loaders.result import Loaded

SMALL_BYTES = 512 * 1024  # inputs smaller than this load on one process: starting workers costs more


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _load_file(path: str) -> list[Loaded]:
    return list(load_one(path))


def load_parallel(paths: Iterable[str], jobs: int) -> Iterator[Loaded]:
    """``load_paths`` with files extracted on up to ``jobs`` processes; same items, same order."""
    files: list[str | Path] = list(expand(paths))
    on_disk = [str(f) for f in files if f != "-"]
    jobs = min(jobs, len(on_disk))
    if jobs <= 1 or sum(_size(f) for f in on_disk) < SMALL_BYTES:  # not worth starting processes
        yield from load_paths([str(f) for f in files])
        return
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        results = pool.imap(_load_file, on_disk, chunksize=1)
        for file in files:
            yield from load_one("-") if file == "-" else next(results)
