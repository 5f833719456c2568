"""From an Extraction to graph writes: the one pure mapping both stores consume.

Every node has a base label (Party, Event, Document) carrying the unique id, and one schema label.
Properties merge by one rule, mirrored in the Neo4j store's Cypher: a non-null scalar replaces the
stored one; list properties (aliases, roles, evidence, sources) are unions in first-seen order. A party's
``aliases`` hold every surface form seen, its names of the moment included, so no form is lost.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from casegraph.graph import display
from casegraph.schemas import (
    EVENT_FACTS,
    RELATION_FACTS,
    Document,
    EventFact,
    Evidence,
    Extraction,
    PartyType,
    RelationFact,
    content_id,
    name_key,
)

PARTY, EVENT, DOCUMENT = "Party", "Event", "Document"
BASE_LABELS = (PARTY, EVENT, DOCUMENT)
PARTY_LABELS = tuple(t.value for t in PartyType)
EVENT_LABELS = tuple(f.label for f in EVENT_FACTS)
LABELS = PARTY_LABELS + EVENT_LABELS + (DOCUMENT,)

# Relationship types: facts between parties, event roles, provenance.
INITIATED, CONCERNS, MENTIONS, ISSUED = "INITIATED", "CONCERNS", "MENTIONS", "ISSUED"
REL_TYPES = (*tuple(f.rel for f in RELATION_FACTS), ISSUED, INITIATED, CONCERNS, MENTIONS)

LIST_PROPS = ("aliases", "identifiers", "roles", "evidence", "sources")


@dataclass
class Row:
    """A node (``src`` only) or relationship write, with its scalar and list properties."""

    props: dict[str, Any]
    lists: dict[str, list[str]]
    # The values of each list already held: a hub merged from thousands of documents stays linear.
    # Made at the first merge: most rows of a load are never merged, and a batch holds thousands.
    seen: dict[str, set[str]] | None = field(default=None, repr=False, compare=False)

    def merge(self, other: Row) -> None:
        if self.seen is None:
            self.seen = {}
        merge_props(self.props, self.lists, other.props, other.lists, self.seen)


@dataclass
class NodeRow(Row):
    id: str = ""
    base: str = ""
    label: str = ""


@dataclass
class EdgeRow(Row):
    src: str = ""
    src_base: str = ""
    type: str = ""
    dst: str = ""
    dst_base: str = ""


def refuse_other_kind(row: NodeRow, base: str, label: str) -> None:
    """A write never turns a stored node into another kind: the stores call this on every id they hold."""
    if (base, label) != (row.base, row.label):
        raise ValueError(f"id {row.id!r} is a stored {label}; refusing to write a {row.label} over it")


def merge_props(
    props: dict[str, Any], lists: dict[str, list[str]], new_props: dict[str, Any], new_lists: dict[str, list[str]],
    seen: dict[str, set[str]] | None = None,
) -> None:
    """The merge rule, in place: non-null scalars replace, lists are unions in first-seen order.

    ``seen`` keeps the values of each list between merges into the same row.
    """
    props.update({k: v for k, v in new_props.items() if v is not None})
    seen = {} if seen is None else seen
    for key, values in new_lists.items():
        if key not in seen:  # first merge: copy, since the rows of one document share their lists
            lists[key] = list(lists.get(key, []))
            seen[key] = set(lists[key])
        current, known = lists[key], seen[key]
        for value in values:
            if value not in known:
                known.add(value)
                current.append(value)


@dataclass
class GraphBatch:
    """Node and relationship writes, deduplicated by key, in first-seen order."""

    nodes: dict[str, NodeRow] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], EdgeRow] = field(default_factory=dict)

    def node(self, row: NodeRow) -> None:
        if row.id in self.nodes:
            self.nodes[row.id].merge(row)
        else:
            self.nodes[row.id] = row

    def edge(self, row: EdgeRow) -> None:
        key = (row.src, row.type, row.dst)
        if key in self.edges:
            self.edges[key].merge(row)
        else:
            self.edges[key] = row

    def extend(self, other: GraphBatch) -> None:
        for node in other.nodes.values():
            self.node(node)
        for edge in other.edges.values():
            self.edge(edge)

    @property
    def size(self) -> int:
        return len(self.nodes) + len(self.edges)


def _scalars(model: Any, *names: str) -> dict[str, Any]:
    return {n: getattr(model, n, None) for n in names if getattr(model, n, None) is not None}


def _fact_props(fact: EventFact | RelationFact) -> dict[str, Any]:
    """The fact's own schema properties: extra keys of the input (an ``id``, a map) never reach a store."""
    return fact.model_dump(include=set(type(fact).model_fields) - {"type", "evidence", *fact.roles},
                           exclude_none=True)


def _evidence(items: list[Evidence], doc_id: str, texts: dict[int, str]) -> list[str]:
    """Evidence as canonical JSON strings: storable in Neo4j lists, comparable for de-duplication.

    ``texts`` holds the strings already made for this document's Evidence objects (by id: they live
    while its rows are built): an FtM record's one Evidence on its parties and its fact becomes one
    string, not one per row, in the batches a load holds in flight."""
    if not items:
        return []
    out = []
    for item in items:
        text = texts.get(id(item))
        if text is None:
            text = texts[id(item)] = json.dumps({**item.model_dump(), "doc": doc_id}, sort_keys=True,
                                                ensure_ascii=False)
        out.append(text)
    return list(dict.fromkeys(out))


def document_of(extraction: Extraction) -> Document:
    """The extraction's document, or one keyed by a hash of its content when none is given."""
    if extraction.document is not None:
        return extraction.document
    return Document(id=content_id(extraction.model_dump_json(exclude={"document"})), source=extraction.id)


def event_id(fact: EventFact, actor: str | None, subject: str) -> str:
    """Same event, same id: the type, the parties that identify it and the charge kind.

    Never the date or status, which later reports refine, unless the fact type says so (a sanction
    listing's programme and start date: ``distinct``). A firm's bankruptcy or suspension is
    identified by the firm alone, whoever a report says ordered it.
    """
    actor = actor if fact.roles[0] in (fact.identity or fact.roles) else None
    key = "|".join((fact.label, actor or "", subject, str(getattr(fact, "kind", "") or ""), *fact.distinct()))
    return f"{fact.label.lower()}:{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def to_graph(extraction: Extraction) -> GraphBatch:
    """The writes that put one document's entities and facts in the graph."""
    batch = GraphBatch()
    doc = document_of(extraction)
    sources = [doc.id]
    texts: dict[int, str] = {}  # evidence JSON by Evidence object
    # A document without a title is shown by its file's name: the folder it was loaded from is no part of it.
    title = doc.title or (PurePath(doc.source).name if doc.source else None)
    batch.node(NodeRow(
        id=doc.id, base=DOCUMENT, label=DOCUMENT, lists={},
        props=_scalars(doc, "source", "url", "title", "date", "lang", "ftm_id", "datasets", "first_seen", "last_seen"),
    ))
    own = {id(entity): entity.id for entity in extraction.entities}  # each party id computed once
    ids = {key: own[id(entity)] for key, entity in extraction.entity_index().items()}

    def mention(node_id: str, base: str, evidence: list[str]) -> None:
        batch.edge(EdgeRow(src=doc.id, src_base=DOCUMENT, type=MENTIONS, dst=node_id, dst_base=base,
                           props={}, lists={"evidence": evidence, "sources": sources}))

    def party(name: str) -> str:
        return ids[name_key(name)]

    for entity in extraction.entities:
        entity_id = own[id(entity)]
        batch.node(NodeRow(
            id=entity_id, base=PARTY, label=entity.type.value,
            props={**_scalars(entity, "name", "kind", "jurisdiction", "lei"),
                   "display_name": display.display_name(entity.name, entity.forms)},
            lists={"aliases": list(dict.fromkeys(entity.forms)), "sources": sources,
                   **({"identifiers": entity.identifiers} if entity.identifiers else {})},
        ))
        evidence = _evidence(entity.evidence, doc.id, texts)
        mention(entity_id, PARTY, evidence)
        if entity.issuer:
            batch.edge(EdgeRow(src=party(entity.issuer), src_base=PARTY, type=ISSUED, dst=entity_id,
                               dst_base=PARTY, props={}, lists={"evidence": evidence, "sources": sources}))

    for fact in extraction.facts:
        evidence = {"evidence": _evidence(fact.evidence, doc.id, texts), "sources": sources}
        shown = display.fact_props(getattr(fact, "amount", None), getattr(fact, "currency", None),
                                   fact.evidence[0].sentence if fact.evidence else None, title)
        if isinstance(fact, RelationFact):
            src, dst = (party(getattr(fact, role)) for role in fact.roles)
            props = {**_fact_props(fact), **shown}
            lists = dict(evidence)
            if props.get("role"):  # a person's roles accumulate: "founder", later "former CEO"
                lists["roles"] = [props["role"]]
            batch.edge(EdgeRow(src=src, src_base=PARTY, type=fact.rel, dst=dst, dst_base=PARTY, props=props,
                               lists=lists))
            continue
        actor_name, subject_name = (getattr(fact, role) for role in fact.roles)
        actor = party(actor_name) if actor_name else None
        subject = party(subject_name)
        node_id = event_id(fact, actor, subject)
        props = {**_fact_props(fact), **shown, "display_type": display.display_type(fact.label)}
        batch.node(NodeRow(id=node_id, base=EVENT, label=fact.label, props=props, lists=dict(evidence)))
        mention(node_id, EVENT, evidence["evidence"])
        if actor:
            batch.edge(EdgeRow(src=actor, src_base=PARTY, type=INITIATED, dst=node_id, dst_base=EVENT, props={},
                               lists=dict(evidence)))
        batch.edge(EdgeRow(src=node_id, src_base=EVENT, type=CONCERNS, dst=subject, dst_base=PARTY, props={},
                           lists=dict(evidence)))
    return batch

