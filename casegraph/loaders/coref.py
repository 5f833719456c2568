"""Light coreference inside one document: short forms of names ("Pellow" for "Pellow Digital",
"Velde" for "Aron Velde"), every place a known form occurs, "the exchange" / "de beurs" as the
firm last named in that role, and "the company" / "it" as the firm the sentence before was about."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from casegraph.loaders.lexicon import as_set, data
from casegraph.loaders.parties import FIRM, PERSON, Mention, no_overlaps, org_role_firm
from casegraph.loaders.places import never_names
from casegraph.loaders.state import SUFFIXES, RecognizerState, family_names
from casegraph.schemas import PartyType, name_key

# a fact's verb right after a sentence-opening pronoun ("It borrowed $25m from", "Het leende"): its subject
VERB_CUES = ("DEBT", "EXPOSURE", "LOSS", "UNPAID", "CLAIM", "SUSPEND", "BANKRUPT_SUBJ", "ACQUIRE")


@lru_cache(maxsize=2048)
def _form_doc(nlp: Language, form: str) -> Doc:
    """A surface form's tokens, for the PhraseMatcher of ``mentions``: the same names come back in
    every document of a batch."""
    return nlp.make_doc(form)


@lru_cache(maxsize=2048)
def _form_words(nlp: Language, form: str) -> tuple[str, ...]:
    """The words of a surface form as ``mentions`` compares them with ``Layout.orth``."""
    return tuple(t.text for t in _form_doc(nlp, form))


@lru_cache(maxsize=1024)
def acronym_authority(word: str) -> dict | None:
    """The one body of authorities.json with this acronym."""
    found = [e for e in data("authorities")["authorities"] if word in e.get("acronyms", [])]
    return found[0] if len(found) == 1 else None


class Coreference(RecognizerState):
    """Short forms, mentions and definite references."""

    def _told_apart(self, full: str, short: str) -> bool:
        """ "Ardwyn Digital Ltd is a wholly owned subsidiary of Ardwyn": a sentence that ties the short
        name to the full one as parent or unit tells two firms, not one firm named twice."""
        rest = full[len(short):].split()
        if not full.startswith(short + " ") or not rest:
            return False
        units = "|".join(re.escape(w) for w in self.lex["unit_words"])
        alone = rf"\b{re.escape(short)}\b(?!\s+{re.escape(rest[0])})"
        shapes = (  # "X Ltd is a wholly owned subsidiary of X", "X's local unit, X Ltd"
            rf"{re.escape(full)}\b[^.;]{{0,40}}\b(?:{units})\s+(?:of|van)\s+(?:the\s+|de\s+|het\s+)?{alone}",
            rf"{alone}(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}(?:{units}),?\s+{re.escape(full)}",
        )
        return any(
            full in sent.text and any(re.search(shape, sent.text) for shape in shapes) for sent in self.layout.sents
        )

    def short_forms(self) -> None:
        """ "Pellow" for "Pellow Digital", "Velde" for "Aron Velde"."""
        heads = as_set(self.lex["firm_heads"])
        groups = as_set(self.lex["group_heads"])
        compounds = tuple(self.lex["compound_heads"])
        group_compounds = tuple(self.lex["compound_group_heads"])  # "Van Riemsdijk Bouwgroep" -> "Van Riemsdijk"
        firms = [(t, k) for t, k in self.form_key.items() if self.parties[k].type is FIRM and t not in self.derived]
        # a short form two names share ("Harrowgate" of Harrowgate Savings Bank and Harrowgate Financial
        # Corp.) names the one the text names first
        firms.sort(key=lambda f: self.source.find(f[0]) % (len(self.source) + 1))
        heads_cut = Counter(" ".join(b[:-1]) for t, _ in firms if len(b := self._bare(t)) >= 2 and b[-1] in heads)
        for text, _ in firms:
            key = self.form_key[text]
            if key not in self.parties:
                continue  # merged away by an earlier short form
            words = self._title(text).replace(",", " ").split()
            bare = self._bare(text)
            shorts = [" ".join(bare)] if len(bare) < len(words) else []
            if len(bare) >= 3 and bare[0].lower() in never_names():  # "English Premier League"
                shorts.append(" ".join(bare[1:]))
            elif len(bare) >= 3 and " ".join(bare[-2:]) in heads:  # "H2O Asset Management" -> "H2O"
                shorts.append(" ".join(bare[:-2]))
            elif len(bare) >= 2 and (bare[-1] in heads or bare[-1].lower().endswith(group_compounds)):
                shorts.append(" ".join(bare[:-1]))
            elif len(bare) == 2 and bare[0].lower().endswith(compounds) and bare[0][:1].isupper():
                shorts.append(bare[0])  # "Hanzebank" for "Hanzebank Zwolle N.V."
            elif len(bare) >= 3 and bare[0] in self.lex["firm_heads_first"] and bare[1][:1].isupper():
                shorts.append(" ".join(bare[1:]))  # "Kempen & Peel" for "Kredietunie Kempen & Peel"
            elif len(bare) >= 3 and bare[-2] in self.lex["legal_forms"] and bare[-1][:1].isupper():
                shorts.append(bare[-1])  # "Sjöhagen" for "Fastighets AB Sjöhagen": the name after the form
            shorts += [short[:-2] for short in shorts if short.endswith(("'s", "’s")) and " " not in short
                       and len(short) > 5]  # "Slavenburg" for "Slavenburg's Bank"
            for step, short in enumerate(shorts):  # only one step from the full name may join two parties
                if short.lower() in self.lower_stop:
                    continue
                other = self.form_key.get(short)
                group = step == 1 and bare[-1] in groups  # "UBS Group AG" is the listed "UBS"
                whole_word = step == 1 and len(bare) == 2 and short == bare[0] and bare[0].lower().endswith(compounds)
                alone = step == 1 and (heads_cut[short] == 1 or whole_word) and other and (
                    self.parties[other].rule != "firm.known")  # "Hanzebank" of "Hanzebank Zwolle N.V." too
                alone = alone and (
                    group
                    or not any(  # "Kallang" of Kallang Tankers beside Kallang Petroleum
                        t.startswith(f"{short} ") and k != key for t, k in firms if k in self.parties
                    )
                )  # but "Noorderlicht" of Noorderlicht Groep beside Noorderlicht Hypotheken is the group
                joins = (  # the short form of another full name joins nothing: "Vela Capital"/"Vela Trading"
                    (step == 0 or alone or (group and other and self.parties[other].rule == "firm.known"))
                    and other
                    and other != key
                    and short not in self.derived
                    and self.parties[other].type is FIRM
                    and (self.parties[other].rule != "firm.known" or group)  # "Wirecard" beside "Wirecard Bank"
                )
                # "cryptokantoor Wisselhof" in the headline, then Wisselhof Digitaal bv and Wisselhof
                # Custody bv: the bare name found by a cue is the one the text names first
                bare_cue = (step == 1 and other and other != key and self.parties[other].name == short
                            and self.parties[other].rule in {"firm.cue_before", "firm.fact_slot"}
                            and key == self._first_named_with(short, firms))
                # the group's own name joins no unit
                group = (joins or bare_cue or short not in self.form_key or short in self.derived) and (
                    self._group_before_units(short, firms))
                if (joins or bare_cue) and not group and not self._both_legal(other, key) and not self._told_apart(
                        text, short):
                    self.fold(other, key)
                elif other and step == 0 and len(bare) < len(words) and self._lone_person(other, short):
                    self.fold(other, key)  # "Northern Rock being sold" beside "Northern Rock plc": the firm
                if group and (short not in self.form_key or short in self.derived):
                    self.form_key[short] = f"{FIRM.value}:{name_key(short)}"
                    self.ensure(self.form_key[short], short, FIRM, "firm.group_short", 0.7)
                self.form_key.setdefault(short, self._first_named_with(short, firms) or key)
                self.derived.add(short)
            if not shorts and len(bare) == 2 and self._stands_alone(bare[0], bare[1], heads, firms):
                self.form_key[bare[0]] = key  # "Lingestaete" for "Lingestaete Hypotheken", written alone too
                self.derived.add(bare[0])
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
        self._initials(persons)
        for key in persons:
            if key not in self.parties:
                continue
            words = self.parties[key].name.split()
            if len(words) < 2:
                continue
            for surname in dict.fromkeys([self._surname(words), *family_names(self.parties[key].name)]):
                other = self.form_key.get(surname)  # "Lund III" or "Mr. Lund" said ... before "Peter K. Lund III"
                lone = other and other != key and self.parties[other].type is PERSON
                if lone and self.parties[other].name == surname:
                    self.fold(other, key)
                self.form_key.setdefault(surname, key)
            if firsts[words[0]] == 1 and len(words[0]) > 2 and not words[0].endswith("."):
                first = self.form_key.get(words[0])
                lone = first and first != key and self.parties[first].type is PERSON
                if lone and self.parties[first].name == words[0]:
                    self.fold(first, key)  # "his brother Tyler" before "Tyler Winklevoss"
                self.form_key.setdefault(words[0], key)

    def _stands_alone(self, first: str, second: str, heads: set[str], firms: list[tuple[str, str]]) -> bool:
        """The first word of a two-word firm name is written alone inside a sentence as well ("talks
        with Lingestaete" beside "Lingestaete Hypotheken"), is no common word and is in no other
        firm's name ("Bank Scheldeland" beside "Scheldeland Lease")."""
        acronym = first.isupper() and len(first) >= 3 and first.isalpha() and not second.isupper()  # "SBM Offshore"
        word = len(first) >= 4 and first[:1].isupper() and not first.isupper()
        if not (acronym or word):
            return False
        if first in heads or first in self.form_key:
            return False
        owner = {first, f"{first}'s", f"{first}’s"}  # "Slavenburg" is in "Slavenburg's Bank" too
        if any(owner & set(t.split()) for t, k in firms if k != self.form_key.get(f"{first} {second}")):
            return False
        if first.lower() in self.lower_stop or first.lower() in never_names():
            return False
        alone = re.compile(rf"(?<=[a-z,] ){re.escape(first)}(?![\w'’-])(?! {re.escape(second)})")
        return alone.search(self.source) is not None

    def _group_before_units(self, short: str, firms: list[tuple[str, str]]) -> bool:
        """ "Carillion collapsed ... Carillion Construction and Carillion Services, two of the group's
        companies": a short form two or more firms' names open with, opening a sentence of the body
        before any of them is named, is their group, a firm of its own."""
        longer = {k for t, k in firms if k in self.parties and t.startswith(f"{short} ")}
        if len(longer) < 2:
            return False
        groups = as_set(self.lex["group_heads"])
        if any(" ".join(self._bare(t)[len(short.split()):]) in groups for t, k in firms if k in longer):
            return False  # "Signa Holding, the group's top company": the holding is the group
        if any(p.type is PERSON and p.name.endswith(f" {short}") for p in self.parties.values()):
            return False  # "Meinl" of the banker Julius Meinl beside Meinl Bank and Meinl European Land
        # the body opens at the first line ending in a stop: a headline shortens every name
        body = next((m.start() for m in re.finditer(r"^.*[.!?\"”]$", self.source, re.M)), len(self.source))
        # written alone in the body: "Carillion, Britain's largest builder, collapsed"
        alone = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-]| [A-Z]| famil)", re.M).search(self.source, body)
        first_long = min(self.source.find(t) for t, k in firms if k in longer and t in self.source)
        return alone is not None and alone.start() < first_long

    def _first_named_with(self, short: str, firms: list[tuple[str, str]]) -> str | None:
        """The firm named first whose full name opens with ``short`` ("Maasmond" of Maasmond
        Scheepskrediet NV, named before Maasmond Leasing BV): ``firms`` is in order of first mention."""
        return next(
            (k for t, k in firms if k in self.parties and t.startswith((f"{short} ", f"{short}'s ", f"{short}’s "))
             and self.parties[k].type is FIRM),
            None,
        )

    def _bare(self, text: str) -> list[str]:
        """The words of a firm's name without its legal forms: "Ostwind Labs Pte Ltd." -> Ostwind Labs."""
        bare = self._title(text).replace(",", " ").split()
        while len(bare) > 1 and bare[-1] in self.lex["legal_forms"]:
            bare.pop()
        return bare

    @staticmethod
    def _title(text: str) -> str:
        """ "TREMONT HOLDINGS INC" -> "Tremont Holdings Inc": a name in capitals, in the case of the text."""
        return text.title() if text.isupper() and len(text) > 5 and " " in text else text

    def _initials(self, persons: list[str]) -> None:
        """ "J. Ezra Merkin" and "Jacob Ezra Merkin": a first name written as its initial is one person."""
        for short in persons:
            words = self.parties[short].name.split() if short in self.parties else []
            if len(words) < 3 or not (len(words[0]) == 2 and words[0].endswith(".")):
                continue
            for full in persons:
                other = self.parties[full].name.split() if full in self.parties else []
                if full != short and len(other) == len(words) and other[1:] == words[1:] and other[0][0] == words[0][0]:
                    self.fold(short, full)
                    break

    def _lone_person(self, key: str, name: str) -> bool:
        """A person known by nothing but the bare name of a firm with a legal form is that firm."""
        party = self.parties[key]
        return party.type is PERSON and party.name == name and party.rule in {"person.speech", "person.fact_slot"}

    def _both_legal(self, one: str, other: str) -> bool:
        """Two names with their own legal form are two companies ("Ostwind, Inc." and "Ostwind Global, Inc.")."""
        legal = as_set(self.lex["legal_forms"])
        return all(
            any(f.replace(",", " ").split()[-1] in legal for f, k in self.form_key.items() if k == key)
            for key in (one, other)
        )

    @staticmethod
    def _surname(words: list[str]) -> str:
        if words[-1] in SUFFIXES and len(words) > 2:
            return " ".join(words[-2:])
        return words[-1]

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
        forms = list(self.form_key)
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        for index, start, end in self._form_matches(forms):
            if start in blocked:
                continue
            form = forms[index]
            key = self.form_key[form]
            party = self.parties[key]
            found.append(Mention(start, end, key, self.text(start, end), party.rule, party.confidence))
        for start in self.org_roles:  # "Vela-topman": the firm is the part before the hyphen
            token = doc[start]
            prefix = org_role_firm(token.text)
            entry = acronym_authority(prefix)  # "DNB-president": the authority, not a firm named DNB
            key = self.form_key.get(prefix) or (self.ensure_authority(entry, "authorities", 0.9) if entry else
                                                self.add_form(prefix, FIRM, "firm.org_role", 0.8))
            if key:
                at = token.idx + token.text.index(prefix)
                found.append(Mention(start, start, key, prefix, "firm.org_role", 0.8, at, at + len(prefix)))
        found = no_overlaps(found)
        return self._coreference(found)

    def _form_matches(self, forms: list[str]) -> list[tuple[int, int, int]]:
        """(index in ``forms``, start, end) of every place a form's words stand, in the order of a
        PhraseMatcher on ORTH (by start, then length), without building one per document. Forms whose
        words are alike ("Vela  Inc", "Vela Inc") go to the PhraseMatcher, whose order decides between them."""
        by_first: dict[str, list[tuple[int, list[str], int]]] = {}
        seen: set[tuple[str, ...]] = set()
        for index, form in enumerate(forms):
            words = _form_words(self.pipe.nlp, form)
            if words in seen:
                return self._phrase_matches(forms)
            seen.add(words)
            if words:  # the PhraseMatcher leaves out an empty pattern
                by_first.setdefault(words[0], []).append((len(words), list(words), index))
        for candidates in by_first.values():
            candidates.sort()
        orth = self.layout.orth
        out = []
        for i, word in enumerate(orth):
            for length, words, index in by_first.get(word, ()):
                if orth[i : i + length] == words:
                    out.append((index, i, i + length))
        return out

    def _phrase_matches(self, forms: list[str]) -> list[tuple[int, int, int]]:
        matcher = PhraseMatcher(self.doc.vocab, attr="ORTH")
        for index, form in enumerate(forms):
            matcher.add(str(index), [_form_doc(self.pipe.nlp, form)])
        return [(int(self.doc.vocab.strings[m]), start, end) for m, start, end in matcher(self.doc)]

    def _coreference(self, found: list[Mention]) -> list[Mention]:
        doc = self.doc
        lay = self.layout
        corefs = self.cue_spans_all("COREF")
        if not corefs:
            return found
        self.__dict__.pop("_forms_by_key", None)  # the forms as they stand now
        starts = {m.start for m in found}
        kinds = self.lex["firm_coref"]
        described_nouns = set(self.lex["coref_described_nouns"])
        out = list(found)
        chain: dict[str, str] = {}  # a description already read -> the firm it stood for
        for start, end in corefs:
            if start in starts or any(m.start == end or m.start < end <= m.end for m in found):
                continue  # "the exchange Vela": a cue, not a reference; "die via Bank Melli": a name's word
            kind = kinds.get(" ".join(lay.lower[start + 1 : end])) or kinds.get(lay.lower[end - 1], "")
            noun = lay.lower[end - 1]
            if (titled := self._titled_name(found, start, end)) is not None:
                out.append(Mention(start, end, titled.key, self.text(start, end), "coref.definite", 0.6))
                continue
            if noun in self.lex["government_coref"] or noun in self.lex["authority_coref"]:  # "the county", "the board"
                bodies = [m for m in found if m.end <= start and self._body_named(m.key, noun)]
                if bodies:
                    out.append(Mention(start, end, bodies[-1].key, self.text(start, end), "coref.definite", 0.6))
                continue
            before = [m for m in found if m.end <= start and self.parties[m.key].type is FIRM]
            if lay.lower[end - 1] in described_nouns:  # "de rederij": the firm the text called a rederij
                apposed = [m for m in before if m.end == start - 1 and lay.orth[start - 1] == ","]
                before = apposed or self._described_as(before, found, lay.lower[end - 1], start, kind)
            # a place inside ("the Bermuda unit") is read as the place the firm was given, below
            inner = [m for m in found if start < m.start < end and self.parties[m.key].type is not PartyType.GOVERNMENT]
            if inner:  # "the Gemini exchange" is Gemini; "the Kenner fund" the fund whose name has Kenner
                before = [m for m in before if kind and self._named_as(m.key, kind, inner[0].text)]
                if not before:
                    continue
            placed = self._placed(before, lay.orth[start + 1]) if doc[start + 1].is_title else []
            if start > 0 and lay.lower[start - 1] in self.lex["to_words"]:
                before = self._not_own_subject(before, found, start)  # "Vela has $5m at the bank": not Vela
            if placed:
                before = placed  # "the Vienna bank": the firm the text placed in Vienna
            elif kind:
                typed = [m for m in before if self._named_as(m.key, kind, by_kind=True)]
                if not typed:  # "the trader", "the fund": no firm known as a bank
                    before = [m for m in before if self.parties[m.key].kind in {None, "", kind}]
                before = typed or ([] if kind in self.lex["coref_strict_kinds"] else before)
            before = self._same_description(before, chain.get(self.text(start, end).lower()), start) if kind else before
            if set(lay.lower[start:end]) & as_set(self.lex["failure_adjectives"]):
                before = self._failed(before) or before  # "the failed bank": the bank whose failure was told
            elif start > 1 and lay.lower[start - 1] in self.lex["of_words"] and lay.lower[start - 2] in as_set(
                    self.lex["insolvency_roles"]):  # "X of PwC were named liquidators of the company": the failed one
                here = self.layout.sent_of[start]
                others = [m for m in before if self.layout.sent_of[m.start] != here]
                before = self._failed(others) or others or before
            appositive = [m for m in before if m.end == start - 1 and lay.orth[start - 1] == ","]
            same_sentence = any(lay.sent_of[m.start] == lay.sent_of[start] for m in before)
            opening = start in lay.sent_starts and kind
            subject = self._previous_subject(out, start) if opening and before else None
            if appositive:  # "Kestrel, the trading firm": the name just before
                before = appositive
            elif subject is not None and any(m.key == subject.key for m in before):
                before = [subject]  # "... Vela is being sold to Marlin. The bank was nationalised": Vela
            elif (
                not kind
                and not same_sentence
                and (subject := self._previous_subject(out, start)) is not None
                and any(m.key == subject.key for m in before)
            ):  # a firm named earlier in the same sentence is nearer
                before = [subject]  # "the company": the firm the text was just about, not the last named
            elif before and not kind and not same_sentence and self._opens_paragraph(start):
                counts = Counter(m.key for m in before)  # a new paragraph's "het bedrijf": the text's firm
                before = [max(reversed(before), key=lambda m: counts[m.key])]
            if before:
                target = before[-1]
                out.append(Mention(start, end, target.key, self.text(start, end), "coref.definite", 0.6))
                chain[self.text(start, end).lower()] = target.key
        return no_overlaps(out + self._pronouns(out))

    def _opens_paragraph(self, start: int) -> bool:
        """The description stands in the first sentence of a paragraph."""
        sent = self.layout.sent(start)
        return "\n\n" in self.source[max(0, self.layout.idx[sent.start] - 3) : self.layout.idx[sent.start]] or (
            sent.start > 0 and "\n\n" in self.doc[sent.start - 1].text)

    def _described_as(
        self, before: list[Mention], found: list[Mention], noun: str, at: int, kind: str = ""
    ) -> list[Mention]:
        """The candidates the text described with ``noun`` ("Maasvlakte Tankvaart, een Rotterdamse
        rederij", "bunkerleverancier Botlek") or whose name has it or a word of its kind ("Woningcorporatie
        Zandhove", "Banyan Market Making"): a trade noun stands for no firm the text did not call so."""
        lower = self.layout.lower
        ends = (noun, *self.lex["coref_kind_words"].get(kind, []))
        described = set()
        for m in found:
            sent = self.layout.sent(m.start)
            near = [*lower[max(sent.start, m.start - 2) : m.start], *lower[m.end : min(sent.end, m.end + 6, at)]]
            words = [w.lower() for w in self.parties[m.key].name.split()]
            if any(w.endswith(ends) for w in near + words):
                described.add(m.key)
        return [m for m in before if m.key in described]

    def _titled_name(self, found: list[Mention], start: int, end: int) -> Mention | None:
        """ "the Bank", "the Fund" written with a capital inside a sentence: the last party named
        with that word in its name (the Bank of England), not the last bank."""
        word = self.layout.orth[end - 1]
        if not word[:1].isupper() or end - 1 in self.layout.sent_starts:
            return None
        named = [m for m in found if m.end <= start and word in self.parties[m.key].name.split()]
        return named[-1] if named else None

    def _body_named(self, key: str, word: str) -> bool:
        """A state's body or an authority whose name has ``word`` ("Gemeente Waterlinde" for "de
        gemeente", "Single Resolution Board" for "the board")."""
        party = self.parties[key]
        bodies = (PartyType.GOVERNMENT, PartyType.REGULATOR, PartyType.PROSECUTOR, PartyType.COURT)
        return party.type in bodies and word in party.name.lower().split()

    def _failed(self, before: list[Mention]) -> list[Mention]:
        """The candidates named in a sentence that tells a failure (a bankruptcy, closure or
        winding-up cue)."""
        cues = [at for label, at in self.cue_at.items() if label.startswith("BANKRUPT")]
        failing = {self.layout.sent_of[s] for at in cues for s in at}
        return [m for m in before if self.layout.sent_of[m.start] in failing]

    def _same_description(self, before: list[Mention], prior: str | None, start: int) -> list[Mention]:
        """ "the bank" again, after another bank was named in passing two sentences back: the firm the
        same description stood for before, unless the other was named in this sentence or the one
        before it."""
        if prior is None or len({m.key for m in before}) < 2 or not any(m.key == prior for m in before):
            return before
        sents, here = self.layout.sents, self.layout.sent_of[start]
        told = next((n for n in range(here - 1, -1, -1) if any(t.is_alpha for t in sents[n])), here)
        if self.layout.sent_of[before[-1].start] >= told:  # a blank line between paragraphs is no sentence
            return before
        return [m for m in before if m.key == prior]

    def _placed(self, before: list[Mention], place: str) -> list[Mention]:
        """The candidates the text named with a place ("Vela Europe AG, the Vienna-based subsidiary",
        "Vienna's Vela Bank"): a word beginning with ``place`` within four words of a mention."""
        sents = [self.layout.sent(m.start) for m in before]  # the place is told in the mention's sentence
        near = [
            (m, self.doc[max(s.start, m.start - 4) : m.start], self.doc[m.end : min(s.end, m.end + 4)])
            for m, s in zip(before, sents, strict=True)
        ]
        keys = {m.key for m, ahead, behind in near if any(t.text.startswith(place) for t in [*ahead, *behind])}
        return [m for m in before if m.key in keys]

    def _not_own_subject(self, before: list[Mention], found: list[Mention], start: int) -> list[Mention]:
        """Candidates for a description after a preposition, without the firm its clause opens with:
        "Banque Rhodanienne ... heeft 60 miljoen uitstaan bij de handelsfirma" is not itself; with
        another party or a clause boundary between, the firm may be meant ("Dealing in the Vela Fund
        was suspended after Kent asked to withdraw what it had invested with the fund")."""
        number = self.layout.sent_of[start]
        own = [m for m in before if self.layout.sent_of[m.start] == number]
        if not own:
            return before
        between = [m for m in found if own[0].end <= m.start < start and m.key != own[0].key]
        bounds = as_set(self.lex["clause_bounds"]) | as_set(self.lex["coordinators"])
        if between or any(t.lower_ in bounds for t in self.doc[own[0].end : start]):
            return before
        return [m for m in before if m.key != own[0].key]

    def _named_as(self, key: str, kind: str, also: str = "", by_kind: bool = False) -> bool:
        """ "the failed bank" fits Harrowgate Savings Bank, "het fonds" the Randstad Woningfonds: a word
        of the firm's name ends in the description's head noun or a word of its kind (or, ``by_kind``,
        the firm is of that kind); a pension fund is "the pension fund", not "the fund"."""
        ends = tuple(self.lex["coref_kind_words"].get(kind, [kind]))
        unless = tuple(self.lex["coref_kind_unless"].get(kind, []))
        by_key = self.__dict__.get("_forms_by_key")
        if by_key is None:  # built once per document, when descriptions are resolved
            by_key = self.__dict__["_forms_by_key"] = {}
            for f, k in self.form_key.items():
                by_key.setdefault(k, []).append(f)
        forms = [self.parties[key].name, *by_key.get(key, [])]
        words = [w.lower() for form in forms for w in form.split()]
        if also and not any(also in form for form in forms):
            return False
        if any(u in w for w in words for u in unless):
            return False
        return (by_kind and self.parties[key].kind == kind) or any(w.endswith(ends) for w in words)

    def _pronouns(self, found: list[Mention]) -> list[Mention]:
        """ "It is also owed $5 million", "Het heeft ...": a subject pronoun opening a sentence is the
        firm the sentence before was about; "Vela said it owes" is Vela. Only one firm may fit."""
        doc, layout = self.doc, self.layout
        pronouns = as_set(self.lex["firm_pronouns"])
        verbs = as_set(self.lex["auxiliaries"]) | self.cue_at.get("SPEECH", set())
        verbs |= {i for label in VERB_CUES for i in self.cue_at.get(label, set())}
        speech_end = self.cue_end.get("SPEECH", set())
        lower = layout.lower
        out = []
        demonstratives = as_set(self.lex["demonstratives"])
        for i in [i for i, word in enumerate(lower) if word in pronouns or word in demonstratives]:
            key = None
            opening = i in layout.sent_starts and i + 1 < len(doc)
            if opening and lower[i] in pronouns and (lower[i + 1] in verbs or i + 1 in verbs):
                subject = self._previous_subject(found, i)
                key = subject.key if subject else None
            elif opening and lower[i] in demonstratives and lower[i + 1] in self.lex["demonstrative_verbs"]:
                # "Een van de gedupeerden is het fonds Vela. Dat heeft 4 miljoen in Marlin zitten": the last named
                last = self._last_firm_before(found, i)
                key = last.key if last else None
            elif i in speech_end:  # "Vela said it": the speaker
                speaker = [m for m in found if 0 < i - m.end <= 2 and layout.sent_of[m.start] == layout.sent_of[i]]
                opener = self._apposed_speaker(found, i)
                speaker = [opener] if opener is not None else speaker
                if speaker and self.parties[speaker[-1].key].type is FIRM and i - 1 in self.cue_at.get("SPEECH", set()):
                    key = speaker[-1].key
            if key:
                out.append(Mention(i, i + 1, key, layout.orth[i], "coref.pronoun", 0.5))
        return out

    def _apposed_speaker(self, found: list[Mention], pronoun: int) -> Mention | None:
        """ "Hexley Liquidity, a market maker that quotes prices on the platform, says it": the party
        opening the sentence before a comma, when a comma closes its apposition right before the verb."""
        verb = pronoun - 1
        if verb < 1 or self.layout.orth[verb - 1] != ",":
            return None
        sent = self.layout.sent(pronoun)
        first = next((m for m in found if m.start >= sent.start), None)
        if first is None or first.start != sent.start or first.end >= verb - 1 or self.layout.orth[first.end] != ",":
            return None
        return first

    def _sentence_before(self, start: int) -> int | None:
        """The sentence with words nearest before ``start``'s (a blank line between paragraphs is none)."""
        number = self.layout.sent_of[start] - 1
        while number >= 0 and not any(t.is_alpha for t in self.layout.sents[number]):
            number -= 1
        return number if number >= 0 else None

    def _last_firm_before(self, found: list[Mention], start: int) -> Mention | None:
        """The firm named last in the sentence before ``start``'s, when it closes that sentence (only
        its description may follow: "... is het fonds Vela, het pensioenfonds van een bouwbedrijf.")."""
        number = self._sentence_before(start)
        if number is None:
            return None
        sent = self.layout.sents[number]
        named = [m for m in found if sent.start <= m.start < sent.end]
        if not named or self.parties[named[-1].key].type is not FIRM:
            return None
        rest = self.doc[named[-1].end : sent.end]
        described = rest[0].text == "," or rest[0].lower_ in as_set(self.lex["of_words"]) if rest else False
        return named[-1] if len(rest) <= 1 or described else None

    def _previous_subject(self, found: list[Mention], start: int) -> Mention | None:
        """The firm the sentence before ``start``'s was about: a firm opening it ("Crypto lender
        Vela filed") or before a verb ("the lender has", "Vela said"); None unless exactly one."""
        layout, doc = self.layout, self.doc
        lay = self.layout
        number = self._sentence_before(start)
        if number is None:
            return None
        sent = layout.sents[number]
        verbs = as_set(self.lex["auxiliaries"])
        speech = self.cue_at.get("SPEECH", set())
        firms = [m for m in found if sent.start <= m.start < sent.end and self.parties[m.key].type is FIRM]
        subjects = [
            m
            for m in firms
            if m.start - sent.start <= 3 or (m.end < len(doc) and (lay.lower[m.end] in verbs or m.end in speech))
        ]
        return subjects[0] if subjects and len({m.key for m in subjects}) == 1 else None
