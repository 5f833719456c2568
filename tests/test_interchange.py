"""Standard formats out and back: RDF round trips, GraphML for Gephi and yEd, push into Neo4j."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import OWL, RDF, RDFS, Graph
from rdflib.compare import isomorphic

from casegraph.graph import write_extractions
from casegraph.graph.base import neighbourhood
from casegraph.graph.embedded import EmbeddedStore
from casegraph.graph.rows import LABELS, REL_TYPES
from casegraph.interchange.graphml import write_graphml
from casegraph.interchange.push import push
from casegraph.interchange.rdf import serialize, to_rdf
from casegraph.interchange.vocab import CG, FTM, ONTOLOGY
from casegraph.loaders import Reading, load_paths

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "examples" / "ftx-case.jsonl"), str(ROOT / "tests" / "data" / "opensanctions-sample.ftm.json")]
CLI = [sys.executable, "-m", "casegraph"]


def filled(store):
    report = write_extractions(store, load_paths(INPUTS))
    assert not report.failed
    return store


def rdf_of(store, format: str = "ttl") -> Graph:
    nodes, edges = store.dump()
    return Graph().parse(data=serialize(to_rdf(nodes, edges), format), format={"ttl": "turtle", "nt": "nt",
                                                                                "jsonld": "json-ld"}[format])


def norm(props: dict) -> str:
    return json.dumps({k: sorted(v) if isinstance(v, list) else v for k, v in props.items()}, sort_keys=True)


def sorted_lists(dump) -> tuple:
    nodes, edges = dump
    return [(n.id, n.label, norm(n.props)) for n in nodes], [(e.src, e.type, e.dst, norm(e.props)) for e in edges]


def emptied(store, tmp_path):
    """An empty store of the same kind: a new file, or the same Neo4j cleared."""
    if isinstance(store, EmbeddedStore):
        return EmbeddedStore(tmp_path / "empty.db")
    store.clear()
    store.init()
    return store


@pytest.mark.parametrize("format", ["ttl", "jsonld", "nt"])
def test_rdf_export_load_export_is_isomorphic(store, tmp_path, format):
    first = filled(store).dump()
    exported = rdf_of(store, format)
    path = tmp_path / f"graph.{format}"
    path.write_bytes(serialize(to_rdf(*first), format))
    target = emptied(store, tmp_path)
    reading = Reading()
    report = write_extractions(target, reading.load([str(path)]))
    assert not report.failed and dict(reading.taken) == {"rdf": 1}
    assert isomorphic(exported, rdf_of(target, format))
    assert sorted_lists(target.dump()) == sorted_lists(first)  # the same graph, lists aside in order


def test_rdf_keeps_evidence_as_reified_statements(embedded_store):
    graph = rdf_of(filled(embedded_store))
    statement = next(s for s in graph.subjects(RDF.type, RDF.Statement)
                     if str(graph.value(s, RDF.predicate)) == str(CG.EXPOSED_TO)
                     and str(graph.value(s, RDF.subject)).endswith("firm:genesis-global-trading"))
    assert graph.value(statement, CG.amount).toPython() == 175_000_000
    sentences = [str(graph.value(e, CG.sentence)) for e in graph.objects(statement, CG.evidence)]
    assert any("175" in s for s in sentences)
    evidence = next(graph.objects(statement, CG.evidence))
    assert (graph.value(evidence, CG.document), RDF.type, CG.Document) in graph


def test_ontology_declares_every_label_relationship_and_property(embedded_store):
    ontology = Graph().parse(ONTOLOGY)
    for label in (*LABELS, "Party", "Event", "Evidence"):
        assert (CG[label], RDF.type, OWL.Class) in ontology, label
    for type_ in REL_TYPES:
        assert (CG[type_], RDF.type, OWL.ObjectProperty) in ontology, type_
    used = {p for p in rdf_of(filled(embedded_store)).predicates() if str(p).startswith(str(CG))}
    declared = set(ontology.subjects(RDF.type, OWL.DatatypeProperty)) | set(
        ontology.subjects(RDF.type, OWL.ObjectProperty))
    assert used and used <= declared, used - declared
    from followthemoney import model

    ftm_terms = {o for o in ontology.objects() if str(o).startswith(str(FTM))}
    for term in ftm_terms:  # every FollowTheMoney term named is one the library defines
        name = str(term)[len(str(FTM)):]
        schema, _, prop = name.partition(":")
        assert model.get(schema) is not None and (not prop or model.get(schema).get(prop) is not None), name
    assert (CG.AssetFreeze, RDFS.subClassOf, FTM.Sanction) in ontology
    assert (CG.Person, OWL.equivalentClass, FTM.Person) in ontology


def test_export_around_a_party_is_the_same_on_both_kinds_of_store(store):
    nodes, edges = neighbourhood(filled(store), ["firm:vostrik-trade"], 1)
    parties = {n.id for n in nodes if n.label != "Document"}
    # One hop: its parent, the minority-free owners, its creditors and payers; the holding is two hops away.
    assert parties == {"firm:vostrik-trade", "firm:vostrik-capital", "firm:quarkbit-finance",
                       "government:ministry-of-trade-of-freedonia"}
    assert all(e.src in {n.id for n in nodes} and e.dst in {n.id for n in nodes} for e in edges)
    assert {n.label for n in nodes} >= {"Document"}  # the documents that mention them, for their evidence
    far = {n.id for n in neighbourhood(store, ["firm:vostrik-trade"], 3)[0]}
    assert {"firm:vostrik-holdings", "assetfreeze"} <= {i if i.startswith("firm") else i.split(":")[0] for i in far}


def test_graphml_opens_in_networkx_with_the_same_counts(store, tmp_path):
    nodes, edges = filled(store).dump()
    path = tmp_path / "graph.graphml"
    write_graphml(nodes, edges, str(path))
    graph = nx.read_graphml(path, force_multigraph=True)
    stats = store.stats().as_dict()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (stats["nodes"], stats["edges"])
    assert graph.nodes["firm:ftx"]["type"] == "Firm" and graph.nodes["firm:ftx"]["label"] == "FTX"
    exposures = [d for _, _, d in graph.edges(data=True) if d["label"] == "EXPOSED_TO"]
    assert len(exposures) == stats["relationships"]["EXPOSED_TO"]


def snapshot(store) -> tuple:
    nodes, edges = store.dump()
    return ([(n.id, n.label, json.dumps(n.props, sort_keys=True)) for n in nodes],
            [(e.src, e.type, e.dst, json.dumps(e.props, sort_keys=True)) for e in edges])


@pytest.mark.neo4j
def test_push_gives_neo4j_the_same_counts_and_properties(embedded_store, neo4j_store):
    filled(embedded_store)
    done = push(embedded_store, neo4j_store, page=50)
    assert embedded_store.stats() == neo4j_store.stats()
    assert snapshot(neo4j_store) == snapshot(embedded_store)
    assert (done.nodes, done.edges) == (len(embedded_store.dump()[0]), len(embedded_store.dump()[1]))
    push(embedded_store, neo4j_store, page=50)  # again: nothing changes
    assert snapshot(neo4j_store) == snapshot(embedded_store)


@pytest.mark.neo4j
def test_an_interrupted_push_run_again_equals_one_clean_push(embedded_store, neo4j_store):
    filled(embedded_store)

    class Interrupted(Exception):
        pass

    class Failing:
        """The Neo4j store, gone after a few transactions."""

        def __init__(self, store, after: int) -> None:
            self.store, self.left = store, after

        def __getattr__(self, name):
            return getattr(self.store, name)

        def write_batch(self, batch) -> None:
            if self.left == 0:
                raise Interrupted
            self.left -= 1
            self.store.write_batch(batch)

    for after in (1, 4):  # in the node pages, then in the relationship pages
        with pytest.raises(Interrupted):
            push(embedded_store, Failing(neo4j_store, after), page=20)
        assert snapshot(neo4j_store) != snapshot(embedded_store)
    push(embedded_store, neo4j_store, page=20)
    assert snapshot(neo4j_store) == snapshot(embedded_store)


@pytest.mark.neo4j
def test_push_command(tmp_path, neo4j_store):
    from tests.conftest import NEO4J_URI

    db = tmp_path / "file.db"
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "CASEGRAPH_STORE")}
    loaded = subprocess.run([*CLI, "load", INPUTS[0], "--store", str(db)], capture_output=True, text=True, env=env)
    assert loaded.returncode == 0, loaded.stderr
    done = subprocess.run([*CLI, "push", "--store", str(db), "--to", NEO4J_URI], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().startswith("pushed 41 nodes and 95 relationships")
    embedded = EmbeddedStore(db)
    try:
        assert snapshot(neo4j_store) == snapshot(embedded)
    finally:
        embedded.close()
