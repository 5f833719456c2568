"""The embedded store's path search (a two-way read that keeps predecessors, choosing its side by cost)
gives exactly every shortest path: the same rows as networkx's all_shortest_paths over the whole
stored graph, one row per parallel relationship, on tangled graphs (relationships both ways between
two firms, to oneself, cycles) and a generated one with hubs and events; and the same rows as Neo4j.
The store primitives it reads with count and list exactly the relationship types asked for."""

from __future__ import annotations

import sqlite3
from itertools import pairwise, product

import networkx as nx
import pytest
from test_hubs import tangled
from test_queries_case import load

from bench.generate import generate
from casegraph.graph.embedded import EmbeddedStore
from casegraph.queries import run
from casegraph.queries.embedded import PATH_MAX, PATH_TYPES
from casegraph.queries.names import resolve


def reference(db: sqlite3.Connection, a: list[str], b: list[str]) -> set[tuple[tuple[str, ...], tuple]]:
    """Every shortest path between the two id sets over the whole graph, each parallel relationship
    its own path: (node ids, relationship keys)."""
    graph = nx.MultiGraph()
    marks = ",".join("?" * len(PATH_TYPES))
    for src, type_, dst in db.execute(f"SELECT src, type, dst FROM edges WHERE type IN ({marks})", PATH_TYPES):
        graph.add_edge(src, dst, key=(src, type_, dst))
    simple = nx.Graph(graph)
    simple.add_nodes_from([*a, *b])
    simple.add_edges_from(("@from", x) for x in a)
    simple.add_edges_from((x, "@to") for x in b)
    try:
        node_paths = [p[1:-1] for p in nx.all_shortest_paths(simple, "@from", "@to")]
    except nx.NetworkXNoPath:
        return set()
    if len(node_paths[0]) - 1 > PATH_MAX:
        return set()
    found = set()
    for p in node_paths:
        for keys in product(*[list(graph.get_edge_data(x, y)) for x, y in pairwise(p)]):
            found.add((tuple(p), keys))
    return found


def answered(rows: list[dict]) -> list[tuple[tuple[str, ...], tuple]]:
    out = []
    for r in rows:
        keys = tuple((h["from_id"], h["type"], h["to_id"]) if h["direction"] == "forward"
                     else (h["to_id"], h["type"], h["from_id"]) for h in r["hops"])
        out.append((tuple(n["id"] for n in r["nodes"]), keys))
    return out


def check_pairs(store: EmbeddedStore, names: list[tuple[str, str]]) -> int:
    """Each pair's path rows against the reference; the number of rows compared."""
    db = sqlite3.connect(store.path)
    compared = 0
    for a, b in names:
        rows = answered(run(store, "path", a=a, b=b))
        expected = reference(db, resolve(store, a), resolve(store, b))
        assert len(rows) == len(set(rows)), (a, b)  # no path twice
        assert set(rows) == expected, (a, b)
        compared += len(rows)
    return compared


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_shortest_path_of_tangled_graphs(embedded_store, monkeypatch, seed):
    import casegraph.queries.embedded as search

    monkeypatch.setattr(search, "TOUCH_MIN", 0 if seed % 2 else 2_000)
    lines, names = tangled(seed, firms=30, exposures=90)
    load(embedded_store, lines)
    pairs = [(x, y) for i, x in enumerate(names) for y in names[i + 1:]][::7]
    assert check_pairs(embedded_store, pairs) > len(pairs)  # parallel relationships: more rows than pairs


@pytest.mark.parametrize(("touch_min", "node_cost"), [(2_000, 30), (0, 30), (0, 0), (10**9, 1_000)])
def test_every_shortest_path_through_hubs_and_events(embedded_store, monkeypatch, touch_min, node_cost):
    """With the search's choices at their defaults and pushed each way: the frontiers asked whether
    they touch before every read or never, nodes costing nothing or everything next to relationships."""
    import casegraph.queries.embedded as search

    monkeypatch.setattr(search, "TOUCH_MIN", touch_min)
    monkeypatch.setattr(search, "NODE_COST", node_cost)
    graph = generate(3_000, seed=11)
    load(embedded_store, graph.lines)
    hubs, ordinary = graph.hubs[:4], graph.ordinary[:12]
    pairs = [*((h, o) for h in hubs for o in ordinary[:3]), *pairwise(ordinary),
             *((x, y) for i, x in enumerate(hubs) for y in hubs[i + 1:])]
    assert check_pairs(embedded_store, pairs) > len(pairs)


@pytest.mark.neo4j
def test_stores_agree_on_paths(embedded_store, neo4j_store):
    lines, names = tangled(2, firms=30, exposures=90)
    graph = generate(3_000, seed=11)
    for store in (embedded_store, neo4j_store):
        load(store, lines)
        load(store, graph.lines)
    pairs = [*zip(names[::3], names[1::3], strict=False), *((h, o) for h in graph.hubs[:3] for o in graph.ordinary[:4]),
             *zip(graph.ordinary[:10], graph.ordinary[5:15], strict=True)]
    for a, b in pairs:
        assert run(embedded_store, "path", a=a, b=b) == run(neo4j_store, "path", a=a, b=b), (a, b)


def test_degree_and_adjacent_read_exactly_the_types_asked(embedded_store):
    graph = generate(3_000, seed=11)
    load(embedded_store, graph.lines)
    db = sqlite3.connect(embedded_store.path)
    ids = [i for (i,) in db.execute("SELECT id FROM nodes WHERE base = 'Party' ORDER BY id LIMIT 500")]
    hub = resolve(embedded_store, graph.hubs[0])
    for types in (PATH_TYPES, ["MENTIONS"], ["EXPOSED_TO", "OFFICER_OF"], ["CONCERNS", "SUBSIDIARY_OF"]):
        for near in (ids, hub, ids[:3]):
            marks, tmarks = ",".join("?" * len(near)), ",".join("?" * len(types))
            leaving = sorted(db.execute(f"SELECT src, type, dst FROM edges WHERE src IN ({marks}) "
                                        f"AND type IN ({tmarks})", [*near, *types]))
            entering = sorted(db.execute(f"SELECT src, type, dst FROM edges WHERE dst IN ({marks}) "
                                         f"AND type IN ({tmarks})", [*near, *types]))
            out, into = embedded_store.adjacent(near, types)
            assert (sorted(out), sorted(into)) == (leaving, entering)
            total = len(leaving) + len(entering)
            assert embedded_store.degree(near, types) == total
            for cap in (1, total // 2 + 1, total, total + 1, 10 * total + 1):
                assert embedded_store.degree(near, types, cap) == min(total, cap)
    assert embedded_store.degree(ids, PATH_TYPES) > 500 and embedded_store.degree(hub, PATH_TYPES) > 50
