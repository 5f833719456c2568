"""Child-process entry points, so each load and query has its own peak RSS.

    python -m bench.worker load KIND TARGET LINES_DIR       casegraph's load path
    python -m bench.worker baseline KIND TARGET LINES_DIR   bare sqlite3 / bare driver, same rows
    python -m bench.worker query KIND TARGET NAME PARAMS_JSON

Each prints one JSON object on its last line of output.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.memory import current_rss_mb, peak_rss_mb


def load(kind: str, target: str, lines_dir: str) -> dict[str, Any]:
    """Timed as ``casegraph load DIR`` does it: read, parse, to_graph, write, with phase times."""
    from bench.stores import open_store
    from casegraph.graph import write_extractions
    from casegraph.loaders import load_paths

    store = open_store(kind, target)
    phases = {"parse_s": 0.0, "write_s": 0.0}

    def timed_items() -> Iterator[Any]:
        items = load_paths([lines_dir])
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                phases["parse_s"] += time.perf_counter() - start
            yield item

    write = store.write_batch

    def timed_write(batch: Any) -> Any:
        start = time.perf_counter()
        try:
            return write(batch)
        finally:
            phases["write_s"] += time.perf_counter() - start

    store.write_batch = timed_write
    start = time.perf_counter()
    report = write_extractions(store, timed_items())
    seconds = time.perf_counter() - start
    from casegraph.graph.rows import EVENT_LABELS

    stats = store.stats().as_dict()
    store.close()
    events = sum(n for label, n in stats["labels"].items() if label in EVENT_LABELS)
    kept = report.kept  # the hubs' exposure answers kept after the last batch (casegraph/graph/kept.py)
    return {"seconds": seconds, **phases, "keep_s": kept.seconds, "kept": {"hubs": kept.hubs, "made": kept.made},
            "graph_s": seconds - phases["parse_s"] - phases["write_s"] - kept.seconds,
            "documents": report.documents, "failed": len(report.failed), "nodes": stats["nodes"],
            "edges": stats["edges"], "events": events,
            "facts": stats["edges"] + events, "peak_rss_mb": peak_rss_mb()}


def baseline(kind: str, target: str, lines_dir: str) -> dict[str, Any]:
    from bench.baselines import neo4j_unwind, sqlite_bulk
    from bench.rows import expected

    lines = [ln for p in sorted(Path(lines_dir).glob("*.jsonl")) for ln in p.read_text().splitlines() if ln]
    exp = expected(lines)
    if kind == "neo4j":
        from neo4j import GraphDatabase

        with GraphDatabase.driver(target) as driver:
            seconds = neo4j_unwind(driver, None, exp.batch)
    else:
        seconds = sqlite_bulk(Path(target), exp.batch)
    return {"seconds": seconds, "nodes": exp.nodes, "edges": exp.edges, "events": exp.events, "facts": exp.facts}


def query(kind: str, target: str, name: str, params: str) -> dict[str, Any]:
    """Peak RSS of one canned query, against the RSS of the process with the store open."""
    import casegraph.queries  # noqa: F401  (imports count in the baseline, not in the query)
    from bench.queries import run_query
    from bench.stores import open_store

    store = open_store(kind, target)
    before = current_rss_mb()
    start = time.perf_counter()
    rows = run_query(store, name, json.loads(params))
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "rows": len(rows), "rss_before_mb": before, "peak_rss_mb": peak_rss_mb()}


def main(argv: list[str]) -> None:
    command, *args = argv
    result = {"load": load, "baseline": baseline, "query": query}[command](*args)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
