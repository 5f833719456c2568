"""Analyst review (issue 14): decisions on both stores survive reloads and re-extraction, rejected
facts are in no answer, corrections and manual facts show with their status, merges are undone by
split, and decisions move between stores."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_queries_case import CASE, LINES, load
from typer.testing import CliRunner

from casegraph.cli import app
from casegraph.graph import write_extractions
from casegraph.interchange.rdf import serialize, to_rdf
from casegraph.loaders.result import Loaded
from casegraph.pictures.picture import picture
from casegraph.queries import run
from casegraph.queries.screen import screen
from casegraph.review.apply import decide, import_decisions, merge_decision, orphans
from casegraph.review.decision import Decision, short_id
from casegraph.review.facts import read_facts
from casegraph.schemas import parse_line

ASTER_BOREALIS = "EXPOSED_TO|firm:aster-lending|firm:borealis-exchange"
ASTER_SENTENCE = "Aster Lending has 50 million dollars at Borealis."
FREEZE_SENTENCE = "The authority froze the assets of Borealis Markets."


def _store_arg(store) -> str:
    return getattr(store, "uri", None) or str(store.path)


def cli(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _freeze(store) -> str:
    return next(f.key for f in read_facts(store) if f.type == "asset_freeze")


def every_answer(store) -> str:
    """Every query's answer, the screen, the picture and the RDF export, as one text."""
    calls = [("exposure", {"name": "Borealis Exchange", "depth": 6}), ("exposure", {"name": "Aster Lending",
                                                                                    "direction": "out"}),
             ("totals", {"name": "Borealis Exchange", "depth": 6}), ("actions", {"name": "Borealis"}),
             ("timeline", {"name": "Borealis Markets"}), ("timeline", {"name": "Island Markets Authority"}),
             ("path", {"a": "Aster Lending", "b": "Borealis Exchange"}),
             ("path", {"a": "Mira Solberg", "b": "Island Markets Authority"}), ("entity", {"text": "aster"}),
             ("entity", {"text": "island markets"})]
    parts = [json.dumps(run(store, query, **params)) for query, params in calls]
    parts.append(json.dumps(screen(store, [{"name": "Aster Lending", "lei": "", "id": ""},
                                           {"name": "Borealis Markets", "lei": "", "id": ""}])))
    parts.append(json.dumps(picture(store, "Borealis Exchange", 3)))
    parts.append(serialize(to_rdf(*store.dump()), "nt").decode())
    return "\n".join(parts)


def _reextracted() -> list[str]:
    """The same documents read by a 'newer extractor': other offsets, rule names and confidences."""
    lines = []
    for doc in json.loads(json.dumps(CASE)):
        for fact in doc["facts"]:
            for evidence in fact.get("evidence", []):
                evidence.update(start=evidence["start"] + 7, end=evidence["end"] + 7, extractor="newer", confidence=0.6)
        lines.append(json.dumps(doc))
    return lines


def test_a_rejected_fact_stays_rejected_after_reloads_and_is_in_no_answer(store):
    load(store)
    assert ASTER_SENTENCE in every_answer(store) and FREEZE_SENTENCE in every_answer(store)
    freeze = _freeze(store)
    for key in (ASTER_BOREALIS, freeze):
        decide(store, Decision(action="reject", key=key, by="ana", note="misread"))
    for lines in (LINES, _reextracted()):
        load(store, lines)
        text = every_answer(store)
        assert ASTER_SENTENCE not in text and FREEZE_SENTENCE not in text
        assert freeze not in text and "AssetFreeze" not in json.dumps(run(store, "actions", name="Borealis"))
        totals = run(store, "totals", name="Borealis Exchange", depth=6)
        usd = next(t for t in totals if t["kind"] == "currency" and t["currency"] == "USD")
        assert usd["total"] == 15_000_000  # 10M Aster -> Borealis Markets and 5M Cedar -> Aster; not the 50M
        status = {f.key: f.status for f in read_facts(store)}
        assert status[ASTER_BOREALIS] == "rejected" and status[freeze] == "rejected"
    # accepting it again brings the rows back, with the status
    decide(store, Decision(action="accept", key=ASTER_BOREALIS, by="ana"))
    chains = run(store, "exposure", name="Borealis Exchange")
    assert any(c["amount"] == 50_000_000 and c["review"] == "accepted" for c in chains)


def test_a_corrected_amount_shows_in_exposure_with_its_status(store):
    load(store)
    decide(store, Decision(action="correct", key=ASTER_BOREALIS, values={"amount": 60_000_000.0}, by="ana"))
    for _ in range(2):  # as corrected, and again after a reload
        chains = [c for c in run(store, "exposure", name="Borealis Exchange") if c["hops"][0]["from_id"] ==
                  "firm:aster-lending" and c["target_id"] == "firm:borealis-exchange"]
        assert [(c["amount"], c["amount_text"], c["review"]) for c in chains] == [
            (60_000_000, "60,000,000 USD", "corrected")]
        assert chains[0]["hops"][0]["display_amount"] == "USD 60M"
        others = run(store, "exposure", name="Cedar Fund", direction="out")
        assert {c["hops"][0]["review"] for c in others} == {"proposed"}  # Cedar -> Aster: nobody decided
        load(store)


def test_add_a_manual_exposure_with_its_quote(store):
    load(store)
    doc = CASE[1]["document"]["id"]
    quote = "Elm Bank also lent 3 million euros to Borealis Exchange."
    done = cli("add", "exposure", "--exposed", "Elm Bank", "--counterparty", "Borealis Exchange", "--amount", "3000000",
               "--currency", "EUR", "--doc", doc, "--quote", quote, "--by", "ana", "--store", _store_arg(store))
    assert done.exit_code == 0, done.output
    load(store)  # a reload keeps it
    chains = [c for c in run(store, "exposure", name="Borealis Exchange") if c["party_id"] == "firm:elm-bank"
              and c["depth"] == 1]
    assert len(chains) == 1 and chains[0]["amount"] == 3_000_000 and chains[0]["review"] == "manual"
    assert chains[0]["hops"][0]["evidence"][0]["sentence"] == quote
    assert chains[0]["hops"][0]["evidence"][0]["doc"] == doc
    # the checks of an extracted fact: a negative amount, an unknown party without --new-type, a bad currency
    for bad in (["--amount", "-5"], ["--currency", "dollars"], ["--exposed", "Nobody Ltd"]):
        fields = {"--exposed": "Elm Bank", "--counterparty": "Cedar Fund"}
        fields.update(dict(zip(bad[::2], bad[1::2], strict=True)))
        done = cli("add", "exposure", *[x for kv in fields.items() for x in kv], "--store", _store_arg(store))
        assert done.exit_code == 2 and "error:" in done.output, done.output
    created = cli("add", "investigation", "--authority", "Island Markets Authority", "--subject", "Nobody Ltd",
                  "--new-type", "Firm", "--date", "2023-05", "--store", _store_arg(store))
    assert created.exit_code == 0, created.output
    assert [r["review"] for r in run(store, "actions", name="Nobody Ltd")] == ["manual"]


def test_merge_two_parties_into_one_and_split_them_again(store):
    load(store)
    before = store.dump()
    keep, other = "firm:borealis-exchange", "firm:borealis-custody"
    edges_of_other = {(e.src, e.type, e.dst) for e in before[1] if other in (e.src, e.dst)}
    decide(store, merge_decision(store, keep, other, by="ana", note="one firm"))
    for _ in range(2):  # merged, and still merged after a reload
        nodes, edges = store.dump()
        ids = {n.id for n in nodes}
        assert other not in ids and keep in ids
        assert not any(other in (e.src, e.dst) for e in edges)
        merged = next(n for n in nodes if n.id == keep)
        assert "Borealis Custody" in merged.props["aliases"]
        moved = {(keep if s == other else s, t, keep if d == other else d) for s, t, d in edges_of_other}
        moved = {k for k in moved if k[0] != k[2]}  # Custody's SUBSIDIARY_OF Borealis: inside the one firm now
        assert moved <= {(e.src, e.type, e.dst) for e in edges}
        mentions = {e.src for e in edges if e.type == "MENTIONS" and e.dst == keep}
        assert {CASE[0]["document"]["id"], CASE[3]["document"]["id"]} <= mentions  # its evidence followed
        assert run(store, "entity", text="Borealis Custody")[0]["id"] == keep
        load(store)
    done = cli("split", other, "--store", _store_arg(store))
    assert done.exit_code == 0, done.output
    assert store.dump() == before
    load(store)
    assert store.dump() == before


@pytest.mark.neo4j
def test_decisions_exported_from_the_embedded_store_give_neo4j_the_same_answers(embedded_store, neo4j_store,
                                                                               tmp_path):
    for target in (embedded_store, neo4j_store):
        load(target)
    decide(embedded_store, Decision(action="reject", key=_freeze(embedded_store), by="ana"))
    decide(embedded_store, Decision(action="correct", key=ASTER_BOREALIS, values={"amount": 1.5e6, "kind": "loan"}))
    decide(embedded_store, Decision(action="accept", key="EXPOSED_TO|firm:cedar-fund|firm:aster-lending"))
    decide(embedded_store, merge_decision(embedded_store, "firm:borealis-exchange", "firm:borealis-custody"))
    added = cli("add", "officer", "--person", "Mira Solberg", "--org", "Cedar Fund", "--role", "director",
                "--store", str(embedded_store.path))
    assert added.exit_code == 0, added.output
    exported = tmp_path / "decisions.jsonl"
    assert cli("decisions", "export", "-o", str(exported), "--store", str(embedded_store.path)).exit_code == 0
    imported = cli("decisions", "import", str(exported), "--store", neo4j_store.uri)
    assert imported.exit_code == 0 and "5 decision(s) imported, 0 already held" in imported.output, imported.output
    calls = [("exposure", {"name": "Borealis Exchange", "depth": 6}), ("actions", {"name": "Borealis"}),
             ("actions", {"name": "Mira Solberg"}), ("timeline", {"name": "Borealis Markets"}),
             ("group", {"name": "Borealis"}), ("entity", {"text": "borealis"}),
             ("path", {"a": "Mira Solberg", "b": "Cedar Fund"}), ("totals", {"name": "Borealis Exchange"})]
    for query, params in calls:
        assert run(embedded_store, query, **params) == run(neo4j_store, query, **params), query
    assert store_rows(embedded_store) == store_rows(neo4j_store)
    again = cli("decisions", "import", str(exported), "--store", neo4j_store.uri)
    assert "0 decision(s) imported, 5 already held" in again.output, again.output


def store_rows(store) -> list[dict]:
    return sorted((f.row() for f in read_facts(store)), key=lambda r: r["key"])


def test_a_decision_whose_fact_is_gone_is_reported_never_lost(store):
    decision = Decision(action="correct", key=ASTER_BOREALIS, values={"amount": 2e6}, by="ana")
    new, held = import_decisions(store, [decision])  # into an empty store: the fact is not there (yet)
    assert (new, held) == (1, 0) and [d.id for d in orphans(store)] == [decision.id]
    assert [d["id"] for d in store.decisions()] == [decision.id]
    load(store)  # the document comes: the decision applies to it
    assert not orphans(store)
    assert [c["amount"] for c in run(store, "exposure", name="Borealis Exchange", depth=1)
            if c["party_id"] == "firm:aster-lending" and c["target_id"] == "firm:borealis-exchange"] == [2e6]


def test_review_accepts_rejects_and_reads_decisions_without_a_terminal(embedded_store, tmp_path):
    load(embedded_store)
    db = str(embedded_store.path)
    listed = json.loads(cli("review", "--type", "exposure", "--json", "--store", db).output)["rows"]
    assert {r["status"] for r in listed} == {"proposed"} and len(listed) == 7
    ids = {r["key"]: r["id"] for r in listed}
    lines = tmp_path / "d.jsonl"
    cedar = {"id": ids["EXPOSED_TO|firm:cedar-fund|firm:aster-lending"], "action": "correct",
             "values": {"currency": "EUR"}}
    lines.write_text(json.dumps(cedar) + "\n" + json.dumps({"id": "nope", "action": "accept"}))
    done = cli("review", "--accept", ids[ASTER_BOREALIS], "--reject",
               ids["EXPOSED_TO|firm:dune-capital|firm:cedar-fund"], "--decisions", str(lines), "--note", "checked",
               "--by", "ana", "--store", db)
    assert done.exit_code == 1 and "nope" in done.output  # the one bad line named, the others made
    kept = {d["key"]: d for d in embedded_store.decisions()}
    assert {k: d["action"] for k, d in kept.items()} == {
        ASTER_BOREALIS: "accept", "EXPOSED_TO|firm:dune-capital|firm:cedar-fund": "reject",
        "EXPOSED_TO|firm:cedar-fund|firm:aster-lending": "correct"}
    assert {d["by"] for d in kept.values()} == {"ana"} and {d["note"] for d in kept.values()} == {"checked"}
    rejected = json.loads(cli("review", "--status", "rejected", "--json", "--store", db).output)["rows"]
    assert [r["key"] for r in rejected] == ["EXPOSED_TO|firm:dune-capital|firm:cedar-fund"]


def test_the_review_table_gives_each_whole_id_at_80_columns(embedded_store):
    """The listing is where an analyst copies the ids --accept and --reject take: none may be cut."""
    load(embedded_store)
    db = str(embedded_store.path)
    rows = json.loads(cli("review", "--json", "--store", db).output)["rows"]
    result = CliRunner().invoke(app, ["review", "--store", db], env={"COLUMNS": "80"})
    table = result.output
    assert result.exit_code == 0, (result.exception, table)
    assert rows and all(r["id"] in table for r in rows), table
    assert max(len(line) for line in table.splitlines()) <= 80


def test_an_embedded_store_of_schema_3_is_refused_in_one_line(tmp_path):
    """Schema 3 kept a party's sources as a list in its props; schema 4 reads them from their own table."""
    import sqlite3

    db = tmp_path / "v3.db"
    old = sqlite3.connect(db)
    old.execute("CREATE TABLE nodes (id TEXT PRIMARY KEY, base TEXT, label TEXT, props TEXT)")
    old.execute("PRAGMA user_version = 3")
    old.commit()
    old.close()
    done = cli("stats", "--store", str(db))
    assert done.exit_code == 2 and "schema 3, now 5" in done.output
    assert len(done.output.strip().splitlines()) == 1


def _read_until(fd: int, wanted: str, seen: list[str], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while wanted not in seen[0]:
        if time.monotonic() > end:
            raise AssertionError(f"no {wanted!r} in {seen[0][-2000:]!r}")
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen[0] += os.read(fd, 65536).decode(errors="replace")
            except OSError:
                return


def test_interactive_review_in_a_pseudo_terminal(embedded_store):
    load(embedded_store)
    order = [r["key"] for r in json.loads(cli("review", "--type", "exposure", "--json", "--store",
                                              str(embedded_store.path)).output)["rows"]]
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "LINES": "40", "TERM": "xterm"}
    command = [str(Path(sys.executable).parent / "casegraph"), "review", "--type", "exposure", "--by", "tty",
               "--store", str(embedded_store.path)]
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen = [""]
    try:
        for answer in ("a", "r", "c"):
            _read_until(leader, "(q)uit", seen)
            seen[0] = ""
            os.write(leader, f"{answer}\r".encode())
        _read_until(leader, "field", seen)
        os.write(leader, b"amount\r")
        _read_until(leader, "new amount", seen)
        os.write(leader, b"1234\r")
        _read_until(leader, "(q)uit", seen)
        os.write(leader, b"q\r")
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()
        os.close(leader)
    kept = {d["key"]: d for d in embedded_store.decisions()}
    assert {k: d["action"] for k, d in kept.items()} == {order[0]: "accept", order[1]: "reject", order[2]: "correct"}
    assert kept[order[2]]["values"] == {"amount": 1234.0} and {d["by"] for d in kept.values()} == {"tty"}
    assert short_id(order[0]) in [f.id for f in read_facts(embedded_store) if f.status == "accepted"]


def test_loading_through_the_cli_applies_the_decisions(tmp_path):
    lines = tmp_path / "case.jsonl"
    lines.write_text("\n".join(LINES) + "\n")
    db = str(tmp_path / "c.db")
    assert cli("load", str(lines), "--store", db).exit_code == 0
    assert cli("review", "--reject", short_id(ASTER_BOREALIS), "--store", db).exit_code == 0
    assert cli("load", str(lines), "--store", db).exit_code == 0
    shown = cli("exposure", "Borealis Exchange", "--store", db, "--json")
    assert "firm:aster-lending" in shown.output and ASTER_SENTENCE not in shown.output


def _loaded(lines: list[str]) -> list[Loaded]:
    return [Loaded(f"case:{i}", parse_line(x)) for i, x in enumerate(lines, 1)]


def test_write_extractions_reads_the_decisions_once_per_load(embedded_store):
    write_extractions(embedded_store, _loaded(LINES))
    decide(embedded_store, Decision(action="reject", key=ASTER_BOREALIS))
    report = write_extractions(embedded_store, _loaded(LINES))
    assert not report.failed and report.created.edges == 0
    src, dst = ASTER_BOREALIS.split("|")[1:]
    assert not embedded_store.edges([src], ["EXPOSED_TO"], "out") or all(
        e.dst != dst for e in embedded_store.edges([src], ["EXPOSED_TO"], "out"))


def test_queries_answer_from_reviewed_facts_only_with_reviewed(store, tmp_path):
    load(store)
    cedar = "EXPOSED_TO|firm:cedar-fund|firm:aster-lending"
    decide(store, Decision(action="accept", key=ASTER_BOREALIS))
    decide(store, Decision(action="correct", key=cedar, values={"amount": 6e6}))
    decide(store, Decision(action="accept", key=_freeze(store)))
    where = _store_arg(store)
    shown = json.loads(cli("exposure", "Borealis Exchange", "--reviewed", "--json", "--store", where).output)
    assert sorted((r["path"], r["amount"], r["review"]) for r in shown["rows"]) == [
        ("Aster Lending → Borealis Exchange", 50e6, "accepted"),
        ("Cedar Fund → Aster Lending → Borealis Exchange", 6e6, "corrected")]
    everything = json.loads(cli("exposure", "Borealis Exchange", "--json", "--store", where).output)
    assert len(everything["rows"]) > len(shown["rows"])
    events = json.loads(cli("actions", "Borealis Markets", "--reviewed", "--json", "--store", where).output)["rows"]
    assert [(e["event"], e["review"]) for e in events] == [("AssetFreeze", "accepted")]
    assert store.nodes(["firm:borealis-exchange"])  # the store itself is left as it was
    page = tmp_path / "borealis.html"
    assert cli("show", "Borealis Exchange", "--reviewed", "--out", str(page), "--store", where).exit_code == 0
    assert "USD 50M" in page.read_text() and "USD 10M" not in page.read_text()  # Aster -> Borealis Markets: proposed
    assert cli("show", "Borealis Exchange", "--out", str(page), "--store", where).exit_code == 0
    assert "USD 10M" in page.read_text()
