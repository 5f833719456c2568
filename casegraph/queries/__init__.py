"""Canned queries: one entry point, the same rows from Neo4j (.cypher files) and the embedded store.

    run(store, "exposure", name="FTX", depth=3, direction="in", limit=50) -> list[dict]  (largest first)
    run(store, "totals", name="FTX", depth=3, direction="in") -> list[dict]  (over every chain, in the store)
    stream_exposure(store, name="FTX") -> every chain, one at a time (constant memory)

Names resolve case-, accent- and legal-form-insensitively through aliases (names.resolve); an
unknown name raises NoParty with the closest names. See README.md beside this file for the rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from casegraph.queries import embedded, finish
from casegraph.queries.cypher import canned
from casegraph.queries.names import NoParty, fuzzy, is_neo4j, parties, resolve

__all__ = ["DEPTH_DEFAULT", "DEPTH_MAX", "LIMIT_DEFAULT", "QUERIES", "NoParty", "exposure_totals", "resolve", "run",
           "stream_exposure"]

QUERIES = ("exposure", "totals", "group", "actions", "timeline", "actions_totals", "timeline_totals", "path", "entity",
           "documents")
DEPTH_DEFAULT, DEPTH_MAX = 3, 6
LIMIT_DEFAULT = 50  # chains a person reads; --all streams the rest
ALL = 1 << 62  # LIMIT for every chain on Neo4j
PROBE_MARGIN = 50  # chains read by amount beyond the limit before the full order (Neo4j)
PROBE_MAX = 1_000
ENTITY_NEIGHBOURS = 25  # relationships listed per party found (a hub has thousands; the count says how many)
# Neo4j: parties of the id index checked, in order, for a hub's relationships (entity.cypher): above
# the ~5,500 parties a 25-id prefix of a hub's takes at 1M relationships (550k parties), bounded.
ENTITY_SCAN = 10_000
exposure_totals = finish.exposure_totals


def _ids(store: Any, name: str | None, ids: list[str] | None) -> list[str]:
    return list(ids) if ids is not None else resolve(store, name or "")


def _direction(params: dict[str, Any]) -> str:
    direction = params.get("direction", "in")
    if direction not in ("in", "out"):
        raise ValueError(f"direction must be in or out, not {direction!r}")
    return direction


def _exposure_params(store: Any, params: dict[str, Any]) -> tuple[int, str, list[str]]:
    depth = int(params.get("depth", DEPTH_DEFAULT))
    if not 1 <= depth <= DEPTH_MAX:
        raise ValueError(f"depth must be 1..{DEPTH_MAX}, not {depth}")
    direction = _direction(params)
    return depth, direction, _ids(store, params.get("name"), params.get("ids"))


def _exposure(store: Any, params: dict[str, Any], limit: int | None) -> Iterator[dict[str, Any]]:
    """Raw chain rows, largest first, from the store (top ``limit``, or all as they come)."""
    depth, direction, ids = _exposure_params(store, params)
    if is_neo4j(store):
        if limit is None:
            return store.stream(canned(f"exposure_all_{direction}").text, ids=ids, depth=depth)
        kept = store.kept_top(ids, depth, direction, limit)
        return iter(kept if kept is not None else _neo4j_top(store, ids, depth, direction, limit))
    return embedded.exposure(store, ids, depth, direction, limit)


def _amount_key(amount: float | None) -> tuple[bool, float]:
    return (amount is None, -(amount or 0.0))


def _neo4j_top(store: Any, ids: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` largest chains on Neo4j: the server orders in full only the ``probe`` largest by
    amount; when a row shown ties with the last of those (bound), some chain not read might tie
    too, so ask again with more (past PROBE_MAX, every chain in order: the server holds the probed
    chains in one list, and Neo4j accounts it once per row)."""
    text = canned(f"exposure_{direction}").text
    probe = max(2 * limit, limit + PROBE_MARGIN)
    while True:
        if probe > PROBE_MAX:
            every = store.stream(canned(f"exposure_all_{direction}").text, ids=ids, depth=depth)
            try:
                return list(itertools.islice(every, limit))
            finally:
                every.close()
        rows = store.run(text, ids=ids, depth=depth, limit=limit, probe=probe)
        if not rows or rows[0]["probed"] < probe:  # every chain was read
            return rows
        last = rows[-1]["hops"][0 if direction == "in" else -1]["amount"]
        if _amount_key(last) < _amount_key(rows[0]["bound"]):  # every chain not read comes after
            return rows
        probe *= 4


def neo4j_answer(store: Any, ids: list[str], depth: int, direction: str, limit: int
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The raw totals and top chains rows computed on Neo4j, as a question takes them: what a hub's
    kept answer holds (graph/neo4j_kept.py)."""
    totals = store.run(canned(f"exposure_totals_{direction}").text, ids=ids, depth=depth, limit=limit)
    return totals, _neo4j_top(store, ids, depth, direction, limit)


def stream_exposure(store: Any, **params: Any) -> Iterator[dict[str, Any]]:
    """Every exposure chain (parameters as run's), largest first, finished one at a time: --all."""
    return finish.chains(_exposure(store, params, None), _direction(params))


def run(store: Any, query: str, **params: Any) -> list[dict[str, Any]]:
    """Run a canned query on either store; rows are plain dicts in a stable order.

    exposure: name|ids, depth=3, direction='in'|'out', limit=None (all)
    totals: name|ids, depth, direction, limit=50 (direct counterparties listed per currency)
    group: name|ids                     actions, timeline: name|ids, limit=None (all; the first N in their order)
    actions_totals, timeline_totals: name|ids (counts per event type, year and currency, in the store)
    path: a|from_ids, b|to_ids                          entity: text, limit=10 | ids, neighbours=25
    documents: ids (document ids, as evidence and sources name them)
    """
    neo4j = is_neo4j(store)
    if query == "exposure":
        limit = params.get("limit")
        return finish.exposure(_exposure(store, params, None if limit is None else int(limit)), _direction(params))
    if query == "totals":
        depth, direction, ids = _exposure_params(store, params)
        limit = int(params.get("limit", LIMIT_DEFAULT))
        kept = store.kept_totals(ids, depth, direction, limit) if neo4j else None
        raw = (kept if kept is not None
               else store.run(canned(f"exposure_totals_{direction}").text, ids=ids, depth=depth, limit=limit) if neo4j
               else embedded.exposure_totals(store, ids, depth, direction, limit))
        keys = {part for r in raw if r["kind"] in ("target", "counterparty") for part in r["key"].split("|")}
        return finish.totals(raw, ids, parties(store, sorted(keys)))
    if query == "group":
        ids = _ids(store, params.get("name"), params.get("ids"))
        raw = store.run(canned("group").text, ids=ids) if neo4j else embedded.group_members(store, ids)
        return finish.group(raw, run(store, "actions", ids=ids))
    if query in ("actions", "timeline"):
        ids = _ids(store, params.get("name"), params.get("ids"))
        limit = None if params.get("limit") is None else int(params["limit"])
        raw = (store.run(canned(query).text, ids=ids, limit=ALL if limit is None else limit) if neo4j
               else getattr(embedded, query)(store, ids, limit))
        return getattr(finish, query)(raw)
    if query in ("actions_totals", "timeline_totals"):
        ids = _ids(store, params.get("name"), params.get("ids"))
        events = query.removesuffix("_totals")
        raw = store.run(canned(query).text, ids=ids) if neo4j else embedded.event_totals(store, events, ids)
        return finish.event_totals(raw)
    if query == "path":
        a = _ids(store, params.get("a"), params.get("from_ids"))
        b = _ids(store, params.get("b"), params.get("to_ids"))
        if set(a) & set(b):
            raise ValueError("the two names are the same party")
        raw = store.run(canned("path").text, from_ids=a, to_ids=b) if neo4j else embedded.path(store, a, b)
        return finish.path(raw)
    if query == "entity":
        if params.get("ids") is not None:  # known ids, no search
            ids, scores = list(params["ids"]), {}
        else:
            matches = fuzzy(store, params["text"], limit=int(params.get("limit", 10)))
            scores = {m.id: (m.score, m.key) for m in matches}
            ids = [m.id for m in matches]
        shown = int(params.get("neighbours", ENTITY_NEIGHBOURS))
        raw = (store.run(canned("entity").text, ids=ids, neighbours=shown, scan=ENTITY_SCAN) if neo4j
               else embedded.entity(store, ids, shown))
        return finish.entity(raw, scores)
    if query == "documents":
        ids = sorted(set(params["ids"]))
        raw = store.run(canned("documents").text, ids=ids) if neo4j else embedded.documents(store, ids)
        return finish.documents(raw)
    raise ValueError(f"unknown query {query!r}; one of {', '.join(QUERIES)}")
