"""The graph as GraphML for Gephi and yEd, through networkx.

Every node carries ``label`` (its name, title or id, which both tools show) and ``type`` (its
node label); every relationship ``label`` (its type). List properties are JSON strings, since
GraphML has no lists; numbers are doubles so that one key keeps one type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import networkx as nx

from casegraph.graph.base import Edge, Node


def _attrs(props: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in props.items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[key] = value
        elif isinstance(value, int | float):
            out[key] = float(value)
        elif isinstance(value, str):
            out[key] = value
        else:
            out[key] = json.dumps(value, ensure_ascii=False)
    return out


def to_networkx(nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, **_attrs(node.props), type=node.label,
                       label=node.props.get("name") or node.props.get("title") or node.id)
    for edge in edges:
        graph.add_edge(edge.src, edge.dst, key=edge.type, **_attrs(edge.props), label=edge.type)
    return graph


def write_graphml(nodes: Iterable[Node], edges: Iterable[Edge], out) -> None:
    nx.write_graphml(to_networkx(nodes, edges), out, encoding="utf-8")
