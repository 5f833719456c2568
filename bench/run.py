"""One benchmark run: generate, load (casegraph and baseline), query, measure memory, per size and store."""

from __future__ import annotations

import json
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import Generated, generate
from bench.memory import run_worker
from bench.queries import HUB_SAMPLES, ORDINARY_SAMPLES, available, bench_queries, params_for
from bench.stores import neo4j_uri, open_store, reset

LINES_PER_FILE = 1_000  # creditor schedules are ~16 KB a line; casegraph load caps a file at 50 MB


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * scale)


def label(size: int) -> str:
    return f"{size // 1_000_000}m" if size >= 1_000_000 and size % 1_000_000 == 0 else f"{size // 1000}k"


def write_lines(generated: Generated, folder: Path) -> int:
    """The lines in files of LINES_PER_FILE lines; returns bytes written."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    total = 0
    for number, start in enumerate(range(0, len(generated.lines), LINES_PER_FILE)):
        text = "\n".join(generated.lines[start:start + LINES_PER_FILE]) + "\n"
        (folder / f"part-{number:05d}.jsonl").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def describe(generated: Generated, seconds: float, size_bytes: int) -> dict[str, Any]:
    degrees = sorted(generated.in_degrees().values(), reverse=True)
    top = max(1, len(degrees) // 100)
    return {"relationships": generated.relationships, "documents": len(generated.lines), "bytes": size_bytes,
            "generate_s": round(seconds, 2), "counts": generated.counts, "hubs": generated.hubs,
            "ordinary": generated.ordinary[:5],
            "exposure_in_degree": {"max": degrees[0], "median": statistics.median(degrees), "debtors": len(degrees),
                                   "top1pct_share": round(sum(degrees[:top]) / sum(degrees), 3)}}


def load_store(kind: str, target: str, lines: Path, baseline_target: str, with_baseline: bool) -> dict[str, Any]:
    """casegraph's load next to the bare baseline on the same rows; ratio = casegraph / baseline rate."""
    out: dict[str, Any] = {}
    if with_baseline:
        reset(kind, baseline_target)
        base = run_worker("baseline", kind, baseline_target, str(lines))
        out["baseline"] = base
        if kind == "neo4j":
            reset(kind, target)
    reset(kind, target)
    cg = run_worker("load", kind, target, str(lines))
    out["casegraph"] = cg
    facts = cg["facts"]
    out["facts"] = facts
    out["facts_per_s"] = round(facts / cg["seconds"])
    if with_baseline:
        out["baseline_facts_per_s"] = round(base["facts"] / base["seconds"])
        out["ratio"] = round(out["facts_per_s"] / out["baseline_facts_per_s"], 3)
        out["counts_match"] = (base["facts"], base["nodes"]) == (cg["facts"], cg["nodes"])
    return out


def warm_neo4j(target: str, lines: Path, work: Path) -> None:
    """A small load of each kind first, so neither side pays the JVM's warm-up alone."""
    first = work / "warm"
    shutil.rmtree(first, ignore_errors=True)
    first.mkdir(parents=True)
    shutil.copy(sorted(lines.glob("*.jsonl"))[0], first)
    for command in ("baseline", "load"):
        reset("neo4j", target)
        run_worker(command, "neo4j", target, str(first))


def query_memory(kind: str, target: str, generated: Generated) -> dict[str, Any]:
    names, _ = available()
    name = "exposure" if "exposure" in names else "traverse"
    out: dict[str, Any] = {"query": name}
    for cls, party in (("hub", generated.hubs[0]), ("ordinary", generated.ordinary[0])):
        out[cls] = run_worker("query", kind, target, name, json.dumps(params_for(name, party, generated.hubs[0])))
    if "entity" in names:  # name search: does it follow the graph's size?
        out["entity"] = run_worker("query", kind, target, "entity", json.dumps(params_for("entity", party, party)))
    return out


def run_size(size: int, kinds: list[str], only: set[str], work: Path, seed: int,
             samples: tuple[int, int] = (HUB_SAMPLES, ORDINARY_SAMPLES), reuse: bool = False,
             progress: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Everything of one size, store by store; ``samples`` = query runs on (hubs, ordinary parties).

    ``reuse``: without the load section, query the store a previous run of this size left in ``work``.
    ``progress`` gets the partial result after each section, so a long run that is cut short keeps them.
    """
    save = progress or (lambda _: None)
    start = time.perf_counter()
    generated = generate(size, seed)
    seconds = time.perf_counter() - start
    lines = work / label(size) / "lines"
    result: dict[str, Any] = {"generated": describe(generated, seconds, write_lines(generated, lines))}
    for kind in kinds:
        target = neo4j_uri() if kind == "neo4j" else str(work / label(size) / "casegraph.db")
        base_target = target if kind == "neo4j" else str(work / label(size) / "baseline.db")
        section: dict[str, Any] = {}
        if kind == "neo4j" and "load" in only:
            warm_neo4j(target, lines, work)
        skip = reuse and "load" not in only and (kind == "neo4j" or Path(target).exists())
        load = {} if skip else load_store(kind, target, lines, base_target, with_baseline="load" in only)
        result[kind] = section
        if "load" in only:
            section["load"] = load
            save(result)
        if "memory" in only:
            section["memory"] = {"load_peak_rss_mb": load.get("casegraph", {}).get("peak_rss_mb"),
                                 **query_memory(kind, target, generated)}
            save(result)
        if "query" in only:
            store = open_store(kind, target)
            try:
                section["queries"] = bench_queries(store, generated.hubs, generated.ordinary, samples)
            finally:
                store.close()
    return result
