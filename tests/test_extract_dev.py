"""The dev corpus, scored by the shared scorer: a floor on fact F1, and the seed article in full."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from casegraph.loaders.documents import extract_bytes

SHARED = Path(__file__).parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"

pytestmark = pytest.mark.skipif(not (DEV / "docs.jsonl").exists(), reason="shared dev corpus not present")


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predictions() -> dict[str, dict]:
    items = list(extract_bytes((DEV / "docs.jsonl").read_bytes(), str(DEV / "docs.jsonl")))
    assert all(i.error is None for i in items), [str(i) for i in items if i.error]
    return {i.extraction.id: json.loads(i.extraction.to_json()) for i in items}


def test_dev_fact_f1_floor() -> None:
    score = _scorer()
    result = score.score(score.load(str(DEV / "gold.jsonl")), _predictions())
    assert not result["missing"]
    assert result["facts"]["ALL"]["f1"] >= 0.75, result["facts"]
    assert result["entities"]["ALL"]["f1"] >= 0.80, result["entities"]


def test_seed_has_all_seven_facts() -> None:
    score = _scorer()
    gold = score.load(str(DEV / "gold.jsonl"))["seed-ftx-nl"]
    pred = _predictions()["seed-ftx-nl"]
    result = score.score({"seed-ftx-nl": gold}, {"seed-ftx-nl": pred})
    assert result["facts"]["ALL"]["tp"] == 7, result["facts"]
