"""The casegraph RDF vocabulary: one IRI per node, relationship and piece of evidence.

IRIs are derived from the store's keys (node id; source, type and target of a relationship; the
content of an evidence item), so the same graph always gives the same triples and an export read
back into an empty store and exported again is the same RDF graph.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from rdflib import RDF, XSD, Literal, Namespace, URIRef

CG = Namespace("urn:casegraph:ns#")
FTM = Namespace("https://schema.followthemoney.tech/#")
SCHEMA_ORG = Namespace("https://schema.org/")
NODE_PREFIX = "urn:casegraph:id:"
ONTOLOGY = Path(__file__).with_name("casegraph.ttl")
EVIDENCE, ID, DOCUMENT_LINK = CG.evidence, CG.id, CG.document


def node_iri(node_id: str) -> URIRef:
    return URIRef(NODE_PREFIX + quote(node_id, safe=":-._~"))


def node_id_of(iri: URIRef) -> str | None:
    text = str(iri)
    return unquote(text[len(NODE_PREFIX):]) if text.startswith(NODE_PREFIX) else None


def edge_iri(src: str, type_: str, dst: str) -> URIRef:
    return URIRef(f"urn:casegraph:rel:{quote(src, safe=':-._~')}/{type_}/{quote(dst, safe=':-._~')}")


def evidence_iri(item: dict[str, Any]) -> URIRef:
    return URIRef("urn:casegraph:evidence:" + hashlib.sha1(canonical(item).encode()).hexdigest())


def canonical(item: Any) -> str:
    """Evidence as the stores keep it: sorted keys, no ASCII escaping (as graph.rows writes it)."""
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    if isinstance(value, str):
        return Literal(value)
    return Literal(canonical(value), datatype=RDF.JSON)


def value(term: Literal) -> Any:
    if term.datatype == RDF.JSON:
        return json.loads(str(term))
    return term.toPython() if term.datatype else str(term)
