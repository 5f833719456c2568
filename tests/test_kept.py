"""Exposure answers kept for hubs after a load (casegraph/graph/kept.py, neo4j_kept.py) are the
computed ones, byte for byte; a write into a hub's neighbourhood drops its answer, a write elsewhere
and the same input loaded again do not, and the next load keeps it again. On a generated graph of 3k
relationships with the hub threshold lowered, on both stores: each answer is asked as kept, then
computed by the same store in the same state (kept answers switched off)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.generate import generate
from casegraph.graph import kept, write_extractions
from casegraph.graph.embedded import EmbeddedStore
from casegraph.graph.rows import to_graph
from casegraph.loaders.result import Loaded
from casegraph.queries import run
from casegraph.schemas import parse_line

HUB = 50  # the hub threshold here: the 3k graph has 10 parties of EXPOSED_TO in-degree 50 or more


@pytest.fixture(scope="module")
def graph():
    return generate(3_000, seed=5)


def write(store, lines: list[str], hub: int = HUB) -> kept.KeptReport:
    old, kept.HUB_DEGREE = kept.HUB_DEGREE, hub
    try:
        report = write_extractions(store, [Loaded(f"gen:{i}", parse_line(x)) for i, x in enumerate(lines, 1)])
    finally:
        kept.HUB_DEGREE = old
    assert not report.failed, report.failed
    return report.kept


def document(number: int, facts: list[dict], entities: list[dict] | None = None) -> str:
    """One extraction line: exposure facts between firms named in it."""
    names = [x for f in facts for x in (f["exposed"], f["counterparty"])]
    sentence = "A test sentence."
    return json.dumps({
        "id": f"kept-{number}",
        "document": {"id": f"{number:064x}", "source": "kept", "title": f"Note {number}", "date": "2024-01",
                     "lang": "en"},
        "entities": entities or [{"name": x, "type": "Firm"} for x in dict.fromkeys(names)],
        "facts": [{"type": "exposure", "currency": "USD",
                   "evidence": [{"sentence": sentence, "start": 0, "end": len(sentence), "extractor": "test",
                                 "confidence": 0.9}], **f} for f in facts]})


@contextmanager
def computing() -> Iterator[None]:
    """No kept answer serves a question: every one is computed."""
    old, kept.KEPT_LIMIT = kept.KEPT_LIMIT, -1
    try:
        yield
    finally:
        kept.KEPT_LIMIT = old


def _answers(store, names: list[str]) -> str:
    out = []
    for name in names:
        for depth, limit in ((3, 50), (3, 5), (3, 0), (3, 1_000), (3, 1_001), (2, 50)):
            asked = {"name": name, "depth": depth, "direction": "in", "limit": limit}
            out += [run(store, "totals", **asked), run(store, "exposure", **asked)]
    return json.dumps(out)


def same_answers(store, names: list[str]) -> bool:
    """Every answer a kept one could serve (KEPT_LIMIT is 1,000), and some it cannot (depth 2, a
    larger limit), kept and computed."""
    served = _answers(store, names)
    with computing():
        return served == _answers(store, names)


def test_kept_answers_are_the_computed_ones_and_writes_drop_only_theirs(store, graph):
    asked = [*graph.hubs[:4], *graph.ordinary[:2]]
    first = write(store, graph.lines)
    assert first.made >= 8 and first.made == len(store.kept_questions())
    assert same_answers(store, asked)

    # The same input again changes nothing and drops nothing.
    before = store.kept_questions()
    again = write(store, graph.lines)
    assert (again.made, again.valid) == (0, first.made) and store.kept_questions() == before

    # A write elsewhere: two new firms exposed to each other.
    elsewhere = [document(1, [{"exposed": "Quarry Nine Ltd", "counterparty": "Quarry Ten Ltd", "amount": 5e6}])]
    assert write(store, elsewhere).made == 0 and store.kept_questions() == before

    # A new creditor of the top hub: its answer is dropped in the write, the others stay.
    hub = graph.hubs[0]
    touching = document(2, [{"exposed": "Quarry Eleven Ltd", "counterparty": hub, "amount": 9e12}])
    store.write_batch(to_graph(parse_line(touching)))
    assert len(store.kept_questions()) == len(before) - 1
    assert same_answers(store, asked)
    top = run(store, "exposure", name=hub, depth=3, direction="in", limit=1)[0]
    assert top["party"] == "Quarry Eleven Ltd"

    # The next load keeps it again (and only it).
    assert write(store, [touching]).made == 1 and store.kept_questions() == before
    assert same_answers(store, asked)

    # A node changed deep in a hub's neighbourhood, no relationship: a party two hops out gets a
    # jurisdiction from a document that only names it.
    chain = next(c for c in run(store, "exposure", name=hub, depth=3, direction="in", limit=200) if c["depth"] == 2)
    changed = document(3, [], [{"name": chain["party"], "type": "Firm", "jurisdiction": "LI"}])
    store.write_batch(to_graph(parse_line(changed)))
    assert len(store.kept_questions()) < len(before)
    assert same_answers(store, asked)
    assert write(store, [changed]).made >= 1 and store.kept_questions() == before
    assert same_answers(store, asked)


def test_a_schema_4_file_gains_its_hubs_and_keeps_their_answers(tmp_path: Path, graph, monkeypatch):
    path = tmp_path / "v4.db"
    store = EmbeddedStore(path)
    write(store, graph.lines, hub=10**9)
    store.db.executescript("DROP TABLE kept_nodes; DROP TABLE kept_answers; DROP TABLE kept_hubs; "
                           "PRAGMA user_version = 4;")
    store.close()
    monkeypatch.setattr(kept, "HUB_DEGREE", HUB)
    store = EmbeddedStore(path)
    report = store.keep()
    assert report.made >= 8 and len(store.kept_questions()) == report.made
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == 5
    store.close()
