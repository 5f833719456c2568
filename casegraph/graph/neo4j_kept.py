"""Exposure answers kept on Neo4j for the parties with a large neighbourhood (issue 11).

The embedded store's rule (graph/kept.py: the same threshold, limit and depth) with its rows as
nodes outside the case graph (kept.cypher): a write transaction reads the rows of its batch that
lie in a kept neighbourhood before and after writing them, and drops the answers of those that
changed (the same input again changes none). A question is keyed by the ids asked (the group is
in the neighbourhood, so a change to it drops the answer). An answer is made after a load from
the canned queries, exactly as a question would compute it; a write by another client while it is
made is not seen (the embedded store checks for one).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError

from casegraph.graph import kept as rule
from casegraph.graph.base import KeptReport, chunks
from casegraph.graph.kept import READ_TYPES, cut_totals
from casegraph.graph.rows import BASE_LABELS, REL_TYPES, GraphBatch

if TYPE_CHECKING:
    from casegraph.graph.neo4j_store import Neo4jStore

KEPT, KEPT_NODE = "KeptExposure", "KeptNode"  # the labels (schema.cypher); left out of dumps
WRITE_ROWS = 10_000


@cache
def cypher(name: str, **fmt: str) -> str:
    """A named statement of kept.cypher, with schema names checked before they are spliced in."""
    text = Path(__file__).with_name("kept.cypher").read_text()
    parts = {n.strip(): "\n".join(x for x in body.splitlines() if not x.startswith("//")).strip()
             for n, _, body in (p.partition("\n") for p in re.split(r"^// name: ", text, flags=re.M)[1:])}
    text = parts[name]
    for hole, value in fmt.items():
        if value not in (*BASE_LABELS, *REL_TYPES):
            raise ValueError(f"{value!r} is not in the schema")
        text = text.replace(f"<{hole}>", value)
    return text


def key_of(ids: list[str], depth: int, direction: str) -> str:
    return json.dumps([sorted(ids), depth, direction])


@dataclass
class Watch:
    """The rows of one write that lie in a kept neighbourhood, and their stored state before it."""

    nodes: dict[str, list[str]] = field(default_factory=dict)  # base -> ids
    edges: dict[tuple[str, str, str], list[dict[str, str]]] = field(default_factory=dict)
    before: dict[tuple[str, ...], Any] = field(default_factory=dict)


class NeoKept:
    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    # -- reads ------------------------------------------------------------------------------

    def _read(self, column: str, ids: list[str], depth: int, direction: str, limit: int) -> Any:
        if depth != rule.KEPT_DEPTH or not 0 <= limit <= rule.KEPT_LIMIT:
            return None
        rows = self.store.run(cypher(f"kept_{column}"), key=key_of(ids, depth, direction), limit=limit)
        return rows[0][column] if rows else None

    def totals(self, ids: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]] | None:
        kept = self._read("totals", ids, depth, direction, limit)
        return None if kept is None else cut_totals(json.loads(kept), limit)

    def top(self, ids: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]] | None:
        """The first ``limit`` kept chains: one JSON text each, so the server sends only those."""
        kept = self._read("top", ids, depth, direction, limit)
        return None if kept is None else [json.loads(chain) for chain in kept]

    def questions(self) -> list[tuple[tuple[str, ...], int, str]]:
        return [(tuple(ids), depth, direction) for ids, depth, direction in
                (json.loads(r["key"]) for r in self.store.run(cypher("questions")))]

    # -- writes (inside the store's transaction) ----------------------------------------------

    def watch(self, tx: ManagedTransaction, batch: GraphBatch) -> Watch | None:
        """Before a write: the batch's rows in a kept neighbourhood and their stored state."""
        if not tx.run(cypher("any")).single()["any"]:
            return None
        ends = {end for r in batch.edges.values() if r.type in READ_TYPES for end in (r.src, r.dst)}
        members = {r["id"] for r in tx.run(cypher("members"), ids=sorted(ends | set(batch.nodes)))}
        if not members:
            return None
        watch = Watch()
        for row in batch.nodes.values():
            if row.id in members:
                watch.nodes.setdefault(row.base, []).append(row.id)
        for row in batch.edges.values():
            if row.type in READ_TYPES and (row.src in members or row.dst in members):
                watch.edges.setdefault((row.src_base, row.type, row.dst_base), []).append(
                    {"src": row.src, "dst": row.dst})
        watch.before = self._state(tx, watch)
        return watch

    def _state(self, tx: ManagedTransaction, watch: Watch) -> dict[tuple[str, ...], Any]:
        state: dict[tuple[str, ...], Any] = {}
        for base, ids in watch.nodes.items():
            for r in tx.run(cypher("node_props", base=base), ids=ids):
                state[(r["id"],)] = r["props"]
        for (src_base, type_, dst_base), rows in watch.edges.items():
            query = cypher("edge_props", src_base=src_base, type=type_, dst_base=dst_base)
            for r in tx.run(query, rows=rows):
                state[(r["src"], type_, r["dst"])] = r["props"]
        return state

    def written(self, tx: ManagedTransaction, watch: Watch | None, touched: set[str] | None = None) -> None:
        """After a write: drop the answers whose neighbourhood holds a row that changed (or ``touched``)."""
        touched = set(touched or ())
        if watch is not None:
            after = self._state(tx, watch)
            for key in watch.before.keys() | after.keys():
                if watch.before.get(key) != after.get(key):
                    touched.update((key[0], key[-1]))
        if touched:
            keys = [r["key"] for r in tx.run(cypher("drop"), ids=sorted(touched))]
            if keys:
                tx.run(cypher("drop_nodes"), keys=keys).consume()

    # -- after a load -------------------------------------------------------------------------

    def keep(self) -> KeptReport:
        """Make the answer of every hub that has none kept, with its neighbourhood."""
        from casegraph.queries import neo4j_answer
        from casegraph.queries.cypher import canned

        start, report, store = time.perf_counter(), KeptReport(), self.store
        kept = {r["key"] for r in store.run(cypher("questions"))}
        for hub in store.run(cypher("hubs"), hub=rule.HUB_DEGREE):
            report.hubs += 1
            ids, direction = [hub["id"]], hub["direction"]
            key = key_of(ids, rule.KEPT_DEPTH, direction)
            if key in kept:
                report.valid += 1
                continue
            totals, top = neo4j_answer(store, ids, rule.KEPT_DEPTH, direction, rule.KEPT_LIMIT)
            group = sorted(r["id"] for r in store.run(canned("group").text, ids=ids))
            nodes, frontier = set(group), list(group)
            for _ in range(rule.KEPT_DEPTH):
                frontier = sorted({r["id"] for part in chunks(frontier, WRITE_ROWS)
                                   for r in store.run(cypher(f"level_{direction}"), ids=part, group=group)} - nodes)
                nodes.update(frontier)
            try:
                store.write(self._keep, key, json.dumps(totals), [json.dumps(c) for c in top], sorted(nodes))
            except ConstraintError:  # another client kept it meanwhile
                continue
            kept.add(key)
            report.made += 1
        report.seconds = time.perf_counter() - start
        return report

    @staticmethod
    def _keep(tx: ManagedTransaction, key: str, totals: str, top: list[str], nodes: list[str]) -> None:
        tx.run(cypher("keep"), key=key, totals=totals, top=top).consume()
        for part in chunks(nodes, WRITE_ROWS):
            tx.run(cypher("keep_nodes"), ids=part, key=key).consume()
