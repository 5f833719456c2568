"""What a new user meets first, through the CLI on both stores: no store made by a query, names that
need not be typed exactly, tables legible at 80 columns, evidence once, and what a load did."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, NEO4J_URI
from typer.testing import CliRunner

from casegraph.cli import app
from casegraph.graph.embedded import EmbeddedStore
from casegraph.queries import names
from casegraph.schemas import content_id

CASE = EXAMPLES / "ftx-case.jsonl"
NO_STORE = "error: no store at ./casegraph.db (load documents first, or --store)"
LONG = ("The Harbour Conduct Office fined Aster Lending 2.5 million euros on 2 May 2023 for lending customer "
        "assets without consent, the largest penalty the office has imposed on a lender since it was founded.")
FINE = {"id": "aster-fine", "document": {"id": content_id("fine-1"), "source": "test/fine-1", "title": "Aster fined"},
        "entities": [{"name": "Harbour Conduct Office", "type": "Regulator"},
                     {"name": "Aster Lending", "type": "Firm"}],
        "facts": [{"type": "charge", "authority": "Harbour Conduct Office", "subject": "Aster Lending", "kind": "fine",
                   "amount": 2500000, "currency": "EUR", "date": "2023-05-02",
                   "evidence": [{"sentence": LONG, "start": 0, "end": len(LONG), "extractor": "test",
                                 "confidence": 1.0}]}]}


def cli(*args: str, columns: int = 80):
    env = {"NEO4J_URI": None, "CASEGRAPH_STORE": None, "COLUMNS": str(columns)}
    return CliRunner().invoke(app, list(args), env=env)


def address(store) -> str:
    return str(store.path) if isinstance(store, EmbeddedStore) else NEO4J_URI


@pytest.fixture
def case(store) -> str:
    """The examples loaded into the store, through the CLI; the store's address."""
    assert cli("load", str(CASE), "--store", address(store)).exit_code == 0
    return address(store)


# -- item 4: a query never creates a store ----------------------------------------------------------

QUERIES = [["exposure", "FTX"], ["actions", "FTX"], ["timeline", "FTX"], ["path", "FTX", "BlockFi"],
           ["entity", "ftx"], ["stats"], ["screen", str(EXAMPLES / "counterparties.csv")]]


@pytest.mark.parametrize("command", QUERIES, ids=lambda c: c[0])
def test_a_query_never_creates_a_store(tmp_path: Path, monkeypatch, command: list[str]):
    monkeypatch.chdir(tmp_path)
    done = cli(*command)
    assert done.exit_code == 2 and done.stderr.strip() == NO_STORE
    elsewhere = cli(*command, "--store", "cases/x.db")
    assert elsewhere.exit_code == 2 and "no store at ./cases/x.db" in elsewhere.stderr
    assert list(tmp_path.iterdir()) == []


def test_load_and_init_create_the_store(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("init").exit_code == 0 and (tmp_path / "casegraph.db").exists()
    assert cli("load", str(CASE), "--store", "other.db").exit_code == 0 and (tmp_path / "other.db").exists()
    assert cli("stats", "--store", "other.db").exit_code == 0


# -- item 5: names ----------------------------------------------------------------------------------

def test_a_clear_candidate_is_used_and_said(case):
    for typed, meant in [("FTX Digital", "FTX Digital Markets"), ("Genesis Global Tradng", "Genesis Global Trading"),
                         ("bankman-fried", "Sam Bankman-Fried")]:
        done = cli("actions", typed, "--store", case, "--json")
        assert done.exit_code == 0, done.output
        assert re.search(rf"using '{meant}' \((Firm|Person)\) for '{typed}'", done.stderr), done.stderr
        assert json.loads(done.stdout)["rows"] == json.loads(cli("actions", meant, "--store", case, "--json").stdout)[
            "rows"]
    exact = cli("exposure", "FTX", "--store", case)
    assert exact.exit_code == 0 and "using" not in exact.stderr


def test_several_close_candidates_are_listed_with_their_types(case):
    done = cli("exposure", "genesis global", "--store", case)
    assert done.exit_code == 2
    [line] = done.stderr.strip().splitlines()
    assert "'Genesis Global Capital' (Firm)" in line and "'Genesis Global Trading' (Firm)" in line
    doc = json.loads(cli("exposure", "genesis global", "--store", case, "--json").stdout)
    assert {c["name"] for c in doc["candidates"]} == {"Genesis Global Capital", "Genesis Global Trading"}


def test_path_says_which_genesis_it_took(case):
    done = cli("path", "Genesis", "FTX", "--store", case)
    assert done.exit_code == 0
    assert "using 'Genesis Global Capital' (Firm) for 'Genesis'" in done.stderr
    assert "Genesis Global Capital" in done.stdout


def _c(name: str, key: str, score: float = 100.0, label: str = "Firm", id_: str | None = None):
    return names.Candidate(id_ or f"{label.lower()}:{key.replace(' ', '-')}", name, label, key, score)


def test_the_policy_on_candidate_lists():
    choose, Ambiguous, NoParty = names.choose, names.Ambiguous, names.NoParty
    celsius = choose("celsius", [_c("Celsius Network", "celsius network", 90), _c("Cel Finance", "cel finance", 60)])
    assert celsius.party.name == "Celsius Network" and celsius.note == "using 'Celsius Network' (Firm) for 'celsius'"
    named = choose("Genesis", [_c("Genesis Global Trading", "genesis"), _c("Genesis", "genesis", id_="firm:g")])
    assert named.party.id == "firm:g" and "also named so: 'Genesis Global Trading' (Firm)" in named.note
    with pytest.raises(Ambiguous) as several:
        choose("Genesis", [_c("Genesis", "genesis"), _c("Genesis", "genesis", label="Token")])
    assert "'Genesis' (Firm), 'Genesis' (Token)" in str(several.value)
    with pytest.raises(Ambiguous):
        choose("genesis", [_c("Genesis Global Capital", "genesis global capital", 90),
                           _c("Genesis Global Trading", "genesis global trading", 90)])
    assert choose("Borealis Exchnge", [_c("Borealis Exchange", "borealis exchange", 95),
                                       _c("Borealis Markets", "borealis markets", 70)]).how == "fuzzy"
    with pytest.raises(NoParty):  # close to two parties: not clear
        choose("Borealis Holdings", [_c("Borealis Exchange", "borealis", 90), _c("Borealis Markets",
                                                                                   "borealis markets", 80)])


# -- item 7: tables, evidence, the load report -------------------------------------------------------

def _rows(table: str) -> list[list[str]]:
    """The physical lines of each body row of a rich table with row separators."""
    body = table.split("┡", 1)[1].split("\n", 1)[1]
    return [[line for line in block.splitlines() if line.startswith("│")] for block in re.split(r"\n├.*\n", body)]


def test_actions_table_shows_date_and_amount_and_one_line_of_evidence(store, tmp_path: Path):
    fine = tmp_path / "fine.jsonl"
    fine.write_text(json.dumps(FINE) + "\n")
    assert cli("load", str(fine), "--store", address(store)).exit_code == 0
    done = cli("actions", "Aster Lending", "--store", address(store), columns=80)
    assert done.exit_code == 0
    assert "2023-05-02" in done.stdout and "2,500,000 EUR" in done.stdout and "fine" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    [row] = _rows(done.stdout)
    assert len(row) <= 3 and "founded" not in done.stdout  # the evidence is clipped to one line, not wrapped
    assert LONG in cli("actions", "Aster Lending", "--store", address(store), "--csv").stdout


def test_tables_stay_short_at_80_columns(case):
    screened = cli("screen", str(EXAMPLES / "counterparties.csv"), "--store", case, columns=80)
    assert screened.exit_code == 3
    assert all(len(row) <= 4 for row in _rows(screened.stdout)), screened.stdout
    exposure = cli("exposure", "FTX", "--store", case, columns=80)
    assert all(len(row) <= 3 for row in _rows(exposure.stdout.split("\ntotal per party")[0])), exposure.stdout
    assert max(len(line) for line in exposure.stdout.splitlines()) <= 80, exposure.stdout  # totals too
    assert "all chains" in exposure.stdout, exposure.stdout  # the totals say what each row sums


def test_json_and_csv_keep_each_piece_of_evidence_once(case, tmp_path: Path):
    again = tmp_path / "again.jsonl"  # the same documents, the same sentences, found by another extractor
    lines = [json.loads(line) for line in CASE.read_text().splitlines() if line.strip()]
    for line in lines:
        for fact in line["facts"]:
            for item in fact.get("evidence", []):
                item.update(extractor="again", confidence=0.5)
    again.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert cli("load", str(again), "--store", case).exit_code == 0
    for row in csv.DictReader(io.StringIO(cli("actions", "FTX", "--store", case, "--csv").stdout)):
        sentences = row["evidence"].split(" | ")
        assert len(sentences) == len(set(sentences)), sentences
    for row in json.loads(cli("actions", "FTX", "--store", case, "--json").stdout)["rows"]:
        spans = [(e["doc"], e["start"], e["end"]) for e in row["evidence"]]
        assert len(spans) == len(set(spans)) and all(e["extractor"] == "manual" for e in row["evidence"])


def test_load_reports_new_unchanged_and_failed(store, tmp_path: Path):
    first = cli("load", str(CASE), "--store", address(store))
    assert first.exit_code == 0 and "5 new, 0 unchanged, 0 failed" in first.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    again = cli("load", str(CASE), str(bad), "--store", address(store))
    assert again.exit_code == 1 and "0 new, 5 unchanged, 1 failed" in again.stderr
    assert "+0 nodes, +0 relationships" in again.stderr
