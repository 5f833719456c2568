"""The state of one document's recognition and the few operations every rule module uses:
register a party or a surface form, read a token range, tell a person's name by its shape."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from casegraph.loaders.layout import Layout
from casegraph.loaders.lexicon import as_set, data
from casegraph.loaders.parties import PERSON, Party
from casegraph.loaders.places import never_names
from casegraph.schemas import PartyType, name_key

if TYPE_CHECKING:
    from casegraph.loaders.pipeline import Pipeline


SUFFIXES = {"II", "III", "IV", "Jr.", "Jr", "Sr."}


def bare_surname(name: str) -> str:
    """ "John J. Ray III" -> "Ray": the family name without a generational suffix."""
    words = [w for w in name.split() if w not in SUFFIXES]
    return words[-1] if words else name


def family_names(name: str) -> list[str]:
    """The words a person is called by alone: the last, and in a name of four words with a Western
    given name before a Chinese one ("Damien Yeo Wei Liang") the second."""
    words = [w for w in name.split() if w not in SUFFIXES]
    forms = [bare_surname(name)]
    if len(words) == 4 and all(w[:1].isupper() and w.isalpha() for w in words):
        forms.append(words[1])
    return forms


class RecognizerState:
    """What the rules read and write; ``recognize.Recognizer`` applies them in order."""

    def __init__(self, pipe: Pipeline, doc: Doc, text: str | None = None) -> None:
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
        self.lower_stop = as_set(self.lex["stop_caps"])
        self.person_never = as_set(self.lex["person_never"])
        self.trade_words = as_set(self.lex["trade_words"])
        self.derived: set[str] = set()  # short forms made from long ones, never shortened again
        self.in_headline: set[int] = set()
        self.layout = Layout(doc, text)
        self.source = self.layout.source  # ``Doc.text`` joins every token on each call

    def ensure(self, key: str, name: str, type_: PartyType, rule: str, confidence: float, **attrs) -> Party:
        party = self.parties.get(key)
        if party is None:
            party = self.parties[key] = Party(key, name, type_, rule=rule, confidence=confidence)
        for attr, value in attrs.items():
            if value and not getattr(party, attr):
                setattr(party, attr, value)
        return party

    def ensure_authority(self, entry: dict, rule: str, confidence: float) -> str:
        """A body of authorities.json as a party; its key."""
        key = f"auth:{entry['name']}"
        self.ensure(
            key,
            entry["name"],
            PartyType(entry["type"]),
            rule,
            confidence,
            jurisdiction=entry["jurisdiction"],
            parent=entry.get("parent"),
        )
        return key

    def add_form(
        self, text: str, type_: PartyType, rule: str, confidence: float, kind: str | None = None
    ) -> str | None:
        """Register a surface form as a party of ``type_``; the first type given to a form wins."""
        text = text.strip(" ,;:“”\"'’")
        if text.endswith(".") and text.rsplit(" ", 1)[-1] not in {*self.lex["legal_forms"], *SUFFIXES}:
            text = text.rstrip(".")  # a full stop ends the sentence, not "Ltd."
        text = text.strip(" ,;:“”\"'’")
        words = text.split()
        if type_ is PERSON and len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[0]):
            words = words[1:]  # "Ex-senator Ann Vale": the title is no part of the name
            text = " ".join(words)
        while type_ is PERSON and len(words) > 2 and words[-1] in self.lex["person_particles"]:
            words = words[:-1]  # "gouverneur Carlos Costa van Banco de Portugal": "van" opens the institution
            text = " ".join(words)
        if len(words) == 1 and any(text.endswith(a) for a in self.lex["adjective_endings"]):
            return None  # "Oostlandse": an adjective of place, not a name
        if len(words) == 1 and self._prefixed_role(text):
            return None  # "Ex-CEO", "Oud-bestuurders": a role word, not a name
        if len(text) < 2 or text.lower() in self.lower_stop or text.lower() in never_names():
            return None  # "Russian", "Moscow", "Mozambique": a place, never a firm or a person
        if words and words[-1] in self.lex["place_heads"]:
            return None  # "Caribbean Sea", "Noordzee-eiland": a place
        if len(words) > 1 and words[-1] in self.lex["law_words"] and type_ is not PERSON:
            return None  # "Bank Secrecy Act": a law, not a party
        if re.fullmatch(r"[A-Z]{3}\d[\d.,]*\w?", text) or text in data("currencies")["codes"]:
            return None  # "EUR60m", "EUR": an amount or its currency
        if text in self.lex["legal_forms"]:
            return None  # "B.V." alone: the name it ends was not found
        if text in self.form_key:
            key = self.form_key[text]
            party = self.parties[key]
            if kind and not party.kind:
                party.kind = kind
            return key
        if kind is None and type_ is PartyType.FIRM:
            kind = self._kind_of_name(text)
        key = f"{type_.value}:{name_key(text, person=type_ is PERSON)}"
        if key in self.parties and any(
            self._other_legal_form(form, text) for form, k in self.form_key.items() if k == key
        ):
            key = f"{key} {text.split()[-1].lower()}"  # "Nordbank AB" and "Nordbank AS" are two companies
        party = self.ensure(key, text, type_, rule, confidence, kind=kind)
        if len(text) > len(party.name) and type_ is not PERSON:
            party.name = text
        self.form_key[text] = key
        return key

    def _kind_of_name(self, name: str) -> str | None:
        """The kind a firm's own name gives it ("Veluwse Handelsbank N.V." is a bank, "Kessel Macro
        Fund" a fund), so that "the bank" later finds it."""
        words = [w for w in name.replace(",", " ").split() if w not in self.lex["legal_forms"]]
        if len(words) < 2:
            return None
        kinds = {noun: kind for noun, kind in self.lex["firm_coref"].items() if kind and " " not in noun}
        for word in (words[-1].lower(), words[0].lower()):
            kind = next((k for noun, k in kinds.items() if word.endswith(noun)), None)
            if kind:
                return kind
        return None

    def _other_legal_form(self, one: str, other: str) -> bool:
        """Two names that differ only in their legal form ("Swedbank AB", "Swedbank AS") name two
        companies of one group; spellings of one form ("Ltd", "Limited") do not."""
        forms = self.lex["legal_forms"]
        a, b = one.replace(",", " ").split(), other.replace(",", " ").split()
        if len(a) < 2 or len(b) < 2 or a[-1] not in forms or b[-1] not in forms:
            return False
        same = self.lex.get("legal_form_spellings", {})

        def norm(form: str) -> str:
            bare = form.replace(".", "").lower()
            return same.get(bare, bare)

        return norm(a[-1]) != norm(b[-1])

    def fold(self, old: str, new: str) -> None:
        """Party ``old`` becomes another form of ``new``: every form of it now names ``new``."""
        for form, key in list(self.form_key.items()):
            if key == old:
                self.form_key[form] = new
        party = self.parties.pop(old)
        self.parties[new].forms.update(party.forms)
        self.parties[new].kind = self.parties[new].kind or party.kind

    def text(self, start: int, end: int) -> str:
        return self.layout.text(start, end)

    def _prefixed_role(self, word: str) -> bool:
        """ "Ex-CEO", "Oud-bestuurders", "Co-founder": a role with a prefix of time or rank."""
        prefix, dash, rest = word.lower().partition("-")
        lex = self.lex
        return (
            bool(dash)
            and prefix in {*lex["role_modifiers"], "co", "mede", "vice"}
            and (rest in lex["officer_roles"] or rest in lex["person_cues"])
        )

    def cue_spans_all(self, label: str) -> list[tuple[int, int]]:
        starts = sorted(self.cue_at.get(label, set()))
        ends = sorted(self.cue_end.get(label, set()))
        pairs = []
        for end in ends:
            before = [s for s in starts if s < end]
            if before:
                pairs.append((min(before, key=lambda s: end - s if end - s > 0 else 99), end))
        return pairs

    def _compound_head(self, word: str, alone: bool = False) -> bool:
        """A word written whole with a firm's head noun at its end: "Commerzbank", "Gazprombank";
        a trade's ("Installatiebedrijf", "Gashandel") only beside a name, not ``alone``: "Binnenvaart
        worstelt" is the trade."""
        if not word[:1].isupper() or word.isupper():
            return False
        lower = word.lower()
        heads = tuple(self.lex["compound_heads"]) + (() if alone else tuple(self.lex["compound_trade_heads"]))
        return lower.endswith(heads) and any(lower.endswith(h) and len(lower) > len(h) + 2 for h in heads)

    def _cue_compound(self, word: str) -> bool:
        """ "IT-bedrijf", "DeFi-startup": a word joined by a hyphen to a firm noun written small describes
        the firm named after it; it is no part of the name."""
        head, _, tail = word.rpartition("-")
        if not head or not tail.islower():
            return False
        cues = self.lex["firm_cues"]
        return tail in cues or any(c.startswith("*") and tail.endswith(c[1:]) for c in cues)

    def _person_shape(self, start: int, end: int) -> bool:
        """Two to four capitalised words, none a firm head or all capitals: "Aron Velde"."""
        words = self.layout.orth[start:end]  # the words' texts: no Tokens made
        if not 2 <= len(words) <= 4:
            return False
        if any(w in self.person_never for w in words):
            return False  # "Local Government Association", "Danish Special Crime Unit"
        heads = as_set(self.lex["firm_heads"])
        if any(len(w) == 2 and w.endswith(".") for w in words[1:-1]) or words[-1] in {"Jr.", "Jr", "Sr."}:
            heads = set()  # "Frank B. Holding Jr.": an initial or a suffix makes the head word a surname
        for word, like_num in zip(words, self.layout.like_num[start:end], strict=True):
            initial = len(word) == 2 and word.endswith(".")
            if word in heads or (word.isupper() and len(word) > 1 and not initial and word not in {"II", "III", "IV"}):
                return False
            if like_num or "." in word[1:-1]:
                return False
        return True

    def _opens_sentence(self, i: int) -> bool:
        """The first word of a sentence, after any quote, bullet or dash."""
        layout = self.layout
        starts, punct, quote = layout.sent_starts, layout.punct, layout.quote
        while i > 0 and i not in starts and (punct[i - 1] or quote[i - 1]):
            if layout.orth[i - 1] in {"-", "–", "—"} and self._dateline_before(i - 1):
                return True  # "AMSTERDAM/RIGA - Duizenden spaarders": the sentence proper opens here
            i -= 1
        return i in starts

    def _dateline_before(self, dash: int) -> bool:
        """The words of the sentence before ``dash`` are a dateline: places in capitals, a date."""
        layout = self.layout
        first = layout.sents[layout.sent_of[dash]].start
        words = [w for w in layout.orth[first:dash] if any(c.isalpha() for c in w)]
        return bool(words) and words[0].isupper() and len(words[0]) > 2 and dash - first <= 12

    def _only_opening(self, start: int, end: int) -> bool:
        """ "Omgekeerd is ...", "Shareholders who ...": one word that the text writes with a capital only
        where a sentence opens is an ordinary word, not a name."""
        if end - start != 1 or not self._opens_sentence(start):
            return False
        word, doc = self.layout.orth[start], self.doc
        for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", self.source):
            span = doc.char_span(found.start(), found.end())
            if span is not None and span.start != start and not self._opens_sentence(span.start):
                return False
        return True

    def _is_surname(self, text: str) -> bool:
        """ "Holding" of "Frank B. Holding Jr.", "Ray" of "John J. Ray III"."""
        return any(
            self.parties[k].type is PERSON and text in family_names(self.parties[k].name)
            for k in set(self.form_key.values())
        )
