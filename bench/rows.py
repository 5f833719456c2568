"""The rows a load must end with, computed once outside any timing.

Baselines write exactly these rows (same labels, keys and properties as casegraph's merge rule
produces), and "facts" are counted from them, so every rate in a run has the same numerator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from casegraph.graph.rows import EVENT, PARTY, GraphBatch, to_graph
from casegraph.schemas import name_key, parse_line


@dataclass
class Expected:
    """The merged graph of a set of Extraction lines."""

    batch: GraphBatch
    nodes: int
    edges: int
    events: int

    @property
    def facts(self) -> int:
        """Facts = relationships (every type, MENTIONS included) + event nodes written."""
        return self.edges + self.events


def expected(lines: list[str]) -> Expected:
    merged = GraphBatch()
    for line in lines:
        merged.extend(to_graph(parse_line(line)))
    events = sum(1 for n in merged.nodes.values() if n.base == EVENT)
    return Expected(merged, len(merged.nodes), len(merged.edges), events)


def node_props(row: Any) -> dict[str, Any]:
    return {**row.props, **row.lists}


def sqlite_rows(batch: GraphBatch) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """(nodes, names, edges) tuples for the embedded file's three tables."""
    nodes, names = [], []
    for row in batch.nodes.values():
        props = node_props(row)
        nodes.append((row.id, row.base, row.label, json.dumps(props, ensure_ascii=False)))
        for form in dict.fromkeys((props.get("name"), *props.get("aliases", ()))):
            if form:
                names.append((name_key(form), row.id))
    edges = [(r.src, r.type, r.dst, r.props.get("amount"), r.props.get("currency"),
              json.dumps(node_props(r), ensure_ascii=False)) for r in batch.edges.values()]
    return nodes, list(dict.fromkeys(names)), edges


def neo4j_rows(batch: GraphBatch) -> tuple[dict[tuple[str, str], list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """Node rows per (base, label) and edge rows per (src base, type, dst base), props pre-merged."""
    nodes: dict[tuple[str, str], list[dict]] = {}
    for row in batch.nodes.values():
        props = node_props(row)
        if row.base == PARTY:
            forms = [props.get("name"), *props.get("aliases", ())]
            props["keys"] = list(dict.fromkeys(name_key(f) for f in forms if f))
        nodes.setdefault((row.base, row.label), []).append({"id": row.id, "props": props})
    edges: dict[tuple[str, str, str], list[dict]] = {}
    for row in batch.edges.values():
        edges.setdefault((row.src_base, row.type, row.dst_base), []).append(
            {"src": row.src, "dst": row.dst, "props": node_props(row)})
    return nodes, edges
