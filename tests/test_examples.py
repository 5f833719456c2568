"""The worked FTX example in examples/: its Extraction lines, their evidence and how they are built."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casegraph.graph.rows import GraphBatch, to_graph
from casegraph.loaders import load_paths
from casegraph.schemas import Exposure, Extraction, content_id, name_key, parse_line, party_id

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
JSONL = EXAMPLES / "ftx-case.jsonl"
DATE_LINE = re.compile(r"\Adate \d{4}-\d{2}(-\d{2})?\n")


def document_text(source: str) -> str:
    """The document text of an example file: its content without the leading ``date`` line."""
    return DATE_LINE.sub("", (ROOT / source).read_bytes().decode("utf-8"), count=1)


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return [parse_line(line) for line in JSONL.read_text(encoding="utf-8").splitlines()]


def test_one_line_per_text(extractions):
    texts = sorted(p.relative_to(ROOT).as_posix() for p in (EXAMPLES / "texts").glob("*.txt"))
    assert sorted(x.id for x in extractions) == texts
    for extraction in extractions:
        assert extraction.document is not None
        assert extraction.document.source == extraction.id
        assert extraction.document.lang in {"en", "nl"}
        assert extraction.document.date


def test_texts_are_short(extractions):
    for extraction in extractions:
        assert 500 <= len(document_text(extraction.id)) <= 1600, extraction.id


def test_document_id_is_content_hash(extractions):
    for extraction in extractions:
        assert extraction.document.id == content_id(document_text(extraction.id))


def test_every_entity_and_fact_has_evidence(extractions):
    for extraction in extractions:
        assert extraction.entities and extraction.facts
        for item in [*extraction.entities, *extraction.facts]:
            assert item.evidence, f"{extraction.id}: {item!r} has no evidence"
            for evidence in item.evidence:
                assert evidence.extractor == "manual" and evidence.confidence == 1.0


def test_evidence_spans_are_sentences_of_the_text(extractions):
    for extraction in extractions:
        text = document_text(extraction.id)
        for item in [*extraction.entities, *extraction.facts]:
            for evidence in item.evidence:
                assert evidence.sentence
                assert evidence.sentence == evidence.sentence.strip()
                assert text[evidence.start:evidence.end] == evidence.sentence, (extraction.id, evidence)


def test_aliases_occur_verbatim(extractions):
    for extraction in extractions:
        text = document_text(extraction.id)
        for entity in extraction.entities:
            for alias in entity.aliases:
                assert alias in text, (extraction.id, entity.name, alias)


def test_fact_parties_are_named_in_their_evidence(extractions):
    for extraction in extractions:
        index = extraction.entity_index()
        for fact in extraction.facts:
            sentences = " ".join(e.sentence for e in fact.evidence)
            for name in fact.parties():
                forms = index[name_key(name)].forms
                assert any(form in sentences for form in forms), (extraction.id, fact.type, name)


def test_build_reproduces_the_file(tmp_path):
    out = tmp_path / "ftx-case.jsonl"
    subprocess.run([sys.executable, str(EXAMPLES / "build.py"), str(out)], check=True, cwd=tmp_path,
                   capture_output=True)
    assert out.read_bytes() == JSONL.read_bytes()


def test_exposure_network(extractions):
    edges = {
        (fact.exposed, fact.counterparty): fact
        for extraction in extractions for fact in extraction.facts if isinstance(fact, Exposure)
    }
    assert edges[("Genesis Global Trading", "FTX")].amount == 175_000_000
    assert edges[("Genesis Global Trading", "FTX")].currency == "USD"
    assert edges[("Gemini", "Genesis Global Capital")].amount == 900_000_000
    assert ("BlockFi", "FTX") in edges
    direct = {exposed for exposed, counterparty in edges if counterparty == "FTX"}
    second = {exposed for exposed, counterparty in edges if counterparty in direct}
    assert {"Genesis Global Trading", "BlockFi"} <= direct
    assert "FTX US" in second


def test_loads_and_merges_across_documents():
    loaded = list(load_paths([str(JSONL)]))
    assert [item.error for item in loaded if item.error] == []
    batch = GraphBatch()
    for item in loaded:
        batch.extend(to_graph(item.extraction))
    ftx = party_id("Firm", "FTX")
    assert (party_id("Firm", "Genesis Global Trading"), "EXPOSED_TO", ftx) in batch.edges
    assert (party_id("Firm", "FTX Digital Markets"), "SUBSIDIARY_OF", ftx) in batch.edges
    # The Bahamas freeze is told by two documents and is one event node.
    freezes = [node for node in batch.nodes.values() if node.label == "AssetFreeze"]
    assert len(freezes) == 1
    assert set(freezes[0].lists["sources"]) >= {x.document.id for x in _telling("asset_freeze")}
    documents_mentioning_ftx = {src for src, rel, dst in batch.edges if rel == "MENTIONS" and dst == ftx}
    assert len(documents_mentioning_ftx) == 5


def test_event_sources_are_the_documents_that_state_it():
    batch = GraphBatch()
    for item in load_paths([str(JSONL)]):
        batch.extend(to_graph(item.extraction))
    freeze = next(node for node in batch.nodes.values() if node.label == "AssetFreeze")
    assert sorted(freeze.lists["sources"]) == sorted(x.document.id for x in _telling("asset_freeze"))


def _telling(fact_type: str) -> list[Extraction]:
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    return [x for x in map(parse_line, lines) if any(f.type == fact_type for f in x.facts)]


def test_counterparty_list():
    with (EXAMPLES / "counterparties.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == ["name", "lei", "id"]
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["name"]
        assert not row["lei"] or re.fullmatch(r"[A-Z0-9]{18}[0-9]{2}", row["lei"])
