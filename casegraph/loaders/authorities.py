"""Authorities the closed list does not hold, recognised by the shape of their name.

A closed list cannot name every state board, district court or foreign prosecutor, but their names
share a shape: capitalised words around an authority noun ("Ruritania Banking Commission",
"Department of Digital Assets", "Kingsport District Court", "Ostland Prosecutor's Office"). The head
noun gives the type (a court is a Court; an attorney general or a prosecutor's office a Prosecutor;
else a Regulator). The heads are found by a PhraseMatcher; only the few tokens around a head are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from casegraph.loaders.lexicon import as_set, data
from casegraph.loaders.places import country_name, never_names, place_adjective
from casegraph.loaders.state import RecognizerState
from casegraph.schemas import PartyType

POSSESSIVE = {"'s", "’s"}
POSSESSIVES = {"'s", "’s", "’", "'"}  # as parties.POSSESSIVE: "Ruritania' government"


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
        self.tail_only = set(lex.get("authority_heads_with_tail", []))
        self.last_only = set(lex.get("authority_heads_last", []))  # "Ashcombe County", not "Kent County Council"
        self.inner = self.joiners - self.tail_starts - self.articles  # "Securities and Exchange Commission"

    def is_cap(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        return bool(self.cap.match(token.text)) and token.lower_ not in self.stops

    def _listed_tail(self, doc: Doc, k: int) -> int:
        """ "Ministry of Housing, Communities and Local Government": a tail that lists its fields with
        commas and a closing "and" goes on to the last field."""
        if k + 1 >= len(doc) or doc[k].text != "," or not self.is_cap(doc, k + 1):
            return k
        m = k + 1
        while m < len(doc) and m - k < 8 and (self.is_cap(doc, m) or doc[m].text == ","):
            m += 1
        if m + 1 < len(doc) and doc[m].lower_ in {"and", "&"} and self.is_cap(doc, m + 1):
            m += 1
            while m < len(doc) and self.is_cap(doc, m):
                m += 1
            return m
        return k

    def shapes(self, doc: Doc, heads: list[tuple[str, int, int]], countries: dict[int, int]) -> list[Shape]:
        """``countries`` maps the first token of each country mention to its end."""
        out: list[Shape] = []
        head_ends = {end for _, _, end in heads}
        for type_, start, end in heads:
            sent_start = start
            while sent_start > 0 and not doc[sent_start].is_sent_start:
                sent_start -= 1
            left, country = start, None
            # "de Deense gemeente Køge": a common noun naming what follows, after its adjective
            common = doc[start].text[:1].islower() and doc[start:end].text in self.head_first
            while left > sent_start and not common:
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
                k = self._listed_tail(doc, k)
                while k > j and doc[k - 1].lower_ in self.joiners:
                    k -= 1
                if k > j:
                    right = k
                    country = country if country is not None else next((s for s in countries if j <= s < k), None)
            if common and right > end and right in head_ends:
                continue  # "de gemeente Køge Kommune": the name after the noun has its own head
            if doc[start:end].text in self.last_only and end < len(doc) and doc[end].text[:1].isupper():
                continue  # "Kent County Council", "Orange County Bank": the county's name is part of another
            if right == end and doc[start:end].text in self.tail_only:
                continue  # "the Criminal Division": a division is a body only with its own "of ..."
            if left == start and right == end:
                continue  # a bare "Commission" or "Court" names nothing
            words = {t.text for t in doc[left:right]}
            for word, override in self.type_words.items():
                if word in words and type_ != "Court":  # "Superior Court of Justice" is a court
                    type_ = override
            out.append(Shape(left, right, type_, country))
        return out


class AuthorityRules(RecognizerState):
    """Authorities beyond the closed list's exact names: by shape, by place, misspelt, generic;
    governments and courts of a country."""

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
        self._short_listed()

    def _short_listed(self) -> None:
        """ "The Central Bank of Ireland has fined X ... The Central Bank's investigation": a listed body
        named "<Head words> of <Place>" goes by its head words too, when no other body here shares them."""
        shorts: dict[str, set[str]] = {}
        for _start, _end, kind, key in self.closed:
            name = self.parties[key].name if kind == "AUTH" and key in self.parties else ""
            head, of, _ = name.partition(" of ")
            if of and len(head.split()) >= 2 and head[:1].isupper():
                shorts.setdefault(head, set()).add(key)
        for head, keys in shorts.items():
            if len(keys) == 1:
                self.form_key.setdefault(head, next(iter(keys)))

    def _shapes(self, heads: list[tuple[str, int, int]], taken: set[int]) -> None:
        doc = self.doc
        lay = self.layout
        countries = {s: e for s, e, _ in self.countries}
        codes = {s: c for s, _, c in self.countries}
        not_words = as_set(self.lex["authority_not_words"])
        shapes = self.pipe.authority_shapes.shapes(doc, heads, countries)
        forms = as_set(self.lex["legal_forms"])
        firms = {self.text(s.start, s.end) for s in shapes if s.end < len(doc) and lay.orth[s.end] in forms}
        for shape in shapes:
            span = range(shape.start, shape.end)
            if shape.start in self.in_headline and not self._whole_line(shape.start, shape.end):
                continue  # a title-case headline says nothing by its capitals; a letterhead line names its body
            if not_words & {t.text for t in doc[shape.start : shape.end]}:
                continue
            if self._firm_runs_on(shape.end):
                continue  # "Westmoor County Council Pension Fund": the council's fund is a firm
            if self.text(shape.start, shape.end) in firms:
                continue  # "Tech Bureau Corp" is a firm, and "Tech Bureau" its short name
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
            if lay.orth[shape.start] in self.lex.get("place_of_heads", []):
                name = self.text(shape.start + 2, shape.end)  # "the city of Ebbingen" is Ebbingen
                if shape.end - shape.start < 3 or name.lower() in never_names():
                    continue  # "in the city of London": a place the text locates things in
            if self._near_listed(name):
                continue  # a misspelt listed name: ``fuzzy_authorities`` takes it
            key = self.form_key.get(name, f"auth:{name}")  # "the Banking Authority" after "Latvia's Banking Authority"
            self.ensure(key, name, PartyType(shape.type), "authority.shape", 0.75, jurisdiction=code)
            own = next((i + 1 for i in range(shape.start, shape.end - 1) if lay.orth[i] in POSSESSIVES), None)
            opens = shape.start and lay.orth[shape.start - 1] in self.lex.get("name_openers", [])  # "New York's"
            placed = own is not None and self.text(shape.start - bool(opens), own - 1).lower() in never_names()
            if own is not None and ((shape.country is not None and shape.country < own) or placed):
                short = self.text(own, shape.end)  # "Estonia's Financial Supervision Authority" is also
                if not self._near_listed(short):  # "the Financial Supervision Authority", unless a listed name
                    self.form_key.setdefault(short, key)
                    self.parties[key].name = short  # the body's own name; the country is its jurisdiction
            self._council_place(shape, key)
            if shape.type == "Court" and shape.end + 1 < len(doc) and lay.lower[shape.end] == "in":
                seat = next((j for j in range(min(len(doc), shape.end + 4), shape.end + 1, -1)
                             if lay.orth[j - 1][:1].isupper() and self.text(shape.end + 1, j).lower() in never_names()),
                            None)
                if seat is not None:  # "the U.S. District Court in Manhattan": the court also named with its seat
                    self.form_key.setdefault(self.text(shape.start, seat), key)
            self.closed.append((shape.start, shape.end, "AUTH", key))
            taken.update(span)
            first, head = doc[shape.start], doc[shape.end - 1]
            if first.text != head.text and head.text[:1].isupper():  # "the Ruritania board" later on
                self.form_key.setdefault(f"{first.text} {head.text.lower()}", key)

    def _whole_line(self, start: int, end: int) -> bool:
        """ "U.S. Attorney's Office" on a line of its own, as a press release's letterhead."""
        doc = self.doc
        lay = self.layout
        before = start == 0 or "\n" in doc[start - 1].text_with_ws
        return before and (end >= len(doc) or "\n" in doc[end - 1].whitespace_ + lay.orth[end])

    def _firm_runs_on(self, end: int) -> bool:
        """Capitalised words after an authority's name that end in a firm's head noun ("Pension Fund",
        "Pensioenfonds") make the whole a firm named after the authority."""
        doc, heads = self.doc, as_set(self.lex["firm_heads"])
        lay = self.layout
        stop = end
        while stop < len(doc) and stop - end < 4 and lay.orth[stop][:1].isupper() and not doc[stop].is_sent_start:
            stop += 1
        words = [t.text for t in doc[end:stop]]
        return bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)

    def _council_place(self, shape: Shape, key: str) -> None:
        """ "Calderbrook Borough Council" is also "Calderbrook" ("Calderbrook's chief executive"): the
        place a council is named after names the council, not a firm."""
        words = [t.text for t in self.doc[shape.start : shape.end]]
        kinds = set(self.lex.get("council_kinds", []))
        if shape.type != PartyType.GOVERNMENT.value or len(words) < 2 or words[-1] != "Council":
            return
        cut = next((i for i, w in enumerate(words) if w in kinds), None)
        if cut is None and len(words) == 2 and self._place_alone(words[0]):
            cut = 1  # "Thurrock Council", and "Thurrock holds £655m of bonds" on its own
        if cut and all(w[:1].isupper() for w in words[:cut]):
            self.form_key.setdefault(" ".join(words[:cut]), key)

    def _place_alone(self, word: str) -> bool:
        """A council's place also written alone inside a sentence, no common or country word
        ("Security Council", "European Council" name no place)."""
        if word.lower() in self.lower_stop or word.lower() in never_names() or place_adjective(word, self.pipe.lang):
            return False
        return re.search(rf"(?<=[\w,] ){re.escape(word)}(?!\w)(?! Council)", self.source) is not None

    @staticmethod
    def _near_listed(name: str) -> bool:
        from rapidfuzz import fuzz, process

        names = [a["name"] for a in data("authorities")["authorities"]]
        return process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=90) is not None

    def _gov_after(self) -> set[int]:
        """Where a state's noun follows its country: "the UK government", "de Nederlandse staat"; not
        "state" modifying the next noun ("Singapore state investor Temasek", "state media")."""
        lower = self.layout.lower
        modified = as_set(self.lex["state_modifies"]) | {c for c in self.lex["firm_cues"] if " " not in c}
        return {i for i in self.cue_at.get("GOV_AFTER", set())
                if not (lower[i] in as_set(self.lex["modifying_state_nouns"]) and i + 1 < len(lower)
                        and (lower[i + 1] in modified or lower[i + 1].endswith("-owned")))}

    def governments(self) -> None:
        """A country is a party only as a government: "the government of X", "X's government",
        and countries listed with one ("De Bahama's en de Verenigde Staten")."""
        doc = self.doc
        lay = self.layout
        gov_end = self.cue_end.get("GOV_CUE", set()) | self.cue_end.get("PAY_TO", set())  # "betaalt aan Nederland"
        gov_after = self._gov_after()
        govs: set[str] = set()
        for start, end, code in self.countries:
            if (
                start in gov_end
                or end in gov_after
                or (end < len(doc) and lay.orth[end] in POSSESSIVES and end + 1 in gov_after)
                or self._country_acts(start, end)
                or lay.orth[start] in self.lex.get("state_formal_words", [])  # "the Republic of Mozambique"
            ):
                govs.add(code)
        govs.update(self._listed_with_governments(govs))
        for start, end, code in self.countries:
            if code in govs:
                key = f"gov:{code}"
                self.ensure(key, country_name(code), PartyType.GOVERNMENT, "government.cue", 0.8, jurisdiction=code)
                stop = end + 1 if end in gov_after else end  # "the UK government" is also a name of the state
                self.closed.append((start, stop, "GOV", key))
        self.adjective_governments()
        self.police_of_places()
        self.bodies_of_places()
        self.bodies_of_named_places()

    def _listed_with_governments(self, govs: set[str]) -> set[str]:
        """ "de Verenigde Staten, het Verenigd Koninkrijk en de Europese Unie stellen sancties in": a list
        of countries joined by commas and a coordinator is all states when one of them is."""
        coordinators = as_set(self.lex["coordinators"])
        glue = coordinators | {","} | as_set(self.lex["coref_determiners"]) | as_set(self.lex["role_determiners"])
        chains: list[tuple[list[str], bool]] = []
        previous = None
        for start, end, code in sorted(self.countries):
            gap = self.layout.lower[previous:start] if previous is not None else []
            if chains and gap and len(gap) <= 3 and all(g in glue for g in gap):
                codes, joined = chains[-1]
                chains[-1] = ([*codes, code], joined or any(g in coordinators for g in gap))
            else:
                chains.append(([code], False))
            previous = end
        return {c for codes, joined in chains if joined and govs & set(codes) for c in codes}

    def adjective_governments(self) -> None:
        """ "the Swiss government", "de Zwitserse regering"; "Bahamian authorities" only when they act
        ("Bahamian authorities arrested him"): a country named by its adjective, as a state."""
        doc, lower, orth = self.doc, self.layout.lower, self.layout.orth
        adjectives = data("countries")["adjectives"].get(self.pipe.lang, {})
        gov_after = self._gov_after()
        acting = as_set(self.lex["government_after_acting"])
        acts = {*self.lex["government_acts"], *self.lex["government_acts_after"], *self.lex["authorities_acts"]}
        by_words = as_set(self.lex["by_words"])
        taken = {i for s, e, *_ in self.closed for i in range(s, e)}
        nouns = set(self.lex.get("state_nouns", []))  # "de Nederlandse Staat": written with a capital
        states = {i for i, word in enumerate(orth) if word in nouns} if any(n in self.source for n in nouns) else set()
        for i in sorted(gov_after | states | {i for i, word in enumerate(lower) if word in acting}):
            if i < 1:
                continue
            width = 2 if i >= 2 and f"{lower[i - 2]} {lower[i - 1]}" in adjectives else 1
            adjective = self.text(i - width, i).lower()
            if adjective not in adjectives or not orth[i - width][:1].isupper() or i - 1 in taken:
                continue
            acted_on = (  # "detained by Chinese authorities"
                i - width >= 2 and lower[i - width - 1] in by_words and lower[i - width - 2] in acts
            )
            if i not in gov_after | states and not (self._act_in(doc[i + 1 : min(len(doc), i + 6)], acts) or acted_on):
                continue
            code = adjectives[adjective]
            key = f"gov:{code}"
            self.ensure(key, country_name(code), PartyType.GOVERNMENT, "government.adjective", 0.75, jurisdiction=code)
            self.closed.append((i - width, i + 1, "GOV", key))

    def bodies_of_places(self) -> None:
        """ "het Antwerpse parket": a body noun written small (``place_bodies``) after an adjective
        made from a place of the language is that place's body."""
        bodies = self.lex.get("place_bodies", {})
        if not any(b in self.source for b in bodies):
            return
        doc, lower = self.doc, self.layout.lower
        lay = self.layout
        taken = {i for s, e, *_ in self.closed for i in range(s, e)}
        for i in [i for i, word in enumerate(lower) if word in bodies and i not in taken and i > 0]:
            adjective = lay.orth[i - 1]
            if doc[i].is_lower and adjective[:1].isupper() and place_adjective(adjective, self.pipe.lang):
                name = f"{adjective} {lay.orth[i]}"
                key = f"auth:{name}"
                self.ensure(key, name, PartyType(bodies[lower[i]]), "authority.place_body", 0.7)
                self.closed.append((i - 1, i + 1, "AUTH", key))

    def bodies_of_named_places(self) -> None:
        """ "het openbaar ministerie van Yancheng", "de politie van Yancheng": a body noun written small
        (``bodies_of_places``), 'van' and a capitalised place name the lists need not know is that place's
        body, not the country's listed one ("openbaar ministerie" alone is the Dutch OM)."""
        bodies = self.lex.get("bodies_of_places", {})
        if not any(f"{b} van" in self.source for b in bodies):
            return
        lay, doc = self.layout, self.doc
        forms = sorted(((tuple(b.split()), t) for b, t in bodies.items()), key=lambda f: -len(f[0]))
        for i in range(len(doc)):
            for words, type_ in forms:
                j = i + len(words)
                if tuple(lay.lower[i:j]) != words or not doc[i].is_lower or j + 1 >= len(doc) or lay.lower[j] != "van":
                    continue
                k = j + 1
                while k < len(doc) and k - j <= 3 and lay.orth[k][:1].isupper() and lay.orth[k].isalpha():
                    k += 1
                known = [c for c in self.closed if c[0] < k and i < c[1] and c[2] != "AUTH"]
                if k == j + 1 or self.text(j + 1, k) in self.form_key or known or any(
                        c[0] < k and j < c[1] for c in self.countries):
                    break  # "de rechtbank van Vela Bank" names no place; a known court or a country's body stays
                name = self.text(i, k)
                key = f"auth:{name}"
                self.ensure(key, name, PartyType(type_), "authority.named_place", 0.7)
                self.closed = [c for c in self.closed if not (c[0] < k and i < c[1])]
                self.closed.append((i, k, "AUTH", key))
                break

    def police_of_places(self) -> None:
        """ "Spanish police", "de Spaanse politie", "Police in Stockholm", "Milan prosecutors": the police
        of a country or a city and the prosecutors of a city are a body of their own, police typed
        Regulator (they investigate, they do not prosecute); a country's prosecutors are its listed
        office (``national_prosecutors``)."""
        doc, lower = self.doc, self.layout.lower
        lay = self.layout
        words = self.lex["police_words"]
        adjectives = data("countries")["adjectives"].get(self.pipe.lang, {})
        taken = {i for s, e, *_ in self.closed for i in range(s, e)}
        for i in [i for i, word in enumerate(lower) if word in words and i not in taken]:
            generic = i > 0 and f"{lower[i - 1]} {lower[i]}" in self.lex["generic_authorities"]  # "US prosecutors"
            adjective = i > 0 and lower[i - 1] in adjectives  # a country's prosecutors are its national_prosecutors
            police = words[lower[i]] == "Regulator"
            local = i > 0 and not generic and (adjective if police else not adjective and self._city(i - 1))
            if local and lay.orth[i - 1][:1].isupper():
                start, end = i - 1, i + 1
                name = f"{lay.orth[i - 1]} {lay.lower[i]}"
            elif i + 2 < len(doc) and lower[i + 1] in self.lex["place_prepositions"] and self._city(i + 2):
                start, end = i, i + 3
                name = f"{lay.orth[i + 2]} {lay.lower[i]}"
            else:
                continue
            key = f"auth:{name}"
            self.ensure(key, name, PartyType(words[lower[i]]), "authority.police", 0.7)
            self.closed.append((start, end, "AUTH", key))

    def _city(self, i: int) -> bool:
        """A capitalised place of the language's list (not a country: "police in Spain" is a place)."""
        token = self.doc[i]
        country = any(s == i for s, _, _ in self.countries)
        return token.text[:1].isupper() and token.lower_ in never_names() and not country

    def _country_acts(self, start: int, end: int) -> bool:
        """ "X extradited him", "door X uitgeleverd", "arrested in X", "uitgeleverd aan X": a country
        that arrests or extradites acts as a state. An act word a few tokens off, in the same clause;
        before the country only when the country ends its phrase ("by US authorities" is no actor)."""
        doc, acts = self.doc, as_set(self.lex["government_acts"])
        lay = self.layout
        sent = self.layout.sent(start)
        after = doc[end : min(sent.end, end + 5)]
        in_place = start > sent.start and lay.lower[start - 1] in self.lex["place_prepositions"]
        if self._act_in(after, acts if in_place else acts | as_set(self.lex["government_acts_after"])):
            return True  # "Spain seized"; not "seized in Spain", "ook in Nederland beslag"
        if not in_place and len(after) and after[0].lower_ in as_set(self.lex.get("verb_last_auxiliaries", [])):
            clause = doc[end : min(sent.end, end + 14)]  # "Zwitserland had de tegoeden van X al geblokkeerd"
            negated = any(t.lower_ in as_set(self.lex["negations"]) for t in clause)  # "heeft X niet ... bevroren"
            if not negated and self._act_in(clause, as_set(self.lex["government_acts_last"])):
                return True
        nxt = after[0] if len(after) else None
        if nxt is not None and (nxt.text in POSSESSIVES or (nxt.is_lower and nxt.lower_ not in self.lower_stop)):
            return False
        return self._act_in(reversed(list(doc[max(sent.start, start - 4) : start])), acts)

    @staticmethod
    def _act_in(tokens: Iterable[Token], acts: set[str]) -> bool:
        for token in tokens:
            if token.text in {",", ".", ";", ":", "(", ")"}:
                return False
            if token.lower_ in acts:
                return True
        return False

    def courts(self) -> None:
        """ "a court in the British Virgin Islands" -> Court "British Virgin Islands court"."""
        court_end = self.cue_end.get("COURT_CUE", set())
        court_at = {e: s for s, e in self.cue_spans_all("COURT_CUE")}
        for start, end, code in self.countries:
            if start in court_end:
                cue_start = court_at.get(start, start)
                key = f"court:{code}"
                self.ensure(
                    key, f"{country_name(code)} court", PartyType.COURT, "court.in_country", 0.8, jurisdiction=code
                )
                self.closed.append((cue_start, end, "COURT", key))

    def court_places(self) -> None:
        """ "de rechtbank Amsterdam", "het gerechtshof Den Haag", "a Munich district court": a court
        word and a place name make a court of that place (named as the text writes it)."""
        doc = self.doc
        taken = {i for s, e, *_ in self.closed for i in range(s, e)}
        cap = self.pipe.authority_shapes.is_cap
        before = as_set(self.lex["court_place_before"])
        firsts = {cue.split()[0] for cue in before | as_set(self.lex["court_place_after"])}
        if not firsts:
            return
        found = re.finditer(rf"\b(?:{'|'.join(map(re.escape, firsts))})\b", self.source, re.I)
        starts = (doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in found)
        for i in sorted({span.start for span in starts if span is not None}):
            token = doc[i]
            if i in taken:
                continue
            if token.lower_ in before and i + 1 < len(doc) and cap(doc, i + 1):
                stop = next(
                    (j for j in range(min(len(doc), i + 4), i + 1, -1) if self.text(i + 1, j).lower() in never_names()),
                    i + 2,
                )  # "Den Haag", else the one word: "rechtbank Rotterdam Zeeuwse Algemene" is a court and a firm
                name = f"{token.text[:1].upper()}{token.text[1:]} {self.text(i + 1, stop)}"
                self._court_at(i, stop, name)
                continue
            for cue in self.lex["court_place_after"]:
                words = cue.split()
                stop = i + len(words)
                if [t.lower_ for t in doc[i:stop]] != words or not all(t.is_lower for t in doc[i:stop]):
                    continue
                begin = i
                while begin > 0 and i - begin < 3 and cap(doc, begin - 1) and not doc[begin].is_sent_start:
                    begin -= 1
                place = self.text(begin, i)
                if begin < i and place.lower() in never_names() and not taken & set(range(begin, i)):
                    self._court_at(begin, stop, f"{place} {cue}")
                break

    def court_in_place(self) -> None:
        """ "de rechtbank in München": a court word of ``court_in_place_words`` and a city of the
        language's places make a court of that city, named as the text writes it. English "court in
        New York" is left alone: "appear in court in New York" names no court."""
        doc = self.doc
        lay = self.layout
        taken = {i for s, e, *_ in self.closed for i in range(s, e)}
        after = as_set(self.lex["court_place_after"])
        countries = {s for s, _, _ in self.countries}
        for start, end in self.cue_spans_all("COURT_CUE"):
            if end >= len(doc) or end in countries or end in taken or not lay.orth[end][:1].isupper():
                continue
            stop = next(
                (j for j in range(min(len(doc), end + 3), end, -1) if self.text(end, j).lower() in never_names()), None
            )
            if stop is None:
                continue
            while start < end and (lay.lower[start] in self.lex["articles"] or not doc[start].is_alpha):
                start += 1  # "a court in", "de rechtbank in": the article is no part of the name
            if lay.lower[start] not in self.lex["court_in_place_words"]:
                continue  # "appear in court in New York" names no court; "rechtbank" always a court
            begin = start - 1 if start > 0 and f"{lay.lower[start - 1]} {lay.lower[start]}" in after else start
            name = self.text(begin, stop)
            self._court_at(begin, stop, name[:1].upper() + name[1:])

    def _court_at(self, start: int, end: int, name: str) -> None:
        key = f"court:{name.lower()}"
        self.ensure(key, name, PartyType.COURT, "court.place", 0.75)
        self.closed.append((start, end, "COURT", key))
        self.names = [(s, e) for s, e in self.names if e <= start or s >= end]

    def generic_authorities(self) -> None:
        """ "Amerikaanse aanklagers", "prosecutors": the most specific prosecutor the text names, else
        the national one for the jurisdiction the words give."""
        doc, lex = self.doc, self.lex
        lay = self.layout
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
            elif jurisdiction in lex["national_prosecutors"]:  # "Estonian prosecutors": the country's office
                national = lex["national_prosecutors"][jurisdiction]
                entry = next(a for a in authorities if a["name"] == national)
                party = self.ensure(
                    f"auth:{entry['name']}", entry["name"], PartyType.PROSECUTOR, "authorities", 0.7,
                    jurisdiction=jurisdiction,
                )
            else:
                continue
            s = (
                start - 1
                if start > 0 and lay.lower[start - 1] in set().union(*lex["jurisdiction_words"].values())
                else start
            )
            self.closed.append((s, end, "GENERIC", party.key))
            if jurisdiction:
                party.forms[self.text(s, end)] = None

    def fuzzy_authorities(self) -> None:
        """ "Securities Exchange Commission": a near-miss of a listed authority name is that authority."""
        from rapidfuzz import fuzz, process

        names, choices = _authority_names()
        words = {"commission", "authority", "agency", "department", "office", "bank", "court", "autoriteit"}
        lower = self.layout.lower
        for start, end in list(self.names):
            text = self.text(start, end)
            if end - start < 2 or words.isdisjoint(lower[start:end]) or text in self.form_key:
                continue
            hit = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=90)
            if hit:
                entry = names[hit[0]]
                key = self.ensure_authority(entry, "authorities.fuzzy", 0.8)
                self.closed.append((start, end, "AUTH", key))
                self.names.remove((start, end))


@cache
def _authority_names() -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The listed authorities by name, and their names, for ``fuzzy_authorities``: made once, not
    for every document."""
    names = {a["name"]: a for a in data("authorities")["authorities"]}
    return names, list(names)
