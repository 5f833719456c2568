"""The Neo4j Browser files: the style parses and covers the schema; every guide block runs on Neo4j."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES
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
    assert rels["EXPOSED_TO"].caption_fields == ["display_amount", "kind"]
    with pytest.raises(ValueError):
        parse("node.Firm { color: blue; }")


def test_captions_read_well_on_the_ftx_example(embedded_store):
    """Every caption shows properties the writes produce: short amounts, kinds, event types, short names."""
    lines = [x for x in (EXAMPLES / "ftx-case.jsonl").read_text().splitlines() if x.strip()]
    load(embedded_store, lines)
    nodes, edges = embedded_store.dump()
    rules = {(r.kind, r.name): r for r in parse(GRASS.read_text())}

    def caption(kind: str, label: str, props: dict) -> str:
        fields = rules[(kind, label)].caption_fields
        return " ".join(str(props[f]) for f in fields if props.get(f) is not None)

    exposures = {(e.src, e.dst): caption("relationship", "EXPOSED_TO", e.props) for e in edges
                 if e.type == "EXPOSED_TO"}
    assert exposures[("firm:genesis-global-trading", "firm:ftx")] == "USD 175M locked funds"
    assert exposures[("firm:blockfi", "firm:ftx")] == "funds on platform"  # no amount: its kind
    assert all(exposures.values())
    shown = {n.id: caption("node", n.label, n.props) for n in nodes}
    assert all(shown.values()), [i for i, c in shown.items() if not c]
    assert shown["regulator:securities-and-exchange-commission"] == "SEC"
    assert "Asset freeze 2022-11-10" in shown.values()
    titles = {n.props["title"] for n in nodes if n.label == "Document"}
    assert {shown[n.id] for n in nodes if n.label == "Document"} == titles


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


def test_style_server_answers_cors_preflights_and_ports_follow_the_environment(monkeypatch):
    import functools
    import http.client
    import http.server
    import threading

    from casegraph.browser import HERE
    from casegraph.browser.commands import _CorsHandler, instructions

    handler = functools.partial(_CorsHandler, directory=str(HERE))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        connection.request("OPTIONS", "/casegraph.grass", headers={
            "Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "content-type"})
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 204
        assert answer.getheader("Access-Control-Allow-Origin") == "*"
        assert "GET" in answer.getheader("Access-Control-Allow-Methods")
        assert answer.getheader("Access-Control-Allow-Headers") == "content-type"
        connection.request("GET", "/casegraph.grass", headers={"Origin": "http://127.0.0.1:7474"})
        answer = connection.getresponse()
        assert answer.status == 200 and answer.read() == GRASS.read_bytes()
        assert answer.getheader("Access-Control-Allow-Origin") == "*"
        server.shutdown()
    monkeypatch.setenv("NEO4J_HTTP_PORT", "7405")
    said = instructions("bolt://127.0.0.1:7705", 8105)
    assert "http://127.0.0.1:7405/browser/" in said and "7474" not in said
    assert ":style http://127.0.0.1:8105/casegraph.grass" in said and ":play http://127.0.0.1:8105/guide.html" in said


def test_short_amounts_and_display_names():
    from casegraph.graph.display import display_name, display_type, short_amount

    assert short_amount(175_000_000.0, "USD") == "USD 175M"
    assert short_amount(1_250_000, "EUR") == "EUR 1.25M" and short_amount(2e9, None) == "2B"
    assert short_amount(950, "USD") == "USD 950" and short_amount(None, "USD") is None
    assert display_name("Securities and Exchange Commission", ["SEC"]) == "SEC"
    assert display_name("FTX", ["FTX Trading Ltd."]) == "FTX"
    assert display_type("WithdrawalSuspension") == "Withdrawal suspension"
