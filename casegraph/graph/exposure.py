"""Exposure totals and top chains on the embedded store, counted per prefix, not per chain (issue 11).

The SQL is in exposure.sql beside this file (one section per statement). Most of a hub's chains
are of the last depth; they are never listed: each is a prefix plus one relationship touching its
far end, so they are counted per far end and currency and summed over the prefixes ending there.
The arithmetic that joins the few per-currency and per-depth rows is done here; every row read from
the graph is counted in SQLite.
"""

from __future__ import annotations

import json
import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

MAX_PREFIX = 5  # n1..n5: prefixes of depth ≤ 5 (DEPTH_MAX 6)
KINDS = ("currency", "summary", "depth", "target", "counterparty")


@cache
def sections(file: str = "exposure.sql") -> dict[str, str]:
    """The named statements of an .sql file beside this one (``-- name: X`` opens one; comment lines dropped)."""
    text = Path(__file__).with_name(file).read_text()
    out: dict[str, str] = {}
    for part in re.split(r"^-- name: ", text, flags=re.M)[1:]:
        name, _, body = part.partition("\n")
        out[name.strip()] = "\n".join(x for x in body.splitlines() if not x.startswith("--")).strip()
    return out


def _sql(section: str, **fmt: Any) -> str:
    return sections()[section].format(**fmt)


class Exposure:
    """The prefixes of one question in the connection's temporary tables, and what is read from them."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.made = False
        self.depth = 1
        self.near, self.far = "dst", "src"
        self.count = 0  # prefixes listed
        self.first = 0  # of them, of depth 1: rids 1..first
        self.read = 0  # prefixes and relationships one hop on

    def build(self, group: list[str], depth: int, direction: str) -> None:
        """List the prefixes (chains of depth 1..max(1, depth-1)) level by level, then the
        relationships one hop on from their far ends and the ones that would close a cycle."""
        if direction not in ("in", "out"):
            raise ValueError(f"direction must be in or out, not {direction!r}")
        db = self.db
        db.execute("PRAGMA temp_store=MEMORY")
        if not self.made:  # made once per connection and emptied: a schema change re-prepares every statement
            db.executescript(_sql("tables"))
            self.made = True
        db.executescript(_sql("clear"))
        self.depth = depth
        self.near, self.far = near, far = ("dst", "src") if direction == "in" else ("src", "dst")
        db.execute(_sql("group"), (json.dumps(sorted(group)),))
        db.execute(_sql("level1", near=near, far=far))
        low, high = 0, self._max_rid()
        self.first = high
        read = _sql("xin", near=near, far=far)
        for level in range(1, max(1, depth - 1)):
            if high == low:
                break
            db.execute(read, (low, high))  # the relationships into the level's far ends, once per far end
            nodes = ", ".join("i.y" if i == level + 1 else f"p.n{i}" if i <= level else "''"
                              for i in range(1, MAX_PREFIX + 1))
            path = ", ".join(f"p.n{i}" for i in range(1, level + 1))
            db.execute(_sql("level", nodes=nodes, path=path), (low, high))
            low, high = high, self._max_rid()
        self.count = high
        if depth > 1 and high:
            db.execute(read, (low, high))
            ds = self.prefix_depths()
            db.execute(_sql("xnp", cols="".join(f", np{d}" for d in ds),
                            sums="".join(f", sum(depth = {d})" for d in ds)))
            for name in ("xagg", "xcorr"):
                db.execute(_sql(name))
        self.read = self.count + db.execute("SELECT count(*) FROM xin").fetchone()[0]

    def prefix_depths(self) -> range:
        """The depths of the prefixes one more hop extends (none at depth 1: every chain is listed)."""
        return range(1, self.depth) if self.depth > 1 else range(0)

    def _s(self, section: str, **fmt: Any) -> str:
        return _sql(section, first=self.first, **fmt)

    def _max_rid(self) -> int:
        return self.db.execute("SELECT coalesce(max(rid), 0) FROM xp").fetchone()[0]

    # -- totals -----------------------------------------------------------------------------

    def totals(self, limit: int) -> list[dict[str, Any]]:
        """Rows of exposure_totals_*.cypher's shape: summary, per currency, depth, target and
        direct counterparty (the ``limit`` largest per currency)."""
        if not self.count:
            return []
        every = self._every()
        out = [*every["currency"]]
        if len(every["currency"]) == 1:  # one currency: its row is the summary
            out.append({**every["currency"][0], "kind": "summary", "key": None, "currency": None, "total": None})
        else:
            out += every["summary"]
        out += every["depth"]
        targets = self.db.execute("SELECT count(DISTINCT t) FROM xp WHERE rid <= ?", (self.first,)).fetchone()[0]
        if targets == 1:  # one target: its rows are the currency rows (the same chains)
            target = self.db.execute("SELECT t FROM xp LIMIT 1").fetchone()[0]
            out += [{**row, "kind": "target", "key": target} for row in every["currency"]]
        else:
            out += self._keyed("target", "t", len(every["currency"]) * targets + 1)
        return out + self._keyed("counterparty", "ck", limit)

    def _every(self) -> dict[str, list[dict[str, Any]]]:
        """The summary, currency and depth rows: keys that hold every far end, or every far end of
        one prefix depth, so they are counted from the per-far-end tables in a few passes."""
        db, deep = self.db, self.depth > 1
        db.executescript("DELETE FROM xys; DELETE FROM xcs;")
        prefix_depths = self.prefix_depths()
        cols = {"cols": "".join(f", a{d}" for d in prefix_depths),
                "sums": "".join(f", sum(a{d})" for d in prefix_depths),
                "zeros": "".join(f", 0 AS a{d}" for d in prefix_depths),
                "flags": "".join(f", n.np{d} > 0" for d in prefix_depths),
                "any": " OR ".join(f"a{d} > 0" for d in prefix_depths) or "0",
                "counts": "".join(f", sum(a{d} > 0)" for d in prefix_depths)}
        # per (kind key, currency): [chains, relationships, unknown, total, parties, counterparties]
        acc: dict[tuple[Any, str], list[Any]] = {}

        def add(key: Any, cur: str, chains: int, rels: int, unknown: int, total: float) -> None:
            row = acc.setdefault((key, cur), [0, 0, 0, 0.0, 0, 0])
            row[0] += chains
            row[1] += rels
            row[2] += unknown
            row[3] += total

        for cur, n, unknown, total in db.execute(self._s("first")):
            add(0, cur, n, n, unknown, total)
            add(1, cur, n, n, unknown, total)
        if deep:
            depths = "".join(f", sum(n.np{d} * a.n), sum((n.np{d} > 0) * a.n), sum((n.np{d} > 0) * a.unknown), "
                             f"sum((n.np{d} > 0) * a.total)" for d in prefix_depths)
            for cur, n, unknown, total, *per in db.execute(self._s("last", depths=depths)):
                add(0, cur, 0, n, unknown, total)
                for i, d in enumerate(prefix_depths):
                    chains, rels, unk, tot = per[4 * i: 4 * i + 4]
                    add(0, cur, chains, 0, 0, 0.0)
                    add(d + 1, cur, chains, rels, unk, tot)
            for cur, d, n in db.execute(self._s("corr_chains")):
                add(0, cur, -n, 0, 0, 0.0)
                add(d + 1, cur, -n, 0, 0, 0.0)
            off = db.execute(self._s("corr_pairs")).fetchall()
            for d, cur, _, _, amount in off:
                add(0 if d == 0 else d + 1, cur, 0, -1, -(amount is None), -(amount or 0.0))
        db.executescript(self._s("xys", **cols, adds=", ".join(f"a{d} = a{d} + excluded.a{d}" for d in prefix_depths)
                              or "d1 = d1"))
        if deep:  # any party: one that some depth reaches (d = 0 pairs are closed at every depth too)
            for d in prefix_depths:
                db.executemany(self._s("xys_off", d=d), [(y, cur) for d_, cur, _, y, _ in off if d_ == d])
        for cur, anyone, first, *later in db.execute(self._s("parties", **cols)):
            for key, n in ((0, anyone), (1, first), *((d + 1, later[d - 1]) for d in prefix_depths)):
                if (key, cur) in acc:
                    acc[(key, cur)][4] = n
        db.executescript(self._s("xcs", cols="".join(f", e{d}" for d in prefix_depths),
                              zeros="".join(f", 0 AS e{d}" for d in prefix_depths),
                              maxes=", ".join(f"e{d} = max(e{d}, excluded.e{d})" for d in prefix_depths) or "d1 = d1",
                              flags="".join(f", p.depth = {d}" for d in prefix_depths)))
        sums = "".join(f", sum(e{d})" for d in prefix_depths)
        for cur, anyone, first, *later in db.execute(self._s("cps", sums=sums)):
            for key, n in ((0, anyone), (1, first), *((d + 1, later[d - 1]) for d in prefix_depths)):
                if (key, cur) in acc:
                    acc[(key, cur)][5] = n

        def row(kind: str, key: Any, cur: str | None, v: list[Any]) -> dict[str, Any]:
            return {"kind": kind, "key": key, "currency": cur, "chains": v[0], "parties": v[4],
                    "counterparties": v[5], "relationships": v[1], "unknown_amounts": v[2],
                    "total": v[3] if v[1] > v[2] else None}

        shown = sorted((k, v) for k, v in acc.items() if v[0] > 0)
        out: dict[str, list[dict[str, Any]]] = {
            "currency": [row("currency", "", cur or None, v) for (key, cur), v in shown if key == 0],
            "depth": [row("depth", key, cur or None, v) for (key, cur), v in shown if key != 0]}
        whole = [sum(v[i] for (key, _), v in shown if key == 0) for i in range(4)]
        currencies = len(out["currency"])
        # one currency: the summary is its row (totals() takes it), so no distinct count across currencies
        parties = db.execute(self._s("parties_all", **cols)).fetchone()[0] if currencies > 1 else 0
        cps = db.execute(self._s("cps_all")).fetchone()[0] if currencies > 1 else 0
        out["summary"] = [{**row("summary", None, None, [*whole, parties, cps]), "total": None}]
        return out

    def _keyed(self, kind: str, k: str, limit: int) -> list[dict[str, Any]]:
        """Rows of a key fixed along a chain (target, or counterparty by its depth-1 row), the
        ``limit`` largest per currency: counted for every key, parties only for those shown."""
        db, deep = self.db, int(self.depth > 1)
        # Under one counterparty no far end repeats before depth 4 (a far end's relationships are read
        # once per party): the prefixes are the key's far ends, no grouping needed.
        each = k == "ck" and self.depth <= 3
        kx = f"(SELECT ck AS key, x, 1 AS np FROM xp WHERE {deep})" if each else "xkx"
        fmt = {"k": k, "kx": kx, "deep": deep, "group_x": 0 if each else deep, "near": self.near, "far": self.far}
        db.executescript(self._s("keyed", **fmt))
        name, join = ("a.key", "") if k == "t" else ("f.t || '|' || f.n1", "JOIN xp f ON f.rid = a.key")
        top = self._s("top_keys", name=name, name_join=join)
        for (cur,) in db.execute("SELECT DISTINCT cur FROM xkagg").fetchall() if limit > 0 else []:
            cut = db.execute("SELECT total FROM xkagg WHERE cur = ?1 ORDER BY total IS NULL, total DESC "
                             "LIMIT 1 OFFSET ?2", (cur, limit - 1)).fetchone()
            db.execute(top, (cur, cut[0] if cut else None, limit))
        parties = {(key, cur): n for key, cur, n in db.execute(self._s("keyed_parties", **fmt))}
        for key, cur, n in db.execute(self._s("keyed_parties_off", **fmt)):
            if (key, cur) in parties:
                parties[(key, cur)] -= n
        # a counterparty key has one counterparty; a target's are counted
        cps = None if k == "ck" else {(key, cur): n for key, cur, n in db.execute(self._s("keyed_cps", **fmt))}
        rows = sorted(db.execute(self._s("keyed_rows")), key=lambda r: (r[0], r[1]))
        return [{"kind": kind, "key": name_, "currency": cur or None, "chains": chains,
                 "parties": parties[(key, cur)], "counterparties": 1 if cps is None else cps[(key, cur)],
                 "relationships": rels, "unknown_amounts": unknown, "total": total}
                for name_, cur, chains, rels, unknown, total, key in rows]

    # -- top chains -------------------------------------------------------------------------

    def top(self, limit: int, direction: str) -> list[tuple[str, str, int, str, Any]]:
        """(party, target, depth, path, amount) of the ``limit`` largest chains, best first: the
        listed prefixes, and for the last hop only the largest relationships one hop on, as many as
        it takes to be sure of the first ``limit``."""
        db = self.db
        path_p = _path("p", None, direction)
        found = db.execute(self._s("top_listed", path_of_p=path_p), (limit,)).fetchall()
        if self.depth > 1 and limit > 0 and self.count:
            last = self.depth - 1
            edges = self._s("top_edges", last=last)
            query = self._s("top_last", path_of_e=_path("p", "e.y", direction))
            k = limit
            while True:
                read = db.execute(f"{edges} LIMIT ?1", (k,)).fetchall()
                chains = db.execute(query, (last, json.dumps(read))).fetchall()
                if len(read) < k:  # every relationship one hop on was read
                    break
                bound = _amount_key(read[-1][2])
                strict = [c for c in chains if _amount_key(c[4]) < bound]
                if len(strict) >= limit:  # every chain not read comes after these
                    chains = strict
                    break
                k *= 4
            found += chains
        return sorted(found, key=lambda c: (*_amount_key(c[4]), c[2], c[0], c[3]))[:limit]


def _path(p: str, extra: str | None, direction: str) -> str:
    """SQL for '|a|b|c|' (node ids in hop order) of prefix ``p`` (plus ``extra`` at its far end)."""
    inner = " || ".join(f"(CASE WHEN {p}.depth >= {i} THEN '|' || {p}.n{i} ELSE '' END)"
                        for i in range(1, MAX_PREFIX + 1))  # target side first: n1 .. n_depth
    if direction == "out":  # target -> n1 -> ... -> far end
        return f"'|' || {p}.t || {inner}" + (f" || '|' || {extra}" if extra else "") + " || '|'"
    inner = " || ".join(f"(CASE WHEN {p}.depth >= {i} THEN {p}.n{i} || '|' ELSE '' END)"
                        for i in range(MAX_PREFIX, 0, -1))  # far end first
    return "'|' || " + (f"{extra} || '|' || " if extra else "") + f"{inner} || {p}.t || '|'"


def _amount_key(amount: float | None) -> tuple[bool, float]:
    """Largest first, unknown last: the amount part of the chain order."""
    return (amount is None, -(amount or 0.0))
