"""Word sets of Matcher patterns as lexeme flags.

A ``{"LOWER": {"IN": [...]}}`` predicate runs Python code at every token of every document; a flag
is decided once per distinct word, stored on its lexeme and read by the Matcher as a bit. spaCy
leaves flag ids 19-63 to users; a set that finds no free id keeps its predicate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.vocab import Vocab

CAP_FLAG = 40  # a capitalised name word that is not a stop word (pipeline.CAP_RE)
ORG_ROLE_FLAG = 41  # "Vela-topman": a firm and a role in one hyphenated word
FIRST_FREE, LAST = 42, 63
SET_ATTRS = {"LOWER": str.lower, "ORTH": str}


class Flags:
    """The flags of one vocabulary, one per distinct (attribute, word set)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.ids: dict[tuple[str, frozenset[str]], int] = {}

    def add(self, flag_id: int, test: Callable[[str], bool]) -> str:
        self.vocab.add_flag(test, flag_id=flag_id)
        return f"FLAG{flag_id}"

    def for_set(self, attr: str, words: list[str]) -> str | None:
        key = (attr, frozenset(words))
        if key not in self.ids:
            flag_id = FIRST_FREE + len(self.ids)
            if flag_id > LAST:
                return None
            transform, members = SET_ATTRS[attr], key[1]
            self.add(flag_id, lambda word: transform(word) in members)
            self.ids[key] = flag_id
        return f"FLAG{self.ids[key]}"

    def rewrite(self, patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """``patterns`` with every LOWER/ORTH word set turned into its flag."""
        out = []
        for pattern in patterns:
            tokens = []
            for spec in pattern:
                spec = dict(spec)
                for attr in SET_ATTRS:
                    value = spec.get(attr)
                    if isinstance(value, dict) and set(value) == {"IN"}:
                        flag = self.for_set(attr, value["IN"])
                        if flag:
                            del spec[attr]
                            spec[flag] = True
                tokens.append(spec)
            out.append(tokens)
        return out
