"""Authorities the closed list does not hold, recognised by the shape of their name.

A closed list cannot name every state board, district court or foreign prosecutor, but their names
share a shape: capitalised words around an authority noun ("Ruritania Banking Commission",
"Department of Digital Assets", "Kingsport District Court", "Ostland Prosecutor's Office"). The head
noun gives the type (a court is a Court; an attorney general or a prosecutor's office a Prosecutor;
else a Regulator). The heads are found by a PhraseMatcher; only the few tokens around a head are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

POSSESSIVE = {"'s", "’s"}


@dataclass(frozen=True)
class Shape:
    """An authority name found by its shape; ``start``/``end`` are token offsets."""

    start: int
    end: int
    type: str
    country: int | None = None  # token start of a country named inside it ("of Ruritania", "Ruritania's")


def head_matcher(nlp: Language, lex: dict[str, Any]) -> PhraseMatcher:
    """Authority head nouns ("Commission", "Attorney General", "Prosecutors' Office"), case-sensitive."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for head, type_ in {**lex["authority_heads"], **lex.get("authority_heads_lang", {})}.items():
        matcher.add(f"AHEAD:{type_}", [nlp.make_doc(head)])
    return matcher


class ShapeReader:
    """Grows each head into the capitalised name around it."""

    def __init__(self, lex: dict[str, Any], cap_re: str) -> None:
        self.cap = re.compile(cap_re)
        self.stops = set(lex["stop_caps"]) - set(lex["authority_name_words"])
        self.joiners = set(lex["authority_joiners"])
        self.tail_starts = set(lex["authority_tail_starts"])
        self.articles = set(lex["authority_articles"])
        self.type_words = lex["authority_type_words"]
        self.head_first = set(lex.get("authority_heads_first", []))
        self.inner = self.joiners - self.tail_starts - self.articles  # "Securities and Exchange Commission"

    def is_cap(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        return bool(self.cap.match(token.text)) and token.lower_ not in self.stops

    def shapes(self, doc: Doc, heads: list[tuple[str, int, int]], countries: dict[int, int]) -> list[Shape]:
        """``countries`` maps the first token of each country mention to its end."""
        out: list[Shape] = []
        for type_, start, end in heads:
            sent_start = start
            while sent_start > 0 and not doc[sent_start].is_sent_start:
                sent_start -= 1
            left, country = start, None
            while left > sent_start:
                i = left - 1
                if self.is_cap(doc, i) or doc[i].lower_ in self.inner:
                    left = i
                elif doc[i].text in POSSESSIVE and i > sent_start and self.is_cap(doc, i - 1):
                    left, country = i - 1, None
                    country_at = [s for s, e in countries.items() if e == i]
                    if country_at:
                        left = country = country_at[0]
                    break
                else:
                    break
            while left < start and doc[left].text in self.joiners:
                left += 1
            right = end
            direct = doc[start:end].text in self.head_first
            if right < len(doc) and (doc[right].lower_ in self.tail_starts or (direct and self.is_cap(doc, right))):
                j = right + (0 if direct and self.is_cap(doc, right) else 1)
                while j < len(doc) and doc[j].lower_ in self.articles:
                    j += 1
                k = j
                while k < len(doc) and k - right < 12 and (self.is_cap(doc, k) or doc[k].lower_ in self.joiners):
                    k += 1
                while k > j and doc[k - 1].lower_ in self.joiners:
                    k -= 1
                if k > j:
                    right = k
                    country = country if country is not None else next((s for s in countries if j <= s < k), None)
            if left == start and right == end:
                continue  # a bare "Commission" or "Court" names nothing
            words = {t.text for t in doc[left:right]}
            for word, override in self.type_words.items():
                if word in words:
                    type_ = override
            out.append(Shape(left, right, type_, country))
        return out
