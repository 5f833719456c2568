"""The query commands as a user runs them: one-line errors, JSON and CSV contracts, screen exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_queries_case import load

from casegraph.graph.embedded import EmbeddedStore

CLI = [sys.executable, "-m", "casegraph"]


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "CASEGRAPH_STORE")}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "case.db"
    store = EmbeddedStore(path)
    load(store)
    store.close()
    return str(path)


def test_unknown_name_is_one_line_with_the_closest_names(db):
    done = cli("exposure", "Borealis Holdings", "--store", db)  # near two parties: none is taken
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: no party named 'Borealis Holdings'; closest: Borealis Exchange, ")
    as_json = json.loads(cli("actions", "nobody at all", "--store", db, "--json").stdout)
    assert as_json["error"].startswith("no party named") and "suggestions" in as_json


def test_exposure_json_and_csv_contracts(db):
    doc = json.loads(cli("exposure", "borealis", "--store", db, "--json").stdout)
    assert set(doc) == {"query", "params", "rows", "totals", "group"}
    assert doc["rows"][0]["amount_text"] == "50,000,000 USD"
    assert {"party_id", "party", "target_id", "target", "via_group", "depth", "direction", "amount", "currency",
            "amount_text", "review", "path", "hops"} == set(doc["rows"][0])
    rows = list(csv.DictReader(io.StringIO(cli("exposure", "borealis", "--store", db, "--csv").stdout)))
    assert rows[1]["via"] == "Borealis Markets" and rows[1]["via_group"] == "true" and rows[1]["amount"] == "10000000"
    totals = list(csv.DictReader(io.StringIO(cli("exposure", "borealis", "--store", db, "--csv", "--totals").stdout)))
    by_currency = {t["currency"]: t["total_text"] for t in totals if t["kind"] == "currency"}
    assert by_currency == {"USD": "65,000,000 USD", "EUR": "1,000,000 EUR", "": ""}  # Cedar -> Aster once, on 2 chains
    summary = totals[0]
    assert [summary[k] for k in ("kind", "of", "chains", "parties")] == ["summary", "all chains", "8", "4"]
    assert {t["of"] for t in totals if t["kind"] == "counterparty"} == {  # Zürich Clearing -> Aster: no amount
        "Aster Lending → Borealis Exchange", "Aster Lending → Borealis Markets (group)",
        "Aster Lending → Borealis Exchange (no amount)", "Aster Lending → Borealis Markets (group) (no amount)"}
    table = cli("exposure", "borealis", "--store", db)
    assert table.returncode == 0 and "50,000,000 USD" in table.stdout


@pytest.mark.parametrize("command", [["actions", "Borealis"], ["timeline", "Borealis"], ["entity", "borealis"],
                                     ["path", "Mira Solberg", "Island Markets Authority"]])
def test_every_query_command_speaks_json_and_csv(db, command):
    doc = json.loads(cli(*command, "--store", db, "--json").stdout)
    assert doc["query"] == command[0] and doc["rows"]
    rows = list(csv.DictReader(io.StringIO(cli(*command, "--store", db, "--csv").stdout)))
    assert len(rows) == len(doc["rows"])


def _screen(db: str, tmp_path: Path, names: list[str], *extra: str) -> subprocess.CompletedProcess:
    file = tmp_path / "counterparties.csv"
    file.write_text("name,lei,id\n" + "".join(f"{n},,ref-{i}\n" for i, n in enumerate(names)))
    return cli("screen", str(file), "--store", db, *extra)


def test_screen_exit_codes(db, tmp_path):
    assert _screen(db, tmp_path, ["Elm Bank"]).returncode == 0  # exposed to Dune only: nobody under action
    hit = _screen(db, tmp_path, ["Aster Lending", "Elm Bank", "Nobody Ltd"], "--json")
    assert hit.returncode == 3
    doc = json.loads(hit.stdout)
    assert doc["summary"] == {"rows": 3, "hits": 1, "unmatched": 1, "unreadable": 0, "exit_code": 3}
    aster = doc["rows"][0]
    assert aster["status"] == "hit" and not aster["under_action"]
    assert aster["exposures"][0]["path"] == "Aster Lending → Borealis Exchange"
    assert _screen(db, tmp_path, ["Elm Bank", "Nobody Ltd"]).returncode == 4
    fuzzy = list(csv.DictReader(io.StringIO(_screen(db, tmp_path, ["Borealis Marketss"], "--csv").stdout)))
    assert fuzzy[0]["matched_by"] == "fuzzy" and fuzzy[0]["match"] == "Borealis Markets"
    assert fuzzy[0]["under_action"] == "true"
    bad = tmp_path / "bad.csv"
    bad.write_text("company\nx\n")
    assert cli("screen", str(bad), "--store", db).returncode == 2


def test_actions_and_timeline_show_the_first_events_and_count_all(db):
    for command in ("actions", "timeline"):
        every = json.loads(cli(command, "Borealis", "--store", db, "--json", "--all").stdout)
        first = json.loads(cli(command, "Borealis", "--store", db, "--json", "--limit", "1").stdout)
        assert every["total"] == first["total"] == len(every["rows"]) > 1
        assert first["rows"] == every["rows"][:1]
        assert sum(first["counts"].values()) == first["total"]
        table = cli(command, "Borealis", "--store", db, "--limit", "1")
        assert f"the first 1 of {first['total']}" in table.stdout.replace("\n", " ") and "all of them:" in table.stderr
