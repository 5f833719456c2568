"""Canned queries: one entry point, the same rows from Neo4j (.cypher files) and the embedded store.

    run(store, "exposure", name="FTX", depth=3, direction="in") -> list[dict]

Names resolve case-, accent- and legal-form-insensitively through aliases (names.resolve); an
unknown name raises NoParty with the closest names. See README.md beside this file for the rows.
"""

from __future__ import annotations

from typing import Any

from casegraph.queries import embedded, finish
from casegraph.queries.cypher import canned
from casegraph.queries.names import NoParty, fuzzy, is_neo4j, resolve

__all__ = ["DEPTH_DEFAULT", "DEPTH_MAX", "QUERIES", "NoParty", "exposure_totals", "resolve", "run"]

QUERIES = ("exposure", "group", "actions", "timeline", "path", "entity", "documents")
DEPTH_DEFAULT, DEPTH_MAX = 3, 6
exposure_totals = finish.exposure_totals


def _ids(store: Any, name: str | None, ids: list[str] | None) -> list[str]:
    return list(ids) if ids is not None else resolve(store, name or "")


def run(store: Any, query: str, **params: Any) -> list[dict[str, Any]]:
    """Run a canned query on either store; rows are plain dicts in a stable order.

    exposure: name|ids, depth=3, direction='in'|'out'   group, actions, timeline: name|ids
    path: a|from_ids, b|to_ids                          entity: text, limit=10 | ids
    documents: ids (document ids, as evidence and sources name them)
    """
    neo4j = is_neo4j(store)
    if query == "exposure":
        depth, direction = int(params.get("depth", DEPTH_DEFAULT)), params.get("direction", "in")
        if not 1 <= depth <= DEPTH_MAX:
            raise ValueError(f"depth must be 1..{DEPTH_MAX}, not {depth}")
        if direction not in ("in", "out"):
            raise ValueError(f"direction must be in or out, not {direction!r}")
        ids = _ids(store, params.get("name"), params.get("ids"))
        raw = (store.run(canned(f"exposure_{direction}").text, ids=ids, depth=depth) if neo4j
               else embedded.exposure(store, ids, depth, direction))
        return finish.exposure(raw, direction)
    if query == "group":
        ids = _ids(store, params.get("name"), params.get("ids"))
        raw = store.run(canned("group").text, ids=ids) if neo4j else embedded.group_members(store, ids)
        return finish.group(raw, run(store, "actions", ids=ids))
    if query in ("actions", "timeline"):
        ids = _ids(store, params.get("name"), params.get("ids"))
        raw = store.run(canned(query).text, ids=ids) if neo4j else getattr(embedded, query)(store, ids)
        return getattr(finish, query)(raw)
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
        raw = store.run(canned("entity").text, ids=ids) if neo4j else embedded.entity(store, ids)
        return finish.entity(raw, scores)
    if query == "documents":
        ids = sorted(set(params["ids"]))
        raw = store.run(canned("documents").text, ids=ids) if neo4j else embedded.documents(store, ids)
        return finish.documents(raw)
    raise ValueError(f"unknown query {query!r}; one of {', '.join(QUERIES)}")
