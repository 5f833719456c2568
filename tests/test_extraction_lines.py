"""Extraction JSON lines: recognised by their records, bad lines named, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

from casegraph.loaders import load_paths

GOOD = {"id": "doc-1", "entities": [{"name": "Acme Exchange", "type": "Firm"}],
        "facts": [{"type": "bankruptcy", "firm": "Acme Exchange"}]}


def test_a_bad_first_line_does_not_turn_the_file_into_a_corpus(tmp_path: Path):
    path = tmp_path / "facts.jsonl"
    path.write_text("{broken\n" + json.dumps(GOOD) + "\n")
    items = list(load_paths([str(path)]))
    assert [(i.source, i.error is None) for i in items] == [(f"{path}:1", False), (f"{path}:2", True)]
    assert items[1].extraction.facts[0].type == "bankruptcy"


def test_a_fact_naming_no_entity_is_refused_in_one_line(tmp_path: Path):
    path = tmp_path / "facts.jsonl"
    bad = {**GOOD, "facts": [{"type": "bankruptcy", "firm": "Nobody Ltd"}]}
    path.write_text(json.dumps(bad) + "\n")
    [item] = load_paths([str(path)])
    assert item.error == "Value error, fact 1 (bankruptcy) names 'Nobody Ltd', which is no entity"
