"""Parties of one document: closed classes from the data files, open classes from name shapes and
the cue words around them, and light coreference inside the document.

The matchers of ``pipeline`` find candidates; the functions here decide, one rule each, what a
candidate is. A name becomes a party only when a rule says so (a legal form, a cue noun, a role,
an apposition, a possessive, a list with a known firm): capitalisation alone proves nothing.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from casegraph.loaders.lexicon import data
from casegraph.loaders.pipeline import Pipeline
from casegraph.schemas import PartyType, name_key

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


class Recognizer:
    """State of one document's recognition; ``run`` applies the rules in order."""

    def __init__(self, pipe: Pipeline, doc: Doc) -> None:
        self.pipe = pipe
        self.lex = pipe.lex
        self.doc = doc
        self.parties: dict[str, Party] = {}
        self.form_key: dict[str, str] = {}  # surface form -> party key
        self.blocked: list[tuple[int, int]] = []
        self.closed: list[tuple[int, int, str, str]] = []  # start, end, kind label, party key or code
        self.countries: list[tuple[int, int, str]] = []
        self.generic: list[tuple[int, int]] = []
        self.names: list[tuple[int, int]] = []
        self.nicks: list[tuple[int, int]] = []
        self.cue_at: dict[str, set[int]] = {}  # label -> token starts
        self.cue_end: dict[str, set[int]] = {}  # label -> token ends
        self.cue_spans: list[tuple[str, int, int]] = []
        self.roles: list[tuple[int, int]] = []
        self.org_roles: list[int] = []
        self.legal: set[int] = set()
        self.lower_stop = set(self.lex["stop_caps"])
        self.derived: set[str] = set()  # short forms made from long ones, never shortened again
        self.in_headline: set[int] = set()
        self.source = doc.text  # ``Doc.text`` joins every token on each call

    # ----------------------------------------------------------------- candidates
    def collect(self) -> None:
        doc, strings = self.doc, self.doc.vocab.strings
        matches = [(strings[m], s, e) for m, s, e in self.pipe.closed_cased(doc) + self.pipe.closed_lower(doc)]
        matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        authorities = data("authorities")["authorities"]
        assets = data("crypto_assets")["assets"]
        tickers_seen = {
            strings[m].split(":")[1] for m, _, _ in self.pipe.closed_cased(doc) if strings[m].startswith("TICKER")
        }
        for label, start, end in matches:
            if taken.intersection(range(start, end)):
                continue
            kind, _, ref = label.partition(":")
            if kind == "TOKENNAME" and ref not in tickers_seen:
                continue  # a bare "Bitcoin" is a price, not a party
            if kind == "COUNTRY" and end - start == 1 and self._after_name(start):
                continue  # "Vela US" is a firm, not the United States
            taken.update(range(start, end))
            if kind == "MEDIA":
                self.blocked.append((start, end))
            elif kind == "COUNTRY":
                self.countries.append((start, end, ref))
            elif kind == "GENERIC_AUTH":
                self.generic.append((start, end))
            elif kind == "AUTH":
                entry = authorities[int(ref)]
                key = f"auth:{entry['name']}"
                self.ensure(
                    key,
                    entry["name"],
                    PartyType(entry["type"]),
                    "authorities",
                    1.0,
                    jurisdiction=entry["jurisdiction"],
                    parent=entry.get("parent"),
                )
                self.closed.append((start, end, kind, key))
            else:
                entry = assets[int(ref)]
                key = f"token:{entry['name']}"
                self.ensure(key, entry["name"], TOKEN, "crypto_assets", 0.9, issuer=entry.get("issuer"))
                self.closed.append((start, end, kind, key))
        for m, start, end in self.pipe.names(doc):
            label = strings[m]
            if label == "LEGAL":
                self.legal.add(start)
            elif label == "NICK":
                self.nicks.append((start, end))
            else:
                self.names.append((start, end))
        for label, start, end in self.pipe.cue_matches(doc):
            self.cue_at.setdefault(label, set()).add(start)
            self.cue_end.setdefault(label, set()).add(end)
            if label == "ROLE":
                self.roles.append((start, end))
            elif label == "ORG_ROLE":
                self.org_roles.append(start)
            elif label not in {
                "PERSON_CUE",
                "SPEECH",
                "FIRM_CUE",
                "FIRM_AFTER",
                "COREF",
                "GOV_CUE",
                "GOV_AFTER",
                "COURT_CUE",
                "LIST_CUE",
            }:
                self.cue_spans.append((label, start, end))
        self.roles = self._joined_roles(_longest(self.roles))
        self.in_headline = self.headlines()
        self.shaped_authorities(taken)
        self.names = self._clean_names(self.names, taken)

    def _joined_roles(self, roles: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "co-founder and former chief executive": roles joined by a coordinator are one role."""
        glue = set(self.lex["coordinators"]) | set(self.lex["role_modifiers"])
        out: list[tuple[int, int]] = []
        for start, end in roles:
            if out and 0 < start - out[-1][1] <= 3 and any(
                t.lower_ in self.lex["coordinators"] for t in self.doc[out[-1][1] : start]
            ) and all(t.lower_ in glue for t in self.doc[out[-1][1] : start]):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out

    def shaped_authorities(self, taken: set[int]) -> None:
        """Authorities named by shape ("Ruritania Banking Commission"); a longer shape beats a listed
        name only when it puts that name in another country ("Ruritania's Securities Commission").
        A listed local body followed by "in <Place>" ("het OM in Oststadt") is that place's body."""
        doc, strings = self.doc, self.doc.vocab.strings
        heads = [(strings[m].split(":")[1], s, e) for m, s, e in self.pipe.authority_heads(doc)]
        if heads:
            self._shapes(heads, taken)
        located = self.lex["located_authorities"]
        for index, (start, end, kind, _key) in enumerate(list(self.closed)):
            place = end + 1
            if kind != "AUTH" or self.text(start, end) not in located or place >= len(doc):
                continue
            if doc[end].lower_ != "in" or not self.pipe.authority_shapes.is_cap(doc, place):
                continue
            stop = place
            while stop < len(doc) and self.pipe.authority_shapes.is_cap(doc, stop):
                stop += 1
            name = self.text(start, stop)
            local = f"auth:{name}"
            self.ensure(local, name, PartyType(located[self.text(start, end)]), "authority.located", 0.7)
            self.closed[index] = (start, stop, kind, local)
            taken.update(range(start, stop))
            self.countries = [c for c in self.countries if not start <= c[0] < stop]

    def _shapes(self, heads: list[tuple[str, int, int]], taken: set[int]) -> None:
        doc = self.doc
        countries = {s: e for s, e, _ in self.countries}
        codes = {s: c for s, _, c in self.countries}
        not_words = set(self.lex["authority_not_words"])
        for shape in self.pipe.authority_shapes.shapes(doc, heads, countries):
            span = range(shape.start, shape.end)
            if shape.start in self.in_headline or not_words & {t.text for t in doc[shape.start : shape.end]}:
                continue
            listed = [c for c in self.closed if c[0] < shape.end and shape.start < c[1]]
            inside = [shape.start <= s and e <= shape.end and (s, e) != (shape.start, shape.end) for s, e, *_ in listed]
            if not all(inside):
                continue
            code = codes.get(shape.country) if shape.country is not None else None
            if any(kind != "AUTH" for _, _, kind, _ in listed):
                continue
            if listed and all(
                self.parties[k].type.value == shape.type
                and (code is None or (self.parties[k].jurisdiction or "").startswith(code))
                for *_, k in listed
            ):
                continue  # "Ruritania's Securities Commission" is not the listed one; a court holds no prosecutor
            country_tokens = {i for s, e, _ in self.countries for i in range(s, e)}
            listed_tokens = {i for s, e, *_ in listed for i in range(s, e)}
            generic_tokens = {i for s, e in self.generic for i in range(s, e)}  # "Prosecutor" inside the name
            if any(i in taken and i not in country_tokens | listed_tokens | generic_tokens for i in span):
                continue
            self.generic = [g for g in self.generic if not (g[0] < shape.end and shape.start < g[1])]
            self.closed = [c for c in self.closed if c not in listed]
            self.countries = [c for c in self.countries if not shape.start <= c[0] < shape.end]
            name = self.text(shape.start, shape.end)
            if self._near_listed(name):
                continue  # a misspelt listed name: ``fuzzy_authorities`` takes it
            key = f"auth:{name}"
            self.ensure(key, name, PartyType(shape.type), "authority.shape", 0.75, jurisdiction=code)
            self.closed.append((shape.start, shape.end, "AUTH", key))
            taken.update(span)
            first, head = doc[shape.start], doc[shape.end - 1]
            if first.text != head.text and head.text[:1].isupper():  # "the Ruritania board" later on
                self.form_key.setdefault(f"{first.text} {head.text.lower()}", key)

    @staticmethod
    def _near_listed(name: str) -> bool:
        from rapidfuzz import fuzz, process

        names = [a["name"] for a in data("authorities")["authorities"]]
        return process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=90) is not None

    def _after_name(self, start: int) -> bool:
        if start == 0:
            return False
        prev = self.doc[start - 1]
        return prev.text[:1].isupper() and prev.lower_ not in self.lower_stop and not prev.is_sent_start

    def headlines(self) -> set[int]:
        """Tokens of title-case lines ("Creditor Says Redkite Defaults on $500M Loan"): every word
        is capitalised there, so shapes say nothing; only names known from elsewhere count."""
        small = {
            "of",
            "the",
            "and",
            "to",
            "a",
            "an",
            "in",
            "on",
            "for",
            "as",
            "by",
            "with",
            "at",
            "from",
            "van",
            "de",
            "het",
            "en",
            "een",
            "op",
            "voor",
            "met",
            "is",
            "are",
            "be",
        }
        out: set[int] = set()
        offset = 0
        lines = self.source.split("\n")
        spans = []
        for line in lines:
            words = [w for w in line.split() if w[:1].isalpha()]
            content = [w for w in words if w.lower() not in small]
            if (
                3 <= len(words) <= 24
                and content
                and sum(w[0].isupper() for w in content) >= 0.8 * len(content)
                and not line.rstrip().endswith((".", ":", "?", "!"))
            ):
                spans.append((offset, offset + len(line)))
            offset += len(line) + 1
        for a, b in spans:
            span = self.doc.char_span(a, max(a, b), alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return out

    def _clean_names(self, spans: list[tuple[int, int]], taken: set[int]) -> list[tuple[int, int]]:
        """Longest name spans, split around closed-class matches, cue words stripped from the edges."""
        doc = self.doc
        cue_words = (
            self.cue_at.get("FIRM_CUE", set())
            | self.cue_at.get("ROLE", set())
            | self.cue_at.get("PERSON_CUE", set())
            | set(self.org_roles)
        )
        out = []
        for start, end in _longest(spans):
            while start < end and start in cue_words:
                start += 1
            pieces, piece = [], []
            for i in range(start, end):
                if i > start and doc[i].is_sent_start and piece:
                    pieces.append(piece)  # a name does not run into the next sentence
                    piece = []
                if i in taken or i in set(self.org_roles):
                    if piece:
                        pieces.append(piece)
                    piece = []
                else:
                    piece.append(i)
            if piece:
                pieces.append(piece)
            for piece in pieces:
                s, e = piece[0], piece[-1] + 1
                while s < e and doc[s].lower_ in {"of", "&"}:
                    s += 1
                while e > s and doc[e - 1].lower_ in {"of", "&"}:
                    e -= 1
                if s < e:
                    out.append((s, e))
        return self._comma_legal(out)

    def _comma_legal(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Ostwind, Inc.": a legal form after a comma belongs to the name before it."""
        doc = self.doc
        starts = {s: e for s, e in spans}
        out = []
        skip: set[int] = set()
        for start, end in spans:
            if start in skip:
                continue
            legal = end + 1
            if end + 1 < len(doc) and doc[end].text == "," and legal in self.legal and legal in starts:
                out.append((start, legal + 1))
                skip.add(legal)
                if starts[legal] > legal + 1:
                    out.append((legal + 1, starts[legal]))
                continue
            out.append((start, end))
        return out

    # ----------------------------------------------------------------- parties
    def ensure(self, key: str, name: str, type_: PartyType, rule: str, confidence: float, **attrs) -> Party:
        party = self.parties.get(key)
        if party is None:
            party = self.parties[key] = Party(key, name, type_, rule=rule, confidence=confidence)
        for attr, value in attrs.items():
            if value and not getattr(party, attr):
                setattr(party, attr, value)
        return party

    def add_form(
        self, text: str, type_: PartyType, rule: str, confidence: float, kind: str | None = None
    ) -> str | None:
        """Register a surface form as a party of ``type_``; the first type given to a form wins."""
        text = text.strip(" ,;:“”\"'’")
        if text.endswith(".") and text.rsplit(" ", 1)[-1] not in self.lex["legal_forms"]:
            text = text.rstrip(".")  # a full stop ends the sentence, not "Ltd."
        text = text.strip(" ,;:“”\"'’")
        words = text.split()
        if type_ is PERSON and len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[0]):
            text = " ".join(words[1:])  # "Ex-senator Ann Vale": the title is no part of the name
        if len(words) == 1 and any(text.endswith(a) for a in self.lex["adjective_endings"]):
            return None  # "Oostlandse": an adjective of place, not a name
        if len(text) < 2 or text.lower() in self.lower_stop:
            return None
        if text in self.form_key:
            key = self.form_key[text]
            party = self.parties[key]
            if kind and not party.kind:
                party.kind = kind
            return key
        key = f"{type_.value}:{name_key(text, person=type_ is PERSON)}"
        party = self.ensure(key, text, type_, rule, confidence, kind=kind)
        if len(text) > len(party.name) and type_ is not PERSON:
            party.name = text
        self.form_key[text] = key
        return key

    def text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    # ----------------------------------------------------------------- rules: open classes
    def classify_names(self) -> None:
        """Firms and people from the cues around each capitalised name."""
        doc, lex = self.doc, self.lex
        heads = set(lex["firm_heads"])
        firm_cue_end = self.cue_end.get("FIRM_CUE", set())
        firm_after = self.cue_at.get("FIRM_AFTER", set())
        role_end = self.cue_end.get("ROLE", set()) | self.cue_end.get("PERSON_CUE", set())
        role_start = self.cue_at.get("ROLE", set()) | self.cue_at.get("PERSON_CUE", set())
        speech_at = self.cue_at.get("SPEECH", set())
        speech_end = self.cue_end.get("SPEECH", set())
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        org_role = set(self.org_roles)
        after_role_comma = {e + 1 for e in role_end}
        for start, end in self.names:
            if start in blocked or start in self.in_headline:
                continue
            text = self.text(start, end)
            words = [t.text for t in doc[start:end]]
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and end in self.legal:  # "Zolto Ventures Inc"
                self.add_form(self.text(start, end + 1), FIRM, "firm.legal_form", 0.95)
                continue
            if start in self.legal or words[-1] in self.lex["legal_forms"]:
                self.add_form(text, FIRM, "firm.legal_form", 0.95)
                continue
            if doc[end - 1].text.endswith((".US", ".UK", ".EU")):
                self.add_form(text, FIRM, "firm.regional_domain", 0.85)
                continue
            person_shape = self._person_shape(start, end)
            cue_before = start in firm_cue_end or (start - 1 in org_role)
            if (start in role_end or start - 1 in org_role) and (
                person_shape or (end - start == 1 and end < len(doc) and end in speech_at)
            ):
                self.add_form(text, PERSON, "person.role_before", 0.9)
                continue
            if start in after_role_comma and doc[start - 1].text == "," and person_shape:
                self.add_form(text, PERSON, "person.role_comma", 0.85)  # "its founder, Ann Vale"
                continue
            if start in firm_cue_end and not person_shape:
                self.add_form(text, FIRM, "firm.cue_before", 0.85, kind=self._kind_before(start))
                continue
            if len(words) > 1 and (words[-1] in heads or " ".join(words[-2:]) in heads):
                self.add_form(text, FIRM, "firm.name_head", 0.8)
                continue
            appos = self._apposition(end)
            if appos == "person" and person_shape:
                self.add_form(text, PERSON, "person.apposition", 0.9)
                continue
            if appos == "firm":
                self.add_form(text, FIRM, "firm.apposition", 0.85, kind=self._kind_after(end))
                continue
            if end in role_start and self._name_after_role(end):
                self.add_form(text, FIRM, "firm.org_role_person", 0.85)
                continue
            if start in after_role_comma and doc[start - 1].text == "," and not person_shape:
                self.add_form(text, FIRM, "firm.after_role", 0.75)
                continue
            if (
                self._cue_after(end, firm_after)
                and not doc[start].like_num
                and not (start > 0 and doc[start - 1].lower_ in {"a", "an", "een"})
            ):
                self.add_form(text, FIRM, "firm.cue_after", 0.8)
                continue
            if person_shape and (end in speech_at or start in speech_end):
                self.add_form(text, PERSON, "person.speech", 0.75)
                continue
            if cue_before:
                self.add_form(text, FIRM, "firm.cue_before", 0.7)

    def _person_shape(self, start: int, end: int) -> bool:
        """Two to four capitalised words, none a firm head or all capitals: "Aron Velde"."""
        words = self.doc[start:end]
        if not 2 <= len(words) <= 4:
            return False
        heads = set(self.lex["firm_heads"])
        for token in words:
            initial = len(token) == 2 and token.text.endswith(".")
            if token.text in heads or (
                token.is_upper and len(token) > 1 and not initial and token.text not in {"II", "III", "IV"}
            ):
                return False
            if token.like_num or "." in token.text[1:-1]:
                return False
        return True

    def _kind_before(self, start: int) -> str | None:
        token = self.doc[start - 1].lower_
        for noun, kind in self.lex["firm_coref"].items():
            if kind and token.endswith(noun.split()[-1]):
                return kind
        return None

    def _kind_after(self, end: int) -> str | None:
        doc = self.doc
        for i in range(end + 1, min(end + 9, len(doc))):
            if doc[i].text in {",", ".", ";", "("}:
                break
            for noun, kind in self.lex["firm_coref"].items():
                if kind and doc[i].lower_.endswith(noun.split()[-1]):
                    return kind
        return None

    def _apposition(self, end: int) -> str | None:
        """ ", a Canadian crypto exchange" -> firm; ", the founder of" / ", woordvoerder" -> person."""
        doc = self.doc
        if end >= len(doc) - 1 or doc[end].text != ",":
            return None
        firm_cue_start = self.cue_at.get("FIRM_CUE", set())
        role_start = self.cue_at.get("ROLE", set()) | self.cue_at.get("PERSON_CUE", set())
        for i in range(end + 1, min(end + 8, len(doc))):
            token = doc[i]
            if token.text in {",", ".", ";", "(", ")"} or token.is_sent_start:
                return None
            if i in role_start:
                role_end = min((e for s, e in self.roles if s == i), default=i + 1)
                if role_end < len(doc) and any(s == role_end for s, _ in self.names):
                    return None  # ", Rumble CEO Chris": the role is Chris's
                return "person"
            if i in firm_cue_start:
                # "the SEC's chair": a role further on decides
                if any(j in role_start for j in range(i + 1, min(i + 3, len(doc)))):
                    return "person"
                return "firm"
        return None

    def _name_after_role(self, end: int) -> bool:
        role_ends = [e for s, e in self.roles if s == end] or [e for s, e in self.roles if s == end]
        for e in role_ends:
            if e < len(self.doc) and any(s == e and self._person_shape(s, n) for s, n in self.names):
                return True
        if any(s in role_ends for s, _ in self.nicks):
            return True
        pe = [e for e in self.cue_end.get("PERSON_CUE", set()) if e > end and e - end <= 3]
        return any(any(s == e and self._person_shape(s, n) for s, n in self.names) for e in pe)

    def _cue_after(self, end: int, firm_after: set[int]) -> bool:
        doc = self.doc
        if end in firm_after:
            return True
        return (
            end + 1 in firm_after
            and end < len(doc)
            and doc[end].lower_ in {"crypto", "cryptocurrency", "trading", "lending"}
        )

    def possessives(self) -> None:
        """ "Quandle's portfolio", "Lumo's staked ether": a name that owns something is a firm, unless a person."""
        doc = self.doc
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        for start, end in self.names:
            if (
                end < len(doc)
                and doc[end].text in POSSESSIVE
                and start not in blocked
                and start not in self.in_headline
            ):
                text = self.text(start, end)
                if text in self.form_key or self._is_surname(text):
                    continue
                if (
                    self._person_shape(start, end)
                    and end + 1 < len(doc)
                    and doc[end + 1].lower_
                    in {"arrest", "wife", "husband", "lawyer", "lawyers", "attorney", "attorneys", "trial", "family"}
                ):
                    continue
                self.add_form(text, FIRM, "firm.possessive", 0.6)

    def nicknames(self) -> None:
        """'Ming “MT” Tao' -> person Ming Tao, also called MT."""
        doc = self.doc
        for start, end in self.nicks:
            name = f"{doc[start].text} {doc[end - 1].text}"
            key = self.add_form(name, PERSON, "person.nickname", 0.85)
            if key:
                self.form_key[self.text(start, end)] = key
                self.form_key[doc[start + 2].text] = key
                self.parties[key].forms[self.text(start, end)] = None

    def lists(self) -> None:
        """ "Quandle, Kestrel, Zolto, and Brightline": a list with a firm in it, or of three names, is of firms."""
        doc = self.doc
        coordinators = set(self.lex["coordinators"])
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        spans = sorted(self.names)
        groups: list[list[tuple[int, int]]] = []
        current: list[tuple[int, int]] = []
        for span in spans:
            if current:
                gap_range = range(current[-1][1], span[0])
                gap = [doc[i].lower_ for i in gap_range]
                cue_ok = [
                    doc[i].lower_ in coordinators or doc[i].text == "," or i in self.cue_at.get("FIRM_CUE", set())
                    for i in gap_range
                ]
                if gap and all(cue_ok) and len(gap) <= 3 and any(g in coordinators or g == "," for g in gap):
                    current.append(span)
                    continue
                groups.append(current)
            current = [span]
        if current:
            groups.append(current)
        for group in groups:
            if len(group) < 2:
                continue
            texts = [self.text(s, e) for s, e in group]
            types = [self.parties[self.form_key[t]].type if t in self.form_key else None for t in texts]
            if PERSON in types:
                continue
            if FIRM in types or len(group) >= 3:
                for (s, e), text, type_ in zip(group, texts, types, strict=True):
                    if type_ is None and s not in blocked and not self._person_shape(s, e):
                        self.add_form(text, FIRM, "firm.list", 0.65)

    def domains(self) -> None:
        """ "Zelko.com" is Zelko's website: an alias of the firm."""
        for start, end in self.names:
            text = self.text(start, end)
            base, dot, tld = text.rpartition(".")
            if dot and tld.lower() in {"com", "io", "net", "org"} and base in self.form_key:
                self.form_key[text] = self.form_key[base]

    def parentheses(self) -> None:
        """ "North Crest Holdings (NCH)": the acronym in brackets is another form of the name."""
        doc = self.doc
        for start, end in self.names + [(s, e) for s, e, *_ in self.closed]:
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                inner = doc[end + 1].text
                outer = self.text(start, end)
                key = self.form_key.get(outer) or next(
                    (k for s, e, _, k in self.closed if (s, e) == (start, end)), None
                )
                if key and inner.isupper() and inner not in self.form_key:
                    self.form_key[inner] = key

    # ----------------------------------------------------------------- authorities, states, courts
    def governments(self) -> None:
        """A country is a party only as a government: "the government of X", "X's government",
        and countries listed with one ("De Bahama's en de Verenigde Staten")."""
        doc = self.doc
        gov_end = self.cue_end.get("GOV_CUE", set())
        gov_after = self.cue_at.get("GOV_AFTER", set())
        names = data("countries")["countries"]
        govs: set[str] = set()
        for start, end, code in self.countries:
            if (
                start in gov_end
                or end in gov_after
                or (end < len(doc) and doc[end].text in POSSESSIVE and end + 1 in gov_after)
            ):
                govs.add(code)
        coordinators = set(self.lex["coordinators"])
        spans = sorted(self.countries)
        for (_, e1, c1), (s2, _, c2) in itertools.pairwise(spans):
            gap = [t.lower_ for t in doc[e1:s2]]
            if gap and len(gap) <= 3 and any(g in coordinators for g in gap) and ({c1, c2} & govs):
                govs.update({c1, c2})
        for start, end, code in self.countries:
            if code in govs:
                key = f"gov:{code}"
                self.ensure(key, names.get(code, code), PartyType.GOVERNMENT, "government.cue", 0.8, jurisdiction=code)
                self.closed.append((start, end, "GOV", key))

    def courts(self) -> None:
        """ "a court in the British Virgin Islands" -> Court "British Virgin Islands court"."""
        names = data("countries")["countries"]
        court_end = self.cue_end.get("COURT_CUE", set())
        court_at = {e: s for s, e in _spans(self.cue_spans_all("COURT_CUE"))}
        for start, end, code in self.countries:
            if start in court_end:
                cue_start = court_at.get(start, start)
                key = f"court:{code}"
                self.ensure(
                    key, f"{names.get(code, code)} court", PartyType.COURT, "court.in_country", 0.8, jurisdiction=code
                )
                self.closed.append((cue_start, end, "COURT", key))

    def cue_spans_all(self, label: str) -> list[tuple[int, int]]:
        starts = sorted(self.cue_at.get(label, set()))
        ends = sorted(self.cue_end.get(label, set()))
        pairs = []
        for end in ends:
            before = [s for s in starts if s < end]
            if before:
                pairs.append((min(before, key=lambda s: end - s if end - s > 0 else 99), end))
        return pairs

    def generic_authorities(self) -> None:
        """ "Amerikaanse aanklagers", "prosecutors": the most specific prosecutor the text names, else
        the national one for the jurisdiction the words give."""
        doc, lex = self.doc, self.lex
        authorities = data("authorities")["authorities"]
        named = {key for *_, key in self.closed}
        prosecutors = [p for p in self.parties.values() if p.type is PartyType.PROSECUTOR and p.key in named]
        parents = {p.parent for p in prosecutors if p.parent}
        specific = [p for p in prosecutors if p.name not in parents]
        for start, end in self.generic:
            words = {t.lower_ for t in doc[max(0, start - 2) : end]}
            jurisdiction = next((code for code, adj in lex["jurisdiction_words"].items() if words & set(adj)), None)
            choice = [p for p in specific if not jurisdiction or (p.jurisdiction or "").startswith(jurisdiction)]
            if choice:
                party = max(choice, key=lambda p: len(p.mentions))
            elif jurisdiction == "US":
                entry = next(a for a in authorities if a["name"] == "U.S. Department of Justice")
                party = self.ensure(
                    f"auth:{entry['name']}", entry["name"], PartyType.PROSECUTOR, "authorities", 0.7, jurisdiction="US"
                )
            else:
                continue
            s = (
                start - 1
                if start > 0 and doc[start - 1].lower_ in set().union(*lex["jurisdiction_words"].values())
                else start
            )
            self.closed.append((s, end, "GENERIC", party.key))
            if jurisdiction:
                party.forms[self.text(s, end)] = None

    def fuzzy_authorities(self) -> None:
        """ "Securities Exchange Commission": a near-miss of a listed authority name is that authority."""
        from rapidfuzz import fuzz, process

        authorities = data("authorities")["authorities"]
        names = {a["name"]: a for a in authorities}
        words = {"commission", "authority", "agency", "department", "office", "bank", "court", "autoriteit"}
        for start, end in list(self.names):
            text = self.text(start, end)
            if end - start < 2 or not words & {t.lower_ for t in self.doc[start:end]} or text in self.form_key:
                continue
            hit = process.extractOne(text, list(names), scorer=fuzz.ratio, score_cutoff=90)
            if hit:
                entry = names[hit[0]]
                key = f"auth:{entry['name']}"
                self.ensure(
                    key,
                    entry["name"],
                    PartyType(entry["type"]),
                    "authorities.fuzzy",
                    0.8,
                    jurisdiction=entry["jurisdiction"],
                )
                self.closed.append((start, end, "AUTH", key))
                self.names.remove((start, end))

    # ----------------------------------------------------------------- coreference
    def short_forms(self) -> None:
        """ "Pellow" for "Pellow Digital", "Velde" for "Aron Velde"."""
        heads = set(self.lex["firm_heads"])
        legal = set(self.lex["legal_forms"])
        firms = [(t, k) for t, k in self.form_key.items() if self.parties[k].type is FIRM and t not in self.derived]
        for text, key in firms:
            words = text.replace(",", " ").split()
            bare = list(words)
            while len(bare) > 1 and bare[-1] in legal:  # "Ostwind Labs Pte Ltd." -> "Ostwind Labs"
                bare.pop()
            shorts = [" ".join(bare)] if len(bare) < len(words) else []
            if len(bare) >= 2 and bare[-1] in heads:
                shorts.append(" ".join(bare[:-1]))
            for step, short in enumerate(shorts):  # only one step from the full name may join two parties
                if short.lower() in self.lower_stop:
                    continue
                other = self.form_key.get(short)
                joins = step == 0 and other and other != key and self.parties[other].type is FIRM
                if joins and not self._both_legal(other, key):
                    self.merge(other, key)
                self.form_key.setdefault(short, key)
                self.derived.add(short)
        persons = sorted(
            {k for k in self.form_key.values() if self.parties[k].type is PERSON}, key=lambda k: self.parties[k].name
        )
        surnames: Counter[str] = Counter()
        firsts: Counter[str] = Counter()
        for key in persons:
            words = self.parties[key].name.split()
            if len(words) >= 2:
                surnames[self._surname(words)] += 1
                firsts[words[0]] += 1
        for key in persons:
            if key not in self.parties:
                continue
            words = self.parties[key].name.split()
            if len(words) < 2:
                continue
            surname = self._surname(words)
            other = self.form_key.get(surname)
            if other and other != key and self.parties[other].type is PERSON and self.parties[other].name == surname:
                self.merge(other, key)  # "Lund III" said ... before "Peter K. Lund III" was known
            self.form_key.setdefault(surname, key)
            if firsts[words[0]] == 1 and len(words[0]) > 2 and not words[0].endswith("."):
                self.form_key.setdefault(words[0], key)

    def _both_legal(self, one: str, other: str) -> bool:
        """Two names with their own legal form are two companies ("Ostwind, Inc." and "Ostwind Global, Inc.")."""
        legal = set(self.lex["legal_forms"])
        return all(
            any(f.replace(",", " ").split()[-1] in legal for f, k in self.form_key.items() if k == key)
            for key in (one, other)
        )

    def merge(self, old: str, new: str) -> None:
        """Fold party ``old`` into ``new``: every form of it now names ``new``."""
        for form, key in list(self.form_key.items()):
            if key == old:
                self.form_key[form] = new
        party = self.parties.pop(old)
        self.parties[new].forms.update(party.forms)
        self.parties[new].kind = self.parties[new].kind or party.kind

    def promote(self) -> None:
        """A name in the firm slot of a fact cue is a firm: "Vela collapsed and filed for bankruptcy",
        "an investment in Ostwind", "Vela US's bid for Pellow"."""
        doc = self.doc
        before = {"BANKRUPT_SUBJ", "SUSPEND", "ACQUIRE", "DEBT", "CHARGE_PASSIVE"}
        after = {"BANKRUPT_OBJ", "EXPOSURE", "DEBT", "ACQUIRE", "SUBSIDIARY", "CHARGE_ACTIVE", "INVESTIGATE"}
        people = {"CHARGE_PASSIVE", "CHARGE_ACTIVE", "INVESTIGATE"}  # only people and firms are charged
        names = [(s, e) for s, e in self.names if s not in self.in_headline]
        for label, start, end in self.cue_spans:
            if label in before:
                prior = [
                    (s, e)
                    for s, e in names
                    if e <= start and start - e <= 4 and not any(t.text in {",", ";"} for t in doc[e:start])
                ]
                if prior:
                    self._slot(*prior[-1], label in people)
            if label in after:
                nxt = [(s, e) for s, e in names if s >= end and s - end <= 1]
                if nxt:
                    self._slot(*nxt[0], label in people)

    def _slot(self, start: int, end: int, people: bool) -> None:
        """A name in a fact slot: a firm, or with ``people`` a person when it has a person's shape."""
        text = self.text(start, end)
        if text in self.form_key or self._is_surname(text) or self._place(end):
            return
        if not self._person_shape(start, end):
            self.add_form(text, FIRM, "firm.fact_slot", 0.6)
        elif people:
            self.add_form(text, PERSON, "person.fact_slot", 0.6)

    def _place(self, end: int) -> bool:
        """ "Ostbury-based": a name right before a '-based' word is a place."""
        return end < len(self.doc) and self.doc[end].lower_.endswith("-based")

    @staticmethod
    def _surname(words: list[str]) -> str:
        if words[-1] in {"II", "III", "IV", "Jr.", "Jr", "Sr."} and len(words) > 2:
            return " ".join(words[-2:])
        return words[-1]

    def _is_surname(self, text: str) -> bool:
        return any(
            self.parties[k].type is PERSON and self.parties[k].name.split()[-1] == text
            for k in set(self.form_key.values())
        )

    def family(self) -> None:
        """ "Bram Haldane" is a person when "Ilse Haldane" is: a shared surname."""
        surnames = {self.parties[k].name.split()[-1] for k in self.form_key.values() if self.parties[k].type is PERSON}
        for start, end in self.names:
            text = self.text(start, end)
            if text not in self.form_key and end - start == 2 and self.doc[end - 1].text in surnames:
                self.add_form(text, PERSON, "person.family", 0.75)

    # ----------------------------------------------------------------- mentions
    def mentions(self) -> list[Mention]:
        """Every place a party is named: closed-class spans, then every surface form (PhraseMatcher),
        then "the exchange" / "de beurs" resolved to the firm last named in that role."""
        doc = self.doc
        found: list[Mention] = []
        for start, end, kind, key in self.closed:
            if kind in {"TICKER", "TOKENNAME", "AUTH", "GOV", "COURT", "GENERIC"}:
                rule = {"GOV": "government.cue", "COURT": "court.in_country", "GENERIC": "authority.generic"}.get(
                    kind, self.parties[key].rule
                )
                found.append(Mention(start, end, key, self.text(start, end), rule, self.parties[key].confidence))
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        forms = list(self.form_key)
        for index, form in enumerate(forms):
            matcher.add(str(index), [self.pipe.nlp.make_doc(form)])
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        for m, start, end in matcher(doc):
            if start in blocked:
                continue
            form = forms[int(doc.vocab.strings[m])]
            key = self.form_key[form]
            party = self.parties[key]
            found.append(Mention(start, end, key, self.text(start, end), party.rule, party.confidence))
        for start in self.org_roles:  # "Vela-topman": the firm is the part before the hyphen
            token = doc[start]
            prefix = token.text.split("-")[0]
            key = self.form_key.get(prefix) or self.add_form(prefix, FIRM, "firm.org_role", 0.8)
            if key:
                found.append(
                    Mention(start, start, key, prefix, "firm.org_role", 0.8, token.idx, token.idx + len(prefix))
                )
        found = _no_overlaps(found)
        return self._coreference(found)

    def _coreference(self, found: list[Mention]) -> list[Mention]:
        doc = self.doc
        corefs = self.cue_spans_all("COREF")
        if not corefs:
            return found
        starts = {m.start for m in found}
        kinds = self.lex["firm_coref"]
        out = list(found)
        for start, end in corefs:
            if start in starts or (end < len(doc) and any(m.start == end for m in found)):
                continue  # "the exchange Vela": a cue, not a reference
            kind = kinds.get(doc[end - 1].lower_, "")
            before = [m for m in found if m.end <= start and self.parties[m.key].type is FIRM]
            if kind:
                typed = [m for m in before if self.parties[m.key].kind == kind]
                before = typed or before
            if before:
                target = before[-1]
                out.append(Mention(start, end, target.key, self.text(start, end), "coref.definite", 0.6))
        return _no_overlaps(out)

    # ----------------------------------------------------------------- run
    def run(self) -> Recognition:
        self.collect()
        self.fuzzy_authorities()
        self.nicknames()
        self.classify_names()
        self.short_forms()
        self.lists()
        self.promote()
        self.short_forms()
        self.possessives()
        self.family()
        self.short_forms()
        self.domains()
        self.parentheses()
        self.governments()
        self.courts()
        self.generic_authorities()
        mentions = self.mentions()
        for mention in mentions:
            span = (
                self.doc[mention.start : mention.end]
                if mention.end > mention.start
                else self.doc[mention.start : mention.start + 1]
            )
            if mention.char_start < 0:
                mention.char_start, mention.char_end = span.start_char, span.end_char
            party = self.parties[mention.key]
            party.mentions.append(mention)
            if mention.rule not in {"coref.definite"}:
                party.forms[mention.text] = None
        parties = {k: p for k, p in self.parties.items() if p.mentions}
        return Recognition(self.doc, parties, mentions, self.roles, sorted(self.cue_spans, key=lambda c: c[1]))


def recognize(pipe: Pipeline, doc: Doc) -> Recognition:
    return Recognizer(pipe, doc).run()


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    taken: set[int] = set()
    out = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if not taken.intersection(range(start, end)):
            out.append((start, end))
            taken.update(range(start, end))
    return sorted(out)


def _spans(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return pairs


def _no_overlaps(mentions: list[Mention]) -> list[Mention]:
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


def is_party(party: Party) -> bool:
    return party.type in PARTY_TYPES


__all__ = ["Mention", "Party", "Recognition", "Span", "is_party", "recognize"]
