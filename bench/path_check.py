"""Path answers before and after a change to how they are found: the same rows, or which differ; and
the time of each pair, slowest first.

    python -m bench.path_check --store /tmp/b/100k/casegraph.db --size 100k --save /tmp/path-100k.json.gz   # old tree
    python -m bench.path_check --store /tmp/b/100k/casegraph.db --size 100k --compare /tmp/path-100k.json.gz

The pairs are the bench's (bench/queries.py: each top hub to an ordinary party, each ordinary party
to the next) and more of the same kinds (each ordinary party to the one 7 on, hub to hub), on the
bench's generated graph (seed 7); ``--store`` is the store a bench load left for that size.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
import time
from typing import Any

from bench.generate import generate
from bench.queries import HUB_SAMPLES, ORDINARY_SAMPLES
from bench.run import parse_size
from casegraph.graph.embedded import EmbeddedStore
from casegraph.queries import run


def pairs(size: int, seed: int) -> list[tuple[str, str, str]]:
    """(class, a, b): the bench's pairs first, then the extra ones."""
    generated = generate(size, seed)
    hubs, ordinary = generated.hubs[:HUB_SAMPLES], generated.ordinary
    out = [("hub", a, b) for a, b in zip(hubs, ordinary[: len(hubs)], strict=False)]
    shown = ordinary[:ORDINARY_SAMPLES]
    out += [("ordinary", a, b) for a, b in zip(shown, [*ordinary[1:], ordinary[0]], strict=False)]
    out += [("extra", a, ordinary[(i + 7) % len(ordinary)]) for i, a in enumerate(shown)]
    out += [("extra", a, b) for i, a in enumerate(hubs) for b in hubs[i + 1:]]
    return out


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", required=True, help="the embedded store a bench load left for this size")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per pair (after one warm-up)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--save", help="write the answers here (.json.gz)")
    what.add_argument("--compare", help="compare with answers saved before")
    args = parser.parse_args(argv)
    store = EmbeddedStore(args.store)
    asked = pairs(parse_size(args.size), args.seed)
    found, times = [], []
    for cls, a, b in asked:
        rows = run(store, "path", a=a, b=b)
        taken = []
        for _ in range(args.runs):
            start = time.perf_counter()
            run(store, "path", a=a, b=b)
            taken.append(time.perf_counter() - start)
        found.append({"asked": [cls, a, b], "rows": rows})
        times.append((statistics.median(taken) * 1000, cls, a, b, len(rows)))
    for cls in ("hub", "ordinary", "extra"):
        mine = sorted(t for t, c, *_ in times if c == cls)
        if mine:
            print(f"{cls}: {len(mine)} pairs, median {statistics.median(mine):.1f} ms, "
                  f"max {mine[-1]:.1f} ms, total {sum(mine):.0f} ms")
    for t, cls, a, b, n in sorted(times, reverse=True)[:8]:
        print(f"  {t:8.1f} ms  {cls:8} {a} -> {b}  ({n} rows)")
    if args.save:
        with gzip.open(args.save, "wt") as out:
            json.dump(found, out, default=str)
        print(f"{len(found)} pairs saved")
    if args.compare:
        with gzip.open(args.compare, "rt") as inp:
            saved = json.load(inp)
        if [s["asked"] for s in saved] != [f["asked"] for f in found]:
            print("the saved pairs differ")
            return 1
        bad, order = [], []
        for s, f in zip(saved, found, strict=True):
            if digest(s["rows"]) != digest(f["rows"]):
                same = sorted(map(digest, s["rows"])) == sorted(map(digest, json.loads(json.dumps(f["rows"]))))
                (order if same else bad).append(s["asked"])
        for q in bad[:20]:
            print("differs:", q)
        for q in order[:20]:
            print("same rows, other order:", q)
        print(f"{len(found)} pairs: {len(bad)} differ, {len(order)} the same rows in another order")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
