"""Firms named without a cue of their own: owners ("Quandle's portfolio"), lists with a known
firm, names in the firm slot of a fact cue, websites and bracketed acronyms of known names."""

from __future__ import annotations

import re

from casegraph.loaders.lexicon import as_set, data
from casegraph.loaders.parties import FIRM, PERSON, POSSESSIVE
from casegraph.loaders.places import adjectives, country_names, never_names, place_adjective
from casegraph.loaders.state import RecognizerState
from casegraph.schemas import name_key

# A row of a table of names and figures: "Commerzbank AG ........ EUR 200m", "Aozora Bank Ltd\t$463 million",
# "Vela Fruit (Barendrecht)      1,2 miljoen real",
# "| Crescent Harbour Bank | US$46.5m |".
TABLE_ROW = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?([^\s|].*?\S)[ \t]*(?:\.{3,}|…+|\t+| {3,}|\|)[ \t]*(?:[A-Z]{3} ?)?\S*\d[\d.,]*"
    r"(?:[ \t]*\w+){0,2}[ \t]*\|?[ \t]*$"
)
# the one-character currency symbols of currencies.json, as a character class: "$", "€", "₦", …
SYMBOL = "[" + re.escape("".join(sorted(k for k in data("currencies")["symbols"] if len(k) == 1))) + "]"
BRACKETED = re.compile(r"\s*\([^)]*\)$")
DESCRIBED = re.compile(r",(?: [a-zà-ÿ][\w-]*){1,4}$")  # ", de clearer", ", its custodian": a row's description
# "- Kilbrannan Bay Treasury: $38 million (deposit)", "• Varnholt (Singapore): 2,7 miljoen euro",
# "1. Bramble Hill Capital - $6,412,000 (deposits)"
BULLET_ROW = re.compile(
    r"^[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+([A-Z][^:]*?\S)[ \t]*(?::|[ \t][-–][ \t])[ \t]*"
    rf"(?:[A-Z]{{3}} ?|[A-Z]?{SYMBOL} ?)?\d"
)
# "£40m    Marchmont Borough Council", "EUR 12.5m\tVela Bank": the sum first, the party after a tab or wide gap
SUM_FIRST_ROW = re.compile(
    rf"^[ \t]*(?:[A-Z]{{3}} ?|[A-Z]?{SYMBOL} ?)\d[\d.,]*(?: ?[A-Za-z]{{1,8}})?(?:\t+| {{2,}})([A-Z][^\t]*?\S)[ \t]*$"
)
NUMBERED = re.compile(r"\d{1,2}[.)][ \t]")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "CDs", "ETFs": the plural of a common noun's acronym


def table_row(line: str) -> re.Match[str] | None:
    """``TABLE_ROW.match`` or ``BULLET_ROW.match``; the first skipped on a line without the leader a
    row needs (dots, an ellipsis, a tab, three spaces, a pipe): there the lazy name group backtracks over the
    whole line for nothing."""
    if line.lstrip()[:1] in {"-", "•", "*", "–"} or NUMBERED.match(line.lstrip()):
        return BULLET_ROW.match(line)
    if (first := SUM_FIRST_ROW.match(line)) is not None:
        return first
    if "..." not in line and "…" not in line and "\t" not in line and "   " not in line and "|" not in line:
        return None
    return TABLE_ROW.match(line)


class FirmRules(RecognizerState):
    """Firms from lists, possessives and fact slots; other forms of known names."""

    def known_firms(self) -> None:
        """Firms of the gazetteer (firms.json) named bare ("Coinbase said"): the longest match wins,
        the canonical name names the party, the surface form becomes another form of it. A name that
        is also a word or a token ("Tether", "Celsius") counts only outside a price or token context."""
        doc, strings = self.doc, self.doc.vocab.strings
        firms = data("firms")["firms"]
        taken = {i for s, e, *_ in self.closed for i in range(s, e)} | {
            i for s, e in self.blocked for i in range(s, e)
        }
        found = [(strings[m], s, e) for m, s, e in self.pipe.known_firms(doc)]
        found.sort(key=lambda f: (-(f[2] - f[1]), f[1]))
        for label, start, end in found:
            if taken.intersection(range(start, end)):
                continue
            entry = firms[int(label.partition(":")[2])]
            if entry.get("ambiguous") and not self._used_as_name(start, end):
                continue
            taken.update(range(start, end))
            text = self.text(start, end)
            self._split_at_known(start, end)
            if self.form_key.get(text, "").startswith(FIRM.value) or text in self.form_key:
                self._legal_form_of(start, end, self.form_key[text])
                self._foreign_unit(start, end, entry)
                continue
            key = f"{FIRM.value}:{name_key(entry['name'])}"
            self.ensure(key, entry["name"], FIRM, "firm.known", 0.9, kind=entry["kind"])
            self.form_key[text] = key
            self.form_key.setdefault(entry["name"], key)
            self._legal_form_of(start, end, key)
            self._foreign_unit(start, end, entry)

    def _foreign_unit(self, start: int, end: int, entry: dict) -> None:
        """ "Rabobank, N.A.": a legal form of another jurisdiction (``foreign_legal_forms``) after a
        listed firm names that firm's unit there, a company of its own; "Flagstar Bank, N.A." is the
        US bank itself."""
        doc, foreign = self.doc, self.lex["foreign_legal_forms"]
        lay = self.layout
        at = end + 1 if end + 1 < len(doc) and lay.orth[end] == "," else end
        if at >= len(doc) or foreign.get(lay.orth[at], entry.get("jurisdiction")) == entry.get("jurisdiction"):
            return
        full = self.text(start, at + 1)
        key = f"{FIRM.value}:{name_key(full)} {lay.orth[at].lower()}"
        self.ensure(key, full, FIRM, "firm.legal_form", 0.9, kind=entry.get("kind"))
        self.form_key[full] = key

    def _legal_form_of(self, start: int, end: int, key: str) -> None:
        """ "Danske Bank A/S" is the listed Danske Bank, unless the text names it with another legal
        form too ("Swedbank AB" and "Swedbank AS" are two)."""
        doc = self.doc
        lay = self.layout
        if end < len(doc) and lay.orth[end] in self.lex["legal_forms"]:
            full = self.text(start, end + 1)
            if not any(self._other_legal_form(f, full) for f, k in self.form_key.items() if k == key):
                self.form_key.setdefault(full, key)

    def _split_at_known(self, start: int, end: int) -> None:
        """ "the head of Gazprom Alexei Miller": a listed firm that opens a longer name, the rest of a
        person's shape, is the firm and then the person."""
        index = next((i for i, (s, e) in enumerate(self.names) if s == start and end < e), None)
        if index is None:
            return
        e = self.names[index][1]
        rest = self.doc[end:e]
        places = never_names()
        if self._person_shape(end, e) and all(t.is_title and t.is_alpha and t.lower_ not in places for t in rest):
            self.names[index : index + 1] = [(start, end), (end, e)]

    def _used_as_name(self, start: int, end: int) -> bool:
        """ "Tether said" is the firm; "Tether fell 2%", "$5 of Tether", "degrees Celsius" are not."""
        doc, context = self.doc, as_set(self.lex["token_context"])
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        return not any(
            t is not None and (t.lower_ in context or t.like_num or t.is_currency) for t in (prev, nxt)
        )

    def lower_case_names(self) -> None:
        """ "bunq B.V.", "eToro Ltd": a brand written small is a firm's name when a legal form with
        a full stop or a small letter closes it; a common word ("de", "holding") is none."""
        lay, doc = self.layout, self.doc
        firm_words = {w for cue in self.lex["firm_cues"] for w in cue.split()}
        for i in sorted(self.legal):
            form, j = lay.orth[i], i - 1
            if j < 0 or not ("." in form or any(c.islower() for c in form)):
                continue
            word = doc[j]
            before = doc[j - 1].text if j else ""
            if (
                not word.is_alpha
                or not word.text[:1].islower()
                or len(word.text) < 3
                or word.is_stop
                or word.lower_ in self.lower_stop
                or word.lower_ in firm_words
                or before[:1].isupper()
            ):
                continue
            self.add_form(self.text(j, i + 1), FIRM, "firm.legal_form_lower", 0.85)

    def defined_terms(self) -> None:
        """ "the Group", "the Company", "the Bank" written with a capital in a report or filing: the
        one firm of the text whose name holds that head word ("Penhallow Reinsurance Group plc")."""
        terms = set(self.lex["defined_terms"])
        for key, party in list(self.parties.items()):
            if party.type is not FIRM or party.name not in terms:
                continue
            holders = [
                k
                for k, p in self.parties.items()
                if k != key and p.type is FIRM and party.name in p.name.split()[1:]
            ]
            if len(holders) == 1:
                self.fold(key, holders[0])

    def possessives(self) -> None:
        """ "Quandle's portfolio", "Lumo's staked ether": a name that owns something is a firm, unless a person."""
        doc = self.doc
        lay = self.layout
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        for start, end in self.names:
            if (
                end < len(doc)
                and lay.orth[end] in POSSESSIVE
                and start not in blocked
                and start not in self.in_headline
            ):
                text = self.text(start, end)
                if text in self.form_key or self._is_surname(text) or self._only_opening(start, end):
                    continue  # "Depositors' money is safe": an opening word
                if text in self.lex["lone_state_words"]:
                    continue  # "the Treasury's Financial Crimes Enforcement Network": a state's office, no firm
                if lay.orth[end - 1] in self.lex["unit_heads"]:
                    continue  # "the Office's Economic Crimes Unit": a unit of a body
                plural = lay.orth[end] in {"'", "’"} and lay.orth[end - 1].endswith("s")
                if plural and end + 1 < len(doc) and lay.orth[end + 1] in self.lex["possessive_heads"]:
                    continue  # "Westminster Magistrates' Court": the plural is part of the next name
                if (
                    self._person_shape(start, end)
                    and end + 1 < len(doc)
                    and lay.lower[end + 1]
                    in {"arrest", "wife", "husband", "lawyer", "lawyers", "attorney", "attorneys", "trial", "family"}
                ):
                    continue
                if self._person_shape(start, end) and self._owns_known_firm(end + 1):
                    self.add_form(text, PERSON, "person.owner", 0.6)  # "Sam Bankman-Fried's FTX"
                    continue
                self.add_form(text, FIRM, "firm.possessive", 0.6)

    def _owns_known_firm(self, start: int) -> bool:
        """A listed firm's name starts at ``start``: what a person-shaped owner owns is a firm."""
        key = next((self.form_key.get(self.text(s, e)) for s, e in self.names if s == start), None)
        party = self.parties.get(key) if key else None
        return party is not None and party.type is FIRM and party.rule == "firm.known"

    def lists(self) -> None:
        """ "Quandle, Kestrel, Zolto, and Brightline": a list with a firm in it, or of three names, is of firms."""
        blocked = {i for s, e in self.blocked for i in range(s, e)} | self.in_headline  # title case says nothing
        for group in self._name_lists():
            texts = [self.text(s, e) for s, e in group]
            types = [self.parties[self.form_key[t]].type if t in self.form_key else None for t in texts]
            if PERSON in types:
                continue
            if FIRM in types or len(group) >= 3:
                for (s, e), text, type_ in zip(group, texts, types, strict=True):
                    if type_ is None and s not in blocked and not self._person_shape(s, e):
                        self.add_form(text, FIRM, "firm.list", 0.65)

    def people_lists(self) -> None:
        """ "froze the assets of Alisher Usmanov, Mikhail Fridman and Petr Aven": in a list with a
        person in it, the other names of a person's shape are people too."""
        for group in self._name_lists():
            texts = [self.text(s, e) for s, e in group]
            types = [self.parties[self.form_key[t]].type if t in self.form_key else None for t in texts]
            if PERSON not in types or FIRM in types:
                continue
            for (s, e), text, type_ in zip(group, texts, types, strict=True):
                if type_ is None and self._person_shape(s, e) and s not in self.in_headline:
                    self.add_form(text, PERSON, "person.list", 0.7)

    def _name_lists(self) -> list[list[tuple[int, int]]]:
        """Names joined by commas and a coordinator; two names need the coordinator ("In Ostbury,
        Vela said" is no list)."""
        lower, orth = self.layout.lower, self.layout.orth
        lay = self.layout
        coordinators = as_set(self.lex["coordinators"])
        spans = sorted(self.names)
        groups: list[list[tuple[int, int]]] = []
        current: list[tuple[int, int]] = []
        for span in spans:
            if current:
                gap_range = range(current[-1][1], span[0])
                gap = [lower[i] for i in gap_range] if len(gap_range) <= 3 else []
                cue_ok = (
                    [
                        lower[i] in coordinators or orth[i] == "," or i in self.cue_at.get("FIRM_CUE", set())
                        for i in gap_range
                    ]
                    if gap
                    else []
                )
                if gap and all(cue_ok) and len(gap) <= 3 and any(g in coordinators or g == "," for g in gap):
                    current.append(span)
                    continue
                groups.append(current)
            current = [span]
        if current:
            groups.append(current)
        return [
            g
            for g in groups
            if len(g) >= 3
            or (len(g) == 2 and any(lay.lower[i] in coordinators for i in range(g[0][1], g[1][0])))
        ]

    def tables(self) -> None:
        """ "Commerzbank AG ..... EUR 200m" on one line, "ING ..... EUR 150m" on the next: the names
        that open the rows of a table of figures are of one kind, firms when one of them is or when
        there are three rows."""
        doc, rows = self.doc, []
        by_char = {self.layout.idx[s]: (s, e) for s, e in self.names}
        offset = 0
        for line in self.source.split("\n"):
            found = table_row(line)
            span = by_char.get(offset + found.start(1)) if found else None
            if span is not None and doc[span[1] - 1].text == ")":  # "Vela Fruit (Barendrecht)": the place is no name
                span = next(((span[0], i) for i in range(span[0] + 1, span[1]) if doc[i].text == "("), span)
            if span is not None and found is not None:
                name_end = doc[span[1] - 1].idx + len(doc[span[1] - 1]) - offset
                # a bullet's name is all before the colon but a place in brackets ("Units of the X Fund"
                # is no name), a piped row's all its first cell ("Four other lenders | various | 51.3")
                cell = line.split("|")[0].rstrip() if "|" in line else None
                named = DESCRIBED.sub("", BRACKETED.sub("", found.group(1)))  # "Kasbank, de clearer: 4,7 miljoen"
                bare = len(cell) if cell is not None else len(named) + found.start(1)
                loose = found.re is not BULLET_ROW and cell is None
                whole = loose or name_end == bare or span[1] in self.legal
                if name_end <= found.end(1) + 1 and whole:
                    rows.append((span[0], span[1] + 1) if span[1] in self.legal else span)  # "X plc"
            offset += len(line) + 1
        texts = [self.text(s, e) for s, e in rows]
        types = [self.parties[self.form_key[t]].type if t in self.form_key else None for t in texts]
        if len(rows) < 2 or PERSON in types or not (FIRM in types or len(rows) >= 3):
            return
        totals = as_set(self.lex["table_totals"])  # "Others (16 banks)", "Totaal": no party
        for (s, e), text, type_ in zip(rows, texts, types, strict=True):
            if text.lower() in totals:
                continue
            if type_ is None and not (e - s == 2 and self._person_shape(s, e)):  # "Ann Vale"; not "Kelso Bay Treasury"
                self.add_form(text, FIRM, "firm.table", 0.7)

    def country_units(self) -> None:
        """ "Parmalat Netherlands", "Binance France": a firm's name and a country right after it name
        the firm's unit there, a party of its own (not the country, not a person)."""
        orth = self.layout.orth
        countries = country_names()
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for form, key in self.form_key.items():
            if self.parties[key].type is FIRM and (words := tuple(form.split())):
                by_first.setdefault(words[0], []).append(words)
        for forms in by_first.values():
            forms.sort(key=len, reverse=True)
        for i in [i for i, word in enumerate(orth) if word in by_first]:
            for words in by_first[orth[i]]:
                j = i + len(words)
                if tuple(orth[i:j]) != words:
                    continue
                following = countries.get(orth[j], ()) if j < len(orth) else ()
                country = next((c for c in following if tuple(orth[j : j + len(c)]) == c), None)
                after = j + len(country) if country else j
                if country and (after >= len(orth) or not orth[after][:1].isupper()):
                    self.add_form(self.text(i, after), FIRM, "firm.country_unit", 0.75)
                break

    def domains(self) -> None:
        """ "Zelko.com" is Zelko's website: an alias of the firm."""
        for start, end in self.names:
            text = self.text(start, end)
            base, dot, tld = text.rpartition(".")
            if dot and tld.lower() in {"com", "io", "net", "org"} and base in self.form_key:
                self.form_key[text] = self.form_key[base]

    def parentheses(self) -> None:
        """ "North Crest Holdings (NCH)": the acronym in brackets is another form of the name."""
        doc, orth = self.doc, self.layout.orth
        for start, end in self.names + [(s, e) for s, e, *_ in self.closed]:
            if end + 2 < len(doc) and orth[end] == "(" and orth[end + 2] == ")":
                inner = orth[end + 1]
                outer = self.text(start, end)
                key = self.form_key.get(outer) or next(
                    (k for s, e, _, k in self.closed if (s, e) == (start, end)), None
                )
                if key and inner.isupper() and inner not in self.form_key:
                    self.form_key[inner] = key
                elif key and inner.isupper() and self._lone_acronym(inner, key):
                    self.fold(self.form_key[inner], key)  # "Pensioenfonds PMGZ" in the headline, then "(PMGZ)"

    def _lone_acronym(self, acronym: str, key: str) -> bool:
        """A firm found only as this acronym, before the text spelt it out in full."""
        other = self.form_key[acronym]
        party = self.parties.get(other)
        return (
            other != key
            and party is not None
            and party.type is FIRM
            and party.name == acronym
            and all(k != other for f, k in self.form_key.items() if f != acronym)
        )

    def promote(self) -> None:
        """A name in the firm slot of a fact cue is a firm: "Vela collapsed and filed for bankruptcy",
        "an investment in Ostwind", "Vela US's bid for Pellow"."""
        doc = self.doc
        lay = self.layout
        before = {"BANKRUPT_SUBJ", "SUSPEND", "ACQUIRE", "DEBT", "CHARGE_PASSIVE", "ARREST", "SUBSIDIARY"}
        after = {"BANKRUPT_OBJ", "EXPOSURE", "DEBT", "ACQUIRE", "SUBSIDIARY", "CHARGE_ACTIVE", "INVESTIGATE"}
        after |= {"ARREST", "FREEZE"}
        people = {"CHARGE_PASSIVE", "CHARGE_ACTIVE", "INVESTIGATE", "ARREST", "FREEZE"}  # people and firms are charged
        places = as_set(self.lex["place_prepositions"])
        names = [(s, e) for s, e in self.names if s not in self.in_headline]
        slots: list[tuple[int, int, bool, bool]] = []
        for label, start, end in self.cue_spans:
            if label in before:
                prior = [
                    (s, e)
                    for s, e in names
                    if e <= start
                    and start - e <= 4
                    and not any(t.text in {",", ";"} for t in doc[e:start])
                    and not (s > 0 and lay.lower[s - 1] in places)  # "DSB Bank uit Wognum failliet verklaard"
                ]
                if prior:
                    slots.append((*prior[-1], label in people, label == "SUBSIDIARY"))
                if label in {"BANKRUPT_SUBJ", "SUSPEND"}:  # "declared QuadrigaCX bankrupt", "withdrawals from X frozen"
                    owned = as_set(self.lex["possessives"])  # not "halted dealings in its £2.7bn UK Real Estate fund"
                    slots.extend((s, e, False, False) for s, e in names if start < s and e < end
                                 and not owned & set(lay.lower[max(start, s - 4) : s]))
            if label == "FREEZE":  # "de tegoeden van Pavlo Hrytsenko bevroren": the owner inside the cue
                of_words = as_set(self.lex["of_words"])
                slots.extend((s, e, True, False) for s, e in names
                             if start < s and e < end and lay.lower[s - 1] in of_words)
            if label in after:
                nxt = [(s, e) for s, e in names if s >= end and s - end <= 1]
                if nxt:
                    slots.append((*nxt[0], label in people, False))
        # longer names first: "Oleg Deripaska" is a person before "sanctions on Deripaska" could be a firm
        for start, end, people_too, firm_only in sorted(slots, key=lambda x: x[0] - x[1] > -2):
            self._slot(start, end, people_too, firm_only=firm_only)

    def _place_adjective_shape(self, start: int, end: int) -> bool:
        """ "de Tiroolse ziekenhuisgroep": one word with a place adjective's ending between an article
        and a noun is an adjective, whether or not the place is in the list."""
        lay, endings = self.layout, tuple(e for e in self.lex.get("place_adjective_endings", []) if len(e) > 1)
        return (end - start == 1 and bool(endings) and lay.lower[start].endswith(endings) and start > 0
                and lay.lower[start - 1] in as_set(self.lex["articles"]) and end < len(lay.orth)
                and lay.orth[end].islower())

    def _slot(self, start: int, end: int, people: bool, firm_only: bool = False) -> None:
        """A name in a fact slot: a firm, or with ``people`` a person when it has a person's shape;
        ``firm_only`` slots ("X is a unit of") hold a firm whatever its shape."""
        text = self.text(start, end)
        if text in self.form_key or self._is_surname(text) or self._place(end) or self._only_opening(start, end):
            return  # "Omgekeerd is X de bank schuldig", "Shareholders who bought": an opening word
        if self.layout.lower[end - 1] in adjectives() or self._place_adjective_shape(start, end):
            return  # "Tweede Koreaans cryptoplatform stopt": a country's adjective ends no name
        if end - start == 1 and (PLURAL_ACRONYM.fullmatch(text) or text in self.lex["lone_state_words"]):
            return  # "bought $2m of the CDs", "ETFs": a kind of paper, not a firm; "in Treasury bills": the state's
        if firm_only or not self._person_shape(start, end) or (not people and self._firm_in_slot(start, end)):
            self.add_form(text, FIRM, "firm.fact_slot", 0.6)
        elif people:
            self.add_form(text, PERSON, "person.fact_slot", 0.6)

    def _firm_in_slot(self, start: int, end: int) -> bool:
        """A name of a person's shape in a slot only a firm fills ("lent £40m to Northern Rock", "Harwick
        Rock collapsed") is a firm, unless it opens the sentence (an ordinary word written with a capital:
        "Branchegenoot Glastechniek Noordland") or holds a word of place ("Het Japanse Nomura", "Several
        Austrian banks")."""
        words = self.layout.orth[start:end]
        places = never_names()
        if end < len(self.doc) and self.layout.orth[end] in POSSESSIVE:
            return False  # "loans to René Benko's property empire": the owner, not the borrower
        return not self._opens_sentence(start) and not any(
            w.lower() in places or place_adjective(w, self.pipe.lang) or not w[:1].isupper() for w in words
        )

    def _place(self, end: int) -> bool:
        """ "Ostbury-based": a name right before a '-based' word is a place; "Brazos-related entities",
        "Amsterdams hedgefonds", "Economic Crimes Unit": a word about a firm, an adjective of place and a
        unit of a body (``unit_heads``) are no firm of their own."""
        doc = self.doc
        lay = self.layout
        last = doc[end - 1]
        if last.lower_.endswith(("-related", "-linked", "-owned", "-backed", "-controlled")):
            return True
        if last.text in self.lex["unit_heads"] or place_adjective(last.text, self.pipe.lang):
            return True
        sites = as_set(self.lex["site_nouns"])  # "Podgorica airport", "de luchthaven Changi": a place
        start = self._name_start(end)
        if (end < len(doc) and lay.lower[end] in sites) or (start > 0 and lay.lower[start - 1] in sites):
            return True
        return end < len(doc) and lay.lower[end].endswith("-based")

    def _name_start(self, end: int) -> int:
        """The first token of the name that ends at ``end``."""
        return next((s for s, e in self.names if e == end), end - 1)
