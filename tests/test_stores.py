"""Both stores: same graph for the same input, reload changes nothing, documents whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import casegraph.graph.base as base
from casegraph.graph import write_extractions
from casegraph.graph.rows import EdgeRow
from casegraph.loaders import load_paths
from casegraph.loaders.result import Loaded
from casegraph.schemas import parse_line


def loaded(lines: list[str]) -> list[Loaded]:
    return [Loaded(f"gold:{i}", parse_line(line)) for i, line in enumerate(lines, 1)]


def snapshot(store) -> tuple:
    nodes, edges = store.dump()
    return ([(n.id, n.label, _canonical(n.props)) for n in nodes],
            [(e.src, e.type, e.dst, _canonical(e.props)) for e in edges])


def _canonical(props: dict) -> str:
    return json.dumps(props, sort_keys=True)


@pytest.mark.neo4j
def test_stores_hold_the_same_graph(embedded_store, neo4j_store, gold_lines):
    for target in (embedded_store, neo4j_store):
        report = write_extractions(target, loaded(gold_lines))
        assert report.documents == len(gold_lines) and not report.failed
    assert embedded_store.stats() == neo4j_store.stats()
    assert snapshot(embedded_store) == snapshot(neo4j_store)


def test_graph_has_what_the_documents_say(store, gold_lines):
    write_extractions(store, loaded(gold_lines))
    stats = store.stats()
    gold = [json.loads(line) for line in gold_lines]
    assert stats.labels["Document"] == len(gold)
    assert stats.relationships["EXPOSED_TO"] == len({(f["exposed"], f["counterparty"]) for d in gold
                                                     for f in d["facts"] if f["type"] == "exposure"})
    nodes, edges = store.dump()
    names = {n.id: n.props.get("name") for n in nodes}
    exposure = {(names[e.src], names[e.dst]): e.props for e in edges if e.type == "EXPOSED_TO"}
    assert exposure[("Genesis Global Trading", "FTX")]["amount"] == 175_000_000
    assert exposure[("Genesis Global Trading", "FTX")]["currency"] == "USD"
    # One node for a party named in many documents, remembering every document.
    ftx = next(n for n in nodes if n.id == "firm:ftx")
    assert len(ftx.props["sources"]) == sum(1 for d in gold if any(e["name"] == "FTX" for e in d["entities"]))


def test_reload_changes_nothing(store, gold_lines):
    write_extractions(store, loaded(gold_lines))
    first = snapshot(store)
    write_extractions(store, loaded(gold_lines))
    assert snapshot(store) == first


def test_documents_merge_aliases_and_evidence(store):
    one = {"id": "a", "entities": [{"name": "FTX Trading Ltd.", "type": "Firm", "aliases": ["FTX"],
                                    "evidence": [{"sentence": "FTX Trading Ltd. runs FTX.", "start": 0, "end": 26}]}]}
    two = {"id": "b", "entities": [{"name": "FTX Trading", "type": "Firm", "aliases": ["the exchange"]}]}
    write_extractions(store, loaded([json.dumps(one), json.dumps(two)]))
    nodes, edges = store.dump()
    firms = [n for n in nodes if n.label == "Firm"]
    assert [n.id for n in firms] == ["firm:ftx-trading"]
    assert firms[0].props["name"] == "FTX Trading"
    assert firms[0].props["aliases"] == ["FTX Trading Ltd.", "FTX", "FTX Trading", "the exchange"]
    mentions = [e for e in edges if e.type == "MENTIONS"]
    evidence = [json.loads(x) for e in mentions for x in e.props["evidence"]]
    assert [x["sentence"] for x in evidence] == ["FTX Trading Ltd. runs FTX."]
    assert evidence[0]["doc"] in {e.src for e in mentions}


def test_failure_mid_document_leaves_store_as_it_was(store, gold_lines, monkeypatch):
    write_extractions(store, loaded(gold_lines[:3]))
    before = snapshot(store)
    real = base.to_graph

    def broken(extraction):
        batch = real(extraction)
        if extraction.id == "genesis-175m-locked-ftx":  # its nodes come first, then this edge fails
            batch.edge(EdgeRow(src="firm:nowhere", src_base="Party", type="EXPOSED_TO", dst="firm:ftx",
                               dst_base="Party", props={}, lists={}))
        return batch

    monkeypatch.setattr(base, "to_graph", broken)
    report = write_extractions(store, loaded(gold_lines[3:6]))
    assert [f.source for f in report.failed] == ["gold:2"]
    assert report.documents == 2
    ids = {n.id for n in store.dump()[0]}
    assert "firm:genesis-global-trading" not in ids and "firm:alameda-research" in ids
    monkeypatch.setattr(base, "to_graph", real)
    write_extractions(store, loaded(gold_lines[:3]))
    # The documents that failed left nothing; a clean re-run of the first three changes nothing.
    nodes = snapshot(store)[0]
    assert set(before[0]) <= set(nodes)


def test_malformed_lines_are_named_and_the_rest_load(tmp_path: Path, store, gold_lines):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([gold_lines[0], "{not json", '{"id": "x", "facts": [{"type": "bankruptcy"}]}',
                              gold_lines[1]]) + "\n")
    report = write_extractions(store, load_paths([str(bad), str(tmp_path / "missing.jsonl")]))
    assert report.documents == 2
    assert [str(f).split(": ")[0] for f in report.failed] == [f"{bad}:2", f"{bad}:3", f"{tmp_path}/missing.jsonl"]
    assert all("\n" not in str(f) for f in report.failed)


@pytest.mark.parametrize("label", ["Document"])
def test_stats_count_labels(store, gold_lines, label):
    write_extractions(store, loaded(gold_lines[:2]))
    assert store.stats().labels[label] == 2


def test_an_entity_named_like_another_entitys_alias_keeps_its_own_node(store):
    line = {"id": "a", "entities": [{"name": "Genesis Global Trading", "type": "Firm", "aliases": ["Genesis"]},
                                    {"name": "Genesis", "type": "Firm"}],
            "facts": [{"type": "bankruptcy", "firm": "Genesis Global Trading"}]}
    write_extractions(store, loaded([json.dumps(line)]))
    nodes, edges = store.dump()
    assert sorted(n.id for n in nodes if n.label == "Firm") == ["firm:genesis", "firm:genesis-global-trading"]
    assert [e.dst for e in edges if e.type == "CONCERNS"] == ["firm:genesis-global-trading"]


def test_a_party_seen_in_many_documents_keeps_each_source_once(store, monkeypatch):
    """A hub named in every batch keeps each of its documents once, in the order first seen, through
    a second load in the other order and a store opened afresh; a party of one document has one."""
    from casegraph.graph.base import scan
    from casegraph.graph.rows import document_of
    from casegraph.schemas import Entity, PartyType

    monkeypatch.setattr(base, "BATCH_DOCUMENTS", 7)
    lines = [json.dumps({"id": f"n{i}", "entities": [{"name": "Quarkbit Holdings", "type": "Firm"},
                                                     {"name": f"Lender Number {i}", "type": "Firm"}]})
             for i in range(60)]
    docs = [document_of(item.extraction).id for item in loaded(lines)]
    hub = Entity(name="Quarkbit Holdings", type=PartyType.FIRM).id
    lender = Entity(name="Lender Number 3", type=PartyType.FIRM).id
    write_extractions(store, loaded(lines))
    assert write_extractions(store, loaded(lines[::-1])).created.nodes == 0
    again = type(store)(store.path) if hasattr(store, "path") else store
    try:
        nodes = again.nodes([hub, lender])
        assert nodes[hub].props["sources"] == docs
        assert nodes[lender].props["sources"] == [docs[3]]
        paged = {n.id: n for part in scan(again, 11)[0] for n in part}
        dumped = {n.id: n for n in again.dump()[0]}
        assert paged[hub].props == dumped[hub].props == nodes[hub].props
    finally:
        if again is not store:
            again.close()


def test_embedded_reads_a_batchs_stored_relationships_by_key(embedded_store, gold_lines):
    """Each batch reads back the relationships it merges into: that read must search the primary key, not
    scan every relationship (a scan per batch made a load quadratic: 1m did not finish in an hour)."""
    from casegraph.graph.embedded import STORED_EDGES

    write_extractions(embedded_store, loaded(gold_lines))
    db = embedded_store.db
    db.execute("CREATE TEMP TABLE IF NOT EXISTS batch_edges (src TEXT, type TEXT, dst TEXT)")
    plan = " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {STORED_EDGES}"))
    assert "SEARCH e USING PRIMARY KEY" in plan and "SCAN e" not in plan, plan
