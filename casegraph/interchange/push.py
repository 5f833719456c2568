"""Copy a store into Neo4j: nodes, then relationships, a page per transaction.

Each page is merged by the stores' one rule (non-null scalars replace, lists are unions), so a
page written twice changes nothing: a push that was interrupted is finished by running it again,
and ends equal to one clean push.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casegraph.graph.base import PAGE, Store, base_of, scan, stored_batch


@dataclass
class Pushed:
    nodes: int = 0
    edges: int = 0
    batches: int = 0


def push(source: Store, target: Store, page: int = PAGE, progress: Callable[[Pushed], None] | None = None) -> Pushed:
    target.init()
    done = Pushed()
    nodes, edges = scan(source, page)
    for part in nodes:
        target.write_batch(stored_batch(part, []))
        done.nodes += len(part)
        done.batches += 1
        if progress:
            progress(done)
    for part in edges:
        ends = source.nodes({end for edge in part for end in (edge.src, edge.dst)})
        target.write_batch(stored_batch([], part, {i: base_of(n.label) for i, n in ends.items()}))
        done.edges += len(part)
        done.batches += 1
        if progress:
            progress(done)
    target.keep()  # a copy is a load: the target keeps its hubs' exposure answers (graph/kept.py)
    return done
