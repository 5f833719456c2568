"""The graph as RDF and back, with rdflib.

A node is ``<urn:casegraph:id:ID> a cg:Label`` with ``cg:id`` and one triple per property (list
properties one triple per value). A relationship is the plain triple ``a cg:TYPE b`` and its
reification, an ``rdf:Statement`` carrying the relationship's properties. Each evidence item is a
``cg:Evidence`` resource with its fields (``cg:sentence``, ``cg:start``, …) linked by
``cg:evidence`` from the node or statement it supports, and to its document by ``cg:document``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rdflib import RDF, Graph, URIRef

from casegraph.graph.base import Edge, Node
from casegraph.graph.rows import LABELS, LIST_PROPS, REL_TYPES
from casegraph.interchange.vocab import (
    CG,
    DOCUMENT_LINK,
    EVIDENCE,
    FTM,
    ID,
    SCHEMA_ORG,
    edge_iri,
    evidence_iri,
    literal,
    node_iri,
    value,
)

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def serialize(graph: Graph, format: str) -> bytes:
    """ttl, nt or jsonld; JSON-LD compacted with the prefixes as its context."""
    if format == "jsonld":
        context = {prefix: str(ns) for prefix, ns in (("cg", CG), ("ftm", FTM), ("schema", SCHEMA_ORG), ("rdf", RDF))}
        return graph.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    return graph.serialize(format=FORMATS[format], encoding="utf-8")


def to_rdf(nodes: Iterable[Node], edges: Iterable[Edge]) -> Graph:
    graph = Graph()
    for prefix, ns in (("cg", CG), ("ftm", FTM), ("schema", SCHEMA_ORG)):
        graph.bind(prefix, ns)
    for node in nodes:
        subject = node_iri(node.id)
        graph.add((subject, RDF.type, CG[node.label]))
        graph.add((subject, ID, literal(node.id)))
        _props(graph, subject, node.props)
    for edge in edges:
        a, b, predicate = node_iri(edge.src), node_iri(edge.dst), CG[edge.type]
        graph.add((a, predicate, b))
        statement = edge_iri(edge.src, edge.type, edge.dst)
        for triple in ((RDF.type, RDF.Statement), (RDF.subject, a), (RDF.predicate, predicate), (RDF.object, b)):
            graph.add((statement, *triple))
        _props(graph, statement, edge.props)
    return graph


def _props(graph: Graph, subject: URIRef, props: dict[str, Any]) -> None:
    for key, raw in props.items():
        if raw is None:
            continue
        if key == "evidence":
            for text in raw:
                _evidence(graph, subject, text)
        elif key in LIST_PROPS:
            for item in raw:
                graph.add((subject, CG[key], literal(item)))
        else:
            graph.add((subject, CG[key], literal(raw)))


def _evidence(graph: Graph, subject: URIRef, text: str) -> None:
    try:
        item = json.loads(text)
    except ValueError:
        item = None
    if not isinstance(item, dict):
        graph.add((subject, CG.evidenceText, literal(text)))
        return
    resource = evidence_iri(item)
    graph.add((subject, EVIDENCE, resource))
    graph.add((resource, RDF.type, CG.Evidence))
    for key, field in item.items():
        if field is not None:
            graph.add((resource, CG[key], literal(field)))
    if isinstance(item.get("doc"), str):
        graph.add((resource, DOCUMENT_LINK, node_iri(item["doc"])))


class RdfError(ValueError):
    pass


def from_rdf(graph: Graph) -> tuple[list[Node], list[Edge]]:
    """The casegraph nodes and relationships in an RDF graph (an export read back)."""
    ids: dict[URIRef, str] = {}
    nodes = []
    for subject, node_id in graph.subject_objects(ID):
        labels = [str(t)[len(str(CG)):] for t in graph.objects(subject, RDF.type) if str(t).startswith(str(CG))]
        label = next((label for label in labels if label in LABELS), None)
        if label is None:
            raise RdfError(f"{subject} has no casegraph class (one of {', '.join(LABELS)})")
        ids[subject] = str(node_id)
        nodes.append(Node(str(node_id), label, _read_props(graph, subject)))
    edges = []
    for statement in graph.subjects(RDF.type, RDF.Statement):
        a, predicate, b = (graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        type_ = str(predicate)[len(str(CG)):] if predicate is not None else ""
        if type_ not in REL_TYPES:
            raise RdfError(f"{statement}: {predicate} is no casegraph relationship ({', '.join(REL_TYPES)})")
        if a not in ids or b not in ids:
            raise RdfError(f"{statement}: an end is no node of the file")
        edges.append(Edge(ids[a], type_, ids[b], _read_props(graph, statement)))
    return nodes, edges


SKIP = {ID, RDF.type, RDF.subject, RDF.predicate, RDF.object}


def _read_props(graph: Graph, subject: URIRef) -> dict[str, Any]:
    props: dict[str, Any] = {}
    lists: dict[str, list[Any]] = {}
    for predicate, obj in graph.predicate_objects(subject):
        if predicate in SKIP or not str(predicate).startswith(str(CG)) or predicate == DOCUMENT_LINK:
            continue
        key = str(predicate)[len(str(CG)):]
        if key in REL_TYPES:  # the asserted relationship; its properties are on the statement
            continue
        if predicate == EVIDENCE:
            item = {str(p)[len(str(CG)):]: value(o) for p, o in graph.predicate_objects(obj)
                    if p != RDF.type and p != DOCUMENT_LINK}
            lists.setdefault("evidence", []).append(json.dumps(item, sort_keys=True, ensure_ascii=False))
        elif predicate == CG.evidenceText:
            lists.setdefault("evidence", []).append(str(obj))
        elif key in LIST_PROPS:
            lists.setdefault(key, []).append(value(obj))
        else:
            props[key] = value(obj)
    return {**props, **{k: sorted(v) for k, v in lists.items()}}
