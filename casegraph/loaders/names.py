"""What a capitalised name is, from the cue words around it: a legal form, a cue noun before or
after, a role, an apposition, a speech verb. Capitalisation alone proves nothing."""

from __future__ import annotations

import re

from casegraph.loaders.lexicon import as_set
from casegraph.loaders.parties import FIRM, PERSON, POSSESSIVE, TOKEN
from casegraph.loaders.places import never_names
from casegraph.loaders.state import RecognizerState

TICKER = re.compile(r"[A-Z][A-Z0-9]{1,6}")  # "CVUSD", "VRN", "KPL"
APPOSITION_MARKS = {",", "-", "–", "—"}  # "Hugh Brand - finance director at the society - will join"


class NameRules(RecognizerState):
    """Firms and people from the cues around each name."""

    def _cued_ticker(self, start: int, end: int) -> bool:
        """ "the CVUSD stablecoin", "its token VRN", "de KPL-token": a ticker beside a token noun (or
        joined to one) is a token, every time the text names it."""
        word = self.layout.orth[start]
        if end - start != 1 or not TICKER.fullmatch(word):
            return False
        joined = self.__dict__.get("_joined_tickers")
        if joined is None:  # the words of the text, read once: "KPL-token" -> KPL
            cues = as_set(self.lex["token_cues"])
            joined = self.__dict__["_joined_tickers"] = {
                w.split("-", 1)[0] for w in self.layout.orth if "-" in w and w.split("-", 1)[1].lower() in cues
            }
        return self._token_noun(start, end) or word in joined

    def _token_noun(self, start: int, end: int) -> bool:
        """ "the stablecoin TerraUSD", "de munt Luna", "its Zolto token": a token noun names a token."""
        cues, lay = as_set(self.lex["token_cues"]), self.layout
        return (start > 0 and lay.lower[start - 1] in cues) or (end < len(lay.lower) and lay.lower[end] in cues)

    def _token_cue(self, start: int, end: int) -> bool:
        """A token noun, or a loan's collateral ("a loan secured by Ether", "met 190 bitcoin als
        onderpand"), tells a known token's name from a bare price mention."""
        if self._token_noun(start, end):
            return True
        lay = self.layout
        before = " ".join(lay.lower[max(0, start - 2) : start])
        after = " ".join(lay.lower[end : end + 2])
        return before in self.lex["collateral_before"] or after in self.lex["collateral_after"]

    def classify_names(self) -> None:
        """Firms and people from the cues around each capitalised name."""
        self.names = self._joined_names(self._cut_after_legal(self.names))
        doc, lex = self.doc, self.lex
        lay = self.layout
        heads = set(lex["firm_heads"])
        heads_first, after_heads = set(lex["firm_heads_first"]), set(lex["firm_after_heads"])
        honorifics = set(lex["honorifics"])
        titles = {h.lower() for h in honorifics if h.endswith(".") or h.islower()}  # "mr.", "meester"
        determiners = set(lex["role_determiners"]) | set(lex["coref_determiners"]) | {"a", "an", "een"}
        firm_cue_end = self.cue_end.get("FIRM_CUE", set())
        firm_after = self.cue_at.get("FIRM_AFTER", set())
        role_end = self.cue_end.get("ROLE", set()) | self.cue_end.get("PERSON_CUE", set())
        role_start = self.cue_at.get("ROLE", set()) | self.cue_at.get("PERSON_CUE", set())
        speech_at = self.cue_at.get("SPEECH", set())
        speech_end = self.cue_end.get("SPEECH", set())
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        org_role = set(self.org_roles)
        after_role_comma = {e + 1 for e in role_end}
        after_role_of = self._after_role_of(role_end)
        of_words = set(lex["of_words"])
        agents = set(lex["person_agent_before"])
        lower = self.layout.lower
        of_after_role = {e for e in self.cue_end.get("ROLE", set()) if e < len(doc) and lower[e] in of_words}
        for start, end in self.names:
            if start in blocked or start in self.in_headline:
                continue
            opened = next((i for i in range(start + 1, end - 2) if lay.orth[i] == "("), None)
            celled = start > 0 and lay.orth[start - 1] == "|" and lay.orth[end - 1] == ")"
            if opened is not None and celled and self.text(opened + 1, end - 1).lower() in never_names():
                end = opened  # "| Crescent Harbour Bank (Bahrain) |": in a table's cell the bracket says where
                # the firm sits; in prose it may be the name's ("Lehman Brothers International (Europe)")
            text = self.text(start, end)
            words = [w for w in self.layout.orth[start:end] if w not in {"(", ")"}]
            core = words if len(words) == end - start else text.split(" (")[0].split()  # "X International (Europe)"
            nxt = doc[end] if end < len(doc) else None
            if self._cued_ticker(start, end):
                self.add_form(text, TOKEN, "token.cue", 0.85)
                continue
            if nxt is not None and end in self.legal:  # "Zolto Ventures Inc"
                self.add_form(self.text(start, end + 1), FIRM, "firm.legal_form", 0.95)
                continue
            if start in self.legal or words[-1] in self.lex["legal_forms"]:
                self.add_form(text, FIRM, "firm.legal_form", 0.95)
                continue
            if self.layout.orth[end - 1].endswith((".US", ".UK", ".EU")):
                self.add_form(text, FIRM, "firm.regional_domain", 0.85)
                continue
            if words[0] in honorifics and (
                self._person_shape(start + 1, end) or (end - start == 2 and not doc[start + 1].is_upper)
            ):  # "Sir Ann Vale", "Mr. Harte" (the surname of a person named in full elsewhere)
                key = self.add_form(self.text(start + 1, end), PERSON, "person.honorific", 0.9)
                if key:
                    self.form_key[text] = key
                continue
            if (
                start > 0
                and lay.lower[start - 1] in titles
                and self._person_shape(start, end)
                and not doc[start - 1].is_sent_start
            ):  # "zijn mr. Eva Kuipers en drs. Bart Wolters benoemd": a title written small
                self.add_form(text, PERSON, "person.honorific", 0.85)
                continue
            if "&" in words[1:-1]:  # "Alvarez & Marsal", "Ernst & Young": partners' names joined are a firm
                self.add_form(text, FIRM, "firm.ampersand", 0.85)
                continue
            if len(words) > 1 and words[0] in heads_first:  # "Bank Rossiya", "Banco Ostwind"
                self.add_form(text, FIRM, "firm.name_head", 0.8)
                continue
            alone = len(words) == 1  # "Landesbank Baden-Württemberg", "Noordzee Gashandel"
            titled = start in role_end and self._person_shape(start, end)  # "fund manager Theo Marchbank"
            if not titled and (self._compound_head(words[0], alone) or self._compound_head(words[-1], alone)):
                self.add_form(text, FIRM, "firm.compound_head", 0.8)
                continue
            person_shape = self._person_shape(start, end)
            if (
                nxt is not None
                and nxt.lower_ in after_heads
                and nxt.is_lower
                and not person_shape
                and not (start > 0 and lay.lower[start - 1] in determiners)
                and not any(s == end + 1 for s, _ in self.names)
                and not (end + 1 < len(doc) and doc[end + 1].is_lower and end + 1 not in role_start)
                and text.lower() not in never_names()
            ):
                key = self.add_form(f"{text} {nxt.text.capitalize()}", FIRM, "firm.head_after", 0.8)
                if key:  # "VTB bank chairman": the bank is VTB Bank, also called VTB
                    self.form_key.setdefault(text, key)
                continue
            cue_before = start in firm_cue_end or (start - 1 in org_role)
            if (start in role_end or start - 1 in org_role) and (person_shape or self._surname_after_role(start, end)):
                self.add_form(text, PERSON, "person.role_before", 0.9)
                continue
            if person_shape and start in self.cue_end.get("FOUNDED_BY", set()):
                self.add_form(text, PERSON, "person.founded_by", 0.85)  # "founded by Ann Vale"
                continue
            if person_shape and " ".join(lay.lower[max(0, start - 2) : start]) in agents:
                self.add_form(text, PERSON, "person.led_by", 0.85)  # "the broker run by Jon Corzine"
                continue
            if start in after_role_comma and lay.orth[start - 1] == "," and person_shape:
                self.add_form(text, PERSON, "person.role_comma", 0.85)  # "its founder, Ann Vale"
                continue
            if person_shape and start in after_role_of:
                self.add_form(text, PERSON, "person.role_of_comma", 0.8)  # "de bestuurder van Vela, Ann Vale"
                continue
            if start in firm_cue_end:
                # "the lender Alarcha Microcredit": a firm noun names a firm, even a two-word name; a noun that
                # is also a role ("fund manager Ann Vale") made a person above
                self.add_form(text, FIRM, "firm.cue_before", 0.85, kind=self._kind_before(start))
                continue
            # "Vela Bank Nederland": a head, then the place the firm serves
            placed = len(words) > 2 and words[-2] in heads and words[-1].lower() in never_names()
            if placed or any(len(w) > 1 and (w[-1] in heads or " ".join(w[-2:]) in heads) for w in (words, core)):
                self.add_form(text, FIRM, "firm.name_head", 0.8)
                continue
            seat = next((i for i, w in enumerate(words) if w in of_words or w == "of"), 0)  # an English name in Dutch
            if seat > 1 and len(words) == end - start and words[seat - 1] in heads:
                # "Federal Home Loan Bank of San Francisco" is a bank's name; "Marrakai Holdings of
                # Perth" is Marrakai Holdings, in Perth
                banked = words[seat - 1].lower() in as_set(self.lex["bank_words"])
                self.add_form(text if banked else self.text(start, start + seat), FIRM, "firm.name_head", 0.8)
                continue
            if person_shape and self._past_age(end) > end and not self._only_opening(start, end):
                self.add_form(text, PERSON, "person.age", 0.8)  # "Tobias Venn, 39, of Hoboken"
                continue
            if person_shape and self._relative_after(end):
                self.add_form(text, PERSON, "person.relative", 0.8)  # "Herman Gref, who heads Sberbank"
                continue
            appos = self._apposition(end)
            if appos == "person" and person_shape:
                self.add_form(text, PERSON, "person.apposition", 0.9)
                continue
            if appos == "firm":
                self.add_form(text, FIRM, "firm.apposition", 0.85, kind=self._kind_after(end))
                continue
            if end in role_start and self._name_after_role(end) and not self._role_word(start, end):
                self.add_form(text, FIRM, "firm.org_role_person", 0.85)
                continue
            if start in after_role_comma and lay.orth[start - 1] == "," and not person_shape:
                self.add_form(text, FIRM, "firm.after_role", 0.75)
                continue
            if (
                self._cue_after(end, firm_after)
                and not lay.like_num[start]
                and not self._only_opening(start, end)
                and not (start > 0 and lay.lower[start - 1] in {"a", "an", "een"})
            ):
                self.add_form(text, FIRM, "firm.cue_after", 0.8)
                continue
            appointed = self._appointed_after(end, role_start) and lay.lower[start - 1] not in of_words
            if person_shape and (appointed or self._appointed_before(start, end, role_end)):
                self.add_form(text, PERSON, "person.appointed", 0.8)  # "benoemde X tot curator"
                continue
            if person_shape and (end in speech_at or start in speech_end):
                self.add_form(text, PERSON, "person.speech", 0.75)
                continue
            if cue_before:
                self.add_form(text, FIRM, "firm.cue_before", 0.7)
                continue
            if (
                not person_shape
                and start - 1 in of_after_role
                and not lay.like_num[start]
                and not self._role_word(start, end)
            ):
                self.add_form(text, FIRM, "firm.role_of", 0.75)  # "a former chairman of Nasdaq"
                continue
            if (
                start >= 2  # "a Bishkek lender, Alarcha Microcredit,": after a role's comma, a person was made above
                and lay.orth[start - 1] == ","
                and start - 1 in firm_cue_end
                and (nxt is None or nxt.text in {",", ".", ";"})
            ):
                self.add_form(text, FIRM, "firm.cue_comma", 0.75)  # "its investment fund, Optimal,"
                continue
            if nxt is not None and nxt.text == "," and self._after_firm_clause(start, firm_cue_end):
                self.add_form(text, FIRM, "firm.clause_comma", 0.7)  # "The broker that sold them, Dunstan Direct,"
        self._people_of_firms()
        self._names_without_head()

    def short_after_full(self) -> None:
        """ "Pellham Tower Holdings LLC ... Pellham's chief restructuring officer": a firm found only by
        one word, named after the one firm whose full name opens with that word, is that firm (news
        gives the full name first). Named before it ("the Zolto subsidiaries Zolto Ventures Inc"), beside
        two such firms, or next to a word of units ("a subsidiary of Kelvo") it stays its own."""
        firms = [p for p in self.parties.values() if p.type is FIRM]
        lone = {p.name for p in firms if " " not in p.name and p.rule != "firm.known"}
        if not lone or not any(p.name.split()[0] in lone for p in self.parties.values() if " " in p.name):
            return
        first: dict[str, int] = {}
        near_unit: set[str] = set()  # "X, een dochteronderneming van Kelvo": the short name is the group
        units = self.cue_at.get("SUBSIDIARY", set()) | self.cue_end.get("SUBSIDIARY", set())
        for start, end in self.names:
            key = self.form_key.get(self.text(start, end))
            if key is not None:
                first.setdefault(key, start)
                if any(start - 4 <= u <= end + 4 for u in units):
                    near_unit.add(key)
        firms = [p for p in self.parties.values() if p.type is FIRM and p.key in first]
        longer: dict[str, list[str]] = {}
        for party in firms:
            if " " in party.name:
                longer.setdefault(party.name.split()[0], []).append(party.key)
        for party in firms:
            found = longer.get(party.name, [])
            if " " in party.name or party.rule == "firm.known" or len(found) != 1 or party.key not in self.parties:
                continue
            if first[found[0]] < first[party.key] and party.key not in near_unit:
                self.fold(party.key, found[0])

    def prefix_forms(self) -> None:
        """ "Lone Oak Life & Annuity Co." ... "Lone Oak Life", "Banksia Vale said": a name of two or more
        words found by a weak cue (``weak_rules``) that opens the full legal name of exactly one firm is
        that firm: news shortens a name by dropping its end. A place in the rest ("Vela Capital UK Ltd")
        makes the longer one a unit of its own."""
        legal, places = as_set(self.lex["legal_forms"]), never_names()
        full = [p for p in self.parties.values() if p.type is FIRM and p.name.split()[-1] in legal]
        if not full:
            return
        weak = as_set(self.lex["weak_rules"])
        for party in list(self.parties.values()):
            words = party.name.split()
            if party.rule not in weak or len(words) < 2 or words[-1] in legal or party.key not in self.parties:
                continue
            longer = [f for f in full if f.key != party.key and f.name.startswith(party.name + " ")]
            if len(longer) == 1 and not any(w.lower() in places for w in longer[0].name[len(party.name) :].split()):
                self.fold(party.key, longer[0].key)

    def _after_firm_clause(self, start: int, firm_cue_end: set[int]) -> bool:
        """ "The broker that sold most of the policies, X,": a firm noun, a relative clause of things
        ("that", "which") and a comma before the name: the name is that firm."""
        doc = self.doc
        if start < 4 or doc[start - 1].text != ",":
            return False
        relatives = as_set(self.lex["firm_relatives"])
        for i in range(start - 2, max(start - 14, 0), -1):
            if doc[i].is_punct or doc[i].is_sent_start:
                return False
            if doc[i].lower_ in relatives and i in firm_cue_end:
                return True
        return False

    def _cut_after_legal(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Lindenhof Hypothekenbank AG of Wiesbaden": the name ends at its legal form; "of" and the
        city after it say where the firm sits."""
        legal, of_words = as_set(self.lex["legal_forms"]), as_set(self.lex["of_words"])
        lay = self.layout
        out = []
        for start, end in spans:
            cut = next(
                (i + 1 for i in range(start + 1, end - 2) if lay.orth[i] in legal and lay.lower[i + 1] in of_words),
                None,
            )
            out.append((start, cut) if cut else (start, end))
        return out

    def _names_without_head(self) -> None:
        """ "Bank Scheldeland" is also "Scheldeland", "Bouwgroep Derycke NV" also "Derycke": a firm named
        with a head noun first goes by the rest of its name too."""
        heads_first, legal = as_set(self.lex["firm_heads_first"]), as_set(self.lex["legal_forms"])
        for form in list(self.form_key):
            key = self.form_key[form]  # as it stands now: a fold below may have moved the form
            words = form.replace(",", " ").split()
            if len(words) < 2 or key not in self.parties or self.parties[key].type is not FIRM:
                continue
            bare = [w for w in words if w not in legal]
            if len(bare) == 2 and self._compound_head(bare[0]) and bare[1].lower() in never_names():
                self.form_key.setdefault(bare[0], key)  # "Hanzebank Zwolle N.V." is also "Hanzebank"
                continue
            if not (words[0] in heads_first or self._compound_head(words[0])):
                continue
            rest = [w for w in words[1:] if w not in legal]
            short = " ".join(rest)
            bare = short.lower()
            if rest and rest[0][:1].isupper() and bare not in never_names() and bare not in self.lower_stop:
                other = self.form_key.setdefault(short, key)
                lone = self.parties.get(other)
                same = lone is not None and short in (lone.name, self._headless(lone.name))
                if other != key and same and lone.type is FIRM:
                    self.fold(other, key)  # "de bank Scheldeland" found before "Bank Scheldeland"

    def _role_word(self, start: int, end: int) -> bool:
        """ "Former chief executive X", "Director of Enforcement", "Pensions minister X": one word that
        modifies a role, or the portfolio of a minister, is part of the role, not a firm."""
        doc = self.doc
        lay = self.layout
        if end - start != 1:
            return False
        if lay.lower[start] in self.lex["role_modifiers"]:
            return True
        return end < len(doc) and lay.lower[end] in {"minister", "minister's"} and self._opens_sentence(start)

    def _headless(self, name: str) -> str:
        """ "Woningcorporatie Woonkracht Oostmaas" -> "Woonkracht Oostmaas": a name without the head
        noun it opens with (another head, "Stichting Woonkracht Oostmaas", names the same firm)."""
        first, _, rest = name.partition(" ")
        return rest if rest and (first in self.lex["firm_heads_first"] or self._compound_head(first)) else name

    def _joined_names(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names that run on across a small word: "Stichting Vrienden van Ziekenhuis Rijnoever",
        "Pensioenfonds Tegel en Steen" (a name opened by a firm's head noun goes on across the
        language's name joiners), "St. Brendan's Hospital Foundation", "Lone Star Teachers' Benevolent
        Fund" (a saint's or a plural possessive before a firm's head noun). A name the text already
        knows as a party ("Stichting X en Rabobank") is never swallowed."""
        doc, lex = self.doc, self.lex
        lay = self.layout
        joiners = set(lex.get("name_joiners", []))
        heads_first, heads = set(lex["firm_heads_first"]), set(lex["firm_heads"])
        saints = set(lex.get("saint_words", []))
        out: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if (
                end + 1 < len(doc)
                and lay.orth[end] in {"I", "II", "III", "IV"}
                and lay.orth[end - 1] in heads
                and (lay.punct[end + 1] or doc[end + 1].is_space)
            ):
                end += 1  # "notes of Quillon Credit Fund I;": the first of a series ("Fund I knew" is not)
            if out and self._joins(out[-1], (start, end), joiners, heads_first, heads, saints):
                first = out[-1][0]
                if first > 0 and lay.orth[first - 1] in heads_first:
                    first -= 1  # "Pensioenfonds Tegel en Steen" opening a sentence keeps its head
                out[-1] = (first, end)
            else:
                out.append((start, end))
        return out

    def _joins(
        self,
        first: tuple[int, int],
        second: tuple[int, int],
        joiners: set[str],
        heads_first: set[str],
        heads: set[str],
        saints: set[str],
    ) -> bool:
        (s1, e1), (s2, e2) = first, second
        if not 1 <= s2 - e1 <= 2 or s2 in self.in_headline:
            return False
        doc = self.doc
        lay = self.layout
        gap = doc[e1:s2]
        if self.text(s2, e2) in self.form_key:
            return False
        opener = lay.orth[s1]
        if s1 > 0 and lay.orth[s1 - 1] in heads_first and doc[s1 - 1].is_sent_start:
            opener = lay.orth[s1 - 1]  # the head a sentence opens with was cut from the name
        if all(t.lower_ in joiners and t.is_lower for t in gap):
            head = opener in heads_first or self._compound_head(opener)
            return head and lay.orth[s2] not in heads_first
        legal_end = e2 in self.legal or lay.orth[e2 - 1] in self.lex["legal_forms"]
        if len(gap) == 1 and gap[0].text in self.lex["name_articles"] and not gap[0].is_sent_start and legal_end:
            return True  # "Zwembadexploitatie Het Waterlinde B.V.": a capitalised article inside a firm's name
        if len(gap) == 1 and gap[0].text == "I" and lay.orth[s2] in self.lex["legal_forms"]:
            return lay.orth[e1 - 1] in heads  # "Quillon Private Credit Fund I LP": the first of a series
        last = lay.orth[e2 - 1]
        plural = len(gap) == 1 and gap[0].text in {"'", "’"} and lay.orth[e1 - 1].endswith("s")
        if plural and last in self.lex["possessive_heads"]:  # "Teachers' Retirement System", "Magistrates' Court"
            return self.text(s1, e1) not in self.form_key
        if len(gap) == 1 and gap[0].text in POSSESSIVE and (last in heads or self._compound_head(last)):
            # "St. Brendan's Hospital Foundation", "Teachers' Benevolent Fund", "the Seamen's Trust" (an
            # article never stands before a firm's own possessive: the 's is inside the name)
            article = s1 > 0 and lay.lower[s1 - 1] in self.lex["articles"]
            return (opener in saints or plural or article) and self.text(s1, e1) not in self.form_key
        return False

    def _appointed_after(self, end: int, role_start: set[int]) -> bool:
        """ "X as administrator", "X zijn aangesteld als curatoren", "X and Y of Rock Street were
        appointed joint liquidators": a name appointed to a role, across the firm it is of."""
        doc, lex = self.doc, self.lex
        lay = self.layout
        of_firm = None
        if end < len(doc) and lay.lower[end] in lex["of_words"]:  # "of (the restructuring firm) Rock Street"
            after = [(s, e) for s, e in self.names if end < s <= end + 4]
            of_firm = next(((s, e) for s, e in after if s == end + 1 or doc[end + 1 : s].text.islower()), None)
            end = of_firm[1] if of_firm else end
        if end < len(doc) and lay.lower[end] in lex["coordinators"]:
            return False  # "X and Y of Z were appointed": the pair rule gives X once Y is a person
        seen = False
        for i in range(end, min(end + 6, len(doc) - 1)):
            if not doc[i].is_alpha or not doc[i].is_lower:
                return False
            seen = seen or lay.lower[i] in lex["appointed_as"] or lay.lower[i] in lex["appointing"]
            if seen and i + 1 in role_start:
                if of_firm is not None:  # the firm the appointees come from
                    self.add_form(self.text(*of_firm), FIRM, "firm.of_appointee", 0.75)
                return True
        return False

    def _appointed_before(self, start: int, end: int, role_end: set[int]) -> bool:
        """ "Tot curatoren zijn X en Y benoemd", "Tot speciaal commissaris is X benoemd": the role put
        first, a form of 'be' before the name, the appointing verb closing the clause."""
        lay, lex = self.layout, self.lex
        be = as_set(lex["passive_be"])
        i = start - 1
        if i < 1 or lay.lower[i] not in be:
            i = start  # "X en Y": the second name of the pair, after the first and 'en'
            while i > 0 and lay.lower[i - 1] in as_set(lex["coordinators"]) | {","}:
                i -= 1
                while i > 0 and lay.orth[i - 1][:1].isupper():
                    i -= 1
            if i == start or i < 1 or lay.lower[i - 1] not in be:
                return False
            i -= 1
        if i not in role_end:
            return False
        verbs = as_set(lex["appointing"])
        rest = lay.lower[end : min(end + 6, len(lay.lower))]
        return any(w in verbs for w in rest)

    def _relative_after(self, end: int) -> bool:
        """ ", who", ", 72, who": the relative pronoun English keeps for people."""
        doc = self.doc
        lay = self.layout
        end = self._past_age(end)
        return end + 1 < len(doc) and lay.orth[end] == "," and lay.lower[end + 1] in self.lex["person_relatives"]

    def _after_role_of(self, role_end: set[int]) -> set[int]:
        """ "the former risk officer of the bank, Ann Vale", "de bestuurder van Vela, Ann Vale": where a
        name may start after a role, its organisation and a comma (at most three words between)."""
        doc, of_words, out = self.doc, as_set(self.lex["of_words"]), set()
        lay = self.layout
        ends = [e for e in role_end if e < len(doc) and lay.lower[e] in of_words]
        starts = {e + 1 for e in ends}
        known = {s: e for s, e in self.names if s in starts and self.text(s, e) in self.form_key}
        for end in ends:
            if end + 1 in known:  # "the head of Gazprom Alexei Miller": a listed firm, then the name
                out.add(known[end + 1])
            for j in range(end + 2, min(end + 5, len(doc) - 1)):
                if lay.orth[j] == ",":
                    out.add(j + 1)
                    break
                if lay.punct[j]:
                    break
        return out

    def _past_age(self, end: int) -> int:
        """ "Ann Vale, 54, chief executive": the comma after an age, where the apposition goes on."""
        doc = self.doc
        lay = self.layout
        if end + 2 < len(doc) and lay.orth[end] == "," and lay.like_num[end + 1] and lay.orth[end + 2] == ",":
            word = lay.orth[end + 1]
            return end + 2 if word.isdigit() and 16 <= int(word) <= 110 else end
        return end

    def _people_of_firms(self) -> None:
        """ "Tiffany Wong of Alvarez & Marsal": a person's name before "of" and a firm is a person."""
        doc, of_words = self.doc, as_set(self.lex["of_words"])
        lay = self.layout
        firm_starts = {s for s, e in self.names if self.form_key.get(self.text(s, e), "").startswith(FIRM.value)}
        for start, end in self.names:
            if (
                end + 1 < len(doc)
                and lay.lower[end] in of_words
                and end + 1 in firm_starts
                and self.text(start, end) not in self.form_key
                and self._person_shape(start, end)
                and start not in self.in_headline
            ):
                self.add_form(self.text(start, end), PERSON, "person.of_firm", 0.8)

    def _surname_after_role(self, start: int, end: int) -> bool:
        """ "president Poetin en minister Lavrov", "CEO Zhao said": one capitalised word after a role is
        a surname when no capital follows it and it is no acronym or known name."""
        doc = self.doc
        lay = self.layout
        if end - start != 1 or doc[start].is_upper or self.text(start, end) in self.form_key:
            return False
        if start in self.cue_end.get("FIRM_CUE", set()):
            return False  # "Singapore oil trader Kallang": the longer cue is a firm's
        cues = self.roles + self.cue_spans_all("PERSON_CUE")
        if not any(e == start and e - s <= 3 for s, e in cues):
            return False  # "head of credit at Tellis": a long role phrase ends in its firm
        if any(s < start < e for s, e in cues):
            return False  # "Assistant Director-in-Charge": the word is the longer role's own
        if lay.orth[start] in self.lex["authority_heads"] or lay.orth[start] in {"General", "Generaal"}:
            return False  # "Attorney General"
        word = lay.orth[start]
        if any(lay.orth[s] == word and e - s >= 2 and not self._person_shape(s, e) for s, e in self.names):
            return False  # "invoice financier Carbrook" beside "Carbrook Receivables": the firm's first word
        return end >= len(doc) or not lay.orth[end][:1].isupper()

    def _kind_before(self, start: int) -> str | None:
        token = self.layout.lower[start - 1]
        for noun, kind in self.lex["firm_coref"].items():
            if kind and token.endswith(noun.split()[-1]):
                return kind
        return None

    def _kind_after(self, end: int) -> str | None:
        doc = self.doc
        lay = self.layout
        for i in range(end + 1, min(end + 9, len(doc))):
            if lay.orth[i] in {",", ".", ";", "("} or lay.lower[i] in self.lex["of_words"]:
                break  # ", de leasingdochter van de bank": the bank is another firm
            for noun, kind in self.lex["firm_coref"].items():
                if kind and lay.lower[i].endswith(noun.split()[-1]):
                    return kind
        return None

    def _apposition(self, end: int) -> str | None:
        """ ", a Canadian crypto exchange" -> firm; ", the founder of" / ", woordvoerder" -> person."""
        doc = self.doc
        lay = self.layout
        end = self._past_age(end)
        if end >= len(doc) - 1 or lay.orth[end] not in APPOSITION_MARKS:
            return None
        if lay.lower[end + 1] in as_set(self.lex["prepositions"]):
            return None  # "Samuel Reed - with violating the Bank Secrecy Act": the clause goes on
        firm_cue_start = self.cue_at.get("FIRM_CUE", set())
        role_start = self.cue_at.get("ROLE", set()) | self.cue_at.get("PERSON_CUE", set())
        bounds = as_set(self.lex["clause_bounds"])
        for i in range(end + 1, min(end + 8, len(doc))):
            token = doc[i]
            if token.text in {",", ".", ";", "(", ")"} or token.is_sent_start or token.lower_ in bounds:
                return None  # ", while the insurer X holds": a new clause, no apposition
            if i in role_start:
                role_end = min((e for s, e in self.roles if s == i), default=i + 1)
                of_firm = lay.lower[role_end - 1] in self.lex["of_words"]  # ", head of credit at Tellis"
                if role_end < len(doc) and any(s == role_end for s, _ in self.names) and not of_firm:
                    return None  # ", Rumble CEO Chris": the role is Chris's
                return "person"
            if i in firm_cue_start:
                # "the SEC's chair": a role further on decides, not the cue's own last word ("metals trader")
                cue_end = max((e for e in self.cue_end.get("FIRM_CUE", ()) if i < e <= i + 4), default=i + 1)
                if any(j in role_start for j in range(cue_end, min(i + 5, len(doc)))):
                    return "person"
                if i + 1 < len(doc) and lay.orth[i + 1] in POSSESSIVE:
                    continue  # "Ann Vale, the fund's manager": what the firm has, not the firm
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
        lay = self.layout
        if end in firm_after:
            return True
        return (
            end + 1 in firm_after
            and end < len(doc)
            and lay.lower[end] in {"crypto", "cryptocurrency", "trading", "lending"}
        )
