"""Canned queries on both stores: chains, group roll-up, depth, direction, actions, timeline, path, names."""

from __future__ import annotations

import pytest
from test_queries_case import load

from casegraph.queries import NoParty, exposure_totals, run


@pytest.fixture
def case(store):
    load(store)
    return store


def chains(rows):
    return [(r["party"], r["path"], r["via_group"]) for r in rows]


def test_exposure_in_rolls_up_the_group_without_double_counting(case):
    rows = run(case, "exposure", name="Borealis Exchange")
    assert chains(rows) == [
        ("Aster Lending", "Aster Lending → Borealis Exchange", False),
        ("Aster Lending", "Aster Lending → Borealis Markets", True),
        ("Cedar Fund", "Cedar Fund → Aster Lending → Borealis Exchange", False),
        ("Cedar Fund", "Cedar Fund → Aster Lending → Borealis Markets", True),
        ("Dune Capital", "Dune Capital → Cedar Fund → Aster Lending → Borealis Exchange", False),
        ("Dune Capital", "Dune Capital → Cedar Fund → Aster Lending → Borealis Markets", True),
        ("Zürich Clearing AG", "Zürich Clearing AG → Aster Lending → Borealis Exchange", False),
        ("Zürich Clearing AG", "Zürich Clearing AG → Aster Lending → Borealis Markets", True),
    ]  # Borealis Markets -> Borealis Exchange is inside the group: no chain; Elm Bank is 4 hops out
    first = rows[0]
    assert first["amount_text"] == "50,000,000 USD"
    assert first["hops"][0]["evidence"][0]["sentence"] == "Aster Lending has 50 million dollars at Borealis."
    totals = {(t["party"], t["currency"]): t for t in exposure_totals(rows)}
    assert totals[("Aster Lending", "USD")]["total"] == 60_000_000  # two relationships, to two members
    assert totals[("Cedar Fund", "USD")]["total"] == 5_000_000  # one relationship on two chains: once
    assert totals[("Cedar Fund", "USD")]["chains"] == 2
    assert totals[("Dune Capital", "EUR")]["total_text"] == "1,000,000 EUR"
    assert totals[("Zürich Clearing AG", None)]["unknown_amounts"] == 1


def test_exposure_to_a_subsidiary_counts_for_the_group(case):
    via_child = run(case, "exposure", name="borealis markets", depth=1)
    assert [(r["party"], r["target"], r["via_group"]) for r in via_child] == [
        ("Aster Lending", "Borealis Exchange", True), ("Aster Lending", "Borealis Markets", False)]
    members = {r["name"]: r for r in run(case, "group", name="Borealis Markets")}
    assert members["Borealis Exchange"]["relation"] == "parent"
    assert members["Borealis Custody"]["relation"] == "affiliate"
    assert members["Borealis Markets"]["actions"][0]["authority"] == "Island Markets Authority"


def test_exposure_depth_and_direction(case):
    assert {r["depth"] for r in run(case, "exposure", name="Borealis", depth=1)} == {1}
    deep = run(case, "exposure", name="Borealis", depth=6)
    assert "Elm Bank" in {r["party"] for r in deep} and max(r["depth"] for r in deep) == 4
    out = run(case, "exposure", name="Dune Capital", direction="out")
    assert [r["path"] for r in out] == [  # largest first, whatever the currency
        "Dune Capital → Cedar Fund → Aster Lending → Borealis Exchange",
        "Dune Capital → Cedar Fund → Aster Lending → Borealis Markets", "Dune Capital → Cedar Fund → Aster Lending",
        "Dune Capital → Cedar Fund"]
    assert out[0]["amount_text"] == "50,000,000 USD"  # out: the hop into the far party
    assert run(case, "exposure", name="Dune Capital", direction="out", limit=2) == out[:2]
    with pytest.raises(ValueError):
        run(case, "exposure", name="Borealis", depth=7)


def test_actions_cover_group_and_officers(case):
    rows = run(case, "actions", name="BOREALIS EXCHANGE")
    got = [(r["event"], r["authority"], r["subject"], r["relation"], r["date"]) for r in rows]
    assert got == [
        ("Investigation", "Harbour Conduct Office", "Mira Solberg", "officer", "2023-03"),
        ("AssetFreeze", "Island Markets Authority", "Borealis Markets", "group", "2023-03-10"),
        ("Bankruptcy", None, "Borealis Exchange", "party", None),
    ]
    assert rows[0]["officer_of"] == [{"org_id": "firm:borealis-exchange", "org": "Borealis Exchange",
                                      "role": "chief executive"}]
    assert run(case, "actions", name="Elm Bank") == []


def test_timeline_orders_partial_dates_as_given(case):
    rows = run(case, "timeline", name="Borealis Custody")
    assert [(r["date"], r["event"], r["date_from"]) for r in rows] == [
        ("2023", "Acquisition", "event"), ("2023-03-10", "AssetFreeze", "event"),
        ("2023-03-12", "Bankruptcy", "document")]  # the bankruptcy has no date: its document's
    assert rows[2]["documents"][0]["title"] == "Regulator freezes Borealis Markets"


def test_path_explains_each_hop(case):
    rows = run(case, "path", a="Mira Solberg", b="Island Markets Authority")
    # Borealis Markets and its parent are linked twice (SUBSIDIARY_OF and EXPOSED_TO): two shortest paths
    assert [r["length"] for r in rows] == [4, 4]
    assert rows[0]["hops"][1]["text"] == "Borealis Markets is exposed to Borealis Exchange (7 USD)"
    assert [h["text"] for h in rows[1]["hops"]] == [
        "Mira Solberg is chief executive of Borealis Exchange",
        "Borealis Markets is a subsidiary of Borealis Exchange",
        "AssetFreeze 2023-03-10 concerns Borealis Markets",
        "Island Markets Authority initiated AssetFreeze 2023-03-10"]
    assert [h["direction"] for h in rows[1]["hops"]] == ["forward", "backward", "backward", "backward"]
    assert [r["text"] for r in run(case, "path", a="Elm Bank", b="ZC")] == [
        "Elm Bank -[EXPOSED_TO]-> Dune Capital -[EXPOSED_TO]-> Cedar Fund -[EXPOSED_TO]-> Aster Lending "
        "<-[EXPOSED_TO]- Zürich Clearing AG"]
    assert run(case, "path", a="Elm Bank", b="Mira Solberg")[0]["length"] == 5


def test_names_match_case_accents_aliases_and_fuzzy(case):
    assert run(case, "exposure", name="zurich clearing", direction="out", depth=1)[0]["party"] == "Aster Lending"
    assert run(case, "exposure", name="ZC", direction="out") == run(case, "exposure", name="Zürich Clearing AG",
                                                                     direction="out")
    found = run(case, "entity", text="Borealis Markt")
    assert found[0]["name"] == "Borealis Markets" and found[0]["score"] < 100
    assert "AssetFreeze" in found[0]["brief"]
    assert run(case, "actions", name="Borealis Exchnge") == run(case, "actions", name="Borealis Exchange")
    with pytest.raises(NoParty) as missing:
        run(case, "actions", name="Borealis Holdings")
    assert str(missing.value).startswith("no party named 'Borealis Holdings'")
    assert "Borealis Exchange" in missing.value.suggestions
