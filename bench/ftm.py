"""FollowTheMoney load: entities in the OpenSanctions shape, loaded as ``casegraph load`` loads them.

    python -m bench.ftm --sizes 10k,100k [--stores embedded,neo4j] [--out bench/results/ftm.json]

Per size: entities/s and peak resident memory of the loading process (each size in its own child
process, so one run's caches do not count in the next). Memory must stay flat as the stream grows:
the interval records are spooled to disk and the FtM id -> party map is a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.memory import ROOT, current_rss_mb, peak_rss_mb
from bench.run import parse_size

SYLLABLES = ["vo", "stri", "kar", "len", "mo", "tra", "de", "quar", "bit", "zor", "vex", "pla", "nor", "sel", "ik"]
FORMS = ["Ltd", "LLC", "AG", "BV", "SA", "Holdings", "Trading", "Capital", "Group"]
COUNTRIES = ["ru", "cy", "ae", "gb", "us", "nl", "mt", "ch", "sg", "hk"]
DATASETS = ["us_ofac_sdn", "eu_fsf", "gb_hmt_sanctions", "ru_egrul", "ae_local", "mt_register"]
PROGRAMS = ["RUSSIA-EO14024", "UKRAINE-EO13662", "SDGT", "IRAN", "DPRK3"]


def _name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(words))


def generate(path: Path, count: int, seed: int = 7) -> dict[str, int]:
    """``count`` entities: companies and people, then ownerships, directorships, sanctions, debts,
    payments and addresses naming them, shuffled as an id-sorted OpenSanctions export is."""
    rng = random.Random(seed)
    parties = int(count * 0.6)
    people = parties // 4
    ids = [f"NK-{rng.getrandbits(64):016x}" for _ in range(parties)]
    kinds = {"Company": parties - people, "Person": people}
    records = []

    def record(id_: str, schema: str, props: dict[str, list[str]]) -> dict[str, Any]:
        seen = f"20{rng.randint(18, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T00:00:00"
        return {"id": id_, "caption": (props.get("name") or [id_])[0], "schema": schema, "properties": props,
                "referents": [], "datasets": rng.sample(DATASETS, rng.randint(1, 2)), "first_seen": seen,
                "last_seen": "2024-03-01T00:00:00", "last_change": seen, "target": schema != "Address"}

    for n, id_ in enumerate(ids):
        if n < people:
            records.append(record(id_, "Person", {"name": [_name(rng, 2)], "nationality": [rng.choice(COUNTRIES)],
                                                  "birthDate": [f"19{rng.randint(40, 99)}"]}))
        else:
            props = {"name": [f"{_name(rng, rng.randint(1, 2))} {rng.choice(FORMS)}"],
                     "country": [rng.choice(COUNTRIES)], "registrationNumber": [str(rng.getrandbits(30))]}
            if rng.random() < 0.3:
                props["alias"] = [_name(rng, 1)]
            records.append(record(id_, "Company", props))
    companies, persons = ids[people:], ids[:people]
    mix = [("Ownership", 0.35), ("Directorship", 0.2), ("Sanction", 0.2), ("Debt", 0.1), ("Payment", 0.05),
           ("Address", 0.1)]
    for n in range(count - parties):
        schema = rng.choices([m for m, _ in mix], [w for _, w in mix])[0]
        id_ = f"{schema[:3].lower()}-{n:x}-{rng.getrandbits(32):08x}"
        if schema == "Ownership":
            props = {"owner": [rng.choice(ids)], "asset": [rng.choice(companies)],
                     "percentage": [str(rng.choice([100, 75, 51, 50, 25, 10]))]}
        elif schema == "Directorship":
            props = {"director": [rng.choice(persons)], "organization": [rng.choice(companies)],
                     "role": [rng.choice(["Director", "General Director", "Chairman"])]}
        elif schema == "Sanction":
            props = {"entity": [rng.choice(ids)], "authority": ["Office of Foreign Assets Control"],
                     "program": [rng.choice(PROGRAMS)],
                     "startDate": [f"20{rng.randint(14, 23)}-0{rng.randint(1, 9)}-01"]}
        elif schema in ("Debt", "Payment"):
            a, b = ("creditor", "debtor") if schema == "Debt" else ("payer", "beneficiary")
            props = {a: [rng.choice(companies)], b: [rng.choice(companies)],
                     "amount": [str(rng.randint(10_000, 50_000_000))], "currency": [rng.choice(["USD", "EUR"])]}
        else:
            props = {"full": [f"{rng.randint(1, 200)} {_name(rng, 1)} Street"], "country": [rng.choice(COUNTRIES)]}
        records.append(record(id_, schema, props))
        kinds[schema] = kinds.get(schema, 0) + 1
    records.sort(key=lambda r: r["id"])
    with path.open("w", encoding="utf-8") as out:
        for item in records:
            out.write(json.dumps(item) + "\n")
    return kinds


def worker(path: str, store: str) -> dict[str, Any]:
    """In a child process: ``casegraph load PATH`` through its functions; time and peak memory.

    With store ``-`` only the loader runs (read, map, validate): its memory apart from a store's.
    """
    from casegraph.graph import open_store, write_extractions
    from casegraph.loaders import Reading
    from casegraph.schemas import name_key, party_id

    if store == "-":
        started = time.perf_counter()
        items = sum(1 for item in Reading().load([path]) if item.extraction)
        return {"seconds": round(time.perf_counter() - started, 2), "documents": items,
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "name_cache_entries": name_key.cache_info().currsize + party_id.cache_info().currsize}
    graph = open_store(store)
    if hasattr(graph, "clear"):
        graph.clear()
    graph.init()
    trace: list[tuple[int, float]] = []

    def traced(items):
        """Resident memory every 10,000 items read: the parties come first, the interval records last."""
        for n, item in enumerate(items):
            if n % 10_000 == 0:
                trace.append((n, round(current_rss_mb(), 1)))
            yield item

    started = time.perf_counter()
    report = write_extractions(graph, traced(Reading().load([path])))
    seconds = time.perf_counter() - started
    stats = graph.stats().as_dict()
    graph.close()
    return {"seconds": round(seconds, 2), "documents": report.documents, "failed": len(report.failed),
            "nodes": stats["nodes"], "edges": stats["edges"], "peak_rss_mb": round(peak_rss_mb(), 1),
            "name_cache_entries": name_key.cache_info().currsize + party_id.cache_info().currsize, "rss_trace": trace}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.ftm", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--stores", default="embedded",
                        help="embedded, neo4j, and/or loader (the loader alone, no store)")
    parser.add_argument("--work", default="/tmp/casegraph-bench-ftm")
    parser.add_argument("--out", default="bench/results/ftm.json")
    parser.add_argument("--worker", nargs=2, metavar=("PATH", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = worker(*args.worker)
        print(json.dumps(result))
        return result
    from bench.stores import neo4j_uri

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    for size in (s.strip() for s in args.sizes.split(",") if s.strip()):
        count = parse_size(size)
        path = work / f"entities-{size}.ftm.json"
        kinds = generate(path, count) if not path.exists() else {}
        for store in (s.strip() for s in args.stores.split(",") if s.strip()):
            target = {"embedded": str(work / f"ftm-{size}.db"), "loader": "-"}.get(store) or neo4j_uri()
            if store == "embedded":
                Path(target).unlink(missing_ok=True)
            proc = subprocess.run([sys.executable, "-m", "bench.ftm", "--worker", str(path), target],
                                  capture_output=True, text=True, cwd=ROOT, timeout=7200)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr[-2000:])
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            result.update(entities=count, entities_per_s=round(count / result["seconds"]), kinds=kinds,
                          mb=round(path.stat().st_size / 1e6, 1))
            results[f"{store} {size}"] = result
            stored = (f"; {result['nodes']:,} nodes, {result['edges']:,} relationships, {result['failed']} failed"
                      if "nodes" in result else "")
            print(f"{store:8} {size:>5}: {count:,} entities ({result['mb']} MB) in {result['seconds']} s = "
                  f"{result['entities_per_s']:,} entities/s; peak RSS {result['peak_rss_mb']} MB "
                  f"({result['name_cache_entries']:,} name-cache entries){stored}", flush=True)
            if result.get("rss_trace"):
                print("  RSS MB by items read: " + ", ".join(f"{n // 1000}k {mb}" for n, mb in result["rss_trace"]))
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
