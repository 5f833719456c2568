"""The interface both stores keep: write Extractions whole, count, dump, read neighbourhoods."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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


@dataclass
class WriteReport:
    documents: int = 0
    failed: list[Loaded] = field(default_factory=list)
    notes: list[Loaded] = field(default_factory=list)


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
    """What the CLI, the queries and the tests need of a store."""

    def init(self) -> None: ...
    def write_batch(self, batch: GraphBatch) -> None: ...
    def stats(self) -> Stats: ...
    def dump(self) -> tuple[list[Node], list[Edge]]: ...
    def close(self) -> None: ...


def base_of(label: str) -> str:
    return PARTY if label in PARTY_LABELS else EVENT if label in EVENT_LABELS else DOCUMENT


def _split(props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    scalars = {k: v for k, v in props.items() if k not in LIST_PROPS}
    return scalars, {k: list(v) for k, v in props.items() if k in LIST_PROPS}


def stored_batch(nodes: Iterable[Node], edges: Iterable[Edge]) -> GraphBatch:
    """Stored nodes and relationships as writes: what a copy of a graph into another store takes."""
    batch = GraphBatch()
    bases: dict[str, str] = {}
    for node in nodes:
        bases[node.id] = base_of(node.label)
        props, lists = _split(node.props)
        batch.node(NodeRow(id=node.id, base=bases[node.id], label=node.label, props=props, lists=lists))
    for edge in edges:
        props, lists = _split(edge.props)
        batch.edge(EdgeRow(src=edge.src, src_base=bases.get(edge.src) or _base_of_id(edge.src), type=edge.type,
                           dst=edge.dst, dst_base=bases.get(edge.dst) or _base_of_id(edge.dst), props=props,
                           lists=lists))
    return batch


def _base_of_id(node_id: str) -> str:
    """A relationship's end not in the same batch: ids say their base (``firm:…``, ``charge:…``, a hash)."""
    prefix = node_id.split(":", 1)[0] if ":" in node_id else ""
    if prefix in {label.lower() for label in PARTY_LABELS}:
        return PARTY
    if prefix in {label.lower() for label in EVENT_LABELS}:
        return EVENT
    return DOCUMENT


def write_extractions(
    store: Store, items: Iterable[Loaded], progress: Callable[[Loaded], None] | None = None
) -> WriteReport:
    """Write each loaded document whole or not at all; batch documents for speed.

    A batch is one transaction. When it fails, its documents are written one per transaction, so
    only the bad document is left out and named.
    """
    report = WriteReport()
    pending: list[tuple[Loaded, GraphBatch]] = []

    def flush() -> None:
        if not pending:
            return
        merged = GraphBatch()
        for _, batch in pending:
            merged.extend(batch)
        try:
            store.write_batch(merged)
            report.documents += len(pending)
        except Exception:
            for item, batch in pending:
                try:
                    store.write_batch(batch)
                    report.documents += 1
                except Exception as error:  # a store error names the document, the batch goes on
                    report.failed.append(Loaded(item.source, error=f"not stored: {_one_line(error)}"))
        pending.clear()

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
        batch = item.batch if item.batch is not None else to_graph(item.extraction)
        pending.append((item, batch))
        rows += batch.size
        if len(pending) >= BATCH_DOCUMENTS or rows >= BATCH_ROWS:
            flush()
            rows = 0
    flush()
    return report


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
