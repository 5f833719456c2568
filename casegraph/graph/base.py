"""The interface both stores keep: write Extractions whole, count, dump, read neighbourhoods."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from casegraph.graph.rows import (
    DOCUMENT,
    EVENT,
    EVENT_LABELS,
    LIST_PROPS,
    PARTY,
    PARTY_LABELS,
    EdgeRow,
    GraphBatch,
    NodeRow,
    to_graph,
)
from casegraph.loaders.result import Loaded

# Documents per transaction while nothing fails; a failing batch is retried one document at a time.
BATCH_DOCUMENTS = 1_000
BATCH_ROWS = 100_000


@dataclass
class Stats:
    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"labels": self.labels, "relationships": self.relationships,
                "nodes": sum(self.labels.values()), "edges": sum(self.relationships.values())}


class StoreUnavailable(Exception):
    """The store cannot be reached (server gone, unknown database): no document can be written now."""


@dataclass
class Written:
    """What one write created (not what it merged into existing nodes and relationships)."""

    nodes: int = 0
    edges: int = 0


@dataclass
class KeptReport:
    """What a store's keep() did after a load: the answers it keeps for hubs (graph/kept.py)."""

    hubs: int = 0  # parties whose neighbourhood is large enough to keep an answer for
    made: int = 0  # answers computed and kept now
    valid: int = 0  # answers kept before and still valid
    seconds: float = 0.0


@dataclass
class WriteReport:
    documents: int = 0
    failed: list[Loaded] = field(default_factory=list)
    notes: list[Loaded] = field(default_factory=list)
    created: Written = field(default_factory=Written)
    # Set when the store went away: the load stopped there, after ``documents`` were stored.
    unavailable: StoreUnavailable | None = None
    kept: KeptReport = field(default_factory=KeptReport)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    props: dict[str, Any]


@dataclass(frozen=True)
class Edge:
    src: str
    type: str
    dst: str
    props: dict[str, Any]


class Store(Protocol):
    """What the CLI, the queries and the tests need of a store.

    ``write_batch`` is called from write_extractions' writer thread, one batch at a time, not from
    the thread that opened the store. The queries reach further, per store: Neo4jStore ``run`` and
    ``stream`` (the canned Cypher); EmbeddedStore's reads (``nodes``, ``edges``, ``adjacent``,
    ``edges_between``, ``first_neighbours``, ``degree``, ``find_names``, ``name_candidates``,
    ``lei_ids``) and exposure in SQL (``exposure_totals`` and ``exposure_top`` from the chains shorter
    than the depth limit; ``exposure_chains`` then ``chain_rows`` for every chain, --all).
    """

    def init(self) -> None: ...
    def write_batch(self, batch: GraphBatch) -> Written: ...
    def stats(self) -> Stats: ...
    def dump(self) -> tuple[list[Node], list[Edge]]: ...
    def nodes(self, ids: Iterable[str]) -> dict[str, Node]: ...
    def edges(self, ids: Iterable[str], types: Iterable[str], direction: str = "both") -> list[Edge]: ...
    def node_page(self, after: str, limit: int) -> list[Node]: ...
    def edge_page(self, after: tuple[str, str, str], limit: int) -> list[Edge]: ...
    # After a load: compute and keep the answers a hub's questions would take too long to compute.
    def keep(self) -> KeptReport: ...
    # Review (casegraph/review): rewrite rows in one transaction; keep and read the decisions.
    def replace(self, drop: GraphBatch, write: GraphBatch) -> Written: ...
    def decisions(self) -> list[dict[str, Any]]: ...
    def record(self, decision: dict[str, Any]) -> bool: ...
    def close(self) -> None: ...


PAGE = 5_000


def scan(store: Store, page: int = PAGE) -> tuple[Iterator[list[Node]], Iterator[list[Edge]]]:
    """Every node, then every relationship, a page at a time in key order (memory stays flat)."""

    def nodes() -> Iterator[list[Node]]:
        after = ""
        while part := store.node_page(after, page):
            yield part
            after = part[-1].id

    def edges() -> Iterator[list[Edge]]:
        after = ("", "", "")
        while part := store.edge_page(after, page):
            yield part
            after = (part[-1].src, part[-1].type, part[-1].dst)

    return nodes(), edges()


def neighbourhood(store: Store, ids: list[str], depth: int) -> tuple[list[Node], list[Edge]]:
    """Parties and events within ``depth`` hops of ``ids`` (documents are not hops), the
    relationships among them, and the documents that mention them, for their evidence."""
    from casegraph.graph.rows import MENTIONS, REL_TYPES

    hops = [t for t in REL_TYPES if t != MENTIONS]
    found = set(store.nodes(ids))
    frontier = set(found)
    for _ in range(depth):
        reached = {end for e in store.edges(frontier, hops) for end in (e.src, e.dst)} - found
        found |= reached
        frontier = reached
    edges = {(e.src, e.type, e.dst): e for e in store.edges(found, hops) if e.src in found and e.dst in found}
    mentions = store.edges(found, [MENTIONS], "in")
    nodes = store.nodes([*found, *(e.src for e in mentions)])
    edges.update({(e.src, e.type, e.dst): e for e in mentions})
    return sorted(nodes.values(), key=lambda n: n.id), [edges[k] for k in sorted(edges)]


def base_of(label: str) -> str:
    return PARTY if label in PARTY_LABELS else EVENT if label in EVENT_LABELS else DOCUMENT


def _split(props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    scalars = {k: v for k, v in props.items() if k not in LIST_PROPS}
    return scalars, {k: list(v) for k, v in props.items() if k in LIST_PROPS}


def stored_batch(nodes: Iterable[Node], edges: Iterable[Edge], bases: dict[str, str] | None = None) -> GraphBatch:
    """Stored nodes and relationships as writes: what a copy of a graph into another store takes.

    ``bases`` gives the base label of relationship ends that are not among ``nodes``.
    """
    batch = GraphBatch()
    bases = dict(bases or {})
    for node in nodes:
        bases[node.id] = base_of(node.label)
        props, lists = _split(node.props)
        batch.node(NodeRow(id=node.id, base=bases[node.id], label=node.label, props=props, lists=lists))
    for edge in edges:
        props, lists = _split(edge.props)
        batch.edge(EdgeRow(src=edge.src, src_base=bases[edge.src], type=edge.type, dst=edge.dst,
                           dst_base=bases[edge.dst], props=props, lists=lists))
    return batch


def write_extractions(
    store: Store, items: Iterable[Loaded], progress: Callable[[Loaded], None] | None = None
) -> WriteReport:
    """Write each loaded document whole or not at all; batch documents for speed.

    A batch is one transaction. When it fails, its documents are written one per transaction, so
    only the bad document is left out and named. The next batch is read and built on this thread
    while one writer thread commits the previous one (the driver and sqlite3 wait without the GIL),
    so parsing overlaps the store's work; batches are written in order, one at a time. When the
    store itself is unavailable, nothing more can be written: the load stops at once, and running
    it again completes it. After the last batch the store keeps the answers of its hubs (keep()).
    """
    from casegraph.review.policy import Policy

    report = WriteReport()
    try:
        policy = Policy.of(store.decisions())  # the analysts' decisions apply again to what is reloaded
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="casegraph-writer") as writer:
            running: Future[None] | None = None
            for pending in _batches(items, report, progress, policy):
                merged = GraphBatch()
                for _, batch in pending:
                    merged.extend(batch)
                if running is not None:
                    running.result()  # re-raises the writer's StoreUnavailable here
                running = writer.submit(_flush, store, pending, merged, report)
            if running is not None:
                running.result()
        report.kept = store.keep()
    except StoreUnavailable as error:
        report.unavailable = error
    return report


def _batches(items: Iterable[Loaded], report: WriteReport, progress: Callable[[Loaded], None] | None,
             policy: Callable[[GraphBatch], GraphBatch]) -> Iterator[list[tuple[str, GraphBatch]]]:
    """The documents' graph writes (with their sources, to name a failed one), BATCH_DOCUMENTS or
    BATCH_ROWS at a time; failed reads go to the report. The Loaded items are not kept: an
    extraction's models weigh about as much as its rows, and two batches are in flight."""
    pending: list[tuple[str, GraphBatch]] = []
    rows = 0
    for item in items:
        if progress:
            progress(item)
        if item.note and not item.error:
            report.notes.append(item)
            continue
        if item.error or (item.extraction is None and item.batch is None):
            report.failed.append(item)
            continue
        batch = policy(item.batch if item.batch is not None else to_graph(item.extraction))
        pending.append((item.source, batch))
        rows += batch.size
        if len(pending) >= BATCH_DOCUMENTS or rows >= BATCH_ROWS:
            yield pending
            pending, rows = [], 0
    if pending:
        yield pending


def _flush(store: Store, pending: list[tuple[str, GraphBatch]], merged: GraphBatch, report: WriteReport) -> None:
    """One batch in one transaction, else document by document; StoreUnavailable stops the load."""

    def write(batch: GraphBatch) -> None:
        written = store.write_batch(batch)
        report.created.nodes += written.nodes
        report.created.edges += written.edges

    try:
        write(merged)
        report.documents += len(pending)
    except StoreUnavailable:
        raise
    except Exception:
        for source, batch in pending:
            try:
                write(batch)
                report.documents += 1
            except StoreUnavailable:
                raise
            except Exception as error:  # a store error names the document, the batch goes on
                report.failed.append(Loaded(source, error=f"not stored: {_one_line(error)}"))


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
