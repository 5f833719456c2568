"""Word sets and regular expressions of Matcher patterns as lexeme flags.

A ``{"LOWER": {"IN": [...]}}`` or ``{"REGEX": ...}`` predicate runs Python code at every token of
every document; a flag is decided once per distinct word, stored on its lexeme and read by the
Matcher as a bit. spaCy leaves flag ids 19-63 to users; a set that finds no free id keeps its
predicate.
"""

from __future__ import annotations

import re
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
        self.ids: dict[tuple[str, frozenset[str] | str], int] = {}
        self.unset: dict[int, Callable[[str], bool]] = {}  # flags the words already known lack

    def add(self, flag_id: int, test: Callable[[str], bool]) -> str:
        """A flag every new word gets; the words already known get it from ``sweep``."""
        self.vocab.lex_attr_getters[flag_id] = test
        self.unset[flag_id] = test
        return f"FLAG{flag_id}"

    def sweep(self) -> None:
        """Set the flags added since the last sweep on every known word, in one walk of the
        vocabulary: ``Vocab.add_flag`` walks it once per flag (a third of building a pipeline)."""
        tests = list(self.unset.items())
        for lexeme in self.vocab:
            word = lexeme.orth_
            for flag_id, test in tests:
                lexeme.set_flag(flag_id, test(word))
        self.unset.clear()

    def for_set(self, attr: str, words: list[str]) -> str | None:
        transform, members = SET_ATTRS[attr], frozenset(words)
        return self._flag((attr, members), lambda word: transform(word) in members)

    def for_regex(self, attr: str, pattern: str) -> str | None:
        transform, found = SET_ATTRS[attr], re.compile(pattern).search
        return self._flag((attr, pattern), lambda word: bool(found(transform(word))))

    def _flag(self, key: tuple[str, frozenset[str] | str], test: Callable[[str], bool]) -> str | None:
        if key not in self.ids:
            flag_id = FIRST_FREE + len(self.ids)
            if flag_id > LAST:
                return None
            self.add(flag_id, test)
            self.ids[key] = flag_id
        return f"FLAG{self.ids[key]}"

    def rewrite(self, patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """``patterns`` with every LOWER/ORTH word set or regular expression turned into its flag."""
        out = []
        for pattern in patterns:
            tokens = []
            for spec in pattern:
                spec = dict(spec)
                for attr in SET_ATTRS:
                    value = spec.get(attr)
                    flag = None
                    if isinstance(value, dict) and set(value) == {"IN"}:
                        flag = self.for_set(attr, value["IN"])
                    elif isinstance(value, dict) and set(value) == {"REGEX"}:
                        flag = self.for_regex(attr, value["REGEX"])
                    if flag:
                        del spec[attr]
                        spec[flag] = True
                tokens.append(spec)
            out.append(tokens)
        return out
