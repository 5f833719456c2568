"""The interface both stores keep: write Extractions whole, count, dump, read neighbourhoods."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from casegraph.graph.rows import GraphBatch, to_graph
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
class WriteReport:
    documents: int = 0
    failed: list[Loaded] = field(default_factory=list)
    created: Written = field(default_factory=Written)
    # Set when the store went away: the load stopped there, after ``documents`` were stored.
    unavailable: StoreUnavailable | None = None


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
    def write_batch(self, batch: GraphBatch) -> Written: ...
    def stats(self) -> Stats: ...
    def dump(self) -> tuple[list[Node], list[Edge]]: ...
    def close(self) -> None: ...


def write_extractions(
    store: Store, items: Iterable[Loaded], progress: Callable[[Loaded], None] | None = None
) -> WriteReport:
    """Write each loaded document whole or not at all; batch documents for speed.

    A batch is one transaction. When it fails, its documents are written one per transaction, so
    only the bad document is left out and named. When the store itself is unavailable, nothing
    more can be written: the load stops at once, and running it again completes it.
    """
    report = WriteReport()
    pending: list[tuple[Loaded, GraphBatch]] = []

    def write(batch: GraphBatch) -> None:
        written = store.write_batch(batch)
        report.created.nodes += written.nodes
        report.created.edges += written.edges

    def flush() -> None:
        if not pending:
            return
        merged = GraphBatch()
        for _, batch in pending:
            merged.extend(batch)
        try:
            write(merged)
            report.documents += len(pending)
        except StoreUnavailable:
            raise
        except Exception:
            for item, batch in pending:
                try:
                    write(batch)
                    report.documents += 1
                except StoreUnavailable:
                    raise
                except Exception as error:  # a store error names the document, the batch goes on
                    report.failed.append(Loaded(item.source, error=f"not stored: {_one_line(error)}"))
        pending.clear()

    rows = 0
    try:
        for item in items:
            if progress:
                progress(item)
            if item.error or item.extraction is None:
                report.failed.append(item)
                continue
            batch = to_graph(item.extraction)
            pending.append((item, batch))
            rows += batch.size
            if len(pending) >= BATCH_DOCUMENTS or rows >= BATCH_ROWS:
                flush()
                rows = 0
        flush()
    except StoreUnavailable as error:
        report.unavailable = error
    return report


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
