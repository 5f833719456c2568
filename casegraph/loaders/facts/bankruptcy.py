"""Bankruptcies: filings, liquidations and insolvency orders, with the units that filed together."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, Draft, Finder
from casegraph.loaders.recognize import Mention


class BankruptcyRules(Finder):
    def on_bankrupt_subj(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela filed for bankruptcy", "Vela heeft faillissement aangevraagd"; with a generic subject,
        the firms listed after it ("bedrijven zijn failliet gegaan, waaronder Vela en Marlin")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start and not self.is_parent_modifier(m)]  # "Vela lending unit files"
        before = self._past_asides(before, start)
        cue = self.doc[start:end].text.lower()
        if ("liquidat" in cue or "wound" in cue) and "its" not in cue.split():
            # "Redkite to be liquidated", "Redkite has since been ordered into liquidation", not "its position"
            before = [
                m
                for m in before
                if all(t.lower_ in self.auxiliaries for t in self.doc[m.end : start]) and start - m.end <= 4
            ]
        if before and start - before[-1].end <= 12:
            together = [i for i in range(sent.start, start) if self._together_at(i)]
            if together:  # "Vela, together with its subsidiaries A and B, filed"
                before = [m for m in before if m.end <= together[0]] or before
            subject = self._subject_back(before)
            group = [m for m in self.followers(subject, before[before.index(subject) + 1 :])]
            for firm in group:
                yield self.draft("bankruptcy", {"firm": firm.key}, sent, "fact.bankruptcy.subject", 0.8)
            yield from self._filed_with_units(subject, subject.end, sent)
            return
        list_at = [i for i in range(end, sent.end) if self.doc[i].lower_ in set(self.lex["list_cues"])]
        if list_at:
            listed = [m for m in firms if m.start > list_at[0]]
            for m in self.followers(listed[0], listed[1:]) if listed else []:
                yield self.draft("bankruptcy", {"firm": m.key}, sent, "fact.bankruptcy.list", 0.7)
            return
        after = [m for m in firms if m.start >= end and not any(t.is_alpha for t in self.doc[end : m.start])]
        if after and after[0].start - end <= 2:  # "Cryptobeurs Vela failliet" is caught above; "failliet: Vela" here
            yield self.draft("bankruptcy", {"firm": after[0].key}, sent, "fact.bankruptcy.subject", 0.6)

    def _past_asides(self, before: list[Mention], start: int) -> list[Mention]:
        """Firms of an aside just before the verb are not its subject: "Heathmoor Bank, owned by
        Ostravia Bank, went into administration" -> Heathmoor Bank."""
        while len(before) > 1:
            last = before[-1]
            tail = self.doc[last.end : start]
            opened = max((i for i in range(before[-2].end, last.start) if self.doc[i].text == ","), default=None)
            inside = self.doc[opened + 1 : last.start] if opened is not None else None
            if not (tail and tail[0].text == "," and inside and all(t.is_lower for t in inside)):
                break
            before = before[:-1]
        return before

    def _together_at(self, i: int) -> bool:
        return any(
            self.layout.text(i, min(i + len(w.split()), len(self.doc))).lower() == w
            for w in self.lex["together_words"]
            if " " in w
        )

    def _filed_with_units(self, subject: Mention, end: int, sent: Span) -> Iterator[Draft]:
        """ "X filed for Chapter 11, together with its subsidiaries A and B": A and B filed too, and
        are X's subsidiaries."""
        if not any(self._together_at(i) for i in range(end, sent.end)):
            return
        child_words = set(self.lex["child_words"])
        marks = [i for i in range(end, sent.end) if self.doc[i].lower_ in child_words]
        if not marks:
            return
        firms = [m for m in self.in_sentence(self.sent_index[end - 1], FIRM) if m.start > marks[0]]
        if not firms or firms[0].start - marks[0] > 3:
            return
        own = any(self.doc[i].lower_ in set(self.lex["pronouns"]) for i in range(marks[0] - 4, marks[0]))
        for child in self.followers(firms[0], firms[1:]):
            if child.key == subject.key:
                continue
            yield self.draft("bankruptcy", {"firm": child.key}, sent, "fact.bankruptcy.with_units", 0.7)
            if own:
                yield self.draft(
                    "subsidiary", {"child": child.key, "parent": subject.key}, sent, "fact.subsidiary.units", 0.7
                )

    def on_bankrupt_obj(self, start: int, end: int) -> Iterator[Draft]:
        """ "bankrupt crypto lender Pellow Digital", "de failliete cryptobeurs Vela", "liquidators of X"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        after = [m for m in self.in_sentence(number, FIRM) if m.start >= end]
        if after and after[0].start - end <= 4:  # "administrators of Vela Ltd and Vela Management"
            for firm in self.followers(after[0], after[1:]):
                yield self.draft("bankruptcy", {"firm": firm.key}, sent, "fact.bankruptcy.attribute", 0.8)
