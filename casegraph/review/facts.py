"""The facts an analyst reviews, read from the store, and the manual facts an analyst adds.

A fact is a fact relationship (exposure, officer, subsidiary) or an event with its parties; its
status is ``review`` on it (absent: proposed), and a rejected fact is read from the decision that
took it away, since the graph no longer holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casegraph.graph.base import Store, scan
from casegraph.graph.rows import CONCERNS, DOCUMENT, EVENT, INITIATED, MENTIONS, GraphBatch, to_graph
from casegraph.queries.finish import amount_text, evidence
from casegraph.review.apply import from_json, to_json
from casegraph.review.decision import BY_TYPE, EVENTS, RELATIONS, effective, relation_key, short_id
from casegraph.review.policy import REVIEW, copy_edge, copy_node
from casegraph.schemas import Document, Entity, Evidence, Extraction


@dataclass
class Fact:
    key: str
    type: str  # the fact type of the schema: exposure, charge, ...
    parties: dict[str, tuple[str, str]]  # role -> (party id, name)
    props: dict[str, Any]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # party id -> its names, to highlight them

    @property
    def id(self) -> str:
        return short_id(self.key)

    @property
    def status(self) -> str:
        return self.props.get(REVIEW) or "proposed"

    @property
    def confidence(self) -> float:
        """The best support the fact has: the highest confidence of its evidence (1.0 when it has none)."""
        return max((float(e.get("confidence", 1.0)) for e in self.evidence), default=1.0)

    def words(self) -> str:
        """The fact in words: 'Gemini is exposed to Genesis (900,000,000 USD, loan)'."""
        names = {role: name for role, (_, name) in self.parties.items()}
        p = self.props
        extra = [amount_text(p.get("amount"), p.get("currency"))]
        if self.type == "exposure":
            text = f"{names['exposed']} is exposed to {names['counterparty']}"
            extra += [p.get("kind"), p.get("as_of")]
        elif self.type == "officer":
            text = f"{names['person']} is {p.get('role') or 'an officer'} of {names['org']}"
        elif self.type == "subsidiary":
            text = f"{names['child']} is a subsidiary of {names['parent']}"
            extra.append(f"{p['percentage']:g} %" if p.get("percentage") is not None else None)
        else:
            actor, subject = BY_TYPE[self.type].roles
            what = p.get("display_type") or self.type.replace("_", " ")
            text = (f"{names[actor]}: {what.lower()} of {names[subject]}" if actor in names
                    else f"{what} of {names[subject]}")
            extra += [p.get("kind"), p.get("status"), p.get("date")]
        shown = ", ".join(str(x) for x in extra if x)
        return f"{text} ({shown})" if shown else text

    def row(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "type": self.type, "status": self.status,
                "confidence": self.confidence, "fact": self.words(),
                "parties": {role: pid for role, (pid, _) in self.parties.items()},
                **{k: v for k, v in self.props.items() if k in FIELDS},
                "evidence": self.evidence, "sources": sorted(self.sources)}


NO_DOCUMENT = "0" * 64  # the id a manual fact without a document is built with, then left out
# The fields a correction may change besides the parties (the schema's own names).
FIELDS = ("amount", "currency", "kind", "role", "status", "date", "as_of", "percentage", "program", "end_date")


def read_facts(store: Store) -> list[Fact]:
    """Every fact the store holds, then every rejected one (from its decision)."""
    names: dict[str, tuple[str, list[str]]] = {}
    events: dict[str, Any] = {}
    nodes, edges = scan(store)
    for page in nodes:
        for node in page:
            if node.label in EVENTS:
                events[node.id] = node
            elif node.label != DOCUMENT:
                names[node.id] = (node.props.get("name") or node.id, node.props.get("aliases") or [])
    relations, roles = [], {}
    for page in edges:
        for edge in page:
            if edge.type in RELATIONS:
                relations.append(edge)
            elif edge.type == INITIATED:
                roles.setdefault(edge.dst, {})[0] = edge.src
            elif edge.type == CONCERNS:
                roles.setdefault(edge.src, {})[1] = edge.dst
    facts = [_fact(relation_key(e), RELATIONS[e.type], [e.src, e.dst], e.props, names) for e in relations]
    for event_id, node in events.items():
        ends = roles.get(event_id, {})
        facts.append(_fact(event_id, EVENTS[node.label], [ends.get(0), ends.get(1)], node.props, names))
    held = {f.key for f in facts}
    for decision in effective(store.decisions()).values():
        if decision.action == "reject" and decision.key not in held and decision.snapshot:
            fact = rejected_fact(decision.key, from_json(decision.snapshot), names)
            if fact:
                facts.append(fact)
    return facts


def _fact(key: str, model: Any, ends: list[str | None], props: dict[str, Any],
          names: dict[str, tuple[str, list[str]]]) -> Fact:
    parties = {role: (end, names.get(end, (end, []))[0]) for role, end in zip(model.roles, ends, strict=True) if end}
    aliases = {end: [names.get(end, (end, []))[0], *names.get(end, (end, []))[1]] for end, _ in parties.values()}
    return Fact(key, model.model_fields["type"].default, parties, props, evidence(props.get("evidence")),
                list(props.get("sources") or []), aliases)


def rejected_fact(key: str, rows: GraphBatch, names: dict[str, tuple[str, list[str]]]) -> Fact | None:
    for edge in rows.edges.values():
        if edge.type in RELATIONS and relation_key(edge) == key:
            return _fact(key, RELATIONS[edge.type], [edge.src, edge.dst],
                         {**edge.props, **edge.lists, REVIEW: "rejected"}, names)
    node = rows.nodes.get(key)
    if node is None:
        return None
    ends = {0 if e.type == INITIATED else 1: (e.src if e.type == INITIATED else e.dst)
            for e in rows.edges.values() if e.type in (INITIATED, CONCERNS)}
    return _fact(key, EVENTS[node.label], [ends.get(0), ends.get(1)], {**node.props, **node.lists,
                                                                          REVIEW: "rejected"}, names)


def manual_rows(fact: Any, parties: dict[str, tuple[str, str, str]], doc: dict[str, Any] | None,
                quote: str | None) -> tuple[str, dict[str, Any]]:
    """A manual fact's rows and key. ``parties``: name as typed in the fact -> (stored or new id, name,
    label). Built by the loaders' own mapping (graph.rows.to_graph), so it is stored as an extracted
    fact is; its evidence is the quoted sentence of ``doc``, when there is one."""
    fact = fact.model_copy(update={"evidence": [Evidence(sentence=quote or "", extractor="manual")]})
    entities = [Entity(name=name, type=label) for _, name, label in parties.values()]
    document = Document(**doc) if doc else Document(id=NO_DOCUMENT)
    batch = to_graph(Extraction(id="manual", document=document, entities=entities, facts=[fact]))
    ids = {Entity(name=name, type=label).id: stored for stored, name, label in parties.values()}
    out = GraphBatch()
    for row in batch.nodes.values():
        if row.base == DOCUMENT:
            continue  # the document is stored already, or there is none
        out.node(copy_node(row, id=ids.get(row.id, row.id)))
    for row in batch.edges.values():
        if row.type == MENTIONS and not doc:
            continue
        out.edge(copy_edge(row, src=ids.get(row.src, row.src), dst=ids.get(row.dst, row.dst)))
    if not doc:  # no document: the fact rests on the analyst's word alone
        none = (f'"doc": "{NO_DOCUMENT}"', '"doc": null')
        for row in [*out.nodes.values(), *out.edges.values()]:
            if "sources" in row.lists:
                row.lists["sources"] = []
            if "evidence" in row.lists:
                row.lists["evidence"] = [e.replace(*none) for e in row.lists["evidence"]]
    if isinstance(fact, tuple(RELATIONS.values())):
        key = next(relation_key(e) for e in out.edges.values() if e.type == fact.rel)
    else:
        key = next(n.id for n in out.nodes.values() if n.base == EVENT)
    return key, to_json(out)
