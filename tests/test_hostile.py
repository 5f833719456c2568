"""Hostile input and faults (issue 10): nothing corrupted, nothing hung, nothing leaked.

Each test names the item of the issue it holds to. Neo4j items run against the real test server.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_queries_case import load

from casegraph.graph import write_extractions
from casegraph.graph.embedded import EmbeddedStore
from casegraph.graph.rows import DOCUMENT, GraphBatch, NodeRow
from casegraph.loaders import load_bytes
from casegraph.loaders.result import Loaded

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "casegraph"]
NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "CASEGRAPH_STORE", "NEO4J_DATABASE")}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env={**base, **(env or {})}, cwd=cwd,
                          timeout=timeout)


def errors(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stderr.splitlines() if line.startswith("error:")]


def line(id_: str, entities: list[dict], facts: list[dict] | None = None, **extra) -> str:
    return json.dumps({"id": id_, "entities": entities, "facts": facts or [], **extra}, ensure_ascii=False)


def firm(name: str, **extra) -> dict:
    return {"name": name, "type": "Firm", **extra}


FTX = line("ftx", [firm("FTX"), firm("Alameda Research")],
           [{"type": "exposure", "exposed": "Alameda Research", "counterparty": "FTX", "amount": 5, "currency": "USD"}])


def loaded(lines: list[str]) -> list[Loaded]:
    return list(load_bytes("\n".join(lines).encode(), "in.jsonl", "extraction"))


# -- 1: a crafted id never overwrites a node of another kind -------------------------------------

def test_a_crafted_document_id_is_refused_and_the_party_stays(store):
    crafted = json.dumps({"id": "x", "document": {"id": "firm:ftx"}, "entities": [firm("Other")], "facts": []})
    report = write_extractions(store, loaded([FTX, crafted]))
    assert [item.source for item in report.failed] == ["in.jsonl:2"]
    assert report.failed[0].error.startswith("document.id: ")
    nodes = {n.id: n.label for n in store.dump()[0]}
    assert nodes["firm:ftx"] == "Firm"
    assert "firm:other" not in nodes


def test_a_store_write_never_turns_a_node_into_another_kind(store):
    assert not write_extractions(store, loaded([FTX])).failed
    before = store.dump()
    batch = GraphBatch()
    batch.node(NodeRow(id="firm:ftx", base=DOCUMENT, label=DOCUMENT, props={"title": "not a firm"}, lists={}))
    with pytest.raises(ValueError, match="firm:ftx"):
        store.write_batch(batch)
    assert store.dump() == before


# -- 3: user data is printed verbatim -------------------------------------------------------------

def test_markup_in_names_files_and_store_paths_prints_verbatim(tmp_path: Path):
    folder = tmp_path / "[bold]in"
    folder.mkdir()
    good = folder / "[red]good.jsonl"
    good.write_text(line("a", [firm("[/red] Alpha"), firm("Beta [b]")],
                         [{"type": "exposure", "exposed": "Beta [b]", "counterparty": "[/red] Alpha"}]) + "\n")
    bad = folder / "[bold]x.txt"
    bad.write_bytes(b"\x00\x01binary")
    db = tmp_path / "[dim]store.db"
    done = cli("load", str(good), str(bad), "--store", str(db))
    assert done.returncode == 1, done.stderr
    assert errors(done) == [f"error: {bad}: binary file"]
    assert f"in embedded store {db}:" in done.stderr
    shown = cli("exposure", "[/red] Alpha", "--store", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "Beta [b]" in shown.stdout and "exposure to [/red] Alpha" in shown.stdout
    missing = cli("actions", "[/red] nobody", "--store", str(db))
    assert errors(missing)[0].startswith("error: no party named '[/red] nobody'")
    assert "Traceback" not in missing.stderr + shown.stderr


# -- 4: a Neo4j that goes away stops the load in one line; a rerun completes it ----------------------

def _scripts_neo4j(command: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "scripts" / "neo4j"), command], capture_output=True, text=True, timeout=400)


def _managed_neo4j() -> None:
    """The test Neo4j must be the one scripts/neo4j runs (same bolt port), since this test restarts it."""
    status = _scripts_neo4j("status")
    port = str(urlsplit(NEO4J_URI).port or 7687)
    if status.returncode != 0 or f":{port} " not in status.stdout + " ":
        message = (f"the Neo4j at {NEO4J_URI} is not the one scripts/neo4j runs ({status.stdout.strip()}); "
                   "set NEO4J_BOLT_PORT, NEO4J_HTTP_PORT and CASEGRAPH_NEO4J_HOME as when starting it")
        if os.environ.get("CASEGRAPH_REQUIRE_NEO4J") == "1":
            pytest.fail(message)
        pytest.skip(f"NEO4J TESTS SKIPPED: {message}")


def _synthetic(path: Path, documents: int) -> Path:
    with path.open("w") as out:
        for i in range(documents):
            out.write(line(f"doc-{i}", [firm(f"Creditor {i}"), firm("Shared Debtor")],
                           [{"type": "exposure", "exposed": f"Creditor {i}", "counterparty": "Shared Debtor",
                             "amount": i + 1, "currency": "USD"}]) + "\n")
    return path


def _documents(store) -> int:
    return store.stats().labels.get("Document", 0)


@pytest.mark.neo4j
def test_neo4j_stopped_mid_load_stops_it_in_one_line_and_a_rerun_completes_it(neo4j_store, tmp_path: Path,
                                                                              capsys):
    _managed_neo4j()
    total = 6_000
    corpus = _synthetic(tmp_path / "many.jsonl", total)
    env = {"NEO4J_URI": NEO4J_URI}
    base = {k: v for k, v in os.environ.items() if k not in ("CASEGRAPH_STORE", "NEO4J_DATABASE")}
    loader = subprocess.Popen([*CLI, "load", str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env={**base, **env})
    try:
        deadline = time.monotonic() + 300
        while _documents(neo4j_store) == 0:  # the first batch is in: the load is under way
            assert loader.poll() is None, loader.communicate()
            assert time.monotonic() < deadline, "the load stored nothing in 300 s"
            time.sleep(0.2)
        stopped = _scripts_neo4j("stop")
        assert stopped.returncode == 0, stopped.stderr
        gone = time.monotonic()
        _, stderr = loader.communicate(timeout=120)  # today: ~1,000 s of per-document retries
        waited = time.monotonic() - gone
    finally:
        if loader.poll() is None:
            loader.kill()
        started = _scripts_neo4j("start")
    assert started.returncode == 0, started.stderr
    assert loader.returncode == 2, stderr
    assert "Traceback" not in stderr
    [message] = stderr.strip().splitlines()  # no driver warnings, no per-document lines
    assert message.startswith(f"error: Neo4j {NEO4J_URI} is unavailable: ")
    assert "document(s) stored (run the same load again to complete it)" in message
    assert waited < 60, f"the load took {waited:.0f} s to stop"
    stored = int(message.split("stopped after ")[1].split()[0])
    assert 0 < stored < total
    with capsys.disabled():
        print(f"\nNeo4j stopped mid-load: the load stopped {waited:.1f} s later, {stored} of {total} stored")

    rerun = cli("load", str(corpus), env=env, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert neo4j_store.stats().labels == {"Document": total, "Firm": total + 1}  # the driver reconnects
    assert neo4j_store.stats().relationships == {"EXPOSED_TO": total, "MENTIONS": 2 * total}


def test_only_a_documents_own_error_is_retried_alone(embedded_store, monkeypatch):
    """A store that goes away is not retried document by document; a bad document is."""
    from casegraph.graph import StoreUnavailable

    calls: list[int] = []

    def gone(batch):
        calls.append(len(batch.nodes))
        raise StoreUnavailable("store is unavailable")

    monkeypatch.setattr(embedded_store, "write_batch", gone)
    report = write_extractions(embedded_store, loaded([FTX] * 5))
    assert len(calls) == 1 and report.documents == 0 and not report.failed
    assert str(report.unavailable) == "store is unavailable"


def test_an_embedded_store_that_cannot_be_written_stops_the_load(embedded_store):
    embedded_store.db.execute("PRAGMA query_only=ON")  # as a read-only file or a full disk would
    report = write_extractions(embedded_store, loaded([FTX] * 3))
    assert report.documents == 0 and not report.failed
    assert "cannot be written: attempt to write a readonly database" in str(report.unavailable)


# -- 5: unreachable Neo4j or unknown database: one line, exit 2, within seconds --------------------

QUERY_COMMANDS = [("stats",), ("init",), ("exposure", "FTX"), ("entity", "FTX"), ("actions", "FTX")]


def _one_line_exit_2(done: subprocess.CompletedProcess, took: float) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    [message] = done.stderr.strip().splitlines()
    assert message.startswith("error: ")
    assert took < 30, f"{took:.0f} s"  # today: 58 s for stats
    return message


def test_unreachable_neo4j_is_one_line_and_exit_2(tmp_path: Path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(FTX + "\n")
    names = tmp_path / "list.csv"
    names.write_text("name\nFTX\n")
    for args in [*QUERY_COMMANDS, ("load", str(corpus)), ("screen", str(names))]:
        started = time.monotonic()
        done = cli(*args, "--store", "bolt://127.0.0.1:1")
        message = _one_line_exit_2(done, time.monotonic() - started)
        assert "bolt://127.0.0.1:1" in message, message


@pytest.mark.neo4j
def test_unknown_neo4j_database_is_one_line_and_exit_2(neo4j_store, tmp_path: Path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(FTX + "\n")
    for args in [*QUERY_COMMANDS, ("load", str(corpus))]:
        started = time.monotonic()
        done = cli(*args, env={"NEO4J_URI": NEO4J_URI, "NEO4J_DATABASE": "nosuchdatabase"})
        message = _one_line_exit_2(done, time.monotonic() - started)
        assert "nosuchdatabase" in message, message


# -- 6: credentials in NEO4J_URI are never shown -------------------------------------------------

def test_credentials_in_the_uri_are_redacted_everywhere(tmp_path: Path):
    secret = "bolt://neo4j:S3CRET-pw@127.0.0.1:1"
    for args in [("stats",), ("exposure", "FTX"), ("browser",)]:
        done = cli(*args, env={"NEO4J_URI": secret})
        assert "S3CRET" not in done.stdout + done.stderr, (args, done.stdout, done.stderr)
        assert "bolt://127.0.0.1:1" in done.stdout + done.stderr


@pytest.mark.neo4j
def test_credentials_in_the_uri_are_used_and_not_shown(neo4j_store, tmp_path: Path):
    parts = urlsplit(NEO4J_URI)
    with_secret = parts._replace(netloc=f"neo4j:S3CRET-pw@{parts.netloc}").geturl()
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(FTX + "\n")
    done = cli("load", str(corpus), env={"NEO4J_URI": with_secret})
    assert done.returncode == 0, done.stderr
    assert f"in Neo4j {NEO4J_URI}:" in done.stderr and "S3CRET" not in done.stderr


# -- 7: a screen checks every row or names the rows it could not read ----------------------------

@pytest.fixture(scope="module")
def case_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("hostile") / "case.db"
    store = EmbeddedStore(path)
    load(store)
    store.close()
    return str(path)


def test_an_unterminated_quote_hides_no_hit(case_db, tmp_path: Path):
    names = tmp_path / "list.csv"
    names.write_text('name,lei\n"Nobody Ltd, unterminated\nBorealis Markets,\nElm Bank,\n')
    done = cli("screen", str(names), "--store", case_db, "--json")
    assert done.returncode == 3, done.stderr  # Borealis Markets is frozen: today the quote swallows it (exit 4)
    assert errors(done) == [f"error: {names}:2: row 1 not screened: unexpected end of data"]
    result = json.loads(done.stdout)
    assert [(r["row"], r["name"], r["status"]) for r in result["rows"]] == [
        (2, "Borealis Markets", "hit"), (3, "Elm Bank", "clean")]
    assert result["summary"]["unreadable"] == 1


def test_a_huge_field_is_named_and_the_screen_is_not_clean(case_db, tmp_path: Path):
    names = tmp_path / "list.csv"
    names.write_text("name\n" + "x" * 200_000 + "\nElm Bank\n")
    done = cli("screen", str(names), "--store", case_db)
    assert done.returncode == 2, done.stderr  # a row not read may be a hit: never exit 0
    assert errors(done) == [f"error: {names}:2: row 1 not screened: field larger than field limit (131072)"]
    assert "Traceback" not in done.stderr and "1 row(s): 0 hit, 0 unmatched, 1 unreadable → exit 2" in done.stderr


# -- 8: CSV cells never start a formula ----------------------------------------------------------

def test_csv_output_escapes_formulas(tmp_path: Path):
    db = tmp_path / "f.db"
    store = EmbeddedStore(db)
    hostile = ["=HYPERLINK(\"http://x\") Ltd", "+Plus Corp", "-Minus Corp", "@Sum Corp"]
    report = write_extractions(store, loaded([line("f", [firm("Target Co"), *map(firm, hostile)], [
        {"type": "exposure", "exposed": name, "counterparty": "Target Co"} for name in hostile]),
        line("g", [firm("Target Co"), {"name": "Some Court", "type": "Court"}],
             [{"type": "bankruptcy", "firm": "Target Co", "court": "Some Court"}])]))
    store.close()
    assert not report.failed, report.failed
    names = tmp_path / "list.csv"
    names.write_text("name\n" + "\n".join(hostile) + "\n=1+2\n")
    outputs = [cli("exposure", "Target Co", "--csv", "--store", str(db)),
               cli("exposure", "Target Co", "--csv", "--totals", "--store", str(db)),
               cli("screen", str(names), "--csv", "--store", str(db))]
    for done in outputs:
        rows = list(csv.reader(io.StringIO(done.stdout)))
        assert len(rows) > 1, done.stderr
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], done.stdout
    screened = list(csv.DictReader(io.StringIO(outputs[2].stdout)))
    assert [r["name"] for r in screened] == [f"'{n}" for n in hostile] + ["'=1+2"]


# -- 9: impossible amounts are refused at the schema ---------------------------------------------

@pytest.mark.parametrize("amount", ["1e400", "NaN", "Infinity", "-Infinity", "-5", "true", '"12"'])
def test_impossible_amounts_are_refused(amount: str):
    raw = FTX.replace('"amount": 5', f'"amount": {amount}')
    [item] = loaded([raw])
    assert item.error and item.error.startswith("facts.0.exposure.amount: "), item.error


def test_amounts_that_load_print_as_json(tmp_path: Path):
    db = tmp_path / "a.db"
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join([FTX, FTX.replace('"amount": 5', '"amount": 1e400').replace('"ftx"', '"bad"')]))
    done = cli("load", str(corpus), "--store", str(db))
    assert done.returncode == 1 and len(errors(done)) == 1
    shown = cli("exposure", "FTX", "--json", "--store", str(db))
    rows = json.loads(shown.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))["rows"]
    assert [r["amount"] for r in rows] == [5]
    assert all(math.isfinite(r["amount"]) for r in rows)


# -- 12: names that normalise to nothing are refused ---------------------------------------------

def test_names_with_no_key_are_refused_each_with_a_line(store):
    items = loaded([line("a", [firm("🚀")]), line("b", [firm("💎")]),
                    line("c", [firm("Gamma"), firm("Delta", aliases=["★"])]), FTX])
    report = write_extractions(store, items)
    assert [(f.source, f.error) for f in report.failed] == [
        ("in.jsonl:1", "entities.0.name: Value error, has no letter or digit to key it by"),
        ("in.jsonl:2", "entities.0.name: Value error, has no letter or digit to key it by"),
        ("in.jsonl:3", "entities.1.aliases.0: Value error, has no letter or digit to key it by")]
    ids = {n.id for n in store.dump()[0]}
    assert "firm:" not in ids and {"firm:ftx", "firm:alameda-research"} <= ids


# -- 13: both stores take exactly the schema's properties, with the same limits ------------------

def test_the_stores_take_the_same_properties(embedded_store, neo4j_store):
    extra = line("e", [firm("Echo Capital", note={"nested": "map"}, id="party:override"), firm("Foxtrot Bank")], [
        {"type": "asset_freeze", "target": "Echo Capital", "id": "assetfreeze:mine", "note": {"a": 1},
         "amount": 3, "currency": "EUR"},
        {"type": "exposure", "exposed": "Foxtrot Bank", "counterparty": "Echo Capital", "weight": [1, 2]}])
    long = line("l", [firm("L" * 10_000)])
    for store in (embedded_store, neo4j_store):
        report = write_extractions(store, loaded([extra, long]))
        assert [(f.source, f.error) for f in report.failed] == [
            ("in.jsonl:2", "entities.0.name: String should have at most 1000 characters")]
    dumps = [store.dump() for store in (embedded_store, neo4j_store)]
    assert dumps[0] == dumps[1]
    nodes, edges = dumps[0]
    freeze = next(n for n in nodes if n.label == "AssetFreeze")
    assert freeze.id.startswith("assetfreeze:") and freeze.id != "assetfreeze:mine"
    assert set(freeze.props) == {"amount", "currency", "evidence", "sources",  # and issue 13's display text
                                 "display_amount", "display_type", "document_title"}
    echo = next(n for n in nodes if n.id == "firm:echo-capital")
    assert "note" not in echo.props and "id" not in echo.props
    assert all("weight" not in e.props for e in edges)


# -- 14: noise and misleading lines ---------------------------------------------------------------

def test_concurrent_loaders_each_report_what_they_added(tmp_path: Path):
    db = tmp_path / "shared.db"
    inputs = [_synthetic_named(tmp_path / f"{p}.jsonl", p, 3000) for p in ("alpha", "beta")]
    procs = [subprocess.Popen([*CLI, "load", str(f), "--store", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in inputs]
    reports = [p.communicate(timeout=600)[1] for p in procs]
    added = []
    for text in reports:
        summary = text.strip().splitlines()[-1]
        nodes, edges = summary.split(": +")[1].split(" nodes, +")
        added.append((int(nodes), int(edges.split()[0])))
    store = EmbeddedStore(db)
    total = store.stats().as_dict()
    store.close()
    assert sum(n for n, _ in added) == total["nodes"] == 12001  # each loader its own nodes, Shared Debtor once
    assert sum(e for _, e in added) == total["edges"] == 18000
    assert sorted(n for n, _ in added) in ([6000, 6001],)


def _synthetic_named(path: Path, prefix: str, documents: int) -> Path:
    with path.open("w") as out:
        for i in range(documents):
            out.write(line(f"{prefix}-{i}", [firm(f"{prefix} Creditor {i}"), firm("Shared Debtor")],
                           [{"type": "exposure", "exposed": f"{prefix} Creditor {i}",
                             "counterparty": "Shared Debtor", "amount": i + 1}]) + "\n")
    return path


def test_entity_json_with_no_match_prints_json(case_db):
    done = cli("entity", "qqqqqqqq", "--json", "--store", case_db)
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"error": "no party named 'qqqqqqqq'", "name": "qqqqqqqq", "suggestions": []}


def test_a_schemeless_neo4j_uri_is_refused_not_made_a_file(tmp_path: Path):
    for env, args in [({"NEO4J_URI": "127.0.0.1:7687"}, ()), ({}, ("--store", "127.0.0.1:7687")),
                      ({"NEO4J_URI": "http://127.0.0.1:7474"}, ())]:
        done = cli("stats", *args, env=env, cwd=tmp_path)
        assert done.returncode == 2
        [message] = done.stderr.strip().splitlines()
        assert "is no store: give bolt://host:port" in message, message
    assert list(tmp_path.iterdir()) == []


def test_load_counts_only_what_it_created(tmp_path: Path):
    db = tmp_path / "c.db"
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(FTX + "\n")
    assert "+3 nodes, +3 relationships" in cli("load", str(corpus), "--store", str(db)).stderr
    assert "+0 nodes, +0 relationships" in cli("load", str(corpus), "--store", str(db)).stderr


def test_write_batch_reports_what_it_created(store):
    from casegraph.graph.base import Written

    batches = [write_extractions(store, loaded([FTX])).created for _ in range(2)]
    assert batches == [Written(3, 3), Written(0, 0)]

