"""Query latency: every canned query on hubs and on ordinary parties, p50/p95, rows read.

The canned queries come from ``casegraph.queries.run(store, name, **params)``; while that module
is not there, only ``traverse`` runs: the bench's own reference read of the same neighbourhood
(EXPOSED_TO inbound, depth 3) through the store's primitives, so the store's floor is known.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from casegraph.schemas import name_key

CANNED = ("exposure", "actions", "timeline", "path", "entity")
HUB_SAMPLES, ORDINARY_SAMPLES, BUDGET_S = 15, 40, 45.0


def params_for(name: str, party: str, other: str) -> dict[str, Any]:
    """Parameters of each canned query (issue 4): exposure of ``party`` inbound at depth 3, etc."""
    return {
        "exposure": {"name": party, "depth": 3, "direction": "in", "limit": 50},
        "actions": {"name": party},
        "timeline": {"name": party},
        "path": {"a": party, "b": other},
        "entity": {"text": party},
        "traverse": {"name": party, "depth": 3},
    }[name]


def available() -> tuple[list[str], str | None]:
    """The canned queries casegraph has now, and why none if it has none."""
    try:
        from casegraph import queries
    except ImportError as error:
        return [], f"casegraph.queries not importable ({error})"
    if not hasattr(queries, "run"):
        return [], "casegraph.queries.run does not exist yet"
    names = getattr(queries, "NAMES", None) or getattr(queries, "QUERIES", None) or CANNED
    return [n for n in CANNED if n in names], None


def run_query(store: Any, name: str, params: dict[str, Any], quiet: bool = False) -> list[Any]:
    try:
        if name == "traverse":
            return traverse(store, params["name"], params["depth"])
        from casegraph.queries import run

        if name == "exposure":  # what `casegraph exposure` shows: totals over every chain, then the top 50
            run(store, "totals", **params)
        return list(run(store, name, **params))
    except Exception:
        if quiet:
            return []
        raise


def traverse(store: Any, name: str, depth: int) -> list[str]:
    """Who is exposed to ``name`` within ``depth`` hops: a breadth-first read, one query per hop."""
    if hasattr(store, "find_names"):  # the embedded store (both stores have edges())
        start = store.find_names(name_key(name))
        seen, frontier = set(start), list(start)
        for _ in range(depth):
            nxt = [e.src for e in store.edges(frontier, ["EXPOSED_TO"], "in") if e.src not in seen]
            seen.update(nxt)
            frontier = list(dict.fromkeys(nxt))
            if not frontier:
                break
        return sorted(seen)
    rows = store.run(
        "MATCH (p:Party {name: $name})<-[:EXPOSED_TO*1..3]-(c:Party) RETURN DISTINCT c.id AS id", name=name)
    return [r["id"] for r in rows]


def _profiled(store: Any, call: Callable[[], Any]) -> int | None:
    """Neo4j db hits of one run: the store's Cypher re-run under PROFILE, summed over the plan."""
    if not hasattr(store, "driver"):
        return None
    hits = 0
    plain = store.run

    def profiled_run(query: str, **params: Any) -> list[dict[str, Any]]:
        nonlocal hits
        with store.driver.session(database=store.database) as session:
            result = session.run("PROFILE " + query, params)
            rows = [r.data() for r in result]
            hits += _db_hits(result.consume().profile or {})
        return rows

    store.run = profiled_run
    try:
        call()
    finally:
        store.run = plain
    return hits


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(c) for c in plan.get("children", []))


def measure(store: Any, name: str, parties: list[str], others: list[str], samples: int) -> dict[str, Any]:
    """p50/p95 latency over up to ``samples`` runs cycling through ``parties``, within BUDGET_S.

    One warm-up run (caches, query plans) first; on Neo4j one PROFILE run per party while the budget
    lasts. At least one timed run is always taken, however slow.
    """
    times: list[float] = []
    reads: list[int] = []
    hits: list[int] = []
    results: list[int] = []
    began = time.perf_counter()
    run_query(store, name, params_for(name, parties[0], others[0]))
    if hasattr(store, "driver"):
        for party, other in zip(parties, others, strict=True):
            params = params_for(name, party, other)
            found = _profiled(store, lambda p=params: run_query(store, name, p))
            if found is not None:
                hits.append(found)
            if time.perf_counter() - began > BUDGET_S / 3:
                break
    index = 0
    while not times or (len(times) < samples and time.perf_counter() - began < BUDGET_S):
        party, other = parties[index % len(parties)], others[index % len(others)]
        index += 1
        params = params_for(name, party, other)
        before = getattr(store, "rows_read", 0)
        start = time.perf_counter()
        rows = run_query(store, name, params)
        times.append(time.perf_counter() - start)
        reads.append(getattr(store, "rows_read", 0) - before)
        results.append(len(rows))
    out: dict[str, Any] = {
        "samples": len(times),
        "p50_ms": round(statistics.median(times) * 1000, 2),
        "p95_ms": round(_pct(times, 0.95) * 1000, 2),
        "result_rows": int(statistics.median(results)),
    }
    if any(reads):
        out["rows_read"] = int(statistics.median(reads))
    if hits:
        out["db_hits"] = int(statistics.median(hits))
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_queries(store: Any, hubs: list[str], ordinary: list[str],
                  samples: tuple[int, int] = (HUB_SAMPLES, ORDINARY_SAMPLES)) -> dict[str, Any]:
    """Every available query, hubs and ordinary parties; a failing query is reported, not fatal."""
    names, why = available()
    out: dict[str, Any] = {"canned_available": names, "canned_missing_reason": why, "results": {}}
    for name in [*names, "traverse"]:
        for cls, parties, others, count in (("hub", hubs, ordinary[: len(hubs)], samples[0]),
                                            ("ordinary", ordinary, [*ordinary[1:], ordinary[0]], samples[1])):
            try:
                out["results"][f"{name}/{cls}"] = measure(store, name, parties[:count], others[:count], count)
            except Exception as error:
                out["results"][f"{name}/{cls}"] = {"error": f"{type(error).__name__}: {str(error)[:200]}"}
    return out
