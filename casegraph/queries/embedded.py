"""The canned queries over the embedded store: read the neighbourhood hop by hop, answer with networkx.

Each function returns raw rows of the shape its .cypher file RETURNs, so both stores share the
finishing in finish.py. Reads go through ``store.edges(frontier, types, direction)``, one batched
call per hop, never a scan; ``store.rows_read`` counts what was read.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from casegraph.graph.base import Edge, Node
from casegraph.graph.rows import EVENT_LABELS, PARTY_LABELS
from casegraph.queries.finish import ACTION_LABELS, DISPLAY, display

GROUP_DEPTH = 4  # SUBSIDIARY_OF*0..4 in the Cypher files
PATH_MAX = 10  # *..10 in path.cypher
# What reading one more frontier node costs next to one more relationship: its index search reads
# pages of its own, a relationship is the next entry (bench/README.md, "path at 1m").
NODE_COST = 30
SCAN_SHARE = 5  # a relationship stepped over in SQLite costs a fifth of one read out
TOUCH_MIN = 2_000  # a read cheaper than this finds the meeting itself: no question asked first
PATH_TYPES = ("EXPOSED_TO", "SUBSIDIARY_OF", "OFFICER_OF", "ISSUED", "INITIATED", "CONCERNS")


def _label(node: Node | None) -> str | None:
    return node.label if node else None


def _name(nodes: dict[str, Node], node_id: str | None) -> str | None:
    node = nodes.get(node_id) if node_id else None
    return node.props.get("name") if node else None


def parties(store: Any, ids: list[str]) -> list[str]:
    """The given ids that are parties (MATCH (start:Party) WHERE start.id IN $ids)."""
    return sorted(i for i, n in store.nodes(ids).items() if n.label in PARTY_LABELS)


def group(store: Any, ids: list[str]) -> set[str]:
    """The parties within GROUP_DEPTH SUBSIDIARY_OF steps of ``ids``, either way, ``ids`` included."""
    return group_graph(store, ids)[0]


def group_graph(store: Any, ids: list[str]) -> tuple[set[str], nx.DiGraph]:
    """The group and the SUBSIDIARY_OF edges read to find it (child -> parent)."""
    graph = nx.DiGraph()
    members = set(parties(store, ids))
    graph.add_nodes_from(members)
    frontier = set(members)
    for _ in range(GROUP_DEPTH):
        if not frontier:
            break
        new = set()
        for edge in store.edges(sorted(frontier), ["SUBSIDIARY_OF"], "both"):
            graph.add_edge(edge.src, edge.dst)
            new.update(x for x in (edge.src, edge.dst) if x not in members)
        members |= new
        frontier = new
    return members, graph


def group_members(store: Any, ids: list[str]) -> list[dict[str, Any]]:
    """Each group member and its relation to the named party (party, subsidiary, parent, affiliate)."""
    members, graph = group_graph(store, ids)
    starts = set(parties(store, ids))
    nodes = store.nodes(members)

    def reaches(a: str, targets: set[str], g: nx.DiGraph) -> bool:
        return bool(set(nx.single_source_shortest_path_length(g, a, cutoff=GROUP_DEPTH)) - {a} & targets)

    reverse = graph.reverse(copy=False)
    rows = []
    for member in members:
        relation = ("party" if member in starts else "subsidiary" if reaches(member, starts, graph)
                    else "parent" if reaches(member, starts, reverse) else "affiliate")
        rows.append({"id": member, "name": _name(nodes, member), "label": _label(nodes.get(member)),
                     "relation": relation})
    return rows


def exposure(store: Any, ids: list[str], depth: int, direction: str, limit: int | None = None,
             batch: int = 500) -> Iterator[dict[str, Any]]:
    """Simple EXPOSED_TO chains of 1..depth hops ending (in) or starting (out) at a group member,
    touching no other group member, largest first. The top ``limit`` are found without listing the
    rest (store.exposure_top); every chain (None) is enumerated and sorted in SQL, finished here
    ``batch`` chains at a time, so it streams in constant memory."""
    members = sorted(group(store, ids))
    if limit is not None:
        yield from _chains(store, ids, direction, store.exposure_top(members, depth, direction, limit))
        return
    store.exposure_chains(members, depth, direction)
    rows = store.chain_rows(None)
    while part := list(islice(rows, batch)):
        yield from _chains(store, ids, direction, part)


def _chains(store: Any, ids: list[str], direction: str,
            part: list[tuple[str, str, int, str, Any]]) -> Iterator[dict[str, Any]]:
    paths = [path.strip("|").split("|") for _, _, _, path, _ in part]
    edges = store.edges_between({(a, "EXPOSED_TO", b) for p in paths for a, b in pairwise(p)})
    nodes = store.nodes({x for p in paths for x in p})
    for (party, target, depth, _, _), node_path in zip(part, paths, strict=True):
        hops = []
        for src, dst in pairwise(node_path):
            edge = edges[(src, "EXPOSED_TO", dst)]
            hops.append({"from_id": src, "from": _name(nodes, src), "to_id": dst, "to": _name(nodes, dst),
                         "amount": edge.props.get("amount"), "currency": edge.props.get("currency"),
                         "kind": edge.props.get("kind"), "as_of": edge.props.get("as_of"),
                         "review": edge.props.get("review"),
                         **display(edge.props),
                         "evidence": edge.props.get("evidence", []), "sources": edge.props.get("sources", [])})
        touching = hops[0] if direction == "in" else hops[-1]  # the party's hop, as in exposure_*.cypher
        yield {"party_id": party, "party": _name(nodes, party), "target_id": target, "target": _name(nodes, target),
               "via_group": target not in ids, "depth": depth, **{k: touching[k] for k in DISPLAY}, "hops": hops}


def exposure_totals(store: Any, ids: list[str], depth: int, direction: str, limit: int) -> list[dict[str, Any]]:
    """Totals over every chain, aggregated in SQL (rows of exposure_totals_*.cypher's shape)."""
    return store.exposure_totals(sorted(group(store, ids)), depth, direction, limit)


def _action_subjects(store: Any, ids: list[str]) -> tuple[set[str], list[Edge], dict[str, Node], set[str]]:
    """The group, the OFFICER_OF relationships into it, the nodes read, and the subjects of its
    actions: the group and the people who are officers of a member."""
    grp = group(store, ids)
    offices = store.edges(sorted(grp), ["OFFICER_OF"], "in")
    nodes = store.nodes(grp | {e.src for e in offices})
    officers = {e.src for e in offices if _label(nodes.get(e.src)) == "Person"}
    return grp, offices, nodes, grp | officers


def actions(store: Any, ids: list[str], limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` actions (all with None) in the query order, chosen in SQL."""
    grp, offices, nodes, subjects = _action_subjects(store, ids)
    store.collect_events("actions", sorted(subjects), list(ACTION_LABELS))
    shown = store.event_page("actions", limit)
    events = store.nodes({event for event, _ in shown})
    actors = {e.dst: e.src for e in store.edges(sorted(events), ["INITIATED"], "in")}
    nodes.update(store.nodes(set(actors.values()) - set(nodes)))
    rows = []
    for event_id, subject in shown:
        event = events[event_id]
        actor = actors.get(event.id)
        officer_of = [] if subject in grp else [
            {"org_id": o.dst, "org": _name(nodes, o.dst), "role": o.props.get("role")}
            for o in offices if o.src == subject]
        relation = "party" if subject in ids else "group" if subject in grp else "officer"
        rows.append({
            "event_id": event.id, "event": event.label, "date": event.props.get("date"),
            "kind": event.props.get("kind"), "status": event.props.get("status"),
            "review": event.props.get("review"),
            "amount": event.props.get("amount"), "currency": event.props.get("currency"),
            "authority_id": actor, "authority": _name(nodes, actor),
            "subject_id": subject, "subject": _name(nodes, subject), "subject_label": _label(nodes.get(subject)),
            "relation": relation, "officer_of": officer_of,
            "evidence": event.props.get("evidence", []), "sources": event.props.get("sources", []),
            **display(event.props),
        })
    return rows


def event_totals(store: Any, query: str, ids: list[str]) -> list[dict[str, Any]]:
    """Totals over every row of actions or timeline, counted in SQL (rows of *_totals.cypher's shape)."""
    if query == "actions":
        subjects, labels = _action_subjects(store, ids)[3], ACTION_LABELS
    else:
        subjects, labels = group(store, ids), EVENT_LABELS
    store.collect_events(query, sorted(subjects), list(labels))
    return [{"kind": kind, "key": key, "rows": rows, "total": total}
            for kind, key, rows, total in store.event_totals()]


def timeline(store: Any, ids: list[str], limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` dated events (all with None) in date order, chosen in SQL."""
    store.collect_events("timeline", sorted(group(store, ids)), list(EVENT_LABELS))
    shown = store.event_page("timeline", limit)
    events = store.nodes({event for event, _ in shown})
    subjects = dict(shown)
    actors = {e.dst: e.src for e in store.edges(sorted(events), ["INITIATED"], "in")}
    sources = {s for n in events.values() for s in n.props.get("sources", [])}
    nodes = store.nodes(set(subjects.values()) | set(actors.values()) | sources)
    rows = []
    for event_id, subject in shown:
        event = events[event_id]
        documents = [nodes[s] for s in event.props.get("sources", []) if _label(nodes.get(s)) == "Document"]
        dates = [d.props["date"] for d in documents if d.props.get("date") is not None]
        actor = actors.get(event.id)
        rows.append({
            "date": event.props.get("date") or min(dates),
            "date_from": "event" if event.props.get("date") else "document",
            "event_id": event.id, "event": event.label, "kind": event.props.get("kind"),
            "status": event.props.get("status"), "review": event.props.get("review"),
            "amount": event.props.get("amount"), "currency": event.props.get("currency"), "actor_id": actor,
            "actor": _name(nodes, actor),
            "subject_id": subject, "subject": _name(nodes, subject),
            "documents": [{"id": d.id, **{k: d.props.get(k) for k in ("source", "title", "url", "date")}}
                          for d in documents],
            "evidence": event.props.get("evidence", []), **display(event.props),
        })
    return rows


class _Side:
    """One end of the two-way search: each node's level (hops from this end), the keys of its
    relationships to the level one nearer (every one, so every shortest path can be spelled out),
    the frontier, and the frontier's relationship count as far as it was counted (``exact`` False:
    at least ``cost``)."""

    def __init__(self, starts: set[str]) -> None:
        self.level = dict.fromkeys(starts, 0)
        self.parents: dict[str, list[tuple[str, str, str]]] = {}
        self.frontier = sorted(starts)
        self.depth = 0
        self.cost, self.exact = 0, False
        self._nearer: dict[str, dict[str, list[tuple[str, str, str]]]] = {}

    def count(self, store: Any, cap: int | None) -> None:
        self.cost = store.degree(self.frontier, PATH_TYPES, cap)
        self.exact = cap is None or self.cost < cap

    def expand(self, store: Any) -> list[str]:
        """Read the frontier's relationships, step one level on; the new frontier."""
        return self.step(*store.adjacent(self.frontier, PATH_TYPES))

    def step(self, leaving: list[tuple[str, str, str]], entering: list[tuple[str, str, str]]) -> list[str]:
        """One level on over these relationships of the frontier (leaving it, entering it)."""
        level, parents, depth = self.level, self.parents, self.depth + 1
        new: list[str] = []
        for rows, far_at in ((leaving, 2), (entering, 0)):
            for key in rows:
                far = key[far_at]
                seen = level.get(far)
                if seen is None:
                    level[far] = depth
                    new.append(far)
                    parents[far] = [key]
                elif seen == depth:
                    parents[far].append(key)
        # the relationships that reached the new frontier: a free lower bound of its count
        self.cost, self.exact = sum(len(parents[x]) for x in new), False
        self.depth, self.frontier = depth, sorted(new)
        return new

    def nearer(self, node: str) -> dict[str, list[tuple[str, str, str]]]:
        """The node's neighbours one level nearer this end, each with the keys between them."""
        if node not in self._nearer:
            out: dict[str, list[tuple[str, str, str]]] = {}
            for key in self.parents.get(node, ()):
                out.setdefault(key[0] if key[2] == node else key[2], []).append(key)
            self._nearer[node] = out
        return self._nearer[node]

    def halves(self, node: str, memo: dict[str, list[list[str]]]) -> list[list[str]]:
        """Every shortest node path from this end to ``node``, from the predecessors."""
        if self.level[node] == 0:
            return [[node]]
        if node not in memo:
            memo[node] = [[*half, node] for near in self.nearer(node) for half in self.halves(near, memo)]
        return memo[node]


def _cheaper(store: Any, a: _Side, b: _Side) -> _Side:
    """The side cheaper to read next (a on a tie): a hub on one side waits for the other. A read costs
    per frontier node (an index search and its pages, NODE_COST) and per relationship; each side's
    count is read only as far as the comparison needs, the side with fewer nodes first."""
    while True:
        cost_a, cost_b = NODE_COST * len(a.frontier) + a.cost, NODE_COST * len(b.frontier) + b.cost
        if a.exact and cost_b >= cost_a:  # b costs at least as much
            return a
        if b.exact and cost_a > cost_b:
            return b
        if a.exact or b.exact:
            side, other_cost = (b, cost_a) if a.exact else (a, cost_b)
            side.count(store, other_cost - NODE_COST * len(side.frontier) + 1)
        else:
            (a if len(a.frontier) <= len(b.frontier) else b).count(store, None)


def _touching(store: Any, side: _Side, other: _Side) -> list[str]:
    """The other side's frontier nodes one hop from this side's, this side stepped on to them (their
    predecessors: every relationship from this frontier); none, and nothing changed, when there are none."""
    leaving, entering = store.between(side.frontier, other.frontier, PATH_TYPES)
    return sorted(side.step(leaving, entering)) if leaving or entering else []


def path(store: Any, from_ids: list[str], to_ids: list[str]) -> list[dict[str, Any]]:
    """All shortest paths between the two sets: a two-way breadth-first read that keeps each node's
    predecessors, stopped at the first level where the sides meet; every shortest path goes through
    one of the meeting nodes and is spelled out from the predecessors of both sides."""
    sources, targets = set(parties(store, from_ids)), set(parties(store, to_ids))
    if not sources or not targets:
        return []
    a, b = _Side(sources), _Side(targets)
    meet = sorted(sources & targets)
    while not meet and a.depth + b.depth < PATH_MAX and a.frontier and b.frontier:
        side = _cheaper(store, a, b)
        other = b if side is a else a
        # Before a read of some size: do the frontiers touch? Asked from the side cheaper to step
        # over (the other end checked in SQLite, a hub's relationships never handed out); when they
        # do, every shortest path crosses one of those relationships and no next level is read.
        if side.cost + NODE_COST * len(side.frontier) > TOUCH_MIN:
            near, far = sorted((a, b), key=lambda x: NODE_COST * len(x.frontier) + x.cost // SCAN_SHARE)
            if meet := _touching(store, near, far):
                break
        meet = sorted(x for x in side.expand(store) if x in other.level)
    if not meet:
        return []
    memo_a: dict[str, list[list[str]]] = {}
    memo_b: dict[str, list[list[str]]] = {}
    node_paths = [[*half, *reversed(back[:-1])] for x in meet
                  for half in a.halves(x, memo_a) for back in b.halves(x, memo_b)]
    if len(node_paths[0]) - 1 > PATH_MAX:
        return []

    def between(x: str, y: str) -> list[tuple[str, str, str]]:
        """Every relationship between two nodes of a shortest path (both ways, all read), in key order."""
        return sorted(a.nearer(y).get(x) or b.nearer(x)[y])

    hops = {(x, y): between(x, y) for p in node_paths for x, y in pairwise(p)}
    found = store.edges_between({k for keys in hops.values() for k in keys})
    nodes = store.nodes({x for p in node_paths for x in p})
    rows = []
    for node_path in node_paths:
        options: list[list[Edge]] = [[]]
        for x, y in pairwise(node_path):
            options = [[*o, found[k]] for o in options for k in hops[(x, y)]]
        for rels in options:
            rows.append({
                "length": len(rels),
                "nodes": [{"id": x, "name": nodes[x].props.get("name"), "label": nodes[x].label,
                           "date": nodes[x].props.get("date"), "kind": nodes[x].props.get("kind"),
                           "status": nodes[x].props.get("status")} for x in node_path],
                "rels": [{"type": e.type, "from_id": e.src, "to_id": e.dst, "amount": e.props.get("amount"),
                          "currency": e.props.get("currency"), "kind": e.props.get("kind"),
                          "role": e.props.get("role"), "as_of": e.props.get("as_of"),
                          "evidence": e.props.get("evidence", []), **display(e.props)} for e in rels],
            })
    return rows


def entity(store: Any, ids: list[str], neighbours: int) -> list[dict[str, Any]]:
    """Each party and its first ``neighbours`` relationships by (type, direction, other id), with the
    count of all: counted in the indexes, properties read for the ones shown."""
    found = {i: n for i, n in store.nodes(ids, sources=False).items() if n.label in PARTY_LABELS}
    held = store.source_counts(i for i, n in found.items() if n.props.get("sources", ()) is None)
    counts, shown = {}, {}
    for node_id in found:
        counts[node_id], shown[node_id] = store.first_neighbours(node_id, PATH_TYPES, neighbours)
    edges = store.edges_between({k for mine in shown.values() for *_, k in mine})
    # Only name, label and date of the other ends are shown: their sources stay unread.
    others = store.nodes({other for mine in shown.values() for _, _, other, _ in mine} - set(found), sources=False)
    others.update(found)
    rows = []
    for node_id, node in found.items():
        listed = []
        for type_, direction, other_id, key in shown[node_id]:
            other, e = others[other_id], edges[key]
            listed.append({"type": type_, "direction": direction, "other_id": other.id,
                           "other": other.props.get("name"), "other_label": other.label,
                           "date": other.props.get("date"), "amount": e.props.get("amount"),
                           "currency": e.props.get("currency"), "role": e.props.get("role")})
        props = node.props
        rows.append({"id": node_id, "name": props.get("name"), "display_name": props.get("display_name"),
                     "label": node.label, "aliases": props.get("aliases", []),
                     "kind": props.get("kind"), "jurisdiction": props.get("jurisdiction"), "lei": props.get("lei"),
                     "documents": held.get(node_id, 0) if props.get("sources", ()) is None
                     else len(props.get("sources", [])), "neighbours": listed,
                     "neighbour_count": counts[node_id]})
    return rows


def documents(store: Any, ids: list[str]) -> list[dict[str, Any]]:
    found = {i: n for i, n in store.nodes(ids).items() if n.label == "Document"}
    return [{"id": i, **{k: n.props.get(k) for k in ("source", "title", "url", "date")}} for i, n in found.items()]
