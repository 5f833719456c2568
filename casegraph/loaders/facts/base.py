"""What every fact rule reads: the parties of each sentence, amounts, coordination, negation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Span

from casegraph.loaders.dates import find_date
from casegraph.loaders.lexicon import as_set, lexicon
from casegraph.loaders.money import Money
from casegraph.loaders.money import counts as _counts
from casegraph.loaders.recognize import Mention, Recognition
from casegraph.schemas import AUTHORITIES, PartyType

FIRM, PERSON = PartyType.FIRM, PartyType.PERSON
PARTIES = AUTHORITIES | {FIRM, PERSON}
DASHES = {"-", "–", "—"}
FOLLOW_STOPS = {"that", "which", "dat", "die", "with", "met", "for", "voor", "because", "omdat", "after", "na"}
FOLLOW_STOPS |= {"said", "zei"}


@cache
def _clause_stops(lang: str) -> frozenset[str]:
    """The words that end a clause looking back or forward from a cue."""
    lex = lexicon(lang)
    return frozenset([*lex["coordinators"], *lex["clause_bounds"], *lex["relative_words"]])


@cache
def _literal_words(lang: str, label: str) -> frozenset[str]:
    """The words a cue label's phrases spell out ("geen" in "kunnen geen geld meer opnemen")."""
    phrases = lexicon(lang)["cues"].get(label, [])
    return frozenset(w for p in phrases for part in p.split() for w in part.split("|"))


_NEEDLES: dict[int, tuple[list[str], int, tuple[str, ...]]] = {}


def _needles(phrases: list[str]) -> tuple[str, ...]:
    """The strings ``Finder.has_any`` looks for, a phrase followed by a space, comma or full stop:
    made once per word list of the lexicon (they live for the process), not at every call."""
    kept = _NEEDLES.get(id(phrases))
    if kept is None or kept[0] is not phrases or kept[1] != len(phrases):
        if len(_NEEDLES) > 512:  # lists made on the fly would otherwise pile up
            _NEEDLES.clear()
        needles = tuple(f" {p}{end}" for p in phrases for end in (" ", ",", "."))
        kept = _NEEDLES[id(phrases)] = (phrases, len(phrases), needles)
    return kept[2]


@dataclass
class Draft:
    """A fact before names are filled in: party keys by role, attributes, where it was found."""

    type: str
    roles: dict[str, str]
    attrs: dict[str, Any] = field(default_factory=dict)
    sentence: Span | None = None
    rule: str = ""
    confidence: float = 0.7


class Finder:
    def __init__(self, rec: Recognition, lex: dict[str, Any], money: list[Money], date: str | None, lang: str) -> None:
        self.rec, self.lex, self.money, self.date, self.lang = rec, lex, money, date, lang
        self.doc = rec.doc
        self.layout = rec.layout
        self.sents = rec.layout.sents
        self.sent_index = rec.layout.sent_of
        self.by_sent: dict[int, list[Mention]] = {}
        for mention in rec.mentions:
            if rec.parties[mention.key].type in PARTIES:
                self.by_sent.setdefault(self.sent_index[mention.start], []).append(mention)
        self.negations = set(lex["negations"])
        self.hedges = set(lex["hedges"])
        self.auxiliaries = set(lex["auxiliaries"])
        self.role_words = {w for phrase in lex["officer_roles"] + lex["role_modifiers"] for w in phrase.split()}
        self.role_words |= set(lex["role_determiners"])

    def type_of(self, mention: Mention) -> PartyType:
        return self.rec.parties[mention.key].type

    def arresting(self, authority: Mention) -> bool:
        """The police or the FBI: bodies that arrest, while prosecutors charge."""
        name = self.rec.parties[authority.key].name.lower()
        return any(word in name for word in self.lex["arresting_bodies"])

    def in_sentence(self, sent: int, *types: PartyType) -> list[Mention]:
        return [m for m in self.by_sent.get(sent, []) if not types or self.type_of(m) in types]

    def words(self, span: Span) -> set[str]:
        return {t.lower_ for t in span}

    def follows(self, i: int, phrases: list[str]) -> bool:
        """The words before token ``i`` end with one of ``phrases`` ("according to", "exposure to")."""
        lower = self.layout.lower
        return any(lower[max(0, i - len(p)) : i] == p for p in (w.split() for w in phrases))

    def has_any(self, span: Span, phrases: list[str]) -> bool:
        text = f" {self.layout.span_text(span).lower()} "
        return any(needle in text for needle in _needles(phrases))

    def negated(self, start: int, end: int, label: str = "") -> bool:
        """A denial or a mere possibility states no fact: "had no exposure to", "could face charges",
        "kan worden vervolgd", "faillissement niet uitgesloten"."""
        sent = self.sents[self.sent_index[start]]
        lower = self.layout.lower
        lo = max(sent.start, start - 3)
        if any(w in self.negations or self._modal(lo + k, w, self.hedges) for k, w in enumerate(lower[lo:start])):
            return True
        literal = _literal_words(self.lang, label.lower())
        if self._hedged_clause(sent.start, start, end, sent.end, literal):
            return True
        if any(w in self.negations and w not in literal for w in lower[start + 1 : end - 1]):
            return True  # inside a gapped cue: "dat de bank niet verder vervolgd wordt", not "geen geld meer"
        after = self.layout.text(end, sent.end).lower()
        return any(p in after for p in self.lex["hedges_after"])

    def _hedged_clause(self, lo: int, start: int, end: int, hi: int, literal: frozenset[str]) -> bool:
        """A modal further back in the cue's own clause, or just after it, as verb-last Dutch puts it:
        "Het OM kan Vela later dit jaar vervolgen", "Vela zou een boete kunnen krijgen"; not a modal
        the cue itself spells ("klanten kunnen niet meer bij hun geld")."""
        stops, hedges = _clause_stops(self.lang), self.hedges - literal
        lower, punct = self.layout.lower, self.layout.punct
        for window in (range(start - 1, max(lo, start - 8) - 1, -1), range(end, min(hi, end + 3))):
            for i in window:
                if punct[i] or lower[i] in stops:
                    break
                if self._modal(i, lower[i], hedges):
                    return True
        return False

    def _modal(self, i: int, lower: str, hedges: set[str] | frozenset[str]) -> bool:
        """A hedge word as a modal, not the month it may also spell: "collapsed in May", "on May 3"."""
        if lower not in hedges:
            return False
        token = self.doc[i]
        dated = (i > 0 and self.doc[i - 1].lower_ in as_set(self.lex["month_before"])) or (
            i + 1 < len(self.doc) and self.doc[i + 1].like_num
        )
        return not (token.text[:1].isupper() and not token.is_sent_start and i > 0 and dated)

    def amount(self, sent: Span, near: int, *parties: Mention) -> tuple[float | None, str | None]:
        """The amount nearest the cue; with parties, only one between them or just around them."""
        inside = [m for m in self.money if sent.start_char <= m.start < sent.end_char]
        if parties:
            lo = min([self.doc[near].idx] + [p.char_start for p in parties]) - 30
            hi = max([self.doc[near].idx] + [p.char_end for p in parties]) + 30
            inside = [m for m in inside if lo <= m.start <= hi]
        if not inside:
            return None, None
        anchor = self.doc[near].idx
        best = min(inside, key=lambda m: abs(m.start - anchor))
        return best.amount, best.currency

    def salient_firm(self, exclude: set[str]) -> str | None:
        counts = Counter(m.key for m in self.rec.mentions if self.type_of(m) is FIRM and m.key not in exclude)
        return counts.most_common(1)[0][0] if counts else None

    def owns_next(self, mention: Mention) -> bool:
        """The mention is followed by 's: "Vela's customers"."""
        return mention.end < len(self.doc) and self.doc[mention.end].text in {"'s", "’s"}

    def group_named(self, number: int, lo: int, hi: int) -> list[Mention]:
        """ "the two men", "the pair", "beiden" between ``lo`` and ``hi``: the people the text has just
        named together (the sentence before that named two or more; with a count, back until that many
        are named)."""
        words = [t.lower_ for t in self.doc[lo:hi]]
        text = " " + " ".join(words) + " "
        found = next((g for g in self.lex["group_references"] if f" {g} " in text), None)
        if found is None:
            return []
        counts = self.__dict__.setdefault("_counts", {w: n for w, n in _counts(self.lang).items() if n <= 9})
        wanted = next((counts[w] for w in found.split() if w in counts), None)
        people: dict[str, Mention] = {}
        here = [m for m in self.in_sentence(number, PERSON) if m.end <= lo]
        for n in [number, *self.told(number, 3)]:
            named = {m.key: m for m in (here if n == number else self.in_sentence(n, PERSON))}
            if wanted is None and len(named) >= 2:
                return list(named.values())
            if wanted is not None:
                people.update({k: m for k, m in named.items() if k not in people})
                if len(people) >= wanted:
                    return list(people.values())[:wanted] if len(people) == wanted else []
        return []

    def followers(self, first: Mention, after: list[Mention]) -> list[Mention]:
        """The parties coordinated with ``first``: "Zolto Ventures Inc and Zolto Trading Ltd"; a list
        joined by commas counts once 'and' closes it ("sued Zolto, its chief Olav Vane and Ming Tao"),
        and the organisation of an apposition is passed over ("Ann Vos, the CEO of Zolto, and Ming Tao")."""
        group = [first]
        closed = 1  # members up to here are joined by a coordinator
        last_end = first.end
        coordinators = as_set(self.lex["coordinators"])
        of_words = as_set(self.lex["of_words"])
        for mention in after:
            if mention.start < last_end or (
                self.type_of(mention) is not self.type_of(first)
                and not ({self.type_of(mention), self.type_of(first)} <= {FIRM, PERSON})
            ):
                continue
            words = [t.lower_ for t in self.doc[last_end : mention.start]]
            if len(words) <= 9 and self._owned_role_link(words):  # "X and its owner Y", "X en haar eigenaar Y"
                group.append(mention)
                closed, last_end = len(group), mention.end
                continue
            if len(words) > 8 or any(w in FOLLOW_STOPS for w in words if w not in of_words):
                break
            if any(w in of_words for w in words):
                if "," in words[:1] and self.type_of(group[-1]) is PERSON:
                    last_end = mention.end  # the organisation of "X, the CEO of Y,"
                    continue
                break
            if any(w in coordinators for w in words):
                group.append(mention)
                closed = len(group)
            elif words and all(w == "," or w in self.role_words for w in words):
                group.append(mention)
            else:
                break
            last_end = mention.end
        return group[:closed]

    def _owned_role_link(self, words: list[str]) -> bool:
        """The words between two listed parties join the second as the first one's own: "and its owner",
        ", together with its director general,", "en van haar eigenaar, de zakenman", "and the
        company's Geneva trading arm,"."""
        lex = self.lex
        if words[:2] == ["together", "with"]:
            rest = words[2:]
        elif words[:1] and words[0] in as_set(lex["coordinators"]):
            rest = words[1:]
        else:
            return False
        if rest[:1] and rest[0] in as_set(lex["of_words"]) | as_set(lex["prepositions"]):
            rest = rest[1:]  # "en van haar eigenaar", "en op drie panden van"
        owned = rest[:1] and (rest[0] in as_set(lex["possessives"]) or "'s" in rest or "’s" in rest)
        return bool(owned) and len(rest) <= 7 and all(w == "," or w.isalpha() or w in {"'s", "’s"} for w in rest)

    def coordinated(self, authority: Mention, number: int) -> list[Mention]:
        """The authority and those joined to it by commas and 'and', each acting in its own right: "the
        DOJ and the SEC fined Vela", "een onderzoek door het Amerikaanse DoJ en de toezichthouder SEC"."""
        authorities = [m for m in self.in_sentence(number) if self.type_of(m) in AUTHORITIES]
        if authority not in authorities:  # the authority of an act told before
            return [authority]
        joiners = as_set(self.lex["coordinators"]) | as_set(self.lex["articles"]) | {",", "(", ")"}
        joiners |= as_set(self.lex["authority_descriptors"]) | self._jurisdiction_words()

        def joined(left: Mention, right: Mention) -> bool:
            gap = [t.lower_ for t in self.doc[left.end : right.start]]
            if left.key == right.key:  # "Department of Justice (DOJ)"
                return all(w in joiners for w in gap)
            return bool(set(gap) & (as_set(self.lex["coordinators"]) | {","})) and all(w in joiners for w in gap)

        i = authorities.index(authority)
        lo = hi = i
        while lo > 0 and joined(authorities[lo - 1], authorities[lo]):
            lo -= 1
        while hi + 1 < len(authorities) and joined(authorities[hi], authorities[hi + 1]):
            hi += 1
        group: list[Mention] = []
        for m in authorities[lo : hi + 1]:
            if all(g.key != m.key for g in group):
                group.append(m)
        return group

    def _jurisdiction_words(self) -> set[str]:
        return {w for words in self.lex["jurisdiction_words"].values() for w in words}

    def is_parent_modifier(self, mention: Mention) -> bool:
        """ "Zolto crypto exchange subsidiaries": the firm before 'subsidiaries' qualifies, it is not the object."""
        sub = self.__dict__.get("_subsidiary_cue_starts")
        if sub is None:  # asked for every party of every cue's sentence: read the cues once
            sub = {s for label, s, _ in self.rec.cues if label == "SUBSIDIARY"}
            self.__dict__["_subsidiary_cue_starts"] = sub
        joins = {","} | as_set(self.lex["coordinators"]) | as_set(self.lex["possessives"])  # "Vela and its unit"
        before = self.layout.lower[mention.start - 1] if mention.start else ""
        if before in {"'s", "’s"} or before in as_set(self.lex["possessives"]):
            return False  # "the group's Rye Investment unit had": the unit's own name
        here = self.layout.sent_of[mention.start]  # the cue in the same sentence: not "Vela. Het installatiebedrijf"
        return any(mention.end <= s <= mention.end + 3 and self.layout.sent_of[s] == here for s in sub) and not any(
            w in joins for w in self.layout.lower[mention.end : min(mention.end + 3, len(self.doc))]
        )

    def draft(
        self, type_: str, roles: dict[str, str], sent: Span, rule: str, confidence: float = 0.7, **attrs
    ) -> Draft:
        if type_ not in {"officer", "subsidiary"}:  # standing relations carry no date
            date = find_date(self.layout.span_text(sent), self.lang, self.date)
            if date:
                attrs.setdefault("date", date)
        return Draft(type_, roles, {k: v for k, v in attrs.items() if v is not None}, sent, rule, confidence)

    def _subject_back(self, before: list[Mention]) -> Mention:
        """The head of the subject before a verb: "Vela and Vela US filed" -> Vela; "Vela Holdco, the
        holding company of Vela Capital, filed" -> Vela Holdco (past the apposition)."""
        of_words = as_set(self.lex["of_words"])
        coordinators = as_set(self.lex["coordinators"])
        i = head = len(before) - 1
        apposition = joined = False
        while i > 0:
            gap = [t.lower_ for t in self.doc[before[i - 1].end : before[i].start]]
            if not gap or len(gap) > 8:
                break
            listed = joined and all(w == "," for w in gap)  # "A, B and C filed": the comma of a closed list
            if any(w in of_words for w in gap) and (apposition or "," in gap or not before[i - 1].text[:1].isupper()):
                apposition = True  # "X, the parent of Y," : Y belongs to the apposition
            elif all(w == "," for w in gap):
                apposition = apposition or not before[i].text[:1].isupper()  # ", the holding company"
            elif not all(w == "," or w in coordinators for w in gap) and not self._described_join(gap):
                break
            joined = joined or any(w in coordinators for w in gap)
            i -= 1
            if apposition or listed or any(w in coordinators for w in gap) or not before[i].text[:1].isupper():
                head = i
        while head < len(before) - 1 and not before[head].text[:1].isupper():
            head += 1
        return before[head]

    def _described_join(self, gap: list[str]) -> bool:
        """ "en het offshorebedrijf": a coordinator, then the next name's article and one or two words
        describing it."""
        articles = as_set(self.lex["articles"])
        rest = gap[2:] if len(gap) > 1 and gap[1] in articles else gap[1:]
        return (bool(gap) and gap[0] in as_set(self.lex["coordinators"]) and 1 <= len(rest) <= 2
                and all(w.isalpha() for w in rest))

    def _authority_and_subjects(
        self, start: int, end: int, passive: bool, courts: bool = False
    ) -> tuple[list[Mention], list[Mention]]:
        """Authorities of the sentence (with ``courts``, courts too: a court fines), and the parties
        they act on (the other side of the cue)."""
        number = self.sent_index[start]
        parties = self.in_sentence(number)
        acting = {PartyType.REGULATOR, PartyType.PROSECUTOR} | ({PartyType.COURT} if courts else set())
        authorities = [m for m in parties if self.type_of(m) in acting]
        others = [
            m
            for m in parties
            if self.type_of(m) in {FIRM, PERSON}
            and not self.is_parent_modifier(m)
            and not self._names_role_of(m)
            and not self._closing_source(m)
            and not (m.start >= end and self._firm_of_unnamed_role(end, m))
        ]
        if passive and not [m for m in others if m.end <= start]:
            group = self.group_named(number, self.sents[number].start, start)  # "The two men were charged"
            if group:
                return authorities, group
        if not passive and not [m for m in others if m.start >= end]:
            group = self.group_named(number, end, min(end + 4, self.sents[number].end))  # "charges the pair"
            if group:
                return authorities, group
        if not others:
            return authorities, []
        if passive:  # the grammatical subject; "Ostwind founder Olav Vane", "Vela's former CFO": not the firm of a role
            subjects = [m for m in others if not self._before_role(m)] or others
            first = subjects[0]
            return authorities, self.followers(first, [m for m in others if m.start > first.start])
        auth_before = [a for a in authorities if a.end <= start]
        after = [m for m in others if m.start >= end and not self._owner_of_named_role(m, others)]
        after = [m for m in after if not self._descriptor_past_colon(m, end)]
        asides = self._asides(self.sents[number].start, start)
        before = [m for m in others if m.end <= start and not any(a <= m.start < b for a, b in asides)]
        against = {"against", "tegen"}
        if auth_before or not authorities:
            if after:
                group = self.followers(after[0], after[1:])
                return authorities, group + self._and_group(number, group[-1].end)
            between = [m for m in before if auth_before and m.start >= auth_before[-1].end]
            if between:  # verb last: "de SEC heeft Ann Vos en Ming Tao aangeklaagd"
                return authorities, self.followers(between[0], between[1:])
            if start > 0 and self.doc[start - 1].lower_ in as_set(self.lex["coref_determiners"]) and before:
                return authorities, []  # "Ann Vos, director at the SEC, confirmed the investigation"
            sent = self.sents[number]
            if before and self.doc[sent.start].lower_ in as_set(self.lex["fronted_objects"]):
                # the object put first: "Tegen de oud-topman van de bank, Karel Brink, stelt het OM vervolging in"
                named = [m for m in before if m.end < len(self.doc) and self.doc[m.end].text == ","]
                named = [m for m in named if not self._org_of_role(m)]  # "Aan de bestuurder van Vela, Ann Vos,"
                return authorities, [named[-1]] if named else [m for m in before if not self._org_of_role(m)][:1]
            # not the firm of a role: "The founder of Lumen Ledger Inc. was arrested by the FBI and charged"
            others = [m for m in others if not self._org_of_role(m) and not self._descriptor_past_colon(m, end)]
            return authorities, self.followers(others[0], others[1:]) if others else []
        # the authority comes after the cue: "onderzocht worden door de SEC", past an apposition:
        # "Vela USA, the New York subsidiary of Vela ASA, agreed to resolve a criminal charge"
        before = [m for m in before if not self._org_of_role(m)]  # "Aan de bestuurder van Vela legt de AFM"
        if before:
            head = self._subject_back(before)
            return authorities, [head if self._apposition(head, before[-1]) else before[-1]]
        if after and any(self.doc[i].lower_ in against for i in range(start, after[0].start)):
            return authorities, [after[0]]
        return authorities, []

    def _and_group(self, number: int, end: int) -> list[Mention]:
        """ "accused A Ltd and B Ltd, two of the companies behind it, and the four men": the people a
        group reference joined to the list stands for, past an apposition of the list."""
        sent = self.sents[number]
        coordinators = as_set(self.lex["coordinators"])
        hi = min(sent.end, end + 12)
        for i in (i for i in range(end, hi) if self.layout.lower[i] in coordinators):
            words = " ".join(self.layout.lower[i + 1 : i + 5])
            if any(words.startswith(g) for g in self.lex["group_references"]):
                return self.group_named(number, i + 1, min(sent.end, i + 5))
        return []

    def _descriptor_past_colon(self, mention: Mention, end: int) -> bool:
        """A party only named by its noun in a new clause past a colon is no object of the verb: "heeft
        Dekker-Staal een aanwijzing gegeven: het fonds moet" (a list of names past a colon still is)."""
        return mention.text[:1].islower() and any(t.text in {":", ";"} for t in self.doc[end : mention.start])

    def _closing_source(self, mention: Mention) -> bool:
        """The one telling the news at the close of the sentence is no party to it: "..., Acting U.S.
        Attorney Natalia Brennan announced." """
        nxt = mention.end
        if nxt + 1 >= len(self.doc) or self.doc[nxt].lower_ not in as_set(self.lex["speech_verbs"]):
            return False
        sent = self.sents[self.sent_index[mention.start]]
        return nxt + 1 >= sent.end or self.doc[nxt + 1].is_punct

    def _owner_of_named_role(self, mention: Mention, others: list[Mention]) -> bool:
        """ "charged Tarrant Capital founder Olav Berg": the firm names the role of the person after it."""
        if self.type_of(mention) is not FIRM or not self._before_role(mention):
            return False
        stops = as_set(self.lex["coordinators"]) | {","}
        people = [m for m in others if self.type_of(m) is PERSON]
        return any(
            (0 < m.start - mention.end <= 5 and not {t.lower_ for t in self.doc[mention.end : m.start]} & stops)
            or self._possessive_role_of(mention, m)
            for m in people
        )

    def _firm_of_unnamed_role(self, end: int, mention: Mention) -> bool:
        """ "charged the founder of Oxbury Peak", "SFO charges founders of collapsed financier Carbrook":
        the firm of a role whose holder the clause does not name is not the one charged."""
        words = [t.lower_ for t in self.doc[end : mention.start]]
        of_words = as_set(self.lex["of_words"])
        roles = self.role_words | {w + "s" for w in self.role_words}
        return 2 <= len(words) <= 7 and any(
            w in roles and words[i + 1] in of_words for i, w in enumerate(words[:-1])
        )

    def _possessive_role_of(self, owner: Mention, person: Mention) -> bool:
        """ "investigating whether the company's founder and president, Sandro Pellicano, misled": the
        firm owns the role of the person named after it, it is not itself the one acted on."""
        if not 2 < person.start - owner.end <= 8 or self.doc[owner.end].text not in {"'s", "’s"}:
            return False
        if self.doc[person.start - 1].text != ",":
            return False
        words = as_set(self.lex["coordinators"])
        role = self.doc[owner.end + 1 : person.start - 1]
        if all(t.lower_ in self.role_words or t.lower_ in words for t in role):
            return True
        # "the bank's former chief financial officer, Jens Albrecht": a role phrase the matcher found
        spans = [(s, e) for s, e in self.rec.roles if owner.end < s and e == person.start - 1]
        return bool(spans) and all(t.lower_ in self.role_words for t in self.doc[owner.end + 1 : spans[0][0]])

    def _org_of_role(self, mention: Mention) -> bool:
        """The organisation of a role or a person named before it: "de bestuurder van Vela", "the chief
        of Vela", "Ann Vos van Vela"."""
        of_words = as_set(self.lex["of_words"])
        i = mention.start - 1
        if i < 1 or self.doc[i].lower_ not in of_words:
            return False
        if self.doc[i - 1].lower_ in self.role_words or any(s <= i - 1 < e for s, e in self.rec.roles):
            return True
        number = self.sent_index[mention.start]
        return any(m.end == i and self.type_of(m) is PERSON for m in self.in_sentence(number))  # "Ann Vos van Vela"

    def _before_role(self, mention: Mention) -> bool:
        """The mention names whose role follows: "Ostwind founder", "Vela's former chief revenue officer"."""
        role_starts = {s for s, _ in self.rec.roles}
        i = mention.end
        while i < len(self.doc) and (self.doc[i].text in {"'s", "’s", "'"} or self.doc[i].lower_ in self.role_words):
            if i in role_starts:
                return True
            i += 1
        return i in role_starts or i + 1 in role_starts

    def _subject(self, number: int, start: int, parties: list[Mention]) -> Mention | None:
        """The party acting before the cue in its clause: the nearest one not inside a relative clause
        or apposition ("FTX US, which agreed to back BlockFi, had lent" -> FTX US); else the party
        opening the sentence ("Crypto lender Vela ... said it had lent")."""
        sent = self.sents[number]
        inner = self._asides(sent.start, start)
        before = [m for m in parties if m.end <= start and not any(a <= m.start < b for a, b in inner)]
        before = [m for m in before if not self._crosses(m.end, start)]
        lead = self._past_dateline(sent)
        opening = [
            m
            for m in parties
            if lead <= m.start and m.end <= start and m.start - lead <= 3 and self.type_of(m) is not PERSON
        ]
        if not before:
            return opening[0] if opening else None
        nearest = before[-1]
        if len(before) > 1 and self._in_apposition(nearest, before) and self._closes_apposition(nearest, start):
            nearest = before[-2]  # "Athene, a partner of Apollo, is in talks", "Andes, Vela's client, is": Athene
        gap = [t.lower_ for t in self.doc[nearest.end : start]]
        relative = next((i for i, w in enumerate(gap) if w in as_set(self.lex["relative_words"])), None)
        pronouns = as_set(self.lex["subject_pronouns"])
        if relative is not None and relative + 1 < len(gap) and gap[relative + 1] in pronouns:
            return opening[0] if opening else None  # "tegoeden die het had uitgeleend aan": the sentence's subject
        if relative is not None and relative > 1:
            if not self._described_by(gap, relative):
                return None  # "steun voor start-ups die hun tegoeden bij X": not the steun
            return nearest  # "X, an Austrian insurer, which said it held 38 million euros of": X
        if self._said_it(gap) or self._whose_money(gap):
            return nearest  # "Rigaspay said it had $640,000 parked at Vela": the speaker's own money
        possessives = as_set(self.lex["possessives"])
        of_words = as_set(self.lex["of_words"])
        owned = {w for i, w in enumerate(gap[:-1]) if w in possessives and not (i and gap[i - 1] in of_words)}
        if (
            set(gap) & as_set(self.lex["clause_pronouns"])
            or owned  # "X said its Y had lent", not "X had $5m of its clients' money held at"
            or (nearest.text.split()[0].lower() in possessives | {"that", "dat"})
        ):
            return opening[0] if opening else None  # "X said ..., and it had lent": the subject of the sentence
        if gap and gap[-1] in possessives:  # "Taunus sued EY over its losses on": whose losses is the subject's
            openers = as_set(self.lex["when_words"]) | as_set(self.lex["clause_bounds"])
            opened = max([i for i in range(sent.start, start) if self.doc[i].lower_ in openers], default=sent.start)
            return next((m for m in before if m.start >= opened), nearest)
        head = self._subject_back(before)
        return head if head is not nearest and self._apposition(head, nearest) else nearest

    def _described_by(self, gap: list[str], relative: int) -> bool:
        """ "Vela, a Gold Coast builder that owes", "Arvel, a Lausanne charity, which had $5m on
        deposit at": an apposition of one noun phrase whose relative clause holds the cue, the verb
        and its sum at most before it; the party it describes acts."""
        phrase = gap[2:relative]
        if phrase[-1:] == [","]:
            phrase = phrase[:-1]
        money_words = {w.lower() for w in (*self.lex["number_words"], *self.lex["currency_words"])}
        clause = [w for w in gap[relative + 1 :] if not (w[:1].isdigit() or w in money_words or w in "$€£")]
        return (
            len(clause) <= 3
            and not set(clause) & (as_set(self.lex["clause_bounds"]) | {","})
            and gap[:2] in ([",", a] for a in as_set(self.lex["indefinite_articles"]))
            and 0 < len(phrase) <= 5
            and all(w.replace("-", "").isalpha() for w in phrase)
        )

    def _whose_money(self, gap: list[str]) -> bool:
        """ "$9.4m of the co-op's operating cash sat at Vela": the owner of the money the clause tells of."""
        rest = gap[1:]
        return (
            gap[:1] in (["'s"], ["’s"])
            and 0 < len(rest) <= 3
            and all(w.isalpha() for w in rest)
            and rest[-1] in as_set(self.lex["holding_nouns"])
        )

    def _said_it(self, gap: list[str]) -> bool:
        """The words after a party open "said (that) it ...", the one pronoun of the gap: the party
        speaks of itself."""
        speech, pronouns = as_set(self.lex["speech_verbs"]), as_set(self.lex["clause_pronouns"])
        said = next((i for i, w in enumerate(gap[:3]) if w in speech), None)
        if said is None:
            return False
        rest = gap[said + 1 :]
        if rest[:1] and rest[0] in as_set(self.lex["complementizers"]):
            rest = rest[1:]
        return bool(rest) and rest[0] in pronouns and not set(rest[1:]) & pronouns

    def told(self, number: int, count: int = 1) -> list[int]:
        """The ``count`` sentences nearest before sentence ``number`` that have words, nearest first (a
        blank line between paragraphs is no sentence); stops at the last one it needs."""
        out: list[int] = []
        for n in range(number - 1, -1, -1):
            if len(out) == count:
                break
            if any(t.is_alpha for t in self.sents[n]):
                out.append(n)
        return out

    def opener_before(self, number: int) -> Mention | None:
        """The firm opening the sentence told before ``number``: what a sentence opened by "Its" or "It"
        points back to."""
        told = self.told(number)
        firms = [m for n in told for m in self.in_sentence(n, FIRM)]
        return firms[0] if firms and firms[0].start - self._past_dateline(self.sents[told[0]]) <= 1 else None

    def _past_dateline(self, sent: Span) -> int:
        """Where the sentence proper opens: past a dateline ("NORFOLK, Va., Aug. 14 - Vela said"),
        a place in capitals closed by a dash; else its first token."""
        first = self.doc[sent.start]
        if not (first.is_upper and len(first.text) > 2):
            return sent.start
        dash = next((i for i in range(sent.start, min(sent.end, sent.start + 16)) if self.doc[i].text in DASHES), None)
        return dash + 1 if dash is not None else sent.start

    def _apposition(self, head: Mention, nearest: Mention) -> bool:
        words = {t.lower_ for t in self.doc[head.end : nearest.start]}
        return "," in words and bool(words & as_set(self.lex["of_words"]))

    def _crosses(self, lo: int, hi: int) -> bool:
        """A clause boundary between tokens ``lo`` and ``hi`` ("; but", "while", "terwijl")."""
        bounds = as_set(self.lex["clause_bounds"])
        return any(w in bounds for w in self.layout.lower[lo:hi])

    def _names_role_of(self, mention: Mention) -> bool:
        """ "oud-ING-topman Ralph Hamers", "Vela-topman Aron Velde": the firm of a role, not a party acted on."""
        return mention.rule == "firm.org_role" and any(
            m.start - mention.end <= 1 and m.start >= mention.start and self.type_of(m) is PERSON
            for m in self.in_sentence(self.sent_index[mention.start], PERSON)
        )

    def _in_apposition(self, mention: Mention, before: list[Mention]) -> bool:
        """ "Icesave, the Icelandic bank's savings arm, stopped": the mention describes the one before."""
        articles = as_set(self.lex["articles"])
        earlier = [m for m in before if m.end < mention.start]
        if not earlier:
            return False
        gap = [t.lower_ for t in self.doc[earlier[-1].end : mention.start]]
        owner = gap == [","] and self.doc[mention.end].text in {"'s", "’s"}  # ", Vela's biggest customer,"
        return owner or (gap[:1] == [","] and len(gap) >= 2 and gap[1] in articles)

    def _closes_apposition(self, mention: Mention, start: int) -> bool:
        """The apposition ends right after the mention, or after its possessed noun: "Vela's client,"."""
        doc = self.doc
        if doc[mention.end].text == ",":
            return True
        if doc[mention.end].text not in {"'s", "’s"}:
            return False
        rest = doc[mention.end + 1 : min(start, mention.end + 6)]
        comma = next((t.i for t in rest if t.text == ","), None)
        return comma is not None and all(t.is_lower and t.is_alpha for t in doc[mention.end + 1 : comma])

    def _asides(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Relative clauses and brackets between ``lo`` and ``hi``: ", which ... ," and "( ... )"."""
        out = []
        relatives = as_set(self.lex["relative_words"])
        orth, lower = self.layout.orth, self.layout.lower  # a Token made per word costs more than the test
        for i in range(lo, hi):
            word = orth[i]
            if word == "(":
                close = next((j for j in range(i, hi) if orth[j] == ")"), hi)
                out.append((i, close))
            elif word == "," and i + 1 < hi and lower[i + 1] in relatives:
                close = next((j for j in range(i + 2, hi) if orth[j] == ","), hi)
                out.append((i, close))
        return out

    def _relative_of(self, m: Mention, start: int) -> bool:
        """Token ``start`` is in a relative clause hung on ``m``: ", die vorige week failliet werd
        verklaard", ", which is controlled by its founder": no other comma between."""
        tail = self.doc[m.end : start]
        relatives = as_set(self.lex["relative_words"]) | as_set(self.lex.get("object_relatives", []))
        return (
            len(tail) >= 2
            and tail[0].text == ","
            and tail[1].lower_ in relatives
            and not any(t.text in {",", ";"} for t in tail[2:])
        )

    def _located(self, authority: Mention) -> bool:
        """ "the property of Vela in the United States", "a complaint in the Southern District of New York": a
        place where things are or are filed, not who acts."""
        articles = as_set(self.lex["authority_articles"])
        i = authority.start - 1
        while i >= 0 and self.doc[i].lower_ in articles:
            i -= 1
        return i >= 0 and self.doc[i].lower_ in as_set(self.lex["place_prepositions"])

    def _by_agent(self, mention: Mention) -> bool:
        """The mention is the agent of a passive: 'by'/'door' right before it, an article allowed between."""
        i = mention.start - 1
        articles = as_set(self.lex["authority_articles"])
        while i >= 0 and mention.start - i <= 2 and self.doc[i].lower_ in articles:
            i -= 1
        return i >= 0 and self.doc[i].lower_ in as_set(self.lex["by_words"])
