"""The embedded default store: one SQLite file, indexed adjacency both ways.

SQLite gives durability, one transaction per write batch and safe concurrent writers (WAL, a
busy timeout and BEGIN IMMEDIATE: a second loader waits, never corrupts). Queries read only the
rows they need through the adjacency indexes, and networkx works over that neighbourhood.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from casegraph.graph.base import Edge, Node, Stats, StoreUnavailable, Written, chunks
from casegraph.graph.rows import LIST_PROPS, GraphBatch, merge_props, refuse_other_kind
from casegraph.schemas import name_key

SCHEMA = (Path(__file__).with_name("embedded.sql")).read_text()
BUSY_TIMEOUT_S = 600


def _split(props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    lists = {k: props.pop(k) for k in LIST_PROPS if k in props}
    return props, lists


class EmbeddedStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages: a large file's B-trees stay warm
        self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        self.rows_read = 0
        self.init()

    def __repr__(self) -> str:
        return f"embedded store {self.path}"

    def init(self) -> None:
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- writes ---------------------------------------------------------------------------

    def write_batch(self, batch: GraphBatch) -> Written:
        """One transaction: all of the batch or none of it."""
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                written = Written(self._write_nodes(batch), self._write_edges(batch))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:  # read-only, disk full, locked past the timeout: no write can succeed
            raise StoreUnavailable(f"{self!r} cannot be written: {error}") from None
        return written

    def _write_nodes(self, batch: GraphBatch) -> int:
        rows = list(batch.nodes.values())
        stored: dict[str, str] = {}
        for part in chunks([r.id for r in rows], 500):
            marks = ",".join("?" * len(part))
            for node_id, base, label, props in self.db.execute(
                    f"SELECT id, base, label, props FROM nodes WHERE id IN ({marks})", part):
                refuse_other_kind(batch.nodes[node_id], base, label)
                stored[node_id] = props
        out, names = [], []
        for row in rows:
            props, lists = {}, {}
            if row.id in stored:
                props, lists = _split(json.loads(stored[row.id]))
            merge_props(props, lists, row.props, row.lists)
            out.append((row.id, row.base, row.label, json.dumps({**props, **lists}, ensure_ascii=False)))
            for form in (props.get("name"), *lists.get("aliases", ())):
                if form:
                    names.append((name_key(form), row.id))
        self.db.executemany("INSERT OR REPLACE INTO nodes (id, base, label, props) VALUES (?, ?, ?, ?)", out)
        self.db.executemany("INSERT OR IGNORE INTO names (key, id) VALUES (?, ?)", names)
        return len(rows) - len(stored)

    def _write_edges(self, batch: GraphBatch) -> int:
        rows = list(batch.edges.values())
        stored: dict[tuple[str, str, str], str] = {}
        for part in chunks(rows, 300):
            where = " OR ".join("(src = ? AND type = ? AND dst = ?)" for _ in part)
            args = [v for r in part for v in (r.src, r.type, r.dst)]
            for src, type_, dst, props in self.db.execute(f"SELECT src, type, dst, props FROM edges WHERE {where}",
                                                          args):
                stored[(src, type_, dst)] = props
        out = []
        ends = {r.id for r in batch.nodes.values()}
        missing = {e for r in rows for e in (r.src, r.dst) if e not in ends}
        if missing:
            self._check_nodes(missing)
        for row in rows:
            props, lists = {}, {}
            key = (row.src, row.type, row.dst)
            if key in stored:
                props, lists = _split(json.loads(stored[key]))
            merge_props(props, lists, row.props, row.lists)
            out.append((row.src, row.type, row.dst, json.dumps({**props, **lists}, ensure_ascii=False)))
        self.db.executemany("INSERT OR REPLACE INTO edges (src, type, dst, props) VALUES (?, ?, ?, ?)", out)
        return len(rows) - len(stored)

    def _check_nodes(self, ids: set[str]) -> None:
        """A relationship needs both ends, as in Neo4j, where MATCH on a missing node writes nothing."""
        found: set[str] = set()
        for part in chunks(sorted(ids), 500):
            marks = ",".join("?" * len(part))
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM nodes WHERE id IN ({marks})", part))
        if ids - found:
            raise ValueError(f"relationship to unknown node {sorted(ids - found)[0]!r}")

    # -- reads ----------------------------------------------------------------------------

    def stats(self) -> Stats:
        labels = dict(self.db.execute("SELECT label, count(*) FROM nodes GROUP BY label ORDER BY label"))
        rels = dict(self.db.execute("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type"))
        return Stats(labels, rels)

    def dump(self) -> tuple[list[Node], list[Edge]]:
        nodes = [Node(i, label, json.loads(p)) for i, label, p in
                 self.db.execute("SELECT id, label, props FROM nodes ORDER BY id")]
        edges = [Edge(s, t, d, json.loads(p)) for s, t, d, p in
                 self.db.execute("SELECT src, type, dst, props FROM edges ORDER BY src, type, dst")]
        return nodes, edges

    def nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        found: dict[str, Node] = {}
        for part in chunks(list(dict.fromkeys(ids)), 500):
            marks = ",".join("?" * len(part))
            for i, label, p in self.db.execute(f"SELECT id, label, props FROM nodes WHERE id IN ({marks})", part):
                found[i] = Node(i, label, json.loads(p))
        self.rows_read += len(found)
        return found

    def edges(self, ids: Iterable[str], types: Iterable[str], direction: str = "both") -> list[Edge]:
        """Relationships of the given types touching ``ids``: out (src in ids), in, or both."""
        ids, types = list(dict.fromkeys(ids)), list(types)
        tmarks = ",".join("?" * len(types))
        out: list[Edge] = []
        for part in chunks(ids, 400):
            marks = ",".join("?" * len(part))
            if direction in ("out", "both"):
                out += [Edge(s, t, d, json.loads(p)) for s, t, d, p in self.db.execute(
                    f"SELECT src, type, dst, props FROM edges WHERE src IN ({marks}) AND type IN ({tmarks})",
                    [*part, *types])]
            if direction in ("in", "both"):
                out += [Edge(s, t, d, json.loads(p)) for s, t, d, p in self.db.execute(
                    f"SELECT src, type, dst, props FROM edges WHERE dst IN ({marks}) AND type IN ({tmarks})",
                    [*part, *types])]
        self.rows_read += len(out)
        return out

    def node_page(self, after: str, limit: int) -> list[Node]:
        return [Node(i, label, json.loads(p)) for i, label, p in self.db.execute(
            "SELECT id, label, props FROM nodes WHERE id > ? ORDER BY id LIMIT ?", (after, limit))]

    def edge_page(self, after: tuple[str, str, str], limit: int) -> list[Edge]:
        return [Edge(s, t, d, json.loads(p)) for s, t, d, p in self.db.execute(
            "SELECT src, type, dst, props FROM edges WHERE (src, type, dst) > (?, ?, ?) ORDER BY src, type, dst "
            "LIMIT ?", (*after, limit))]

    def find_names(self, key: str) -> list[str]:
        """Node ids whose name or alias has this key."""
        return [r[0] for r in self.db.execute("SELECT id FROM names WHERE key = ? ORDER BY id", (key,))]

    def name_index(self) -> dict[str, list[str]]:
        """Every name key -> node ids: the whole index, which fuzzy matching needs."""
        index: dict[str, list[str]] = {}
        for key, node_id in self.db.execute("SELECT key, id FROM names ORDER BY key, id"):
            index.setdefault(key, []).append(node_id)
        return index

    def lei_ids(self, lei: str) -> list[str]:
        """Parties with this LEI; there is no LEI index, so one pass over the party rows."""
        rows = self.db.execute("SELECT id FROM nodes WHERE base = 'Party' AND json_extract(props, '$.lei') = ? "
                               "ORDER BY id", (lei,)).fetchall()
        self.rows_read += len(rows)
        return [r[0] for r in rows]
