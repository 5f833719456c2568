"""Making a decision: read the rows it is about, rewrite them through the policy in one transaction,
keep the decision. The same on both stores (their ``replace``, ``decisions`` and ``record``)."""

from __future__ import annotations

from typing import Any

from casegraph.graph.base import Store, base_of, stored_batch
from casegraph.graph.rows import CONCERNS, INITIATED, MENTIONS, REL_TYPES, EdgeRow, GraphBatch, NodeRow
from casegraph.review.decision import RELATIONS, Decision, effective, party_key
from casegraph.review.policy import Policy, copy_edge, copy_node


class Refused(ValueError):
    """A decision that cannot be made: no such fact, no such merge."""


def stored_rows(store: Store, nodes: list[Any], edges: list[Any]) -> GraphBatch:
    """Stored nodes and relationships as rows, with the base label of every end."""
    ends = {e for edge in edges for e in (edge.src, edge.dst)} - {n.id for n in nodes}
    bases = {i: base_of(n.label) for i, n in store.nodes(ends).items()}
    return stored_batch(nodes, edges, bases)


def fact_rows(store: Store, key: str) -> GraphBatch | None:
    """The stored rows of a fact: its relationship, or its event with the event's role and mention
    relationships. None when the store does not hold it."""
    type_, _, rest = key.partition("|")
    if type_ in RELATIONS:
        src, dst = rest.split("|", 1)
        edges = [e for e in store.edges([src], [type_], "out") if e.dst == dst]
        return stored_rows(store, [], edges) if edges else None
    event = store.nodes([key]).get(key)
    if event is None:
        return None
    return stored_rows(store, [event], store.edges([key], [INITIATED, CONCERNS, MENTIONS], "both"))


def party_rows(store: Store, ids: list[str]) -> GraphBatch:
    """Parties with every relationship touching them."""
    nodes = list(store.nodes(ids).values())
    edges = {(e.src, e.type, e.dst): e for e in store.edges(ids, REL_TYPES, "both")}
    return stored_rows(store, nodes, [edges[k] for k in sorted(edges)])


def to_json(batch: GraphBatch) -> dict[str, Any]:
    return {"nodes": [{"id": r.id, "base": r.base, "label": r.label, "props": r.props, "lists": r.lists}
                      for r in batch.nodes.values()],
            "edges": [{"src": r.src, "src_base": r.src_base, "type": r.type, "dst": r.dst, "dst_base": r.dst_base,
                       "props": r.props, "lists": r.lists} for r in batch.edges.values()]}


def from_json(data: dict[str, Any]) -> GraphBatch:
    batch = GraphBatch()
    for node in data.get("nodes", []):
        batch.node(NodeRow(**node))
    for edge in data.get("edges", []):
        batch.edge(EdgeRow(**edge))
    return batch


def _copy(batch: GraphBatch) -> GraphBatch:
    out = GraphBatch()
    for node in batch.nodes.values():
        out.node(copy_node(node))
    for edge in batch.edges.values():
        out.edge(copy_edge(edge))
    return out


def decide(store: Store, decision: Decision, records: list[dict[str, Any]] | None = None) -> Decision:
    """Apply one decision to the store and keep it; returns it as kept (with what it took away).

    A decision on a fact the store does not hold is kept all the same (an orphan, reported by
    ``orphans``; it applies when the fact is loaded): what an analyst decided is never lost.
    """
    records = store.decisions() if records is None else records
    prior = effective(records).get(decision.key)
    drop, rows = GraphBatch(), GraphBatch()
    if decision.action in ("accept", "reject", "correct"):
        found = fact_rows(store, decision.key)
        if found is None and prior is not None and prior.action == "reject" and prior.snapshot:
            found = from_json(prior.snapshot)  # undoing a rejection: the rows it took away come back
        else:
            drop = found or GraphBatch()
        if found is not None:
            rows = found
            if decision.action == "reject":
                decision = decision.model_copy(update={"snapshot": to_json(found)})
            elif decision.action == "accept" and prior and prior.action == "correct" and not decision.values:
                decision = decision.model_copy(update={"values": prior.values})  # accepting keeps the correction
    elif decision.action == "add":
        rows = from_json(decision.values["rows"])
    elif decision.action == "merge":
        other, into = decision.key.split("|", 1)[1], decision.values["into"]
        drop = rows = party_rows(store, [into, other])
        decision = decision.model_copy(update={"snapshot": to_json(rows)})
    elif decision.action == "split":
        if prior is None or prior.action != "merge" or not prior.snapshot:
            raise Refused(f"{decision.key.split('|', 1)[1]} is not merged into another party")
        drop = party_rows(store, [prior.values["into"]])
        store.replace(drop, from_json(prior.snapshot))
        store.record(decision.record())
        return decision
    if rows.size:
        store.replace(drop, Policy.of([decision.record()])(_copy(rows)))
    store.record(decision.record())
    return decision


def import_decisions(store: Store, decisions: list[Decision]) -> tuple[int, int]:
    """Record and apply the decisions the store does not hold yet, oldest first: (new, already held)."""
    records = store.decisions()
    held = {r["id"] for r in records}
    new = 0
    for decision in sorted(decisions, key=lambda d: (d.at, d.id)):
        if decision.id in held:
            continue
        kept = decide(store, decision.model_copy(update={"snapshot": None}) if decision.action == "merge"
                      else decision, records)
        records.append(kept.record())
        held.add(kept.id)
        new += 1
    return new, len(decisions) - new


def orphans(store: Store) -> list[Decision]:
    """Decisions in force whose fact (or merged party) the store no longer holds: kept, and named."""
    found = []
    for decision in effective(store.decisions()).values():
        if decision.action in ("accept", "correct", "add"):
            key = decision.key
            if fact_rows(store, key) is None:
                found.append(decision)
        elif decision.action == "merge" and not store.nodes([decision.values["into"]]):
            found.append(decision)
    return found


def merge_decision(store: Store, keep: str, other: str, **fields: Any) -> Decision:
    nodes = store.nodes([keep, other])
    if keep == other:
        raise Refused("the two names are the same party")
    if base_of(nodes[keep].label) != base_of(nodes[other].label):
        raise Refused("only parties merge")
    return Decision(action="merge", key=party_key(other), values={"into": keep, "label": nodes[keep].label}, **fields)
