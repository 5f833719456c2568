"""FollowTheMoney / OpenSanctions entity streams, on both stores: parties, ownership and
directorship relationships, sanctions as actions, debts as exposure, provenance on each fact."""

from __future__ import annotations

import json
from pathlib import Path

from casegraph.graph import write_extractions
from casegraph.loaders import Reading, load_bytes, load_paths
from casegraph.queries import run
from casegraph.queries import screen as screening

SAMPLE = Path(__file__).parent / "data" / "opensanctions-sample.ftm.json"


def load(store, *paths: str):
    reading = Reading()
    report = write_extractions(store, reading.load(list(paths)))
    return report, reading


def test_sample_loads_parties_relationships_and_actions_the_queries_see(store):
    report, reading = load(store, str(SAMPLE))
    assert not report.failed and dict(reading.taken) == {"ftm": 1}
    nodes, edges = store.dump()
    by_id = {n.id: n for n in nodes}
    holdings = by_id["firm:vostrik-holdings"]
    assert holdings.label == "Firm" and holdings.props["name"] == "Vostrik Holdings Ltd"
    assert holdings.props["jurisdiction"] == "CY" and holdings.props["lei"] == "ZZTEST00000000000050"
    assert "Vostrik Group" in holdings.props["aliases"]
    assert "registrationNumber:HE 123456" in holdings.props["identifiers"]
    assert by_id["person:ivan-petrenko"].props["aliases"] == ["Ivan Petrenko", "Ivan Petrenco"]
    assert by_id["government:ministry-of-trade-of-freedonia"].label == "Government"
    links = {(e.src, e.type, e.dst): e.props for e in edges if e.type != "MENTIONS"}
    assert links[("firm:vostrik-capital", "SUBSIDIARY_OF", "firm:vostrik-holdings")]["percentage"] == 100
    assert links[("firm:vostrik-trade", "SUBSIDIARY_OF", "firm:vostrik-capital")]["percentage"] == 60
    assert ("firm:vostrik-trade", "SUBSIDIARY_OF", "firm:lintel-partners") not in links  # a 10 % stake
    assert links[("person:ivan-petrenko", "OFFICER_OF", "firm:vostrik-capital")]["roles"] == ["General Director"]
    debt = links[("firm:quarkbit-finance", "EXPOSED_TO", "firm:vostrik-trade")]
    assert (debt["amount"], debt["currency"], debt["kind"], debt["as_of"]) == (2_500_000, "USD", "debt", "2023-09-30")

    # The sanction is an action by OFAC (the regulator the news knows) against the holding.
    actions = run(store, "actions", name="Vostrik Trade")
    freeze = next(a for a in actions if a["subject"] == "Vostrik Holdings Ltd")
    assert (freeze["event"], freeze["authority"], freeze["relation"], freeze["date"]) == (
        "AssetFreeze", "Office of Foreign Assets Control", "group", "2022-04-06")
    assert by_id[freeze["authority_id"]].label == "Regulator"
    assert any(a["subject"] == "Ivan Petrenko" and a["relation"] == "officer" for a in actions)
    event = by_id[freeze["event_id"]]
    assert event.props["program"] == "RUSSIA-EO14024"
    # Exposure through the ownership chain: Quarkbit's debt of Vostrik Trade is exposure to the holding's group.
    chains = run(store, "exposure", name="Vostrik Holdings")
    assert {c["party"] for c in chains} == {"Quarkbit Finance Ltd", "Ministry of Trade of Freedonia"}
    [row] = screening.screen(store, [{"name": "Quarkbit Finance", "lei": "", "id": ""}])
    assert row["status"] == "hit" and row["exposures"][0]["party"] == "Vostrik Trade"


def test_provenance_of_each_record_is_kept(store):
    load(store, str(SAMPLE))
    nodes, _ = store.dump()
    docs = {n.props.get("ftm_id"): n for n in nodes if n.label == "Document"}
    sanction = docs["san-1"].props
    assert sanction["datasets"] == "us_ofac_sdn"
    assert (sanction["first_seen"], sanction["last_seen"]) == ("2022-04-06T10:00:00", "2024-03-01T06:12:44")
    assert sanction["url"] == "https://sanctions.example/entries/4711"
    freeze = next(n for n in nodes if n.label == "AssetFreeze" and n.props.get("program") == "RUSSIA-EO14024")
    [evidence] = [json.loads(e) for e in freeze.props["evidence"]]
    assert evidence["doc"] == docs["san-1"].id and evidence["extractor"] == "ftm:Sanction"
    assert "san-1" in evidence["sentence"] and "us_ofac_sdn" in evidence["sentence"]


def test_unknown_schemata_and_minority_stakes_are_counted_and_reported(embedded_store):
    report, _ = load(embedded_store, str(SAMPLE))
    [note] = report.notes
    assert note.note == ("4 record(s) not loaded: Address 1, Vessel 1, unknown schema Spaceship 1, "
                         "Ownership under 50 % 1")


def test_ftm_and_news_naming_the_same_firm_give_one_node(store, tmp_path):
    news = tmp_path / "news.txt"
    news.write_text("date 2023-10-02\nThe crypto lender Quarkbit Finance filed for bankruptcy on Monday.\n")
    load(store, str(SAMPLE), str(news))
    nodes, _ = store.dump()
    quarkbit = [n for n in nodes if "quarkbit" in n.id]
    assert [n.id for n in quarkbit] == ["firm:quarkbit-finance"]
    assert len(quarkbit[0].props["sources"]) == 3  # the FtM company, its debt record, the news item
    actions = run(store, "actions", name="Quarkbit Finance")
    assert [a["event"] for a in actions] == ["Bankruptcy"]


def test_reload_changes_nothing(store):
    load(store, str(SAMPLE))
    first = store.dump()
    report, _ = load(store, str(SAMPLE))
    assert store.dump() == first and not report.failed


def test_a_bad_record_is_its_own_error_and_the_rest_loads():
    lines = SAMPLE.read_text().splitlines()
    lines += ["{not json", json.dumps({"id": "own-x", "schema": "Ownership",
                                       "properties": {"owner": ["NK-nobody"], "asset": ["NK-quarkbit"]}})]
    items = list(load_bytes("\n".join(lines).encode(), "s.ftm.json"))
    errors = [str(i) for i in items if i.error]
    assert errors == [f"s.ftm.json:{len(lines) - 1}: not JSON: Expecting property name enclosed in double quotes",
                      f"s.ftm.json:{len(lines)}: Ownership own-x: owner NK-nobody is no party in the file"]
    assert sum(1 for i in items if i.extraction) == 14


def test_stream_is_read_once_from_standard_input(monkeypatch, tmp_path):
    import io
    import sys

    data = SAMPLE.read_bytes()
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BufferedReader(io.BytesIO(data))})())
    items = list(load_paths(["-"]))
    assert sum(1 for i in items if i.extraction) == 14


def test_two_sanctions_by_one_authority_on_one_party_stay_two_events(store, tmp_path):
    """Listed under two programmes, and again under one after a delisting: three actions, on reload too."""
    records = [json.loads(line) for line in SAMPLE.read_text().splitlines()]
    first = next(r for r in records if r["id"] == "san-1")
    lines = [json.dumps(r) for r in records if r["id"] in ("NK-vostrik-holdings", "san-1")]
    for ftm_id, program, start in (("san-1b", "UKRAINE-EO13660", "2022-04-06"),
                                   ("san-1c", "RUSSIA-EO14024", "2024-02-23")):
        lines.append(json.dumps({**first, "id": ftm_id, "properties": {
            **first["properties"], "program": [program], "startDate": [start], "listingDate": [start]}}))
    path = tmp_path / "listings.ftm.json"
    path.write_text("\n".join(lines) + "\n")
    for _ in range(2):
        report, _ = load(store, str(path))
        assert not report.failed
        actions = run(store, "actions", name="Vostrik Holdings")
        assert sorted((a["event"], a["authority"], a["date"]) for a in actions) == [
            ("AssetFreeze", "Office of Foreign Assets Control", "2022-04-06"),
            ("AssetFreeze", "Office of Foreign Assets Control", "2022-04-06"),
            ("AssetFreeze", "Office of Foreign Assets Control", "2024-02-23")]
        nodes, _ = store.dump()
        programs = sorted((n.props["program"], n.props["date"]) for n in nodes if n.label == "AssetFreeze")
        assert programs == [("RUSSIA-EO14024", "2022-04-06"), ("RUSSIA-EO14024", "2024-02-23"),
                            ("UKRAINE-EO13660", "2022-04-06")]
