"""Exposure answers before and after a change to how they are computed: the same bytes, or which differ.

    python -m bench.exposure_check --size 10k --save /tmp/exp-10k.json.gz       # on the old tree
    python -m bench.exposure_check --size 10k --compare /tmp/exp-10k.json.gz    # on the new one

On the bench's generated graph (seed 7, as ``python -m bench``): the 5 top hubs and 20 ordinary
parties, both directions, depths 1-4; per question the totals (counterparties listed: 50 and 5) and
the top chains (50 and 7), as ``casegraph exposure`` asks for them. ``--store`` reuses a store the
bench loaded (``--work DIR``: DIR/100k/casegraph.db); otherwise the lines are loaded into a fresh file.
``--neo4j URI`` asks a Neo4j server instead: the graph the bench left there (``--load``: emptied
and loaded first; it empties that database like the bench does). Answers from either store can be
compared with answers saved from the other: they are the same rows.

    python -m bench.exposure_check --size 100k --neo4j bolt://127.0.0.1:7689 --compare /tmp/exp-100k.json.gz
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.generate import generate
from bench.run import label, parse_size
from casegraph.graph import write_extractions
from casegraph.graph.embedded import EmbeddedStore
from casegraph.loaders.result import Loaded
from casegraph.queries import run
from casegraph.schemas import parse_line

HUBS, ORDINARY, DEPTHS = 5, 20, (1, 2, 3, 4)


def questions(size: int, seed: int, depths: tuple[int, ...] = DEPTHS) -> list[dict[str, Any]]:
    generated = generate(size, seed)
    parties = [*generated.hubs[:HUBS], *generated.ordinary[:ORDINARY]]
    return [{"name": p, "depth": d, "direction": w} for p in parties for w in ("in", "out") for d in depths]


def answers(store: Any, asked: dict[str, Any]) -> dict[str, Any]:
    """Every answer compared, as plain JSON."""
    return {"totals_50": run(store, "totals", **asked, limit=50), "totals_5": run(store, "totals", **asked, limit=5),
            "top_50": run(store, "exposure", **asked, limit=50), "top_7": run(store, "exposure", **asked, limit=7)}


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def open_neo4j(size: int, seed: int, uri: str, load: bool) -> Any:
    from casegraph.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(uri)
    store.init()
    if load:
        store.clear()
        store.init()
        lines = generate(size, seed).lines
        write_extractions(store, [Loaded(f"gen:{i}", parse_line(x)) for i, x in enumerate(lines, 1)])
    return store


def open_loaded(size: int, seed: int, path: str | None) -> EmbeddedStore:
    if path:
        return EmbeddedStore(path)
    target = Path(f"/tmp/exposure-check-{label(size)}-{seed}.db")
    if not target.exists():
        store = EmbeddedStore(target)
        lines = generate(size, seed).lines
        write_extractions(store, [Loaded(f"gen:{i}", parse_line(x)) for i, x in enumerate(lines, 1)])
        return store
    return EmbeddedStore(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10k")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", help="an embedded store of that graph (else one is loaded)")
    parser.add_argument("--neo4j", metavar="URI", help="ask this Neo4j server (the graph loaded there) instead")
    parser.add_argument("--load", action="store_true", help="with --neo4j: empty it and load the graph first")
    parser.add_argument("--depths", default="1,2,3,4", help="chain depths asked, e.g. 1,2,3,4 or 5,6")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", help="write the answers here (.json.gz)")
    what.add_argument("--compare", help="compare with answers saved before")
    args = parser.parse_args(argv)
    size = parse_size(args.size)
    store = (open_neo4j(size, args.seed, args.neo4j, args.load) if args.neo4j
             else open_loaded(size, args.seed, args.store))
    asked = questions(size, args.seed, tuple(int(d) for d in args.depths.split(",")))
    start, found = time.perf_counter(), []
    for q in asked:
        found.append({"asked": q, "answers": answers(store, q)})
    seconds = time.perf_counter() - start
    if args.save:
        with gzip.open(args.save, "wt") as out:
            json.dump(found, out, default=str)
        print(f"{len(found)} questions saved in {seconds:.1f} s")
        return 0
    with gzip.open(args.compare, "rt") as inp:
        saved = json.load(inp)
    if [s["asked"] for s in saved] != asked:
        print("the saved questions differ")
        return 1
    bad = [(s["asked"], k) for s, f in zip(saved, found, strict=True) for k in s["answers"]
           if digest(s["answers"][k]) != digest(f["answers"][k])]
    for q, k in bad[:20]:
        print("differs:", q, k)
    print(f"{len(found)} questions x {len(saved[0]['answers'])} answers: {len(bad)} differ ({seconds:.1f} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
