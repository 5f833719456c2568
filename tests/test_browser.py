"""The Neo4j Browser files: the style parses and covers the schema; every guide block runs on Neo4j."""

from __future__ import annotations

import pytest
from test_queries_case import load

from casegraph.browser import GRASS, GUIDE
from casegraph.browser.grass import parse
from casegraph.browser.guide import blocks, build
from casegraph.graph.rows import LABELS, REL_TYPES


def test_style_parses_and_covers_every_label_and_type():
    rules = parse(GRASS.read_text())
    nodes = {r.name for r in rules if r.kind == "node"}
    rels = {r.name: r for r in rules if r.kind == "relationship"}
    assert set(LABELS) <= nodes and set(REL_TYPES) <= set(rels)
    assert rels["EXPOSED_TO"].caption_fields == ["amount", "currency"]
    with pytest.raises(ValueError):
        parse("node.Firm { color: blue; }")


def test_guide_is_built_from_the_queries():
    assert GUIDE.read_text() == build(), "run: python -m casegraph.browser.guide > casegraph/browser/guide.html"


@pytest.mark.neo4j
def test_every_guide_block_runs(neo4j_store, gold_lines):
    from test_stores import loaded

    from casegraph.graph import write_extractions

    write_extractions(neo4j_store, loaded(gold_lines))
    load(neo4j_store)
    params: dict = {}
    ran, answered = 0, 0
    for block in blocks(GUIDE.read_text()):
        if block.startswith(":param"):
            name, _, expression = block[len(":param"):].partition("=>")
            params[name.strip()] = neo4j_store.run(f"RETURN {expression.strip()} AS value")[0]["value"]
            continue
        ran += 1
        answered += bool(neo4j_store.run(block, **params))  # runs without error; most find something
    assert ran >= 9 and answered >= ran - 3
