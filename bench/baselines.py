"""Bare-tool baselines: what SQLite and the Neo4j driver do with the same rows and no casegraph code.

The SQLite baseline uses the embedded file's own DDL (same tables, keys and indexes) and the same
PRAGMAs; the Neo4j baseline creates the same constraints and indexes and MERGEs on the same keys.
Both commit every ``TX_ROWS`` rows, as casegraph's loader commits every batch of documents.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.rows import neo4j_rows, sqlite_rows
from casegraph.graph.rows import GraphBatch

TX_ROWS = 20_000
UNWIND_ROWS = 5_000
EMBEDDED_DDL = Path(__file__).resolve().parents[1] / "casegraph" / "graph" / "embedded.sql"
NEO4J_DDL = Path(__file__).resolve().parents[1] / "casegraph" / "graph" / "schema.cypher"


def sqlite_bulk(path: Path, batch: GraphBatch) -> float:
    """Seconds to bulk-insert the rows with ``executemany``, one transaction per TX_ROWS rows."""
    nodes, names, edges = sqlite_rows(batch)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(EMBEDDED_DDL.read_text())
    start = time.perf_counter()
    for sql, rows in (("INSERT INTO nodes VALUES (?, ?, ?, ?)", nodes), ("INSERT INTO names VALUES (?, ?)", names),
                      ("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?)", edges)):
        for at in range(0, len(rows), TX_ROWS):
            db.execute("BEGIN")
            db.executemany(sql, rows[at:at + TX_ROWS])
            db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def neo4j_schema(driver: Any, database: str | None) -> None:
    lines = [x for x in NEO4J_DDL.read_text().splitlines() if not x.startswith("//")]
    for statement in (s.strip() for s in "\n".join(lines).split(";")):
        if statement:
            driver.execute_query(statement, database_=database)


def neo4j_unwind(driver: Any, database: str | None, batch: GraphBatch) -> float:
    """Seconds for batched ``UNWIND $rows MERGE`` of the same nodes, then relationships."""
    nodes, edges = neo4j_rows(batch)
    neo4j_schema(driver, database)
    start = time.perf_counter()

    def write(session: Any, query: str, rows: list[dict]) -> None:
        for at in range(0, len(rows), UNWIND_ROWS):
            part = rows[at:at + UNWIND_ROWS]
            session.execute_write(lambda tx: tx.run(query, rows=part).consume())  # noqa: B023 (called at once)

    with driver.session(database=database) as session:
        for (base, label), rows in nodes.items():
            query = f"UNWIND $rows AS row MERGE (n:{base} {{id: row.id}}) SET n:{label}, n += row.props"
            write(session, query, rows)
        for (src, type_, dst), rows in edges.items():
            query = (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
                     f"MERGE (a)-[r:{type_}]->(b) SET r += row.props")
            write(session, query, rows)
    return time.perf_counter() - start
