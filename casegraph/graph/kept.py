"""Exposure answers kept in the embedded file for the parties with a large neighbourhood (issue 11).

An exact answer for a hub read from the graph costs ≥ 0.5 s at 1M relationships whatever the plan
(bench/README.md, "Hub exposure counted per prefix"), so it is made once after a load and kept:
the raw rows of the totals (up to KEPT_LIMIT counterparties per currency) and of the KEPT_LIMIT
largest chains at KEPT_DEPTH, with every node of the neighbourhood. A write that changes one of
those nodes, or a relationship of a type an answer reads (READ_TYPES) with an end among them, drops
the answer in the write's own transaction; a write that changes nothing (the same input again)
drops nothing. A question the kept rows cannot serve (another depth, a larger limit, an answer
dropped since the last load) is computed as before. The SQL is in kept.sql beside this file.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from casegraph.graph.base import KeptReport
from casegraph.graph.exposure import Exposure, sections

# Parties with at least this many EXPOSED_TO relationships one way get a kept answer. Measured on the
# bench graph (bench/README.md, "Hub exposure kept at load time"): below it a question reads fewer than
# ~2,000 rows and is answered in ≤ ~40 ms; the 100k graph has 20 such parties (in), the 1m one 149.
HUB_DEGREE = 200
KEPT_LIMIT = 1_000  # chains, and counterparties per currency, kept: --limit up to this is served
KEPT_DEPTH = 3  # the depth asked unless told (queries.DEPTH_DEFAULT)
READ_TYPES = frozenset({"EXPOSED_TO", "SUBSIDIARY_OF"})  # what an answer reads: its chains and its group
NEAR = {"in": "dst", "out": "src"}  # the column of the end toward the group


def _sql(name: str, **fmt: Any) -> str:
    return sections("kept.sql")[name].format(**fmt)


def _key(group: Iterable[str]) -> str:
    return json.dumps(sorted(group))


def cut_totals(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The kept totals as exposure.Exposure.totals(limit) gives them: per currency the ``limit``
    largest counterparty rows (largest total first, unknown last, then the key), in stored order."""
    shown: set[tuple[Any, Any]] = set()
    per: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        if row["kind"] == "counterparty":
            per.setdefault(row["currency"], []).append(row)
    for cps in per.values():
        cps.sort(key=lambda r: (r["total"] is None, -(r["total"] or 0.0), r["key"]))
        shown.update((r["key"], r["currency"]) for r in cps[:limit])
    return [r for r in rows if r["kind"] != "counterparty" or (r["key"], r["currency"]) in shown]


class Kept:
    """The kept answers of one store connection: read, dropped by writes, made after loads."""

    def __init__(self, db: sqlite3.Connection, exposure: Exposure) -> None:
        self.db = db
        self.exposure = exposure

    # -- reads ------------------------------------------------------------------------------

    def _read(self, column: str, group: list[str], depth: int, direction: str, limit: int) -> Any:
        if depth != KEPT_DEPTH or not 0 <= limit <= KEPT_LIMIT:
            return None
        row = self.db.execute(_sql(f"read_{column}"), (_key(group), depth, direction)).fetchone()
        return None if row is None else orjson.loads(row[0])

    def totals(self, group: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]] | None:
        """The totals rows of a kept answer, or None when none is kept for this question."""
        rows = self._read("totals", group, depth, direction, limit)
        return None if rows is None else cut_totals(rows, limit)

    def top(self, group: list[str], depth: int, direction: str, limit: int
            ) -> list[tuple[str, str, int, str, Any]] | None:
        """The ``limit`` largest chains of a kept answer (the kept ones are in order), or None."""
        rows = self._read("top", group, depth, direction, limit)
        return None if rows is None else [tuple(r) for r in rows[:limit]]

    def questions(self) -> list[tuple[tuple[str, ...], int, str]]:
        """(group, depth, direction) of every answer kept now, in key order."""
        return [(tuple(json.loads(g)), d, w) for g, d, w in self.db.execute(_sql("questions"))]

    # -- writes (inside the writer's transaction) -------------------------------------------

    def written(self, touched: set[str], ends: set[str]) -> None:
        """After a write: drop the answers whose neighbourhood holds a ``touched`` node, and note the
        ``ends`` of new EXPOSED_TO relationships that are hubs now."""
        db = self.db
        if touched and db.execute(_sql("any")).fetchone()[0]:
            db.execute(_sql("touched"))
            db.execute("DELETE FROM temp.kept_touched")
            db.executemany("INSERT OR IGNORE INTO temp.kept_touched VALUES (?)", [(i,) for i in touched])
            for (answer,) in db.execute(_sql("dropped")).fetchall():
                db.execute(_sql("drop_answer"), (answer,))
                db.execute(_sql("drop_nodes"), (answer,))
        if ends:
            db.execute(_sql("ends"))
            db.execute("DELETE FROM temp.kept_ends")
            db.executemany("INSERT OR IGNORE INTO temp.kept_ends VALUES (?)", [(i,) for i in ends])
            for direction, near in NEAR.items():
                db.execute(_sql("new_hubs", direction=direction, near=near), (HUB_DEGREE,))

    def all_hubs(self) -> None:
        """Every hub of a file written before answers were kept (schema 4), inside its upgrade."""
        for direction, near in NEAR.items():
            self.db.execute(_sql("all_hubs", direction=direction, near=near), (HUB_DEGREE,))

    # -- after a load -------------------------------------------------------------------------

    def keep(self, group_of: Callable[[list[str]], Iterable[str]]) -> KeptReport:
        """Make the answer of every hub's question that has none kept. Each is computed outside a
        transaction (the graph is only read) and kept in one, unless another connection wrote in
        between (PRAGMA data_version): then it is left to be computed, and kept by the next load."""
        db, start = self.db, time.perf_counter()
        report = KeptReport()
        done: set[tuple[str, str]] = set()
        for hub, direction in db.execute(_sql("hubs")).fetchall():
            if db.execute(_sql("degree", near=NEAR[direction]), (hub,)).fetchone()[0] < HUB_DEGREE:
                with _transaction(db):
                    db.execute(_sql("drop_hub"), (hub, direction))
                continue
            report.hubs += 1
            key = _key(group_of([hub]))
            if (key, direction) in done:
                continue
            done.add((key, direction))
            if db.execute(_sql("answer_id"), (key, KEPT_DEPTH, direction)).fetchone():
                report.valid += 1
                continue
            version = db.execute("PRAGMA data_version").fetchone()[0]
            group = json.loads(key)
            self.exposure.build(group, KEPT_DEPTH, direction)
            totals = orjson.dumps(self.exposure.totals(KEPT_LIMIT)).decode()
            top = orjson.dumps(self.exposure.top(KEPT_LIMIT, direction)).decode()
            with _transaction(db):
                if (db.execute("PRAGMA data_version").fetchone()[0] != version
                        or db.execute(_sql("answer_id"), (key, KEPT_DEPTH, direction)).fetchone()):
                    continue  # another connection wrote meanwhile (or kept it already)
                answer = db.execute(_sql("keep"), (key, KEPT_DEPTH, direction, totals, top)).lastrowid
                db.execute(_sql("keep_nodes"), (answer,))
                report.made += 1
        report.seconds = time.perf_counter() - start
        return report


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on an error (the connection is in autocommit mode)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
