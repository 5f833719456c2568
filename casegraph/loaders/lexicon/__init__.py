"""Word lists per language, read from ``<lang>.json`` beside this file; ``common.json`` holds what all share.

Adding a language is adding its file: nothing else names languages.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
DATA = HERE.parent


@cache
def languages() -> tuple[str, ...]:
    """ISO 639-1 codes with a word list, e.g. ``("en", "nl")``."""
    return tuple(sorted(p.stem for p in HERE.glob("??.json")))


@cache
def lexicon(lang: str) -> dict[str, Any]:
    """The word lists of one language merged over the shared ones."""
    merged = json.loads((HERE / "common.json").read_text(encoding="utf-8"))
    merged.update(json.loads((HERE / f"{lang}.json").read_text(encoding="utf-8")))
    return merged


_SETS: dict[int, tuple[list[str], frozenset[str]]] = {}


def as_set(words: list[str]) -> frozenset[str]:
    """A lexicon word list as a set, made once per list: the rules ask for the same lists in every
    document. Keyed by the list itself (kept alive here, so its id is never reused)."""
    kept = _SETS.get(id(words))
    if kept is None or kept[0] is not words:
        kept = _SETS[id(words)] = (words, frozenset(words))
    return kept[1]


@cache
def data(name: str) -> dict[str, Any]:
    """A data file beside the loaders, e.g. ``authorities`` -> authorities.json."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
