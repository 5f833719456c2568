"""The command line as a user runs it: separate processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from casegraph.graph.embedded import EmbeddedStore

CLI = [sys.executable, "-m", "casegraph"]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "CASEGRAPH_STORE")}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, **kwargs)


def synthetic(path: Path, prefix: str, documents: int) -> Path:
    """Documents that each name their own creditor exposed to one shared debtor."""
    with path.open("w") as out:
        for i in range(documents):
            out.write(json.dumps({
                "id": f"{prefix}-{i}",
                "entities": [{"name": f"{prefix} Creditor {i}", "type": "Firm"},
                             {"name": "Shared Debtor", "type": "Firm"}],
                "facts": [{"type": "exposure", "exposed": f"{prefix} Creditor {i}", "counterparty": "Shared Debtor",
                           "amount": i + 1, "currency": "USD"}],
            }) + "\n")
    return path


def test_two_concurrent_loads_lose_nothing(tmp_path: Path):
    db = tmp_path / "shared.db"
    inputs = [synthetic(tmp_path / f"{p}.jsonl", p, 3000) for p in ("alpha", "beta")]
    procs = [subprocess.Popen([*CLI, "load", str(f), "--store", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in inputs]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    store = EmbeddedStore(db)
    stats = store.stats()
    store.close()
    assert stats.labels == {"Document": 6000, "Firm": 6001}
    assert stats.relationships == {"EXPOSED_TO": 6000, "MENTIONS": 12000}


def test_load_names_bad_inputs_and_loads_the_rest(tmp_path: Path):
    good = synthetic(tmp_path / "good.jsonl", "good", 2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text().splitlines()[0] + "\n{oops\n")
    db = tmp_path / "x.db"
    result = run("load", str(good), str(bad), str(tmp_path / "absent.txt"), "--store", str(db))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {bad}:2: not JSON: Invalid JSON: key must be a string at line 1 column 2",
                      f"error: {tmp_path}/absent.txt: no such file"]
    assert "2 new, 1 unchanged, 2 failed document(s)" in result.stderr  # bad.jsonl:1 repeats good.jsonl:1
    stats = json.loads(run("stats", "--json", "--store", str(db)).stdout)
    assert stats["labels"] == {"Document": 2, "Firm": 3}


def test_reload_adds_nothing(tmp_path: Path):
    good = synthetic(tmp_path / "good.jsonl", "good", 5)
    db = str(tmp_path / "x.db")
    assert run("load", str(good), "--store", db).returncode == 0
    again = run("load", str(good), "--store", db)
    assert again.returncode == 0
    assert "0 new, 5 unchanged, 0 failed" in again.stderr and "+0 nodes, +0 relationships" in again.stderr


def test_load_with_jobs_gives_the_same_graph_and_errors(tmp_path: Path):
    """Files extracted on two processes, written from one: same graph, same errors, in input order."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        synthetic(folder / f"{name}.jsonl", name, 1500)  # 0.6 MB in all: large enough for processes
    (folder / "d.txt").write_text("date 2023-03-01\nQuorvex Labs is owed 5 million dollars by Brellin Finance.\n")
    (folder / "e.jsonl").write_text("{oops\n")
    dumps, errors = [], []
    for jobs in ("1", "2"):
        db = tmp_path / f"j{jobs}.db"
        result = run("load", str(folder), "--jobs", jobs, "--store", str(db))
        assert result.returncode == 1  # e.jsonl
        errors.append([line for line in result.stderr.splitlines() if line.startswith("error:")])
        store = EmbeddedStore(db)
        dumps.append(store.dump())
        store.close()
    assert dumps[0] == dumps[1] and len(dumps[0][0]) > 4500
    assert errors[0] == errors[1] and len(errors[0]) == 1
    assert errors[0][0].startswith(f"error: {folder}/e.jsonl:1: not JSON")


def test_a_store_file_of_an_older_schema_is_named(tmp_path: Path):
    import sqlite3

    db = tmp_path / "old.db"
    old = sqlite3.connect(db)
    old.execute("CREATE TABLE nodes (id TEXT PRIMARY KEY, base TEXT, label TEXT, props TEXT)")
    old.commit()
    old.close()
    result = run("stats", "--store", str(db))
    assert result.returncode == 2
    assert "written by an older casegraph" in result.stderr and str(db) in result.stderr


def test_unchanged_counts_repeats_near_and_far_with_only_the_last_ids_held(tmp_path: Path, monkeypatch):
    """load holds the ids of the last documents read only; a repeat read long after is found in the store."""
    from casegraph import cli
    from casegraph.graph import base, write_extractions
    from casegraph.loaders import Reading

    monkeypatch.setattr(base, "BATCH_DOCUMENTS", 2)  # ids held: 2 batches of 2 and a chunk of 3
    monkeypatch.setattr(cli, "KNOWN_CHUNK", 3)
    lines = synthetic(tmp_path / "good.jsonl", "good", 30).read_text().splitlines()
    again = tmp_path / "again.jsonl"
    again.write_text("\n".join([*lines, lines[29], lines[0], lines[1], lines[0]]) + "\n")  # near, far, far, near
    store = EmbeddedStore(tmp_path / "x.db")
    known = [0]
    written = write_extractions(store, cli._noting_known(store, Reading().load([str(again)]), known))
    stats = store.stats()
    store.close()
    assert (written.documents, len(written.failed), known[0]) == (34, 0, 4)
    assert stats.labels == {"Document": 30, "Firm": 31}
