"""What recognition produces: parties, the places that name them, and the result for one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from casegraph.loaders.layout import Layout
from casegraph.schemas import PartyType

FIRM, PERSON, TOKEN = PartyType.FIRM, PartyType.PERSON, PartyType.TOKEN
POSSESSIVE = {"'s", "’s", "’", "'"}
PARTY_TYPES = {
    PartyType.FIRM,
    PartyType.PERSON,
    PartyType.REGULATOR,
    PartyType.PROSECUTOR,
    PartyType.COURT,
    PartyType.GOVERNMENT,
}


@dataclass
class Mention:
    """One place in the text that names a party; ``start``/``end`` are token offsets."""

    start: int
    end: int
    key: str
    text: str
    rule: str
    confidence: float
    char_start: int = -1
    char_end: int = -1


@dataclass
class Party:
    """An entity being assembled: canonical name, the surface forms seen, its mentions."""

    key: str
    name: str
    type: PartyType
    forms: dict[str, None] = field(default_factory=dict)
    kind: str | None = None
    jurisdiction: str | None = None
    issuer: str | None = None
    rule: str = ""
    confidence: float = 1.0
    mentions: list[Mention] = field(default_factory=list)
    parent: str | None = None


@dataclass
class Recognition:
    doc: Doc
    parties: dict[str, Party]
    mentions: list[Mention]  # in text order, no overlaps
    roles: list[tuple[int, int]]  # officer role phrases (token spans)
    cues: list[tuple[str, int, int]]  # fact cue matches: (label, start, end)
    layout: Layout


def org_role_firm(word: str) -> str:
    """ "Vela-topman" -> "Vela", "oud-ING-topman" -> "ING": the firm of a firm-and-role word."""
    parts = word.split("-")
    return parts[1] if len(parts) > 2 and parts[0][:1].islower() else parts[0]


def is_party(party: Party) -> bool:
    return party.type in PARTY_TYPES


def longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest of overlapping spans, in text order."""
    taken: set[int] = set()
    out = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if not taken.intersection(range(start, end)):
            out.append((start, end))
            taken.update(range(start, end))
    return sorted(out)


def no_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The longest of overlapping mentions, in text order; a firm inside a compound token stays."""
    taken: set[int] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        rng = set(range(m.start, max(m.end, m.start + 1)))
        if m.end == m.start:  # a firm inside a compound token shares it with nothing
            out.append(m)
            continue
        if not taken & rng:
            out.append(m)
            taken |= rng
    return sorted(out, key=lambda m: (m.start, m.end))
