"""The decisions in force as one rewrite of graph rows: the one place review changes what is stored.

Every load passes its rows through it (graph.base.write_extractions), and so does every decision
when it is made (review.apply): a rejected fact's rows are left out, so no query, export or
picture can show it; an accepted, corrected or manual fact carries its status in ``review`` (and
its corrected values); a party merged into another is written as that other party.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casegraph.graph import display
from casegraph.graph.rows import CONCERNS, EVENT, INITIATED, EdgeRow, GraphBatch, NodeRow
from casegraph.review.decision import EVENTS, RELATIONS, Decision, effective, event_label, relation_key

REVIEW = "review"  # the property holding a fact's status; absent means proposed


def copy_node(row: NodeRow, **changes: Any) -> NodeRow:
    fields = {"id": row.id, "base": row.base, "label": row.label, "props": dict(row.props),
              "lists": {k: list(v) for k, v in row.lists.items()}, **changes}
    return NodeRow(**fields)


def copy_edge(row: EdgeRow, **changes: Any) -> EdgeRow:
    fields = {"src": row.src, "src_base": row.src_base, "type": row.type, "dst": row.dst, "dst_base": row.dst_base,
              "props": dict(row.props), "lists": {k: list(v) for k, v in row.lists.items()}, **changes}
    return EdgeRow(**fields)


def _decided(props: dict[str, Any], lists: dict[str, list[Any]], decision: Decision, roles: tuple[str, ...]) -> None:
    """A fact's own properties after the decision: its status and corrected values (parties aside)."""
    values = {k: v for k, v in decision.values.items() if k not in roles and k not in ("fact", "rows")}
    props.update(values)
    props[REVIEW] = decision.status
    if "role" in values:  # a person's roles are a list too: the corrected one replaces them
        lists["roles"] = [values["role"]]
    if {"amount", "currency"} & values.keys():
        shown = display.short_amount(props.get("amount"), props.get("currency"))
        if shown is None:
            props.pop("display_amount", None)
        else:
            props["display_amount"] = shown


@dataclass
class Policy:
    facts: dict[str, Decision]
    merges: dict[str, tuple[str, str]]  # party id merged away -> (the party it is now, that party's label)

    @classmethod
    def of(cls, records: list[dict[str, Any]]) -> Policy:
        latest = effective(records)
        merges = {d.key.split("|", 1)[1]: (d.values["into"], d.values["label"])
                  for d in latest.values() if d.action == "merge"}
        for other, (into, label) in list(merges.items()):  # a merged into b merged into c: a is c
            seen = {other}
            while into in merges and into not in seen:
                seen.add(into)
                into, label = merges[into]
            merges[other] = (into, label)
        return cls({k: d for k, d in latest.items() if d.status}, merges)

    def __call__(self, batch: GraphBatch) -> GraphBatch:
        if not (self.facts or self.merges):
            return batch
        batch = self._facts(batch)
        return self._facts(self._merged(batch)) if self.merges else batch

    def _facts(self, batch: GraphBatch) -> GraphBatch:
        out, rejected = GraphBatch(), set()
        for row in batch.nodes.values():
            decision = self.facts.get(row.id) if row.base == EVENT else None
            if decision is None:
                out.node(row)
            elif decision.action == "reject":
                rejected.add(row.id)
            else:
                row = copy_node(row)
                _decided(row.props, row.lists, decision, EVENTS[row.label].roles)
                out.node(row)
        for row in batch.edges.values():
            if row.src in rejected or row.dst in rejected:
                continue
            if row.type in RELATIONS and (decision := self.facts.get(relation_key(row))):
                if decision.action == "reject":
                    continue
                actor, subject = RELATIONS[row.type].roles
                row = copy_edge(row, src=decision.values.get(actor, row.src), dst=decision.values.get(subject, row.dst))
                _decided(row.props, row.lists, decision, (actor, subject))
            elif row.type in (INITIATED, CONCERNS):
                event = row.dst if row.type == INITIATED else row.src
                if decision := self.facts.get(event):
                    actor, subject = EVENTS[event_label(event)].roles
                    if row.type == INITIATED:
                        row = copy_edge(row, src=decision.values.get(actor, row.src))
                    else:
                        row = copy_edge(row, dst=decision.values.get(subject, row.dst))
                    row.props[REVIEW] = decision.status
            out.edge(row)
        return out

    def _merged(self, batch: GraphBatch) -> GraphBatch:
        """Each merged-away party's rows as the party it was merged into: its names become aliases."""
        out = GraphBatch()
        for row in batch.nodes.values():
            if row.id in self.merges:
                into, label = self.merges[row.id]
                row = copy_node(row, id=into, label=label, props={})
            out.node(row)
        for row in batch.edges.values():
            src, dst = (self.merges.get(end, (end,))[0] for end in (row.src, row.dst))
            if (src, dst) != (row.src, row.dst):
                if src == dst:  # a's relationship to b, once a is b: nothing to say
                    continue
                row = copy_edge(row, src=src, dst=dst)
            out.edge(row)
        return out

