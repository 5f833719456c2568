"""The loader registry: each file read by the loader its extension and content call for, or skipped
with a line; inputs that are hostile to a reader (deep JSON, endless devices, FIFOs) are one input's
error, never the run's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casegraph.graph import write_extractions
from casegraph.graph.embedded import EmbeddedStore
from casegraph.loaders import Reading, load_bytes, load_paths, registry
from casegraph.loaders import documents as documents_module
from casegraph.loaders import reading as reading_module

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CLI = [sys.executable, "-m", "casegraph"]
GOOD = {"id": "good", "entities": [{"name": "Quarkbit Finance", "type": "Firm"},
                                   {"name": "Zorvex Capital", "type": "Firm"}],
        "facts": [{"type": "exposure", "exposed": "Quarkbit Finance", "counterparty": "Zorvex Capital"}]}


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "CASEGRAPH_STORE")}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=300, **kwargs)


def graph_of(tmp_path: Path, name: str, *paths: str) -> tuple:
    store = EmbeddedStore(tmp_path / f"{name}.db")
    try:
        write_extractions(store, load_paths(list(paths)))
        nodes, edges = store.dump()
        return [(n.id, n.props.get("name")) for n in nodes], [(e.src, e.type, e.dst) for e in edges]
    finally:
        store.close()


def test_registry_lists_each_format_once():
    assert registry.names() == list(registry.FORMATS)


def test_folder_load_of_examples_gives_only_the_example_facts(tmp_path):
    """README.md, build.py and the screening list counterparties.csv never become documents."""
    assert graph_of(tmp_path, "folder", str(EXAMPLES)) == graph_of(tmp_path, "file", str(EXAMPLES / "ftx-case.jsonl"))
    done = run("load", str(EXAMPLES), "--store", str(tmp_path / "cli.db"))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert any(line.startswith("skipped") and "counterparties.csv" in line and "screen" in line for line in lines)
    assert "read 1 file(s): 1 extraction; skipped 1; 7 left out by .casegraphignore" in lines


def test_a_file_no_loader_takes_is_skipped_with_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "build.py").write_text("print('Binance is exposed to FTX for $175 million')\n")
    (folder / "data.bin").write_bytes(b"\x00\x01" * 100)
    (folder / "facts.jsonl").write_text(json.dumps(GOOD) + "\n")
    reading = Reading()
    items = list(reading.load([str(folder)]))
    assert [i.source for i in items] == [f"{folder}/facts.jsonl:1"] and items[0].extraction
    assert {Path(name).name: reason for name, reason in reading.skipped} == {
        "build.py": "no loader for .py (--format forces one)", "data.bin": "binary file, no loader for it"}
    assert reading.summary() == "read 1 file(s): 1 extraction; skipped 2"


def test_format_forces_a_loader(tmp_path):
    path = tmp_path / "notes.py"
    path.write_text("The lender Quarkbit Finance filed for bankruptcy on Monday.\n")
    assert list(load_paths([str(path)])) == []
    [item] = load_paths([str(path)], format="text")
    assert [f.type for f in item.extraction.facts] == ["bankruptcy"]


def test_deeply_nested_json_line_is_that_lines_error(tmp_path):
    """Issue 10.2: was a RecursionError that stopped the whole run."""
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(GOOD) + "\n")
    deep_corpus = tmp_path / "deep-corpus.jsonl"
    deep_corpus.write_text(json.dumps({"id": "c", "text": "x"}) + "\n" + "{\"a\":" + "[" * 100_000 + "\n")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({**GOOD, "id": "other"}) + "\n")
    store = EmbeddedStore(tmp_path / "s.db")
    report = write_extractions(store, load_paths([str(deep), str(deep_corpus), str(good)]))
    store.close()
    assert report.documents == 3  # deep.jsonl:2, deep-corpus.jsonl:1, good.jsonl:1
    assert sorted(f.source for f in report.failed) == [f"{deep_corpus}:2", f"{deep}:1"]


def test_reads_are_capped_by_what_is_read_not_by_stat(monkeypatch):
    """Issue 10.10: /dev/zero says its size is 0 and never ends; it was read to a MemoryError."""
    monkeypatch.setattr(reading_module, "MAX_BYTES", 1 << 20)
    reading = Reading()
    assert list(reading.load(["/dev/zero"])) == []
    assert reading.skipped == [("/dev/zero", "binary file, no loader for it")]
    [item] = load_paths(["/dev/zero"], format="text")
    assert item.error == f"too large (over {1 << 20} bytes)"


def test_standard_input_is_capped(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.write(b"The lender Quarkbit Finance filed for bankruptcy. " * (60 * 1024 * 1024 // 50))
    with big.open("rb") as stdin:
        done = run("load", "-", "--store", str(tmp_path / "s.db"), stdin=stdin)
    assert done.returncode == 1
    assert f"error: <stdin>: too large (over {50 * 1024 * 1024} bytes)" in done.stderr.splitlines()


def test_fifo_in_a_folder_is_refused_not_waited_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "facts.jsonl").write_text(json.dumps(GOOD) + "\n")
    reading = Reading()
    items = list(reading.load([str(folder)]))  # with nobody writing, opening the FIFO would block forever
    assert len(items) == 1 and items[0].extraction
    assert reading.skipped == [(str(folder / "pipe.txt"), "not a regular file")]


def test_extraction_file_whose_first_record_has_only_an_id():
    """Issue 10.11: decided from one key of one record, every line was refused as a corpus without text."""
    data = "\n".join([json.dumps({"id": "empty"}), json.dumps(GOOD)]).encode()
    reading = Reading()
    items = list(reading.read(_input(data, "facts.jsonl")))
    assert [bool(i.extraction) for i in items] == [True, True]
    assert dict(reading.taken) == {"extraction": 1}


def test_json_lines_kinds_are_told_apart():
    ftm = json.dumps({"id": "NK-1", "schema": "Company", "properties": {"name": ["Quarkbit Finance"]}})
    corpus = json.dumps({"id": "a", "text": "The lender Quarkbit Finance filed for bankruptcy."})
    for line, kind in ((ftm, "ftm"), (corpus, "corpus"), (json.dumps(GOOD), "extraction")):
        reading = Reading()
        list(reading.read(_input(line.encode(), "x.jsonl")))
        assert dict(reading.taken) == {kind: 1}


def _input(data: bytes, name: str):
    import io

    return reading_module.Input(name, io.BytesIO(data), data[:65536], [Path(name).suffix])


def test_utf16_text_is_decoded():
    """Issue 10.14: was refused as a binary file."""
    text = "The lender Quarkbit Finance filed for bankruptcy on Monday."
    for codec in ("utf-16", "utf-16-be"):
        data = text.encode(codec) if codec == "utf-16" else b"\xfe\xff" + text.encode(codec)
        [item] = load_bytes(data, "notice.txt")
        assert item.error is None, item.error
        assert [f.type for f in item.extraction.facts] == ["bankruptcy"]


def test_long_text_is_read_in_parts_with_offsets_into_the_whole(monkeypatch):
    sentence = "The lender Quarkbit Finance filed for bankruptcy on Monday. "
    text = "Nothing happened today. " * 30 + "\n\n" + sentence + "Filler words go here. " * 30
    monkeypatch.setattr(documents_module, "PART_CHARS", 400)
    [item] = load_bytes(text.encode(), "long.txt")
    [fact] = item.extraction.facts
    [evidence] = fact.evidence
    assert text[evidence.start:evidence.end] == evidence.sentence.strip() or \
        text[evidence.start:evidence.end] == evidence.sentence
    assert "Quarkbit Finance filed for bankruptcy" in evidence.sentence
    from casegraph.schemas import content_id

    assert item.extraction.document.id == content_id(text)


@pytest.mark.parametrize("size", [1_000_001])
def test_text_over_spacys_limit_loads(size):
    """Issue 10.14: was an E088 line: spaCy takes at most 1,000,000 characters."""
    sentence = "The lender Quarkbit Finance filed for bankruptcy on Monday.\n\n"
    filler = "Markets were quiet and trading was thin across the region.\n\n"
    text = sentence + filler * (size // len(filler) + 1)
    [item] = load_bytes(text.encode(), "huge.txt")
    assert item.error is None, item.error
    assert [f.type for f in item.extraction.facts] == ["bankruptcy"]


def test_pdf_warnings_stay_quiet(tmp_path):
    """Issue 10.14: a damaged PDF gives its one error line and no pypdf warnings."""
    from tests.test_loaders_documents import _pdf

    data = _pdf("The exchange Quillex Trading filed for bankruptcy.")
    broken = data.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 6", b"xref\n1 6")
    (tmp_path / "filing.pdf").write_bytes(broken)
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    done = run("load", str(tmp_path / "filing.pdf"), str(tmp_path / "garbage.pdf"), "--store", str(tmp_path / "s.db"))
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    noise = [line for line in lines if not line.startswith(("error:", "read ")) and " new, " not in line]
    assert noise == []
    assert sum(line.startswith("error:") for line in lines) == 1  # garbage.pdf; the damaged one is still read
