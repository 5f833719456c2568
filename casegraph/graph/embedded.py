"""The embedded default store: one SQLite file, indexed adjacency both ways.

SQLite gives durability, one transaction per write batch and safe concurrent writers (WAL, a
busy timeout and BEGIN IMMEDIATE: a second loader waits, never corrupts). Queries read only the
rows they need through the adjacency indexes, and networkx works over that neighbourhood.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from casegraph.graph.base import Edge, KeptReport, Node, Stats, StoreUnavailable, Written, chunks
from casegraph.graph.exposure import Exposure
from casegraph.graph.kept import READ_TYPES, Kept
from casegraph.graph.rows import LIST_PROPS, PARTY, REL_TYPES, GraphBatch, Row, merge_props, refuse_other_kind
from casegraph.schemas import name_key

SCHEMA = (Path(__file__).with_name("embedded.sql")).read_text()
BUSY_TIMEOUT_S = 600
SCHEMA_VERSION = 5
UPGRADABLE = 4  # a schema 4 file gains the kept answers' tables (and its hubs) when opened
# A party's sources live in party_sources (one row per party and document, first-seen order): a hub
# named in every batch would otherwise have its whole list read and rewritten each time. Its props
# keep the key, null, where the list was, so a node reads back exactly as it was written.
SOURCES = "sources"
# SQLite's own page cache, per connection. It fills to this bound on any file larger, so a load's
# memory is flat from the first 10k FtM entities on; the OS file cache keeps the rest of a big file
# warm outside the process (bench/README.md, FollowTheMoney load: 64 MiB grew a load by 70 MB).
CACHE_KIB = 16_384
# The stored rows of a batch's relationships: one primary-key search per key of the batch table
# (a row-value IN (VALUES ...) list scans all of edges per chunk: quadratic over a load).
STORED_EDGES = (
    "SELECT e.src, e.type, e.dst, e.props FROM temp.batch_edges k CROSS JOIN edges e "
    "ON e.src = k.src AND e.type = k.type AND e.dst = k.dst"
)
# Rows of a batch read, merged and written together: a batch of 9,000 relationships (1,000 FtM
# sanctions) would otherwise hold every row's JSON at once in the writer thread.
WRITE_CHUNK = 512
CANDIDATES = 200  # name keys a fuzzy search ranks
LIKE_GRAMS = 2  # trigrams of a key matched to find the keys containing it: its rarest, the text checks the rest
RARE_GRAMS = 3  # trigrams per word of a misspelt name looked up: its rarest, so a common "ing" reads no long list


def _dumps(props: dict[str, Any]) -> str:
    """Properties as stored: JSON text (orjson: the encoding is most of a write's Python time)."""
    return orjson.dumps(props).decode()


def _merged(stored: str | None, row: Row) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The row merged into what is stored (the merge rule of rows.merge_props); a new row as it is."""
    if stored is None:  # most rows of a load: the row's lists are already unions
        return {k: v for k, v in row.props.items() if v is not None}, row.lists
    props, lists = _split(orjson.loads(stored))
    if SOURCES in lists and lists[SOURCES] is None:  # a party's: in party_sources, only the new ones are written
        lists[SOURCES] = []
    merge_props(props, lists, row.props, row.lists)
    return props, lists


def _split(props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    lists = {k: props.pop(k) for k in LIST_PROPS if k in props}
    return props, lists


def _type_runs(types: Iterable[str]) -> tuple[list[tuple[str, str]], str, list[str]]:
    """The types as runs of neighbours in the order of all relationship types ((first, last) each),
    and ``+type IN (...)`` with its values to keep exactly these: an index search per node and run,
    not per node and type (PATH_TYPES: 2 runs, not 6 searches, around MENTIONS)."""
    wanted = set(types)
    runs: list[list[str]] = []
    previous = False
    for type_ in sorted(wanted | set(REL_TYPES)):
        if type_ in wanted:
            if previous:
                runs[-1].append(type_)
            else:
                runs.append([type_])
        previous = type_ in wanted
    keep = sorted(wanted)
    return [(run[0], run[-1]) for run in runs], f"+type IN ({','.join('?' * len(keep))})", keep


def _marks(values: list[Any]) -> tuple[str, list[Any]]:
    """``?,?,…`` for an IN list and its values, padded (the last repeated, which IN ignores) to a power
    of two: sqlite3 caches a prepared statement per SQL text, and one per list length grew a load's
    memory with its input (bench/README.md, FtM load memory, 2026-12-04); this way a query has ten shapes."""
    size = 1 << (len(values) - 1).bit_length() if values else 1
    padded = [*values, *[values[-1]] * (size - len(values))] if values else values
    return ",".join("?" * len(padded)), padded


class EmbeddedStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # check_same_thread off: write_extractions commits from its writer thread, one batch at a time.
        self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        self.rows_read = 0
        self._writes = 0  # batches written through this connection (invalidates the chains below)
        self._chains_for: tuple[Any, ...] | None = None
        self._chains_count = 0
        self._prefixes_for: tuple[Any, ...] | None = None
        self._exposure = Exposure(self.db)
        self._kept = Kept(self.db, self._exposure)
        self._check_version()
        self.init()

    def __repr__(self) -> str:
        return f"embedded store {self.path}"

    def init(self) -> None:
        """Create the tables once; a file already at this schema is not written to (a second loader
        opening it while the first writes must not wait for a lock)."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:
            return
        self.db.executescript(f"BEGIN IMMEDIATE; {SCHEMA}")
        try:
            if version == UPGRADABLE:
                self._kept.all_hubs()
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _check_version(self) -> None:
        """A file written before the current schema is named, not half-read."""
        old = self.db.execute("PRAGMA user_version").fetchone()[0]
        made = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'nodes'").fetchone()
        if made and old < UPGRADABLE:
            self.db.close()
            raise ValueError(f"{self.path}: written by an older casegraph (schema {old}, now {SCHEMA_VERSION}); "
                             "load the documents into a new store file")

    def close(self) -> None:
        self.db.close()

    # -- writes ---------------------------------------------------------------------------

    def write_batch(self, batch: GraphBatch) -> Written:
        """One transaction: all of the batch or none of it."""
        db = self.db
        self._writes += 1
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                touched: set[str] = set()
                ends: set[str] = set()
                written = Written(self._write_nodes(batch, touched), self._write_edges(batch, touched, ends))
                self._kept.written(touched, ends)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:  # read-only, disk full, locked past the timeout: no write can succeed
            raise StoreUnavailable(f"{self!r} cannot be written: {error}") from None
        return written

    def _write_nodes(self, batch: GraphBatch, touched: set[str]) -> int:
        """Read, merge and write WRITE_CHUNK rows at a time (in one transaction, in key order, so the
        rows, names and sources are written in the order one pass would write them): the JSON of a
        whole batch is never held at once. The ids of the nodes whose stored row changes go to
        ``touched``."""
        rows = sorted(batch.nodes.values(), key=lambda r: r.id)  # key order: each B-tree page is visited once
        created = 0
        for chunk in chunks(rows, WRITE_CHUNK):
            stored: dict[str, str] = {}
            marks, ids = _marks([r.id for r in chunk])
            for node_id, base, label, props in self.db.execute(
                    f"SELECT id, base, label, props FROM nodes WHERE id IN ({marks})", ids):
                refuse_other_kind(batch.nodes[node_id], base, label)
                stored[node_id] = props
            out, names, sources = [], [], []
            for row in chunk:
                props, lists = _merged(stored.get(row.id), row)
                if row.base == PARTY and SOURCES in lists:  # the lists may be the row's own: not changed in place
                    sources += [(row.id, s) for s in lists[SOURCES]]
                    lists = {**lists, SOURCES: None}
                text = _dumps({**props, **lists})
                if text != stored.get(row.id):
                    touched.add(row.id)
                out.append((row.id, row.base, row.label, text))
                for form in (props.get("name"), *lists.get("aliases", ())):
                    if form:
                        names.append((name_key(form), row.id))
            self.db.executemany("INSERT OR REPLACE INTO nodes (id, base, label, props) VALUES (?, ?, ?, ?)", out)
            self.db.executemany("INSERT OR IGNORE INTO names (key, id) VALUES (?, ?)", names)
            self.db.executemany("INSERT OR IGNORE INTO party_sources (id, source) VALUES (?, ?)", sources)
            created += len(chunk) - len(stored)
        return created

    def _write_edges(self, batch: GraphBatch, touched: set[str], ends: set[str]) -> int:
        """As _write_nodes: both ends checked first, then WRITE_CHUNK relationships at a time. The ends
        of those of READ_TYPES whose stored row changes go to ``touched``, of new EXPOSED_TO ones to ``ends``."""
        rows = [batch.edges[k] for k in sorted(batch.edges)]  # primary key order
        known = {r.id for r in batch.nodes.values()}
        missing = {e for r in rows for e in (r.src, r.dst) if e not in known}
        if missing:
            self._check_nodes(missing)
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS batch_edges (src TEXT, type TEXT, dst TEXT)")
        created = 0
        for chunk in chunks(rows, WRITE_CHUNK):
            self.db.execute("DELETE FROM temp.batch_edges")
            self.db.executemany("INSERT INTO temp.batch_edges VALUES (?, ?, ?)",
                                [(r.src, r.type, r.dst) for r in chunk])
            stored: dict[tuple[str, str, str], str] = {
                (src, type_, dst): props
                for src, type_, dst, props in self.db.execute(STORED_EDGES)
            }
            out = []
            for row in chunk:
                before = stored.get((row.src, row.type, row.dst))
                props, lists = _merged(before, row)
                text = _dumps({**props, **lists})
                if row.type in READ_TYPES and text != before:
                    touched.update((row.src, row.dst))
                    if before is None and row.type == "EXPOSED_TO":
                        ends.update((row.src, row.dst))
                out.append((row.src, row.type, row.dst, props.get("amount"), props.get("currency"), text))
            self.db.executemany("INSERT OR REPLACE INTO edges (src, type, dst, amount, currency, props) "
                                "VALUES (?, ?, ?, ?, ?, ?)", out)
            created += len(chunk) - len(stored)
        return created

    def replace(self, drop: GraphBatch, write: GraphBatch) -> Written:
        """One transaction: delete ``drop``'s nodes and relationships, then write ``write`` (a review
        decision rewriting the rows of one fact or two parties)."""
        db = self.db
        self._writes += 1
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("DELETE FROM edges WHERE src = ? AND type = ? AND dst = ?", list(drop.edges))
                db.executemany("DELETE FROM nodes WHERE id = ?", [(i,) for i in drop.nodes])
                db.executemany("DELETE FROM names WHERE id = ?", [(i,) for i in drop.nodes])
                db.executemany("DELETE FROM party_sources WHERE id = ?", [(i,) for i in drop.nodes])
                touched = {*drop.nodes, *(end for src, type_, dst in drop.edges if type_ in READ_TYPES
                                          for end in (src, dst))}
                ends: set[str] = set()
                written = Written(self._write_nodes(write, touched), self._write_edges(write, touched, ends))
                self._kept.written(touched, ends)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:
            raise StoreUnavailable(f"{self!r} cannot be written: {error}") from None
        return written

    def decisions(self) -> list[dict[str, Any]]:
        """Every recorded review decision, oldest first."""
        return [orjson.loads(b) for (b,) in self.db.execute("SELECT body FROM decisions ORDER BY at, id")]

    def record(self, decision: dict[str, Any]) -> bool:
        """Keep a decision (its ``id`` is a hash of its content); False when it was already kept."""
        cursor = self.db.execute("INSERT OR IGNORE INTO decisions (id, at, key, body) VALUES (?, ?, ?, ?)",
                                 (decision["id"], decision["at"], decision["key"], _dumps(decision)))
        return cursor.rowcount == 1

    def _check_nodes(self, ids: set[str]) -> None:
        """A relationship needs both ends, as in Neo4j, where MATCH on a missing node writes nothing."""
        found: set[str] = set()
        for part in chunks(sorted(ids), 500):
            marks, part = _marks(part)
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM nodes WHERE id IN ({marks})", part))
        if ids - found:
            raise ValueError(f"relationship to unknown node {sorted(ids - found)[0]!r}")

    # -- reads ----------------------------------------------------------------------------

    def stats(self) -> Stats:
        """Counts per label (in its index's order) and per type; the types are counted here, not by
        GROUP BY: edges has no index on type, so SQLite would sort every relationship in memory
        (+18 MB at the end of a 200k-entity FtM load; bench/README.md, 2026-12-04)."""
        labels = dict(self.db.execute("SELECT label, count(*) FROM nodes GROUP BY label ORDER BY label"))
        rels = Counter(type_ for (type_,) in self.db.execute("SELECT type FROM edges"))  # edges_in, covering
        return Stats(labels, dict(sorted(rels.items())))

    def _read_sources(self, nodes: list[Node], every: bool = False) -> list[Node]:
        """The parties among ``nodes`` with their sources from party_sources, in first-seen order
        (``every``: the nodes are all the store holds, so its rows are read in one pass)."""
        held = {n.id: n.props for n in nodes if n.props.get(SOURCES, ()) is None}
        if not held:
            return nodes
        for props in held.values():
            props[SOURCES] = []
        reads = [("", [])] if every else [(f"WHERE id IN ({marks}) ", part) for marks, part in
                                          map(_marks, chunks(list(held), 500))]
        for where, args in reads:
            for node_id, source in self.db.execute(f"SELECT id, source FROM party_sources {where}ORDER BY rowid",
                                                   args):
                if node_id in held:
                    held[node_id][SOURCES].append(source)
        return nodes

    def dump(self) -> tuple[list[Node], list[Edge]]:
        nodes = self._read_sources([Node(i, label, orjson.loads(p)) for i, label, p in
                                    self.db.execute("SELECT id, label, props FROM nodes ORDER BY id")], every=True)
        edges = [Edge(s, t, d, orjson.loads(p)) for s, t, d, p in
                 self.db.execute("SELECT src, type, dst, props FROM edges ORDER BY src, type, dst")]
        return nodes, edges

    def nodes(self, ids: Iterable[str], sources: bool = True) -> dict[str, Node]:
        """The stored nodes of these ids; ``sources=False`` leaves a party's sources unread (None in
        its props): a hub's are thousands of rows, and a neighbour listed by name needs none."""
        found: dict[str, Node] = {}
        for part in chunks(list(dict.fromkeys(ids)), 500):
            marks, part = _marks(part)
            for i, label, p in self.db.execute(f"SELECT id, label, props FROM nodes WHERE id IN ({marks})", part):
                found[i] = Node(i, label, orjson.loads(p))
        if sources:
            self._read_sources(list(found.values()))
        self.rows_read += len(found)
        return found

    def source_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """How many sources each of these parties has, counted in party_sources' primary key (the
        rows are not read): what ``len(nodes(ids)[id].props['sources'])`` would be, for the ids
        whose sources are kept there."""
        counts: dict[str, int] = {}
        for part in chunks(list(dict.fromkeys(ids)), 500):
            marks, part = _marks(part)
            counts.update(self.db.execute(f"SELECT id, count(*) FROM party_sources WHERE id IN ({marks}) GROUP BY id",
                                          part))
        return counts

    def edges(self, ids: Iterable[str], types: Iterable[str], direction: str = "both") -> list[Edge]:
        """Relationships of the given types touching ``ids``: out (src in ids), in, or both."""
        ids, types = list(dict.fromkeys(ids)), list(types)
        tmarks = ",".join("?" * len(types))
        out: list[Edge] = []
        for part in chunks(ids, 400):
            marks, part = _marks(part)
            if direction in ("out", "both"):
                out += [Edge(s, t, d, orjson.loads(p)) for s, t, d, p in self.db.execute(
                    f"SELECT src, type, dst, props FROM edges WHERE src IN ({marks}) AND type IN ({tmarks})",
                    [*part, *types])]
            if direction in ("in", "both"):
                out += [Edge(s, t, d, orjson.loads(p)) for s, t, d, p in self.db.execute(
                    f"SELECT src, type, dst, props FROM edges WHERE dst IN ({marks}) AND type IN ({tmarks})",
                    [*part, *types])]
        self.rows_read += len(out)
        return out

    def node_page(self, after: str, limit: int) -> list[Node]:
        return self._read_sources([Node(i, label, json.loads(p)) for i, label, p in self.db.execute(
            "SELECT id, label, props FROM nodes WHERE id > ? ORDER BY id LIMIT ?", (after, limit))])

    def edge_page(self, after: tuple[str, str, str], limit: int) -> list[Edge]:
        return [Edge(s, t, d, json.loads(p)) for s, t, d, p in self.db.execute(
            "SELECT src, type, dst, props FROM edges WHERE (src, type, dst) > (?, ?, ?) ORDER BY src, type, dst "
            "LIMIT ?", (*after, limit))]

    def find_names(self, key: str) -> list[str]:
        """Node ids whose name or alias has this key."""
        return [r[0] for r in self.db.execute("SELECT id FROM names WHERE key = ? ORDER BY id", (key,))]

    def name_candidates(self, key: str, limit: int = CANDIDATES, enough: int = 10) -> dict[str, list[str]]:
        """Name keys near ``key`` -> node ids, from the trigram index, never a scan of every name: keys
        containing it; when fewer than ``enough`` do, also the keys sharing most of the rarest
        trigrams of each of its words (bm25). At most ``limit`` keys."""
        if len(key) < 3:  # no trigram: keys starting with it, through the names primary key
            rows = self.db.execute("SELECT DISTINCT key FROM names WHERE key >= ? AND key < ? ORDER BY key LIMIT ?",
                                   (key, key + "\uffff", limit)).fetchall()
        else:
            whole = list(dict.fromkeys(key[i:i + 3] for i in range(len(key) - 2)))  # spaces too: LIKE's trigrams
            words = [[w[i:i + 3] for i in range(len(w) - 2)] for w in key.split() if len(w) >= 3]
            grams = list(dict.fromkeys(g for w in words for g in w))
            marks, asked = _marks(list(dict.fromkeys([*whole, *grams])))
            common = dict(self.db.execute(f"SELECT term, doc FROM name_grams_vocab WHERE term IN ({marks})", asked))
            rows = self._containing(key, whole, common, limit)
            if len(rows) < enough and grams:
                rare = {g for w in words for g in sorted(w, key=lambda g: common.get(g, 0))[:RARE_GRAMS]}
                query = " OR ".join(f'"{g}"' for g in sorted(rare))
                rows += self.db.execute("SELECT key FROM name_grams WHERE name_grams MATCH ? ORDER BY rank LIMIT ?",
                                        (query, limit)).fetchall()
        keys = list(dict.fromkeys(r[0] for r in rows))[:limit]
        found: dict[str, list[str]] = {k: [] for k in keys}
        for part in chunks(keys, 500):
            marks, part = _marks(part)
            for k, node_id in self.db.execute(f"SELECT key, id FROM names WHERE key IN ({marks}) ORDER BY key, id",
                                              part):
                found[k].append(node_id)
        return found

    def _containing(self, key: str, grams: list[str], common: dict[str, int], limit: int) -> list[tuple[str]]:
        """The first ``limit`` keys (rowid order) containing ``key``: what ``key LIKE '%key%'`` gives
        through the trigram index, which reads the doclist of every trigram of the key (all of
        "holdings"' are long); here only its LIKE_GRAMS rarest are matched, then the text is checked."""
        if any(g not in common for g in grams):  # a trigram no key has: no key contains it
            return []
        rare = sorted(grams, key=lambda g: common[g])[:LIKE_GRAMS]
        return self.db.execute("SELECT key FROM name_grams WHERE name_grams MATCH ? AND instr(key, ?) > 0 LIMIT ?",
                               (" AND ".join(f'"{g}"' for g in rare), key, limit)).fetchall()

    def lei_ids(self, lei: str) -> list[str]:
        """Parties with this LEI; there is no LEI index, so one pass over the party rows."""
        rows = self.db.execute("SELECT id FROM nodes WHERE base = 'Party' AND json_extract(props, '$.lei') = ? "
                               "ORDER BY id", (lei,)).fetchall()
        self.rows_read += len(rows)
        return [r[0] for r in rows]

    # -- exposure chains, in SQL ------------------------------------------------------------

    def exposure_chains(self, group: list[str], depth: int, direction: str) -> int:
        """Every simple EXPOSED_TO chain of 1..depth hops ending (in) or starting (out) at a group
        member and touching no other member, into the connection's temporary ``chains`` table (one
        recursive query in SQLite, nothing per chain in Python). Returns the number of chains.

        Columns: party (the far end), target (the member), cp (the member's direct counterparty on
        the chain), depth, path ('|a|b|c|': node ids in hop order), esrc/edst/amount/currency (the
        relationship touching party: its own exposure when in).
        """
        if direction not in ("in", "out"):
            raise ValueError(f"direction must be in or out, not {direction!r}")
        db = self.db
        # The totals and the top chains of one question read the same chains: enumerate them once
        # while no one (this connection or another) has written since.
        asked = (tuple(sorted(group)), depth, direction, self._writes, db.execute("PRAGMA data_version").fetchone())
        if asked == self._chains_for:
            return self._chains_count
        db.execute("PRAGMA temp_store=MEMORY")
        db.execute(_CHAINS_TABLE)
        db.execute("DELETE FROM temp.chains")
        db.execute(_CHAINS[direction], (json.dumps(sorted(group)), depth))
        count = db.execute("SELECT count(*) FROM temp.chains").fetchone()[0]
        self.rows_read += count
        self._chains_for, self._chains_count = asked, count
        return count

    def _prefixes(self, group: list[str], depth: int, direction: str) -> Exposure:
        """The prefixes of one question and what one more hop from their far ends adds
        (casegraph/graph/exposure.py): what exposure_totals and exposure_top read. Built once per
        question while no one (this connection or another) has written since."""
        asked = (tuple(sorted(group)), depth, direction, self._writes,
                 self.db.execute("PRAGMA data_version").fetchone())
        if asked != self._prefixes_for:
            self._exposure.build(group, depth, direction)
            self.rows_read += self._exposure.read
            self._prefixes_for = asked
        return self._exposure

    def exposure_totals(self, group: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]]:
        """Totals over every chain of exposure_chains without listing them: a summary, then per
        currency, depth, target and direct counterparty (the ``limit`` largest per currency). A
        relationship on several chains of a key counts once in its total. A hub's are kept (keep)."""
        kept = self._kept.totals(group, depth, direction, limit)
        return kept if kept is not None else self._prefixes(group, depth, direction).totals(limit)

    def exposure_top(self, group: list[str], depth: int, direction: str, limit: int
                     ) -> list[tuple[str, str, int, str, Any]]:
        """(party, target, depth, path, amount) of the ``limit`` largest chains in chain_rows' order,
        best first, without listing the chains of the last depth. A hub's are kept (keep)."""
        kept = self._kept.top(group, depth, direction, limit)
        return kept if kept is not None else self._prefixes(group, depth, direction).top(limit, direction)

    def kept_questions(self) -> list[tuple[tuple[str, ...], int, str]]:
        """(group, depth, direction) of the exposure answers kept now."""
        return self._kept.questions()

    def keep(self) -> KeptReport:
        """Compute and keep the exposure answers of the hubs that have none kept (graph/kept.py).
        The answers only save time: a file that cannot be written now keeps none."""
        from casegraph.queries.embedded import group

        try:
            return self._kept.keep(lambda ids: group(self, ids))
        except sqlite3.OperationalError:
            return KeptReport()
        finally:
            self._writes += 1  # the prefix tables hold the last hub's question now
            self._prefixes_for = None

    def chain_rows(self, limit: int | None = None) -> Iterator[tuple[str, str, int, str, Any]]:
        """(party, target, depth, path, amount) of the last exposure_chains, largest amount first
        (then depth, party id, path): SQLite sorts, the caller streams."""
        query = ("SELECT party, target, depth, path, amount FROM temp.chains "
                 "ORDER BY amount IS NULL, amount DESC, depth, party, path")
        yield from self.db.execute(query + (" LIMIT ?" if limit is not None else ""),
                                   (limit,) if limit is not None else ())

    # -- events of a party (actions, timeline), in SQL -----------------------------------------

    def collect_events(self, query: str, ids: list[str], labels: list[str]) -> int:
        """The (event, subject) rows of ``query`` for these parties into the temporary ``events``
        table: actions, events of these labels concerning them; timeline, events they initiated or
        are concerned by, dated by the event or its earliest source document, undated ones left out.
        Returns the number of rows; event_totals and event_page read them."""
        db = self.db
        db.execute("PRAGMA temp_store=MEMORY")
        db.execute(_EVENTS_TABLE)
        db.execute("DELETE FROM temp.events")
        db.execute(_EVENTS[query], (json.dumps(sorted(ids)), json.dumps(sorted(labels))))
        count = db.execute("SELECT count(*) FROM temp.events").fetchone()[0]
        self.rows_read += count
        return count

    def event_totals(self) -> list[tuple[str, str | None, int, float | None]]:
        """(kind, key, rows, total) over the collected events: all, per event type, per year, and per
        currency the sum of the amounts of the distinct events that have one."""
        return self.db.execute(_EVENT_TOTALS).fetchall()

    def event_page(self, query: str, limit: int | None) -> list[tuple[str, str]]:
        """(event, subject) of the first ``limit`` collected rows (all with None), in the order of
        actions.cypher (date, undated last, event type, subject id, event id) or timeline.cypher
        (date, event type, event id)."""
        query = ("SELECT event, subject FROM temp.events ORDER BY date IS NULL, date, label, "
                 + ("subject, event" if query == "actions" else "event"))
        return self.db.execute(query + (" LIMIT ?" if limit is not None else ""),
                               (limit,) if limit is not None else ()).fetchall()

    def edges_between(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], Edge]:
        """The relationships with these (src, type, dst) keys, by key."""
        found: dict[tuple[str, str, str], Edge] = {}
        for part in chunks(list(dict.fromkeys(keys)), 300):
            part = _marks(part)[1]  # as an IN list: a few statement shapes
            where = " OR ".join("(src = ? AND type = ? AND dst = ?)" for _ in part)
            for s, t, d, p in self.db.execute(f"SELECT src, type, dst, props FROM edges WHERE {where}",
                                              [v for key in part for v in key]):
                found[(s, t, d)] = Edge(s, t, d, orjson.loads(p))
        self.rows_read += len(found)
        return found

    def adjacent(self, ids: Iterable[str], types: Iterable[str]
                 ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        """(src, type, dst) of the relationships of these types touching ``ids``: those leaving them,
        then those entering them (so the caller knows the near end without looking it up). Read from
        the two adjacency indexes alone, no properties (a search that only walks)."""
        ids = list(dict.fromkeys(ids))
        runs, keep, kept = _type_runs(types)
        out: tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]] = ([], [])
        for part in chunks(ids, 400):
            marks, part = _marks(part)
            for found, side in zip(out, ("src", "dst"), strict=True):
                for first, last in runs:
                    found += self.db.execute(f"SELECT src, type, dst FROM edges WHERE {side} IN ({marks}) "
                                             f"AND type BETWEEN ? AND ? AND {keep}",
                                             [*part, first, last, *kept]).fetchall()
        self.rows_read += len(out[0]) + len(out[1])
        return out

    def between(self, ids: Iterable[str], others: Iterable[str], types: Iterable[str]
                ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        """(src, type, dst) of the relationships of these types between ``ids`` and ``others``: those
        leaving ``ids``, then those entering them. Read through ``ids``' adjacency, the other end
        checked in SQLite: a hub's thousands are stepped over, never handed to Python."""
        runs, _, kept = _type_runs(types)
        values = [json.dumps(sorted(set(ids))), json.dumps(kept), json.dumps(sorted(set(others)))]
        out: tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]] = ([], [])
        for found, near, far in zip(out, ("src", "dst"), ("dst", "src"), strict=True):
            for first, last in runs:
                found += self.db.execute(
                    f"SELECT src, type, dst FROM edges WHERE {near} IN (SELECT value FROM json_each(?1)) "
                    "AND type BETWEEN ?2 AND ?3 AND +type IN (SELECT value FROM json_each(?4)) "
                    f"AND +{far} IN (SELECT value FROM json_each(?5))", [values[0], first, last, *values[1:]]
                ).fetchall()
        self.rows_read += len(out[0]) + len(out[1])
        return out

    def first_neighbours(self, node_id: str, types: Iterable[str], limit: int
                         ) -> tuple[int, list[tuple[str, str, str, tuple[str, str, str]]]]:
        """(how many relationships of these types touch the node, the first ``limit`` of them as
        (type, direction, other id, key) in that order): counted and read in index order, so a hub's
        thousands cost a count, not a read."""
        total, first = 0, []
        for type_ in sorted(types):
            for direction, near, far in (("in", "dst", "src"), ("out", "src", "dst")):
                total += self.db.execute(f"SELECT count(*) FROM edges WHERE {near} = ? AND type = ?",
                                         (node_id, type_)).fetchone()[0]
                if len(first) < limit:
                    for (other,) in self.db.execute(f"SELECT {far} FROM edges WHERE {near} = ? AND type = ? "
                                                    f"ORDER BY {far} LIMIT ?", (node_id, type_, limit - len(first))):
                        key = (other, type_, node_id) if direction == "in" else (node_id, type_, other)
                        first.append((type_, direction, other, key))
        self.rows_read += len(first)
        return total, first

    def degree(self, ids: Iterable[str], types: Iterable[str], cap: int | None = None) -> int:
        """How many relationships of these types touch ``ids`` (counted in the indexes), or ``cap`` when
        there are at least that many: a search comparing two sides counts the larger no further than
        the smaller (a hub's thousands cost a count of the other side's few)."""
        ids = list(dict.fromkeys(ids))
        runs, keep, kept = _type_runs(types)
        total = 0
        for part in chunks(ids, 400):
            marks, part = _marks(part)
            for side in ("src", "dst"):
                for first, last in runs:
                    if cap is not None and total >= cap:
                        return cap
                    query = f"SELECT 1 FROM edges WHERE {side} IN ({marks}) AND type BETWEEN ? AND ? AND {keep}"
                    values = [*part, first, last, *kept]
                    if cap is None:
                        total += self.db.execute(f"SELECT count(*) FROM ({query})", values).fetchone()[0]
                    else:
                        total += self.db.execute(f"SELECT count(*) FROM ({query} LIMIT ?)",
                                                 [*values, cap - total]).fetchone()[0]
        return total if cap is None else min(total, cap)


_CHAINS_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS chains (party TEXT, target TEXT, cp TEXT, depth INTEGER, "
                 "path TEXT, esrc TEXT, edst TEXT, amount REAL, currency TEXT)")
# One template per direction; only schema names are spliced in, every value is a parameter.
_CHAIN_SQL = """
INSERT INTO temp.chains
WITH RECURSIVE grp(id) AS (SELECT value FROM json_each(?1)),
chain(party, target, cp, depth, path, esrc, edst, amount, currency) AS (
  SELECT e.{far}, e.{near}, e.{far}, 1, '|' || {first} || '|', e.src, e.dst, e.amount, e.currency
  FROM grp JOIN edges e ON e.{near} = grp.id AND e.type = 'EXPOSED_TO'
  WHERE e.{far} NOT IN (SELECT id FROM grp)
  UNION ALL
  SELECT e.{far}, c.target, c.cp, c.depth + 1, {grow}, e.src, e.dst, e.amount, e.currency
  FROM chain c JOIN edges e ON e.{near} = c.party AND e.type = 'EXPOSED_TO'
  WHERE c.depth < ?2 AND e.{far} NOT IN (SELECT id FROM grp) AND instr(c.path, '|' || e.{far} || '|') = 0
)
SELECT * FROM chain
"""
_CHAINS = {
    "in": _CHAIN_SQL.format(far="src", near="dst", first="e.src || '|' || e.dst", grow="'|' || e.src || c.path"),
    "out": _CHAIN_SQL.format(far="dst", near="src", first="e.src || '|' || e.dst", grow="c.path || e.dst || '|'"),
}

_EVENTS_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS events (event TEXT, label TEXT, date TEXT, subject TEXT, "
                 "amount REAL, currency TEXT)")
_EVENT_COLUMNS = ("json_extract(n.props, '$.amount'), json_extract(n.props, '$.currency')")
# ?1 the party ids, ?2 the event labels; as actions.cypher and timeline.cypher match them.
_EVENTS = {
    "actions": f"""
INSERT INTO temp.events
SELECT n.id, n.label, json_extract(n.props, '$.date'), c.dst, {_EVENT_COLUMNS}
FROM json_each(?1) s JOIN edges c ON c.dst = s.value AND c.type = 'CONCERNS' JOIN nodes n ON n.id = c.src
WHERE n.label IN (SELECT value FROM json_each(?2))
""",
    "timeline": f"""
INSERT INTO temp.events
WITH grp(id) AS (SELECT value FROM json_each(?1)),
touching(id) AS (
  SELECT e.dst FROM grp JOIN edges e ON e.src = grp.id AND e.type IN ('INITIATED', 'CONCERNS')
  UNION SELECT e.src FROM grp JOIN edges e ON e.dst = grp.id AND e.type IN ('INITIATED', 'CONCERNS'))
SELECT * FROM (
  SELECT n.id AS event, n.label, coalesce(json_extract(n.props, '$.date'), (
           SELECT min(json_extract(d.props, '$.date')) FROM json_each(n.props, '$.sources') src
           JOIN nodes d ON d.id = src.value AND d.base = 'Document')) AS date, c.dst, {_EVENT_COLUMNS}
  FROM touching t JOIN nodes n ON n.id = t.id AND n.base = 'Event'
  JOIN edges c ON c.src = n.id AND c.type = 'CONCERNS' JOIN nodes p ON p.id = c.dst AND p.base = 'Party'
  WHERE n.label IN (SELECT value FROM json_each(?2)))
WHERE date IS NOT NULL
""",
}
_EVENT_TOTALS = """
SELECT 'summary', NULL, count(*), NULL FROM temp.events
UNION ALL SELECT 'event', label, count(*), NULL FROM temp.events GROUP BY label
UNION ALL SELECT 'year', substr(date, 1, 4), count(*), NULL FROM temp.events GROUP BY substr(date, 1, 4)
UNION ALL SELECT 'currency', currency, count(*), sum(amount) FROM (
  SELECT DISTINCT event, amount, currency FROM temp.events WHERE amount IS NOT NULL) GROUP BY currency
"""
