"""The Neo4j store: the official driver, batched UNWIND MERGE in managed (retried) transactions.

Labels and relationship types in the Cypher text come only from the schema (rows.LABELS,
rows.REL_TYPES), checked before use; every value travels as a parameter. The property merge rule
is the one of rows.merge_props: non-null scalars replace, list properties are unions.
"""

from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import ClientError, DatabaseUnavailable, ServiceUnavailable, SessionExpired

from casegraph.graph import redact
from casegraph.graph.base import Edge, KeptReport, Node, Stats, StoreUnavailable, Written, chunks
from casegraph.graph.kept import READ_TYPES
from casegraph.graph.neo4j_kept import KEPT, KEPT_NODE, NeoKept
from casegraph.graph.rows import (
    BASE_LABELS,
    LABELS,
    LIST_PROPS,
    PARTY,
    REL_TYPES,
    EdgeRow,
    GraphBatch,
    NodeRow,
    refuse_other_kind,
)
from casegraph.schemas import name_key

_LINES = Path(__file__).with_name("schema.cypher").read_text().splitlines()
SCHEMA = [s.strip() for s in "\n".join(x for x in _LINES if not x.startswith("//")).split(";") if s.strip()]
UNWIND_ROWS = 5_000
# The name index (the embedded store's ``names`` table): (:NameKey {key})-[:NAMES]->(:Party) for the
# name_key of every name and alias. Not part of the case graph: left out of stats and dumps.
NAME_KEY, NAMES = "NameKey", "NAMES"
# Written only for the forms the stored party does not hold yet (row.forms: [form, key] pairs), which
# the party MERGE returns: a party named again in every batch costs no name-key writes.
FRESH_FORMS = ("WITH n, row, [f IN row.forms WHERE NOT f[0] IN coalesce(n.aliases, []) + coalesce(n.name, [])] "
               "AS fresh ")
RETURN_FRESH = " WITH n, fresh WHERE size(fresh) > 0 RETURN n.id AS id, fresh"
NAME_KEYS = (f"UNWIND $rows AS row MATCH (n:{PARTY} {{id: row.id}}) UNWIND row.fresh AS f "
             f"MERGE (k:{NAME_KEY} {{key: f[1]}}) MERGE (k)-[:{NAMES}]->(n)")
# The analysts' review decisions (casegraph/review): (:Decision {id, at, key, body}), no relationships; not
# part of the case graph either.
DECISION = "Decision"
# Stored nodes with a row's id but of another base or label (ids are unique per base label only).
OTHER_KIND = ("UNWIND $rows AS row CALL (row) { "
              + " UNION ".join(f"MATCH (n:{base} {{id: row.id}}) RETURN n" for base in BASE_LABELS)
              + " } WITH row, n WHERE NOT (row.base IN labels(n) AND row.label IN labels(n)) "
              "RETURN row.id AS id, [b IN labels(n) WHERE b IN $bases][0] AS base, "
              "[l IN labels(n) WHERE l IN $labels][0] AS label")
# A server that is gone fails a command within seconds, not after the driver's 60 s of retries.
TIMEOUTS = {"connection_timeout": 5.0, "connection_acquisition_timeout": 10.0, "max_transaction_retry_time": 10.0}
# The driver logs each retry as a warning; the one error line says what failed.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False


@contextmanager
def _available(store: Neo4jStore) -> Iterator[None]:
    """Driver errors that mean no write can succeed now, as StoreUnavailable naming the store."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired, DatabaseUnavailable) as error:
        raise StoreUnavailable(f"{store!r} is unavailable: {_first_line(error)}") from None
    except ClientError as error:
        if error.code in ("Neo.ClientError.Database.DatabaseNotFound", "Neo.ClientError.Security.Unauthorized",
                          "Neo.ClientError.Security.AuthenticationRateLimit"):
            raise StoreUnavailable(f"{store!r}: {_first_line(error)}") from None
        raise


def _first_line(error: BaseException) -> str:
    text = (getattr(error, "message", None) or str(error)).strip().splitlines()
    return text[0] if text else type(error).__name__


def _union(var: str, key: str) -> str:
    """Cypher for the list-union half of the merge rule; a row without the list leaves it as it is."""
    return (f"{var}.{key} = CASE WHEN row.lists.{key} IS NULL THEN {var}.{key} ELSE coalesce({var}.{key}, []) + "
            f"[x IN row.lists.{key} WHERE NOT x IN coalesce({var}.{key}, [])] END")


def _list_keys(rows: list[dict[str, Any]]) -> list[str]:
    """The list properties these rows carry: schema names only, never a value."""
    return [k for k in LIST_PROPS if any(k in row["lists"] for row in rows)]


def _set_clause(var: str, keys: list[str]) -> str:
    return f"SET {var} += row.props" + "".join(f", {_union(var, k)}" for k in keys)


def _checked(name: str, allowed: tuple[str, ...]) -> str:
    if name not in allowed:
        raise ValueError(f"{name!r} is not in the schema")
    return name


class Neo4jStore:
    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        parts = urlsplit(uri)
        if parts.username:  # bolt://user:password@host: the driver takes credentials apart from the address
            user, password = user or unquote(parts.username), password or unquote(parts.password or "")
            uri = redact(uri)
        user = user or os.environ.get("NEO4J_USERNAME")
        password = password or os.environ.get("NEO4J_PASSWORD")
        auth = (user, password) if user and password else None
        self.uri = uri
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self._kept = NeoKept(self)
        # Counting a label or type not yet in the graph is not worth a warning.
        self.driver: Driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF", **TIMEOUTS)
        try:
            with _available(self):
                self.driver.verify_connectivity()
                self.driver.execute_query("RETURN 1", database_=self.database)
        except StoreUnavailable:
            self.driver.close()
            raise

    def __repr__(self) -> str:
        return f"Neo4j {self.uri}" + (f" (database {self.database})" if self.database else "")

    def init(self) -> None:
        with _available(self):
            for statement in SCHEMA:
                self.driver.execute_query(statement, database_=self.database)

    def close(self) -> None:
        self.driver.close()

    # -- writes ---------------------------------------------------------------------------

    def write_batch(self, batch: GraphBatch) -> Written:
        """One managed transaction, retried by the driver on transient errors."""
        with _available(self), self.driver.session(database=self.database) as session:
            return session.execute_write(self._write, batch)

    def _write(self, tx: ManagedTransaction, batch: GraphBatch, touched: set[str] | None = None) -> Written:
        """The batch's rows, then the kept answers of the neighbourhoods they change dropped (neo4j_kept)."""
        watch = self._kept.watch(tx, batch)
        written = self._write_rows(tx, batch)
        self._kept.written(tx, watch, touched)
        return written

    def _write_rows(self, tx: ManagedTransaction, batch: GraphBatch) -> Written:
        written = Written()
        kinds = [{"id": r.id, "base": r.base, "label": r.label} for r in batch.nodes.values()]
        for part in chunks(kinds, UNWIND_ROWS):
            for other in tx.run(OTHER_KIND, rows=part, bases=list(BASE_LABELS), labels=list(LABELS)):
                refuse_other_kind(batch.nodes[other["id"]], other["base"], other["label"])
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in batch.nodes.values():
            groups[(row.base, row.label)].append(_node_params(row))
        for (base, label), rows in groups.items():
            # parties: name lookup is an index seek on NameKey.key, not a scan of list properties
            fresh, keys = (FRESH_FORMS, RETURN_FRESH) if base == PARTY else ("", "")
            query = (f"UNWIND $rows AS row MERGE (n:{_checked(base, BASE_LABELS)} {{id: row.id}}) {fresh}"
                     f"SET n:{_checked(label, LABELS)} {_set_clause('n', _list_keys(rows))}{keys}")
            for part in chunks(rows, UNWIND_ROWS):
                result = tx.run(query, rows=part)
                named = [{"id": r["id"], "fresh": r["fresh"]} for r in result]
                written.nodes += result.consume().counters.nodes_created
                if named:
                    tx.run(NAME_KEYS, rows=named).consume()
        edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in batch.edges.values():
            edges[(row.src_base, row.type, row.dst_base)].append(_edge_params(row))
        for (src_base, type_, dst_base), rows in edges.items():
            query = (f"UNWIND $rows AS row MATCH (a:{_checked(src_base, BASE_LABELS)} {{id: row.src}}) "
                     f"MATCH (b:{_checked(dst_base, BASE_LABELS)} {{id: row.dst}}) "
                     f"MERGE (a)-[r:{_checked(type_, REL_TYPES)}]->(b) {_set_clause('r', _list_keys(rows))} "
                     "RETURN count(r) AS written")
            for part in chunks(rows, UNWIND_ROWS):
                result = tx.run(query, rows=part)
                count = result.single()["written"]
                if count != len(part):
                    raise ValueError(f"{len(part) - count} {type_} relationship(s) to unknown nodes")
                written.edges += result.consume().counters.relationships_created
        return written

    def keep(self) -> KeptReport:
        """Compute and keep the exposure answers of the hubs that have none kept (neo4j_kept.py)."""
        with _available(self):
            return self._kept.keep()

    def kept_totals(self, ids: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]] | None:
        """The raw totals rows of a kept answer for these ids, or None (computed then)."""
        return self._kept.totals(ids, depth, direction, limit)

    def kept_top(self, ids: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]] | None:
        """The raw rows of the ``limit`` largest chains of a kept answer, or None."""
        return self._kept.top(ids, depth, direction, limit)

    def kept_questions(self) -> list[tuple[tuple[str, ...], int, str]]:
        """(ids, depth, direction) of the exposure answers kept now."""
        return self._kept.questions()

    def write(self, work: Any, *args: Any) -> Any:
        """``work(tx, *args)`` in one managed write transaction."""
        with _available(self), self.driver.session(database=self.database) as session:
            return session.execute_write(work, *args)

    def replace(self, drop: GraphBatch, write: GraphBatch) -> Written:
        """One transaction: delete ``drop``'s nodes and relationships, then write ``write`` (a review
        decision rewriting the rows of one fact or two parties)."""
        with _available(self), self.driver.session(database=self.database) as session:
            return session.execute_write(self._replace, drop, write)

    def _replace(self, tx: ManagedTransaction, drop: GraphBatch, write: GraphBatch) -> Written:
        edges: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
        for row in drop.edges.values():
            edges[(row.src_base, row.type, row.dst_base)].append({"src": row.src, "dst": row.dst})
        for (src_base, type_, dst_base), rows in edges.items():
            tx.run(f"UNWIND $rows AS row MATCH (:{_checked(src_base, BASE_LABELS)} {{id: row.src}})"
                   f"-[r:{_checked(type_, REL_TYPES)}]->(:{_checked(dst_base, BASE_LABELS)} {{id: row.dst}}) "
                   "DELETE r", rows=rows).consume()
        bases: dict[str, list[str]] = defaultdict(list)
        for row in drop.nodes.values():
            bases[row.base].append(row.id)
        for base, ids in bases.items():
            tx.run(f"UNWIND $ids AS id MATCH (n:{_checked(base, BASE_LABELS)} {{id: id}}) DETACH DELETE n",
                   ids=ids).consume()
        touched = {*drop.nodes, *(end for src, type_, dst in drop.edges if type_ in READ_TYPES for end in (src, dst))}
        return self._write(tx, write, touched)

    def decisions(self) -> list[dict[str, Any]]:
        """Every recorded review decision, oldest first."""
        with _available(self):
            records, _, _ = self.driver.execute_query(
                f"MATCH (d:{DECISION}) RETURN d.body AS body ORDER BY d.at, d.id", database_=self.database)
        return [json.loads(r["body"]) for r in records]

    def record(self, decision: dict[str, Any]) -> bool:
        """Keep a decision (its ``id`` is a hash of its content); False when it was already kept."""
        with _available(self):
            _, summary, _ = self.driver.execute_query(
                f"MERGE (d:{DECISION} {{id: $id}}) ON CREATE SET d.at = $at, d.key = $key, d.body = $body",
                id=decision["id"], at=decision["at"], key=decision["key"],
                body=json.dumps(decision, sort_keys=True, ensure_ascii=False), database_=self.database)
        return summary.counters.nodes_created == 1

    # -- reads ----------------------------------------------------------------------------

    def stats(self) -> Stats:
        with _available(self):
            return self._stats()

    def _stats(self) -> Stats:
        labels: dict[str, int] = {}
        for label in LABELS:
            records, _, _ = self.driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS c",
                                                      database_=self.database)
            if records[0]["c"]:
                labels[label] = records[0]["c"]
        rels: dict[str, int] = {}
        for type_ in REL_TYPES:
            records, _, _ = self.driver.execute_query(f"MATCH ()-[r:{type_}]->() RETURN count(r) AS c",
                                                      database_=self.database)
            if records[0]["c"]:
                rels[type_] = records[0]["c"]
        return Stats(dict(sorted(labels.items())), dict(sorted(rels.items())))

    def dump(self) -> tuple[list[Node], list[Edge]]:
        with _available(self):
            return self._dump()

    def _dump(self) -> tuple[list[Node], list[Edge]]:
        records, _, _ = self.driver.execute_query(
            f"MATCH (n) WHERE NOT n:{NAME_KEY} AND NOT n:{DECISION} AND NOT n:{KEPT} AND NOT n:{KEPT_NODE} "
            "RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, "
            "properties(n) AS props ORDER BY id", labels=list(LABELS), database_=self.database)
        nodes = [Node(r["id"], r["label"], _public(r["props"])) for r in records]
        records, _, _ = self.driver.execute_query(
            f"MATCH (a)-[r]->(b) WHERE NOT a:{NAME_KEY} RETURN a.id AS src, type(r) AS type, b.id AS dst, "
            "properties(r) AS props "
            "ORDER BY src, type, dst", database_=self.database)
        edges = [Edge(r["src"], r["type"], r["dst"], dict(r["props"])) for r in records]
        return nodes, edges

    def _nodes_query(self, where: str, tail: str = "") -> str:
        """Nodes of each base label matching ``where`` (an index seek per label, never a scan of all)."""
        return " UNION ALL ".join(
            f"MATCH (n:{base}) WHERE {where} RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, "
            f"properties(n) AS props {tail}" for base in BASE_LABELS)

    def nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        with _available(self):
            records, _, _ = self.driver.execute_query(self._nodes_query("n.id IN $ids"), ids=list(dict.fromkeys(ids)),
                                                      labels=list(LABELS), database_=self.database, routing_="r")
        return {r["id"]: Node(r["id"], r["label"], _public(r["props"])) for r in records}

    def edges(self, ids: Iterable[str], types: Iterable[str], direction: str = "both") -> list[Edge]:
        """Relationships of the given types touching ``ids``: out (src in ids), in, or both."""
        ids, types = list(dict.fromkeys(ids)), [_checked(t, REL_TYPES) for t in types]
        patterns = {"out": ["(n)-[r]->(m)"], "in": ["(n)<-[r]-(m)"], "both": ["(n)-[r]->(m)", "(n)<-[r]-(m)"]}
        out: list[Edge] = []
        for pattern in patterns[direction]:
            query = " UNION ALL ".join(
                f"MATCH (n:{base}) WHERE n.id IN $ids MATCH {pattern} WHERE type(r) IN $types "
                "RETURN startNode(r).id AS src, type(r) AS type, endNode(r).id AS dst, properties(r) AS props"
                for base in BASE_LABELS)
            with _available(self):
                records, _, _ = self.driver.execute_query(query, ids=ids, types=types, database_=self.database,
                                                          routing_="r")
            out += [Edge(r["src"], r["type"], r["dst"], dict(r["props"])) for r in records]
        return out

    def node_page(self, after: str, limit: int) -> list[Node]:
        with _available(self):
            records, _, _ = self.driver.execute_query(
                f"CALL () {{ {self._nodes_query('n.id > $after')} }} RETURN id, label, props ORDER BY id LIMIT $limit",
                after=after, limit=limit, labels=list(LABELS), database_=self.database, routing_="r")
        return [Node(r["id"], r["label"], _public(r["props"])) for r in records]

    def edge_page(self, after: tuple[str, str, str], limit: int) -> list[Edge]:
        with _available(self):
            records, _, _ = self.driver.execute_query(
                f"MATCH (a)-[r]->(b) WHERE NOT a:{NAME_KEY} WITH a.id AS src, type(r) AS type, b.id AS dst, r "
                "WHERE src > $s OR (src = $s AND (type > $t OR (type = $t AND dst > $d))) "
                "RETURN src, type, dst, properties(r) AS props ORDER BY src, type, dst LIMIT $limit",
                s=after[0], t=after[1], d=after[2], limit=limit, database_=self.database, routing_="r")
        return [Edge(r["src"], r["type"], r["dst"], dict(r["props"])) for r in records]

    def run(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """A read query (the canned .cypher files), rows as dicts."""
        with _available(self):
            records, _, _ = self.driver.execute_query(query, params, database_=self.database, routing_="r")
        return [r.data() for r in records]

    def stream(self, query: str, **params: Any) -> Iterator[dict[str, Any]]:
        """A read query's rows one at a time, as the server sends them: constant client memory."""
        with _available(self), self.driver.session(database=self.database, default_access_mode="READ") as session:
            for record in session.run(query, params):
                yield record.data()

    def clear(self) -> None:
        """Delete everything (tests and benchmarks)."""
        with self.driver.session(database=self.database) as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _node_params(row: NodeRow) -> dict[str, Any]:
    params = {"id": row.id, "props": row.props, "lists": row.lists}
    if row.base == PARTY:
        forms = [row.props.get("name"), *row.lists.get("aliases", ())]
        params["forms"] = [[f, name_key(f)] for f in dict.fromkeys(forms) if f]
    return params


def _edge_params(row: EdgeRow) -> dict[str, Any]:
    return {"src": row.src, "dst": row.dst, "props": row.props, "lists": row.lists}


def _public(props: dict[str, Any]) -> dict[str, Any]:
    """Node properties as the embedded store keeps them: the id is the node's, not a property."""
    return {k: v for k, v in props.items() if k != "id"}
