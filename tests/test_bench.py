"""The benchmark's smoke run: the smallest size, result keys and sane numbers; no timed assertions."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.generate import generate
from bench.run import run_size
from casegraph.schemas import parse_line

SMALL = 3_000


def test_generator_is_deterministic_for_a_seed() -> None:
    first, again, other = generate(SMALL, seed=3), generate(SMALL, seed=3), generate(SMALL, seed=4)
    assert first.lines == again.lines
    assert first.lines != other.lines
    assert abs(first.relationships - SMALL) <= SMALL * 0.02


def test_generator_lines_are_valid_extractions() -> None:
    generated = generate(SMALL, seed=3)
    types = {fact.type for line in generated.lines for fact in parse_line(line).facts}
    assert {"exposure", "officer", "subsidiary", "charge", "investigation", "bankruptcy"} <= types


def test_exposure_degrees_are_heavy_tailed() -> None:
    degrees = sorted(generate(20_000, seed=5).in_degrees().values(), reverse=True)
    top = degrees[: max(1, len(degrees) // 100)]
    assert degrees[0] >= 50 * statistics.median(degrees)  # a few hubs ...
    assert sum(top) >= 0.2 * sum(degrees)  # ... hold a large share: top 1% of debtors, ≥ 20% of exposures
    assert statistics.median(degrees) <= 5  # ... over many small ones


def _check_store(section: dict) -> None:
    load = section["load"]
    assert load["facts"] > 0 and load["facts_per_s"] > 0 and load["baseline_facts_per_s"] > 0
    assert load["ratio"] > 0 and load["counts_match"]
    cg = load["casegraph"]
    assert cg["failed"] == 0 and cg["documents"] > 0 and cg["peak_rss_mb"] > 0
    for key, row in section["queries"]["results"].items():
        assert "error" not in row, key
        assert row["samples"] > 0 and 0 <= row["p50_ms"] <= row["p95_ms"], key
    assert "traverse/hub" in section["queries"]["results"]
    memory = section["memory"]
    assert memory["load_peak_rss_mb"] > 0
    assert memory["hub"]["peak_rss_mb"] > 0 and memory["ordinary"]["peak_rss_mb"] > 0


def test_smoke_embedded(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    result = main(["--sizes", "3k", "--stores", "embedded", "--only", "load,query,memory",
                   "--out", str(out), "--work", str(tmp_path / "work"), "--samples", "2,3"])
    saved = json.loads(out.read_text())
    assert saved["sizes"].keys() == {"3k"} == result["sizes"].keys()
    assert {"nproc", "ram_gib", "cpu"} <= saved["machine"].keys()
    size = saved["sizes"]["3k"]
    assert size["generated"]["relationships"] > 0
    _check_store(size["embedded"])
    names = {t["target"] for t in saved["targets"]}
    assert {"embedded load / baseline", "embedded load facts/s"} <= names


@pytest.mark.neo4j
def test_smoke_neo4j(neo4j_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BENCH_NEO4J_URI", neo4j_store.uri)
    result = run_size(SMALL, ["neo4j"], {"load", "query", "memory"}, tmp_path, seed=3, samples=(2, 3))
    _check_store(result["neo4j"])
    assert any("db_hits" in row for row in result["neo4j"]["queries"]["results"].values())
