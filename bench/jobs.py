"""``casegraph load --jobs N``: a folder of dev-like news documents loaded with 1 and with N
extracting processes (one writer), into fresh embedded stores; documents per second each way."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.extract import DEV_DOCS, corpus

DOCS, PER_FILE = 10_000, 100


def bench_jobs(work: Path, docs: int = DOCS, jobs: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    if not DEV_DOCS.exists():
        return {"error": f"{DEV_DOCS} is missing"}
    folder = work / "jobs" / "docs"
    shutil.rmtree(folder.parent, ignore_errors=True)
    folder.mkdir(parents=True)
    items = corpus(docs)[:docs]
    for number, start in enumerate(range(0, len(items), PER_FILE)):
        lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in items[start:start + PER_FILE])
        (folder / f"news-{number:05d}.jsonl").write_text(lines, encoding="utf-8")
    out: dict[str, Any] = {"documents": len(items), "files": -(-len(items) // PER_FILE)}
    for n in jobs:
        store = folder.parent / f"jobs-{n}.db"
        begin = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "casegraph", "load", str(folder), "--jobs", str(n),
                               "--store", str(store)], capture_output=True, text=True)
        seconds = time.perf_counter() - begin
        out[f"jobs_{n}"] = {"seconds": round(seconds, 2), "docs_per_s": round(len(items) / seconds, 1),
                            "exit": done.returncode, "said": done.stderr.strip().splitlines()[-1:]}
    return out
