"""Parties of one document: closed classes from the data files, open classes from name shapes and
the cue words around them, and light coreference inside the document.

The matchers of ``pipeline`` find candidates; the rule modules decide, one rule each, what a
candidate is: ``names`` (cues around a name), ``firms``, ``people``, ``authorities`` (shapes,
places, governments, courts) and ``coref``. A name becomes a party only when a rule says so (a
legal form, a cue noun, a role, an apposition, a possessive, a list with a known firm):
capitalisation alone proves nothing.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from casegraph.loaders.authorities import AuthorityRules
from casegraph.loaders.coref import Coreference
from casegraph.loaders.firms import FirmRules, table_row
from casegraph.loaders.lexicon import as_set, data, lexicon
from casegraph.loaders.names import NameRules
from casegraph.loaders.parties import TOKEN, Mention, Party, Recognition, is_party, longest, org_role_firm
from casegraph.loaders.people import PeopleRules
from casegraph.loaders.pipeline import Pipeline
from casegraph.loaders.places import never_names, place_adjective

AMOUNT = re.compile(r"[A-Z]{3}\d")
BULLETS = ("-", "•", "*", "–", "·")
UNIT_LETTERS = {"M", "B", "K", "BN", "MN", "MLN", "MRD"}  # figure units written in capitals
DATELINE_DASHES = {"-", "–", "—"}
SMALL_WORD = re.compile(r"[a-zß-ÿ][\w'’-]*")  # a word written small, whole between word edges


@cache
def _known_names() -> frozenset[str]:
    """The gazetteer's firm names and aliases: "ABN AMRO - " opens with a firm, not a place."""
    firms = data("firms")["firms"]
    return frozenset(form for f in firms for form in [f["name"], *f.get("aliases", [])])


def _word_edge(char: str) -> bool:
    """``char`` is no part of a word (``\\w`` is ``str.isalnum`` or the underscore; apostrophes and
    hyphens join words)."""
    return not (char.isalnum() or char in "_'’-")


@cache
def _role_words(lang: str) -> frozenset[str]:
    """One-word officer roles ("directeur", "ceo"): a firm-and-role word opening with one is a role."""
    return frozenset(r.lower() for r in lexicon(lang)["officer_roles"] if " " not in r and "*" not in r)


def _coined(word: str) -> bool:
    """ "Alfa-Bank", "ING", "BlackRock": a word made as a name, never a common noun ("Mutuelle")."""
    return "-" in word or word.isupper() or any(c.isupper() for c in word[1:])


class Recognizer(AuthorityRules, NameRules, FirmRules, PeopleRules, Coreference):
    """One document's recognition; ``run`` applies the rules in order."""

    # ----------------------------------------------------------------- candidates
    def collect(self) -> None:
        doc, strings = self.doc, self.doc.vocab.strings
        lay = self.layout
        matches = [(strings[m], s, e) for m, s, e in self.pipe.closed_cased(doc) + self.pipe.closed_lower(doc)]
        tickers_seen = {label.split(":")[1] for label, _, _ in matches if label.startswith("TICKER")}
        matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        self.in_headline = self.headlines()
        self.blocked.extend(self._datelines())
        authorities = data("authorities")["authorities"]
        assets = data("crypto_assets")["assets"]
        for label, start, end in matches:
            if taken.intersection(range(start, end)):
                continue
            kind, _, ref = label.partition(":")
            if kind == "TOKENNAME" and ref not in tickers_seen and not self._token_cue(start, end):
                if assets[int(ref)].get("coin_only"):
                    self.blocked.append((start, end))  # nor a firm: "kept €4.5m in Bitcoin in custody with"
                continue  # a bare "Bitcoin" is a price, not a party; "de munt Luna" is a token
            if kind == "TOKENNAME" and doc[start:end].text == assets[int(ref)].get("issuer"):
                continue  # "Tether said": the issuer's name names the firm
            if kind == "COUNTRY" and end - start == 1 and self._after_name(start):
                continue  # "Vela US" is a firm, not the United States
            if kind == "COUNTRY" and (self._opens_firm_name(end) or self._closes_firm_name(start)):
                continue  # "Gibraltar International Bank", "National Bank of Greece": the place is in the name
            if kind == "MEDIA" and end - start == 1 and self._after_name(start):
                continue  # "Nadia Forbes" is a person, not the magazine
            if kind == "AUTH" and self._title_of_person(start, end):
                continue  # "minister van Financiën Karin Keller-Sutter": a title, the person acts
            taken.update(range(start, end))
            if kind == "MEDIA":
                self.blocked.append((start, end))
            elif kind == "COUNTRY":
                self.countries.append((start, end, ref))
            elif kind == "GENERIC_AUTH":
                self.generic.append((start, end))
            elif kind == "AUTH":
                entry = authorities[int(ref)]
                key = self.ensure_authority(entry, "authorities", 1.0)
                words = self.text(start, end).split()
                for acronym in entry.get("acronyms", []):  # "Duitse toezichthouder BaFin" is also "BaFin"
                    if acronym in words[1:]:
                        self.parties[key].forms.setdefault(acronym, None)
                self.closed.append((start, end, kind, key))
            else:
                entry = assets[int(ref)]
                key = f"token:{entry['name']}"
                # a token named like its issuer ("Tether") is called by its ticker ("USDT"): the name is the firm
                named = entry["name"] != entry.get("issuer")
                name = entry["name"] if named else entry["ticker"]
                self.ensure(key, name, TOKEN, "crypto_assets", 0.9, issuer=entry.get("issuer"))
                self.closed.append((start, end, kind, key))
        name_matches, cue_matches = self.pipe.matches(doc)
        legal_forms = as_set(self.lex["legal_forms"])
        self.legal = {i for i, word in enumerate(self.layout.orth) if word in legal_forms}
        portfolios = set(self.lex.get("portfolio_words", []))
        for label, start, end in name_matches:
            if label == "NICK":
                self.nicks.append((start, end))
            elif label == "PARTICLE_NAME":  # "Laura van Dijk", not "Minister van Financiën Karin"
                if end - start >= 3 and lay.orth[end - 1] in portfolios:  # "minister Brandsma van Volkshuisvesting"
                    self.names.append((start, end - 2))
                elif not (end < len(doc) and lay.orth[end][:1].isupper()) and lay.lower[start] not in self.lower_stop:
                    self.names.append((start, end))
            else:
                self.names.append((start, end))
        for label, start, end in cue_matches:
            self.cue_at.setdefault(label, set()).add(start)
            self.cue_end.setdefault(label, set()).add(end)
            if label == "ROLE":
                self.roles.append((start, end))
            elif label == "ORG_ROLE" and org_role_firm(self.layout.orth[start]).lower() in _role_words(self.pipe.lang):
                self.roles.append((start, end))  # "Directeur-grootaandeelhouder": two roles, no firm
            elif label == "ORG_ROLE" and org_role_firm(self.layout.orth[start]) in self.trade_words:
                continue  # "de DeFi-handelaar Vela": a field of business, no firm and no person's role
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
        self.roles = self._joined_roles(longest(self.roles))
        self.shaped_authorities(taken)
        self.names = self._clean_names(self.names, taken)

    def _joined_roles(self, roles: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "co-founder and former chief executive": roles joined by a coordinator are one role."""
        glue = as_set(self.lex["coordinators"]) | as_set(self.lex["role_modifiers"])
        out: list[tuple[int, int]] = []
        for start, end in roles:
            if (
                out
                and 0 < start - out[-1][1] <= 3
                and any(t.lower_ in self.lex["coordinators"] for t in self.doc[out[-1][1] : start])
                and all(t.lower_ in glue for t in self.doc[out[-1][1] : start])
            ):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out

    def _datelines(self) -> list[tuple[int, int]]:
        """ "BUSSUM - De rechtbank ...", "DEN HAAG — ": a place in capitals closed by a dash opens the
        sentence; it names no party."""
        orth, out = self.layout.orth, []
        for start in self.layout.sent_starts:
            end = start
            while end < len(orth) and end - start < 3 and orth[end].isupper() and orth[end].isalpha() and len(
                    orth[end]) > 1:
                end += 1
            if end > start and end < len(orth) and orth[end] in DATELINE_DASHES and self.text(
                    start, end) not in _known_names():
                out.append((start, end))
        return out

    def _opens_firm_name(self, end: int) -> bool:
        """Capitalised words right after ``end`` that end on a firm's head noun ("International Bank")."""
        lay, j = self.layout, end
        while j < len(lay.orth) and j - end < 4 and lay.orth[j][:1].isupper() and lay.idx[j] > lay.ends[j - 1]:
            j += 1
        return j > end and lay.orth[j - 1] in self.lex["firm_heads"] and end not in self.in_headline

    def _closes_firm_name(self, start: int) -> bool:
        """ "National Bank of Greece", "Commercial Bank of Dubai": 'of' and the place after a capitalised
        word and a firm's head noun ("Bank of Greece" alone is the central bank's name)."""
        orth = self.layout.orth
        return (start >= 3 and orth[start - 1] == "of" and orth[start - 2] in self.lex["firm_heads"]
                and orth[start - 3][:1].isupper() and orth[start - 3].lower() not in self.lower_stop
                and start - 1 not in self.in_headline)

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
            if line.rstrip().endswith((".", ":", "?", "!")):  # most lines: tested before their words are read
                offset += len(line) + 1
                continue
            words = [w for w in line.split() if w[:1].isalpha()]
            content = [w for w in words if w.lower() not in small]
            if (
                3 <= len(words) <= 24
                and not line.lstrip().startswith(BULLETS)  # "- Westhaven City Council: £25m" is a list entry
                and content
                and sum(w[0].isupper() for w in content) >= 0.8 * len(content)
                and not table_row(line)
            ):
                spans.append((offset, offset + len(line)))
            offset += len(line) + 1
        for a, b in spans:
            span = self.doc.char_span(a, max(a, b), alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return out

    def _place_word_opening(self, start: int, end: int) -> bool:
        """ "het Japanse Aozora Bank", "het Russische Alfa-Bank", "het Almeerse Polderkwant": an adjective
        of a country or a city opening a name after an article describes the firm; before one ordinary
        word a country's adjective is the name ("het Franse Mutuelle du Nord")."""
        word, lower = self.layout.orth[start], self.layout.lower[start]
        country = lower in data("countries")["adjectives"].get(self.pipe.lang, {})  # "de Syrian Lebanese Bank": English
        if not (country or place_adjective(word, self.pipe.lang)):
            return False
        if end - start >= 3:
            return True
        city = not country and lower.endswith(("se", "sche"))
        return end - start == 2 and (_coined(self.layout.orth[end - 1]) or city)

    def _clean_names(self, spans: list[tuple[int, int]], taken: set[int]) -> list[tuple[int, int]]:
        """Longest name spans, split around closed-class matches, cue words stripped from the edges."""
        lay = self.layout
        cue_words = (
            self.cue_at.get("FIRM_CUE", set())
            | self.cue_at.get("ROLE", set())
            | self.cue_at.get("PERSON_CUE", set())
            | set(self.org_roles)
        )
        heads_first, firm_heads = as_set(self.lex["firm_heads_first"]), as_set(self.lex["firm_heads"])
        honorifics = as_set(self.lex["honorifics"])
        cue_nouns = {c for c in self.lex["firm_cues"] if "*" not in c} | as_set(self.lex["officer_roles"])
        cue_nouns |= as_set(self.lex["person_cues"])  # a compound ("Vastgoedbedrijf") is no bare cue word
        determiners = as_set(self.lex["role_determiners"]) | as_set(self.lex["coref_determiners"]) | {"a", "an", "een"}
        org_roles, sent_starts = set(self.org_roles), self.layout.sent_starts
        currencies = data("currencies")
        codes = as_set(currencies["codes"]) | {w for w in currencies["symbols"] if w.isalpha()}  # "SFr 6m"
        legal_forms = as_set(self.lex["legal_forms"])
        out = []
        for start, end in longest(spans):
            if (
                self._opens_sentence(start)
                and self._written_small(lay.lower[start])
                and start not in self.legal
                and lay.orth[start] not in honorifics  # "Meester Ilse Dam en meester Bas Vink"
                and not self._opener_in_legal_name(start, end)
                and not (end - start > 1 and self._compound_head(lay.orth[start]))  # "Woonstichting Zandhove heeft"
            ):
                start += 1  # "Investors are", "Until Braun": a word the text also writes small opens a sentence
            if end - start > 2 and lay.orth[start + 1] in heads_first and self._compound_head(lay.orth[start]):
                start += 1  # "Woningcorporatie Stichting Woonkracht": the kind before the name's own head
            legal_end = lay.orth[end - 1] in legal_forms
            headed = legal_end or lay.orth[end - 1] in firm_heads  # "Overslagbedrijf Waalhaven Bulk Terminals"
            acronym = lay.orth[end - 1].isupper()  # "Pensioenfonds KMZ" is KMZ
            possessed = start > 1 and lay.orth[start - 1] in {"'", "’"} and lay.orth[start - 2].endswith("s")
            own_word = (end - start == 1 and self._compound_head(lay.orth[start], True)
                        and not self._cue_compound(lay.orth[start]) and not self._written_small(lay.lower[start])
                        and not (end < len(lay.orth) and lay.orth[end][:1].isupper())
                        and not any(lay.orth[e - 1] == lay.orth[start] for _, e, *_ in self.closed))
            # "de staatsbank Halkbank": a '*bank' cue word written with a capital is a name; not "Vela-fonds",
            # "Woningcorporatie Het Baken", nor "de Nationalbank" after "Danmarks Nationalbank"
            while (
                start < end
                and not own_word
                and start in cue_words
                and not (possessed and lay.orth[end - 1] in firm_heads)  # "Overseas Workers' Cooperative"
                and not (
                    end - start > 1
                    and (
                        (self._own_head(lay.orth[start], headed) and not (end - start == 2 and acronym))
                        or (lay.lower[start] not in cue_nouns and (legal_end or not self._opens_sentence(start)))
                    )
                )
            ):  # "the bank Rossiya" loses its cue word; "Bank Rossiya", "Hanzebank Zwolle N.V." keep their head,
                start += 1  # and so does "Pensioenfonds Grondverzet" opening a sentence
            while start < end and (self.layout.orth[start].islower() or AMOUNT.match(self.layout.orth[start])
                                   or self.layout.orth[start] in UNIT_LETTERS):
                start += 1  # "Directeur van Amstelpoort" without its role is no "van Amstelpoort"; "EUR15M of X"
            if (
                not self.lex["adjectives_in_names"]
                and ((start > 0 and lay.lower[start - 1] in determiners)  # a headline's "Litouwse Ukio bankas"
                     or ((start == 0 or start in lay.sent_starts) and end - start + (end in self.legal) >= 3))
                and self._place_word_opening(start, end + (end in self.legal))
            ):
                start += 1  # "het Japanse Aozora Bank", "het Russische Alfa-Bank", not "het Franse Mutuelle du Nord"
            if end - start > 1 and self._cue_compound(lay.orth[start]):
                start += 1  # "Het Amsterdamse IT-bedrijf Lotusbrug Software"
            pieces, piece = [], []
            for i in range(start, end):
                if i > start and i in sent_starts and piece:
                    pieces.append(piece)  # a name does not run into the next sentence
                    piece = []
                if i in taken or i in org_roles:
                    if piece:
                        pieces.append(piece)
                    piece = []
                else:
                    piece.append(i)
            if piece:
                pieces.append(piece)
            for piece in pieces:
                s, e = piece[0], piece[-1] + 1
                while s < e and self.layout.lower[s] in {"of", "&"}:
                    s += 1
                while e > s and (
                    self.layout.lower[e - 1] in {"of", "&"} or (e - s > 1 and self.layout.orth[e - 1] in codes)
                ):
                    e -= 1  # "fined Orlane Finance DAC EUR 3m": the currency opens the amount
                if s < e and not (e - s == 1 and self.layout.orth[s] in codes):
                    out.extend(self._person_of(s, e))
        return self._bracketed(self._comma_legal(out))

    def _own_head(self, word: str, headed: bool) -> bool:
        """A name's own head opening it ("Bank Rossiya"), or a trade compound before a bare name
        ("Stuwadoorsbedrijf Pernis-Noord"; before "Waalhaven Bulk Terminals" it only describes)."""
        return word in self.lex["firm_heads_first"] or (self._compound_head(word) and not headed)

    def _title_of_person(self, start: int, end: int) -> bool:
        """An office named by its holder's title ("minister van Financiën") right before a name."""
        lay = self.layout
        return (
            lay.lower[start] in as_set(self.lex["office_titles"])
            and end + 1 < len(lay.orth)
            and lay.orth[end][:1].isupper()
            and lay.orth[end + 1][:1].isupper()
        )

    def _written_small(self, word: str) -> bool:
        """The text writes ``word`` small somewhere, whole between word edges: found with
        ``str.find`` for the few words asked, not by listing every small word of the text."""
        known = self.__dict__.setdefault("_small_words", {})
        if word not in known:
            source, found, i = self.source, False, self.source.find(word) if SMALL_WORD.fullmatch(word) else -1
            while i >= 0 and not found:
                j = i + len(word)
                found = (i == 0 or _word_edge(source[i - 1])) and (j == len(source) or _word_edge(source[j]))
                i = source.find(word, i + 1)
            known[word] = found
        return known[word]

    def _opener_in_legal_name(self, start: int, end: int) -> bool:
        """ "Werf Vlietland B.V., een scheepsbouwer": in a language that puts its verb second
        (``verb_second``), a capital opening a sentence right before a name with a legal form is that
        name's first word; an adverb there would have the verb after it."""
        lay = self.layout
        return (
            bool(self.lex.get("verb_second"))
            and end - start >= 3
            and lay.orth[end - 1] in self.lex["legal_forms"]
            and lay.lower[start] not in self.lower_stop
        )

    def _bracketed(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Greensill Capital (UK) Limited", "Northern Rock (Asset Management)": a bracket inside a
        firm's name, before its legal form or holding only head nouns, belongs to the name."""
        doc, heads, legal = self.doc, as_set(self.lex["firm_heads"]), as_set(self.lex["legal_forms"])
        lay = self.layout
        out, skip = [], -1
        for start, end in spans:
            if start < skip:
                continue
            close = next((j for j in range(end + 2, min(end + 5, len(doc))) if self.layout.orth[j] == ")"), None)
            if end < len(doc) and lay.orth[end] == "(" and close is not None:
                inner = [t.text for t in doc[end + 1 : close]]
                after = close + 1 < len(doc) and lay.orth[close + 1] in legal
                place = " ".join(inner).lower() in never_names()  # "Lehman Brothers International (Europe)"
                heads_only = " ".join(inner) in heads or set(inner) <= heads
                if all(w[:1].isupper() for w in inner) and (after or heads_only or place):
                    new_end = close + 2 if after else close + 1
                    out = [s for s in out if s[1] <= start]
                    out.append((start, new_end))
                    self.legal.discard(close + 1)
                    skip = new_end
                    continue
            out.append((start, end))
        return out

    def _person_of(self, start: int, end: int) -> list[tuple[int, int]]:
        """ "Tiffany Wong of Alvarez & Marsal": a person's name, "of", and the firm are two names;
        "Bank of America" or "Court of Appeal" (a head before "of") stays one."""
        doc = self.doc
        for i in range(start + 2, end - 1):
            if doc[i].lower_ in self.lex["of_words"] and self._person_shape(start, i) and i - start <= 3:
                return [(start, i), (i + 1, end)]
        return [(start, end)]

    def _comma_legal(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Ostwind, Inc.": a legal form after a comma belongs to the name before it."""
        doc = self.doc
        lay = self.layout
        starts = {s: e for s, e in spans}
        out = []
        skip: set[int] = set()
        for start, end in spans:
            if start in skip:
                continue
            legal = end + 1
            if end + 1 < len(doc) and lay.orth[end] == "," and legal in self.legal and legal in starts:
                out.append((start, legal + 1))
                skip.add(legal)
                if starts[legal] > legal + 1:
                    out.append((legal + 1, starts[legal]))
                continue
            out.append((start, end))
        return out

    def run(self) -> Recognition:
        self.collect()
        self.fuzzy_authorities()
        self.known_firms()
        self.country_units()  # "Binance France" before a rule takes it for a person
        self.titled()
        self.nicknames()
        self.classify_names()
        self.lower_case_names()
        self.pairs()
        self.short_forms()
        self.country_units()
        self.lists()
        self.tables()
        self.promote()
        self.people_lists()
        self.short_forms()
        self.parentheses()  # "(DFS)" names its authority before "DFS's" could make it a firm
        self.possessives()
        self.family()
        self.short_after_full()
        self.defined_terms()
        self.prefix_forms()
        self.short_forms()
        self.domains()
        self.parentheses()
        self.governments()
        self.courts()
        self.court_places()
        self.court_in_place()
        self.generic_authorities()
        mentions = self.mentions()
        layout = self.layout
        for mention in mentions:
            if mention.char_start < 0:
                last = max(mention.end, mention.start + 1) - 1
                mention.char_start, mention.char_end = layout.idx[mention.start], layout.ends[last]
            party = self.parties[mention.key]
            party.mentions.append(mention)
            if mention.rule not in {"coref.definite", "coref.pronoun"}:
                party.forms[mention.text] = None
        parties = {k: p for k, p in self.parties.items() if p.mentions}
        return Recognition(
            self.doc, parties, mentions, self.roles, sorted(self.cue_spans, key=lambda c: c[1]), self.layout
        )


def recognize(pipe: Pipeline, doc: Doc, text: str | None = None) -> Recognition:
    """The parties of ``doc``; ``text``, the text it was made from, saves joining its tokens again."""
    return Recognizer(pipe, doc, text).run()


__all__ = ["Mention", "Party", "Recognition", "Span", "is_party", "recognize"]
