"""``python -m bench``: generate case graphs, then load, query, extract and measure memory.

    python -m bench --sizes 10k,100k --stores embedded,neo4j --only load,query --out bench/results/latest.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

from bench.extract import bench_extract
from bench.jobs import bench_jobs
from bench.queries import HUB_SAMPLES, ORDINARY_SAMPLES
from bench.report import print_tables, targets
from bench.run import label, parse_size, run_size
from bench.stores import neo4j_available, neo4j_uri

SECTIONS = ("load", "query", "extract", "memory", "jobs")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem_kb = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                  if ln.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "ram_gib": round(mem_kb / 1024 / 1024, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform()}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k", help="relationships per graph, e.g. 10k,100k,1m")
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--only", default=",".join(SECTIONS), help="any of load,query,extract,memory,jobs")
    parser.add_argument("--out", default="bench/results/latest.json")
    parser.add_argument("--work", default="/tmp/casegraph-bench", help="folder for generated lines and stores")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--extract-docs", type=int, default=5_000)
    parser.add_argument("--reuse", action="store_true",
                        help="with --only query/memory: query the store a previous run left in --work")
    parser.add_argument("--samples", default=f"{HUB_SAMPLES},{ORDINARY_SAMPLES}",
                        help="query runs per query on hubs, on ordinary parties")
    args = parser.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    if unknown := only - set(SECTIONS):
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    hub_n, ordinary_n = (int(x) for x in args.samples.split(","))
    samples = (hub_n, ordinary_n)
    kinds = [k.strip() for k in args.stores.split(",") if k.strip()]
    result: dict[str, Any] = {"machine": machine(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                              "seed": args.seed, "sections": sorted(only), "sizes": {}}
    if "neo4j" in kinds:
        why = neo4j_available(neo4j_uri())
        result["neo4j"] = {"uri": neo4j_uri(), "skipped": why}
        if why:
            print(f"Neo4j at {neo4j_uri()} not reachable, skipping it: {why}")
            kinds.remove("neo4j")
    if only & {"load", "query", "memory"}:
        for size in (parse_size(s) for s in args.sizes.split(",")):
            print(f"== {label(size)} relationships: {', '.join(kinds)}", flush=True)
            name = label(size)

            def partial(section: dict[str, Any], name: str = name) -> None:
                result["sizes"][name] = section
                _save(result, args.out)

            result["sizes"][name] = run_size(size, kinds, only, Path(args.work), args.seed, samples, args.reuse,
                                             partial)
            _save(result, args.out)
    if "extract" in only:
        print("== extraction", flush=True)
        result["extract"] = bench_extract(args.extract_docs)
    if "jobs" in only:
        print("== load --jobs", flush=True)
        result["jobs"] = bench_jobs(Path(args.work))
        _save(result, args.out)
    result["targets"] = targets(result)
    _save(result, args.out)
    print_tables(result)
    return result


def _save(result: dict[str, Any], out: str) -> None:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
