"""Fuzz (issue 10): a few hundred seeded hostile Extraction lines, CSV rows and file kinds through
``load`` and ``screen`` on both stores.

Asserts: no traceback, one error line per bad input naming it, every good input stored, and the
store equal to a load of the good inputs alone. Faults: a document that fails in the store is left
out alone, and a store that goes away mid-load is completed by a rerun.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from casegraph.graph import write_extractions
from casegraph.graph.rows import document_of
from casegraph.loaders import load_bytes
from casegraph.schemas import content_id, parse_line

CLI = [sys.executable, "-m", "casegraph"]
SEED = 10
NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")

# Decorations a good name may carry: markup, formulas, quotes, accents, scripts, emoji beside letters.
DECOR = ["[/red]", "[bold]", "=", "+", "-", "@", "'", '"', "\\", "%s", "{0}", "$(x)", "; DROP TABLE n;",
         "Ünïcödé", "Σίγμα", "Кириллица", "中文", "🚀", "\u200f", "e\u0301", "\t", "<b>", "&amp;", "`"]
WORDS = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy", "Juniper", "Kapok",
         "Larch", "Maple", "Nutmeg", "Oak", "Pine", "Quince", "Rowan", "Spruce", "Teak"]


@dataclass
class Corpus:
    good: list[str] = field(default_factory=list)  # Extraction lines that must load
    bad: list[str] = field(default_factory=list)  # Extraction lines that must be refused, one line each
    names: list[str] = field(default_factory=list)  # names of good parties, for the screen


def _name(rng: random.Random, number: int) -> str:
    core = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {number}"
    decor = rng.choice(DECOR)
    return rng.choice([f"{decor}{core}", f"{core} {decor}", f"{core}{decor}Ltd", core])


def _good(rng: random.Random, number: int) -> tuple[str, list[str]]:
    a, b, c = (_name(rng, 3 * number + k) for k in range(3))
    facts = [{"type": "exposure", "exposed": a, "counterparty": b, "amount": rng.choice([0, 1, 2.5, 1e12]),
              "currency": "USD"},
             {"type": "subsidiary", "child": c, "parent": b}]
    if number % 5 == 0:
        facts.append({"type": "asset_freeze", "authority": "Fuzz Authority", "target": b, "date": "2024-01"})
    record = {"id": f"good-{number}", "entities": [
        {"name": a, "type": "Firm", "aliases": [f"{a} Holdings"]}, {"name": b, "type": "Firm"},
        {"name": c, "type": rng.choice(["Firm", "Person"])}, {"name": "Fuzz Authority", "type": "Regulator"}],
        "facts": facts}
    if number % 7 == 0:  # extra keys are no schema properties: they load and are left out
        record["facts"][0]["note"] = {"a": [1, 2]}
        record["entities"][0]["id"] = "firm:other"
    if number % 3 == 0:
        sentence = f"{a} lent {b} money [sic]."
        record["document"] = {"id": content_id(f"text {number}"), "title": f"[bold]{number}", "lang": "en"}
        record["entities"][0]["evidence"] = [{"sentence": sentence, "start": 0, "end": len(sentence)}]
    return json.dumps(record, ensure_ascii=rng.random() < 0.5), [a, b]


def _bad(rng: random.Random, number: int, good: str) -> str:
    """One of many ways to break a good line."""
    record = json.loads(good)
    kind = number % 24
    entities, facts = record["entities"], record["facts"]
    if kind == 0:
        return good[: rng.randrange(1, len(good) - 1)]  # cut short
    if kind == 1:
        return "[" * 5000 + "]" * 5000
    if kind == 2:
        record["document"] = {"id": rng.choice(["firm:ftx", "assetfreeze:1", "x" * 64, "", "A" * 64])}
    elif kind == 3:
        entities[0]["name"] = rng.choice(["🚀", "💎", "...", "\u200f", "  ", "—"])
    elif kind == 4:
        entities[0]["name"] = "N" * rng.choice([1001, 10_000, 100_000])
    elif kind == 5:
        facts[0]["amount"] = rng.choice([float("nan"), float("inf"), -1, True, "12"])
    elif kind == 6:
        facts[0]["type"] = rng.choice(["merger", "", None, 7])
    elif kind == 7:
        facts[0]["exposed"] = "Somebody Not Named"
    elif kind == 8:
        entities[0]["type"] = rng.choice(["Company", "", None, "firm"])
    elif kind == 9:
        entities[0]["lei"] = "NOT-A-LEI"
    elif kind == 10:
        facts[1]["date"] = rng.choice(["yesterday", "2024-13-40-1", 2024])
    elif kind == 11:
        record["entities"] = {"name": "x"}
    elif kind == 12:
        record["id"] = rng.choice(["", None, 5])
    elif kind == 13:
        entities[0]["evidence"] = [{"sentence": "s", "start": -1}]
    elif kind == 14:
        entities[0]["evidence"] = [{"sentence": "s", "confidence": rng.choice([2, -0.5, "high"])}]
    elif kind == 15:
        facts[0]["currency"] = rng.choice(["dollars", "$", "usd"])
    elif kind == 16:
        entities[0]["aliases"] = rng.choice(["single", [None], [{"a": 1}], ["🚀"]])
    elif kind == 17:
        return json.dumps(rng.choice([[], "text", 3, None]))
    elif kind == 18:
        return good.replace('"', "'", 3)
    elif kind == 19:
        record["facts"] = [{"type": "officer", "person": entities[0]["name"]}]
    elif kind == 20:
        facts[0]["amount"] = 10 ** 400
    elif kind == 21:
        entities[1]["name"] = {"$ne": ""}
    elif kind == 22:
        return good + "}"
    else:
        return "\x00\x01" + good
    return json.dumps(record)


def corpus(size: int = 240) -> Corpus:
    rng = random.Random(SEED)
    built = Corpus()
    for number in range(size):
        good, names = _good(rng, number)
        if number % 2:
            built.bad.append(_bad(rng, number // 2, good))
        else:
            built.good.append(good)
            built.names += names
    return built


def _interleave(c: Corpus, rng: random.Random) -> tuple[list[str], list[int]]:
    """Good and bad lines mixed (a good one first, so the file reads as Extraction lines); bad line numbers."""
    lines, bad_numbers = [c.good[0]], []
    rest = [(line, False) for line in c.good[1:]] + [(line, True) for line in c.bad]
    rng.shuffle(rest)
    for text, bad in rest:
        lines.append(text)
        if bad:
            bad_numbers.append(len(lines))
    return lines, bad_numbers


def _files(folder: Path) -> dict[str, str | None]:
    """Other kinds of file beside the Extraction lines: name -> None if it loads, else what its error says."""
    kinds = {
        "empty.txt": (b"", "empty"),
        "blank.md": (b" \n\t\n", "empty"),
        "binary.txt": (b"\x00\x01\x02\xff" * 64, "binary file"),
        "latin1.txt": ("Caf\u00e9 Holding heeft ".encode("latin-1") * 3, "not UTF-8 text (byte 3)"),
        "broken.pdf": (b"%PDF-1.4 garbage", "unreadable PDF"),
        "nothing.html": (b"<html><body><script>x()</script></body></html>", "HTML has no main text"),
        "[bold]note.txt": (b"date 2024-02\nThe regulator Fuzz Authority froze the assets of Oak Pine Ltd.\n", None),
    }
    errors: dict[str, str | None] = {}
    for name, (data, error) in kinds.items():
        (folder / name).write_bytes(data)
        errors[str(folder / name)] = error
    return errors


def _cli(*args: str, store: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "CASEGRAPH_STORE", "NEO4J_DATABASE")}
    return subprocess.run([*CLI, *args, "--store", store], capture_output=True, text=True, env=env, timeout=900)


def _target(store) -> str:
    return NEO4J_URI if hasattr(store, "driver") else str(store.path)


def _reset(store) -> None:
    if hasattr(store, "driver"):
        store.clear()
        store.init()
    else:
        store.db.executescript("DELETE FROM nodes; DELETE FROM edges; DELETE FROM names;")


def _csv_rows(rng: random.Random, names: list[str]) -> tuple[str, list[str], list[int]]:
    """A counterparty list: good rows (known names, unknown names) and bad rows; the bad line numbers."""
    lines, good, bad = ["name,lei"], [], []
    for number in range(120):
        if number % 4 == 3:
            lines.append(rng.choice(['"Unclosed, Corp', '"a"b,c', '"' + "x" * 140_000 + '"', "y" * 140_000]))
            bad.append(len(lines))
            continue
        name = rng.choice(names) if number % 2 else f"Nobody {number} {rng.choice(DECOR)}"
        cell = '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\n\r') else name
        lines.append(f"{cell},")
        good.append(name.strip())
    return "\n".join(lines) + "\n", good, bad


def test_fuzz_load_and_screen(store, tmp_path: Path, capsys):
    rng = random.Random(SEED)
    built = corpus()
    lines, bad_lines = _interleave(built, rng)
    folder = tmp_path / "in"
    folder.mkdir()
    mixed = folder / "mixed.jsonl"
    mixed.write_text("\n".join(lines) + "\n")
    kinds = _files(folder)
    target = _target(store)

    done = _cli("load", str(folder), store=target)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    reported = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    expected_places = sorted([f"{mixed}:{n}" for n in bad_lines] + [f for f, e in kinds.items() if e])
    places = sorted(line[len("error: "):].split(": ")[0] for line in reported)
    assert places == expected_places, set(places) ^ set(expected_places)
    for file, error in kinds.items():
        if error:
            assert [line for line in reported if line.startswith(f"error: {file}: ") and error in line], file
    others = [line for line in done.stderr.strip().splitlines() if not line.startswith("error: ")]
    assert len(others) == 2, others  # the files read, and the summary line
    hostile = store.dump()

    stored = {n.id for n in hostile[0] if n.label == "Document"}
    assert {document_of(parse_line(line)).id for line in built.good} <= stored  # every good input stored
    assert len(stored) == len(built.good) + sum(e is None for e in kinds.values())

    names = tmp_path / "list.csv"
    text, good_rows, bad_rows = _csv_rows(rng, built.names)
    names.write_text(text)
    screened = _cli("screen", str(names), "--json", store=target)
    assert "Traceback" not in screened.stderr
    assert screened.returncode == 3, screened.stderr  # the frozen parties are in the list
    refused = [line for line in screened.stderr.splitlines() if line.startswith("error: ")]
    assert [int(line.split(":")[2]) for line in refused] == bad_rows
    result = json.loads(screened.stdout)
    assert [r["name"] for r in result["rows"]] == good_rows
    assert all(r["status"] != "unmatched" for r in result["rows"] if r["name"] in built.names)

    _reset(store)
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "mixed.jsonl").write_text("\n".join(line for line in lines if line in built.good) + "\n")
    (clean / "[bold]note.txt").write_bytes((folder / "[bold]note.txt").read_bytes())
    alone = _cli("load", str(clean), store=target)
    assert alone.returncode == 0, alone.stderr
    assert _public(store.dump()) == _public(hostile)

    faults = _faults(store, built)
    tried = len(lines) + len(kinds) + len(good_rows) + len(bad_rows)
    handled = len(reported) + (len(lines) - len(bad_lines)) + sum(e is None for e in kinds.values()) + len(
        refused) + len(result["rows"])
    assert handled == tried
    with capsys.disabled():
        print(f"\nfuzz ({store!r}): {tried} inputs tried ({len(lines)} Extraction lines, {len(kinds)} files, "
              f"{len(good_rows) + len(bad_rows)} CSV rows), {handled} handled, {faults} faults survived")


def _public(dump):
    """Nodes and edges with file paths (document sources, folder names) taken out."""
    nodes, edges = dump
    return ([(n.id, n.label, {k: v for k, v in n.props.items() if k != "source"}) for n in nodes],
            [(e.src, e.type, e.dst, e.props) for e in edges])


def _faults(store, built: Corpus) -> int:
    """Store faults: each poisoned document fails alone; a store gone mid-load leaves a rerun to complete."""
    from casegraph.graph import StoreUnavailable

    _reset(store)
    items = list(load_bytes("\n".join(built.good).encode(), "good.jsonl", "extraction"))
    plain = [item.extraction.id for item in items if item.extraction.document is None]  # source = its id
    poison = set(plain[2::17])
    real = store.write_batch
    calls = {"n": 0}

    def faulty(batch):
        calls["n"] += 1
        if calls["n"] == 4:
            raise StoreUnavailable("store went away")
        if any(row.props.get("source") in poison for row in batch.nodes.values()):
            raise RuntimeError("a document's own error")
        return real(batch)

    store.write_batch = faulty
    try:
        first = write_extractions(store, items)
        assert first.unavailable is not None
        assert first.failed == [] or all(f.error.startswith("not stored: RuntimeError") for f in first.failed)
        calls["n"] = 100
        second = write_extractions(store, items)
    finally:
        store.write_batch = real
    assert second.unavailable is None
    assert sorted(f.source for f in second.failed) == sorted(
        f"good.jsonl:{i + 1}" for i, item in enumerate(items) if item.extraction.id in poison)
    documents = [n for n in store.dump()[0] if n.label == "Document"]
    assert not {n.props.get("source") for n in documents} & poison
    assert len(documents) == len(items) - len(poison)
    return 1 + len(poison) + len(first.failed)


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q", "-s"])
