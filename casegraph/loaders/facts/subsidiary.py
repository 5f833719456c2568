"""Subsidiaries: child and parent from 'subsidiary of', 'parent company', 'owned by'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, Draft, Finder, _literal_words
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.recognize import Mention

POSSESSIVE = {"'s", "’s", "'"}


class SubsidiaryRules(Finder):
    def on_subsidiary(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela Digital Markets, een dochteronderneming van Vela" (child first, 'of'/'van' after the cue);
        "Zolto subsidiaries Zolto Ventures and Zolto Trading" (parent first);
        "Marlin' parent company North Crest Holdings" (child first, parent after)."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if not self._literal_cue(start, end):
            return  # "zusterbedrijf", "Vastgoedbedrijf": only a stem of the cue word
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start and start - m.end <= 8]
        after = [m for m in firms if m.start >= end and m.start - end <= 6]
        of_next = end < len(self.doc) and self.doc[end].lower_ in as_set(self.lex["of_words"])
        if not before and after and (parent := self._possessive_owner(number, start)) is not None:
            listed = [m for m in firms if m.start >= after[0].start]
            yield from self._listed_units(sent, end, listed, parent)  # "Its subsidiaries include A and B"
            return
        if not (after and of_next):
            pair = self._described_pair(start, end, firms)
            if pair:  # "Wirecard Bank AG, the group's banking unit", "X, the bank's Luxembourg parent"
                child, parent = pair
                yield self.draft(
                    "subsidiary", {"child": child.key, "parent": parent.key}, sent, "fact.subsidiary.described", 0.7
                )
                return
        owned_by_last = bool(before) and self._possessed(before[-1], start)
        if not after and len(before) >= 2 and (start - before[-1].end <= 1 or owned_by_last):
            # "Vela Trading, another Marlin unit," / "Marlin Group, the bank's parent"
            gap = self.doc[before[-2].end : before[-1].start]
            if any(t.text == "," for t in gap) and len(gap) <= 3:
                pair = (before[-2], before[-1])
                child, parent = pair if not self._parent_cue(start, end) else pair[::-1]
                if child.key != parent.key:
                    yield self.draft(
                        "subsidiary", {"child": child.key, "parent": parent.key}, sent, "fact.subsidiary", 0.7
                    )
            return
        if not after or not before:
            return
        cue = self.doc[start:end].text.lower()
        part = self.doc[end - 1].lower_ in as_set(self.lex["part_words"])
        if part and not self._whole_part(before[-1], after[0], start):
            return
        is_parent_word = any(cue.startswith(p.split()[0]) for p in self.lex["parent_words"]) or "moeder" in cue
        if of_next and is_parent_word:  # "X, the holding company of Y"
            pairs = [(after[0], before[-1])]
        elif of_next or is_parent_word:
            child, parents = before[-1], [after[0]]
            pairs = [(child, p) for p in parents]
        else:  # "Zolto subsidiaries Zolto Ventures and Zolto Trading": the children right after the cue
            gap = self.doc[end : after[0].start]
            small = as_set(self.lex["list_cues"]) | as_set(self.lex["articles"])
            if any(t.is_alpha and t.lower_ not in small for t in gap):
                return  # "Vela lending unit files for bankruptcy owing Marlin": Marlin is no unit
            parent = before[-1]
            pairs = [(c, parent) for c in self.followers(after[0], after[1:])]
        for child, parent in pairs:
            if child.key != parent.key:
                yield self.draft(
                    "subsidiary", {"child": child.key, "parent": parent.key}, sent, "fact.subsidiary", 0.75
                )

    def _possessive_owner(self, number: int, start: int) -> Mention | None:
        """ "Its (two largest) subsidiaries", "Zijn dochters" opening the sentence: the firm that opens
        the sentence before."""
        sent = self.sents[number]
        opening = self._past_dateline(sent)
        if start - opening > 4 or self.doc[opening].lower_ not in as_set(self.lex["possessives"]):
            return None
        return self.opener_before(number)

    def _listed_units(self, sent: Span, end: int, after: list[Mention], parent: Mention) -> Iterator[Draft]:
        """The children listed after the cue, only a verb of listing or a comma before the first."""
        gap = {t.lower_ for t in self.doc[end : after[0].start] if not t.is_punct}
        if gap - as_set(self.lex["listing_verbs"]) - as_set(self.lex["list_cues"]):
            return
        joins = as_set(self.lex["coordinators"]) | {","}
        children = [after[0]] + [m for m in after[1:] if self.doc[m.start - 1].lower_ in joins]
        for child in children:  # "A, which owns stakes in Vela, and B": the ones a comma or 'and' joins
            if child.key != parent.key:
                yield self.draft("subsidiary", {"child": child.key, "parent": parent.key}, sent, "fact.subsidiary", 0.7)

    def _literal_cue(self, start: int, end: int) -> bool:
        """Every cue word whose norm a suffix stem gave ("~s:bedrijf") is one the word lists spell out."""
        literal = _literal_words(self.lang, "subsidiary")
        compounds = tuple(self.lex.get("subsidiary_compounds", []))  # "leasingdochter", "financieringsdochter"
        return all(
            not t.norm_.startswith("~s:") or t.lower_ in literal or (compounds and t.lower_.endswith(compounds))
            for t in self.doc[start:end]
        )

    def _described_pair(self, start: int, end: int, firms: list[Mention]) -> tuple[Mention, Mention] | None:
        """A firm described as the unit or the parent of a group the text names elsewhere: "Icesave,
        the Icelandic bank's online savings arm", "Vela Japan Inc., the Japanese unit", "de
        Amerikaanse dochter Vela, N.A.", "Wirecard Bank, de bankdochter van het concern"; "ABH
        Holdings SA, the bank's Luxembourg parent" (the parent described, the bank its child)."""
        doc = self.doc
        sent = self.sents[self.sent_index[start]]
        owners = as_set(self.lex["owner_nouns"]) | as_set(self.lex["possessives"])
        described = self._apposition_head(start, firms)
        words = [t.lower_ for t in doc[described.end + 1 : start]] if described else []
        named_before = next((m for m in firms if m.end == start and m.start >= 2), None)
        if described is None and named_before and doc[named_before.start - 1].text in POSSESSIVE:
            described = named_before  # "the hedge fund group's Rye Investment unit"
            words = [t.lower_ for t in doc[named_before.start - 3 : named_before.start]]
        elif described is None:  # the noun before the name: "de Amerikaanse dochter Vela, N.A."
            # "its Estonian subsidiary, Swedbank AS": the name may follow a comma after a possessive
            comma = end < len(doc) and doc[end].text == ","
            named = next((m for m in firms if m.start == end or (comma and m.start == end + 1)), None)
            opener = [t.lower_ for t in doc[max(sent.start, start - 3) : start]]
            openers = as_set(self.lex["articles"]) | (as_set(self.lex["possessives"]) if comma else set())
            if named is None or not set(opener) & openers or self._parent_cue(start, end):
                return None
            if comma and named.end < len(doc) and doc[named.end].lower_ in as_set(self.lex["coordinators"]):
                return None  # "its two subsidiaries, X and Y": a list, the units rule reads it
            described, words = named, opener
        of_next = end < len(doc) and doc[end].lower_ in as_set(self.lex["of_words"])
        owned = of_next and any(t.lower_ in owners for t in doc[end + 1 : end + 4])  # "van het concern"
        if not (set(words) & as_set(self.lex["articles"]) | owners) or (of_next and not owned):
            return None
        if any(t.text == "," for t in doc[described.end + 1 : start]) or any(
            described.end < m.start and 0 <= start - m.end <= 1 for m in firms
        ):
            return None  # "Vela Trading, another Marlin unit": the parent is named
        heads = {h.lower() for h in self.lex["firm_heads"]} - {h.lower() for h in self.lex["group_heads"]}
        noun = next((w for w in words + [t.lower_ for t in doc[end : end + 4]] if w in owners and w in heads), None)
        group = self._group_of(described, start, noun)
        if group is None:
            return None
        return (group, described) if self._parent_cue(start, end) else (described, group)

    def _apposition_head(self, start: int, firms: list[Mention]) -> Mention | None:
        """The firm a phrase ending at ``start`` describes: "Icesave, the Icelandic bank's arm" -> Icesave."""
        heads = [
            m
            for m in firms
            if m.end < start <= m.end + 9
            and self.doc[m.end].text == ","
            and not any(t.text in {",", ";", "(", ")"} for t in self.doc[m.end + 1 : start])
        ]
        return heads[0] if heads else None

    def _group_of(self, unit: Mention, start: int, noun: str | None) -> Mention | None:
        """The group a described unit belongs to: a firm of the text that shares the unit's first word
        (the most named of them), else the firm named last before the unit in its sentence, whose name
        has the head noun the description gives it ("the bank's": Landsbanki, not Alfa Group)."""
        first = unit.text.split()[0].lower().rstrip(",")
        same = [
            m
            for m in self.rec.mentions
            if self.type_of(m) is FIRM and m.key != unit.key and m.text.split()[0].lower().rstrip(",") == first
        ]
        if same:
            counts = {m.key: sum(1 for x in same if x.key == m.key) for m in same}
            best = max(counts, key=lambda k: counts[k])
            return next(m for m in same if m.key == best)
        sent = self.sents[self.sent_index[start]]
        earlier = [m for m in self.in_sentence(self.sent_index[start], FIRM) if m.end <= unit.start]
        earlier = [m for m in earlier if m.key != unit.key and m.start >= sent.start]
        if noun:
            earlier = [m for m in earlier if noun in self.rec.parties[m.key].name.lower()]
        return earlier[-1] if earlier else None

    def on_controls(self, start: int, end: int) -> Iterator[Draft]:
        """ "Alfa Group, the conglomerate that controls Alfa-Bank", "Vela owns Marlin": the firm named
        right after is the subsidiary; the one acting (or described by the relative clause) its parent."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        child = next((m for m in firms if 0 <= m.start - end <= 1), None)
        if child is None:
            return
        relative = start > 0 and self.doc[start - 1].lower_ in as_set(self.lex["relative_words"]) | {"that"}
        parent = (
            self._apposition_head(start - 1, firms)
            if relative
            else next((m for m in reversed(firms) if m.end <= start and start - m.end <= 1), None)
        )
        if parent is not None and parent.key != child.key:
            roles = {"child": child.key, "parent": parent.key}
            yield self.draft("subsidiary", roles, sent, "fact.subsidiary.controls", 0.7)

    def _whole_part(self, child: Mention, parent: Mention, start: int) -> bool:
        """ "Virgin Money is part of Virgin Group." names a subsidiary; "the branches became part of
        the Vela network" does not: the child right before the verb, the parent ending its phrase."""
        doc = self.doc
        copula = child.end + 1 == start and (  # "Vela is deel van", "Clearstream, onderdeel van Deutsche Börse,"
            doc[child.end].lower_ in as_set(self.lex["copulas"]) or doc[child.end].text == ",")
        roles = {s for s, _ in self.rec.roles}  # "de Optima Groep van oprichter X" still ends the phrase
        owned = parent.end + 1 < len(doc) and doc[parent.end].lower_ in as_set(self.lex["of_words"]) and (
            parent.end + 1 in roles)
        return (child.end == start or copula) and (parent.end >= len(doc) or not doc[parent.end].is_lower or owned)

    def _parent_cue(self, start: int, end: int) -> bool:
        cue = self.doc[start:end].text.lower()
        return any(cue.startswith(p.split()[0]) for p in self.lex["parent_words"]) or "moeder" in cue

    def _possessed(self, mention: Mention, start: int) -> bool:
        """The cue is the mention's, up to two words describing it between: "Ferrowick's Aim-listed parent"."""
        doc = self.doc
        if doc[mention.end].text not in {"'s", "’s"}:
            return False
        words = doc[mention.end + 1 : start]
        return len(words) <= 2 and all((not t.is_punct and t.text[:1].islower()) or "-" in t.text for t in words)

    def on_owned_by(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela is owned by Marlin Group", "Vela is eigendom van Marlin": Vela is the subsidiary."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start and start - m.end <= 2]
        after = [m for m in firms if m.start >= end and m.start - end <= 3]
        relative = start > 0 and self.doc[start - 1].lower_ in as_set(self.lex["relative_words"])
        if relative and after:  # "Kellwick Bank, de Spaanse privébank die eigendom is van Harwick": the one described
            named = [m for m in firms if m.end < start - 1 and start - m.end <= 10 and self.doc[m.end].text == ","]
            if named and named[-1].key != after[0].key:
                yield self.draft(
                    "subsidiary", {"child": named[-1].key, "parent": after[0].key}, sent, "fact.subsidiary.owned", 0.7
                )
                return
        if self.doc[start].lower_ not in self.auxiliaries and (start == 0 or self.doc[start - 1].text != ","):
            described = self._described_owned(start, firms)
            if described and after and described.key != after[0].key:
                yield self.draft(
                    "subsidiary", {"child": described.key, "parent": after[0].key}, sent, "fact.subsidiary.owned", 0.7
                )
            return  # without a verb only as an apposition: "Heritable Bank, owned by Landsbanki,"
        if before and after and before[-1].key != after[0].key:
            yield self.draft(
                "subsidiary", {"child": before[-1].key, "parent": after[0].key}, sent, "fact.subsidiary.owned", 0.7
            )

    def _described_owned(self, start: int, firms: list[Mention]) -> Mention | None:
        """An apposition naming the firm a company owned by another: "Hormuz Lantern Inc., a Marshall
        Islands company wholly owned by Qamar Tide"; not "a client of a company owned by Marlin"."""
        nouns = as_set(self.lex["owner_nouns"])
        stops = as_set(self.lex["of_words"]) | as_set(self.lex["relative_words"]) | as_set(self.lex["object_relatives"])
        for m in reversed([f for f in firms if f.end < start and start - f.end <= 10]):
            gap = self.doc[m.end + 1 : start]
            articles = as_set(self.lex["indefinite_articles"])
            if self.doc[m.end].text != "," or not len(gap) or gap[0].lower_ not in articles:
                return None
            words = {t.lower_ for t in gap}
            if any(t.is_punct for t in gap) or words & stops or not words & nouns:
                return None
            if any(f.start > m.end and f.end <= start for f in firms):
                return None
            return m
        return None
