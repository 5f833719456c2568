"""Bankruptcies: filings, liquidations and insolvency orders, with the units that filed together."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, Draft, Finder
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.recognize import Mention
from casegraph.schemas import PartyType


class BankruptcyRules(Finder):
    def on_bankrupt_subj(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela filed for bankruptcy", "Vela heeft faillissement aangevraagd"; with a generic subject,
        the firms listed after it ("bedrijven zijn failliet gegaan, waaronder Vela en Marlin")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        inside = [m for m in firms if start < m.start and m.end < end]
        if (
            inside
        ):  # the firm the court acts on: "declared Skarholm Shipping bankrupt", "placed Vela into administration"
            for firm in self.followers(inside[0], inside[1:]):
                yield self.draft("bankruptcy", {"firm": firm.key}, sent, "fact.bankruptcy.object", 0.75)
            return
        before = [m for m in firms if m.end <= start and not self.is_parent_modifier(m) and not self._requester(m)]
        before = self._past_asides(before, start)  # "Vela lending unit files"; not "op verzoek van Vela"
        cue = self.doc[start:end].text.lower()
        if before and self._relative_of(before[-1], start):  # "... bij rederij Veerhaven, die failliet werd verklaard"
            yield self.draft("bankruptcy", {"firm": before[-1].key}, sent, "fact.bankruptcy.subject", 0.8)
            return
        acted = self._acted_on(before, number) if before else None
        if acted is None and any(w in cue for w in self.lex["near_subject_cues"]) and "its" not in cue.split():
            # "Redkite to be liquidated", "Redkite has since been ordered into liquidation", not "its position";
            # "leningen aan bedrijven in vereffening" tells of others
            before = [m for m in before if self._right_before(m, start) and start - m.end <= 4]
        if before and start - before[-1].end - self._aside_length(before[-1].end, start) <= 12:
            together = [i for i in range(sent.start, start) if self._together_at(i)]
            if together:  # "Vela, together with its subsidiaries A and B, filed"
                before = [m for m in before if m.end <= together[0]] or before
            subject = acted or self._subject_back(before)
            group = [m for m in self.followers(subject, before[before.index(subject) + 1 :])]
            for firm in group:
                yield self.draft("bankruptcy", {"firm": firm.key}, sent, "fact.bankruptcy.subject", 0.8)
            yield from self._filed_with_units(subject, subject.end, sent)
            return
        list_at = [i for i in range(end, sent.end) if self.doc[i].lower_ in as_set(self.lex["list_cues"])]
        if list_at:
            listed = [m for m in firms if m.start > list_at[0]]
            for m in self.followers(listed[0], listed[1:]) if listed else []:
                yield self.draft("bankruptcy", {"firm": m.key}, sent, "fact.bankruptcy.list", 0.7)
            return
        after = [m for m in firms if m.start >= end and not any(t.is_alpha for t in self.doc[end : m.start])]
        if after and after[0].start - end <= 2:  # "Cryptobeurs Vela failliet" is caught above; "failliet: Vela" here
            yield self.draft("bankruptcy", {"firm": after[0].key}, sent, "fact.bankruptcy.subject", 0.6)

    def _right_before(self, m: Mention, start: int) -> bool:
        """Only auxiliaries between the firm and the verb, or the comma closing the firm's apposition:
        "Vela's Singapore arm, Vela Metals Pte, was put into provisional liquidation"."""
        lo = m.end
        if lo < start and self.doc[lo].text == "," and m.start > 0 and self.doc[m.start - 1].text == ",":
            lo += 1
        return all(t.lower_ in self.auxiliaries for t in self.doc[lo:start])

    def _requester(self, m: Mention) -> bool:
        """ "Marlin heeft op verzoek van Vela faillissement aangevraagd": Vela asked, Marlin files."""
        before = self.layout.text(max(0, m.start - 5), m.start).lower()
        return any(before.endswith(p) for p in self.lex["request_phrases"])

    def _past_asides(self, before: list[Mention], start: int) -> list[Mention]:
        """Firms of an aside just before the verb are not its subject: "Heathmoor Bank, owned by
        Ostravia Bank, went into administration" -> Heathmoor Bank; "Brightfen, a developer to which
        Calder had lent £54m, went into administration" -> Brightfen."""
        relatives = as_set(self.lex["relative_words"]) | as_set(self.lex["object_relatives"])
        while len(before) > 1:
            last = before[-1]
            tail = self.doc[last.end : start]
            opened = max((i for i in range(before[-2].end, last.start) if self.doc[i].text == ","), default=None)
            inside = self.doc[opened + 1 : last.start] if opened is not None else None
            appended = tail and tail[0].text == "," and inside and all(t.is_lower for t in inside)
            relative = (
                inside
                and any(t.lower_ in relatives for t in inside)
                and all(t.is_lower or t.is_punct for t in inside)
                and any(t.text == "," for t in tail)
            )
            if not (appended or relative):
                break
            before = before[:-1]
        return before

    def _acted_on(self, before: list[Mention], number: int) -> Mention | None:
        """Verb second, verb last: the firm right after the auxiliary is the one failing, whether a court
        is the subject ("De rechtbank heeft Bank Scheldeland op verzoek van de NBB in vereffening
        gesteld") or it is itself ("Dinsdag heeft Vela op verzoek van Marlin surseance aangevraagd")."""
        first = before[0]
        second = as_set(self.lex["verb_second_auxiliaries"])
        lo = max(self.sents[number].start, first.start - 3)
        aux = next((i for i in range(lo, first.start) if self.doc[i].lower_ in second), None)
        if aux is None or aux == self.sents[number].start:
            return None
        # the auxiliary in second place: a subject (a court, "De rechtbank Antwerpen") or an adverb before it
        acting = [a for a in self.in_sentence(number) if a.end <= aux and self.type_of(a) is FIRM]
        if acting or any(t.is_punct for t in self.doc[aux : first.start]) or self._crosses(first.end, before[-1].end):
            return None
        return first

    def _aside_length(self, lo: int, hi: int) -> int:
        """Words of a relative clause or apposition right after the subject: "Warmtenet B.V., dat 9000
        huishoudens van warmte voorziet, is failliet verklaard" keeps Warmtenet the subject of the far verb."""
        if lo >= hi or self.doc[lo].text != ",":
            return 0
        lex = self.lex
        openers = as_set(lex["relative_words"]) | as_set(lex["object_relatives"]) | as_set(lex["articles"])
        if lo + 1 >= hi or self.doc[lo + 1].lower_ not in openers:
            return 0
        close = next((i for i in range(lo + 2, hi) if self.doc[i].text == ","), None)
        return close - lo + 1 if close is not None else 0

    def on_bankrupt_closed(self, start: int, end: int) -> Iterator[Draft]:
        """A bank closed by an authority has failed: "Signature Bank was closed on Sunday by the state
        regulator", "the DFS closed Signature Bank"; a firm closing an office or a case is none."""
        number = self.sent_index[start]
        sent = self.sents[number]
        acting = (PartyType.REGULATOR, PartyType.GOVERNMENT, PartyType.COURT)
        authorities = self.in_sentence(number, *acting)
        firms = self.in_sentence(number, FIRM)
        passive = start > sent.start and self.doc[start - 1].lower_ in as_set(self.lex["passive_be"])
        if passive:
            agent = [a for a in authorities if a.start >= end and a.start - end <= 8 and self._by_agent(a)]
            before = [m for m in firms if m.end < start and start - m.end <= 3]
            if agent and before:
                subject = self._subject_back(before)
                yield self.draft("bankruptcy", {"firm": subject.key}, sent, "fact.bankruptcy.closed", 0.7)
            return
        actor = [
            a
            for a in authorities
            if a.end <= start and all(t.lower_ in self.auxiliaries for t in self.doc[a.end : start])
        ]
        articles = as_set(self.lex["articles"])
        skip = 1 if end < sent.end and self.doc[end].lower_ in articles else 0
        target = next((m for m in firms if m.start in (end, end + skip)), None)  # "closed (the) Vela", "the bank"
        if actor and target:
            yield self.draft("bankruptcy", {"firm": target.key}, sent, "fact.bankruptcy.closed", 0.7)

    def _together_at(self, i: int) -> bool:
        return any(
            self.layout.text(i, min(i + len(w.split()), len(self.doc))).lower() == w
            for w in self.lex["together_words"]
            if " " in w
        )

    def _filed_with_units(self, subject: Mention, end: int, sent: Span) -> Iterator[Draft]:
        """ "X filed for Chapter 11, together with its subsidiaries A and B": A and B filed too, and
        are X's subsidiaries; "... together with its parent, P": P filed too, and is X's parent."""
        if not any(self._together_at(i) for i in range(end, sent.end)):
            return
        child_words, parent_words = as_set(self.lex["child_words"]), as_set(self.lex["parent_words"])
        marks = [i for i in range(end, sent.end) if self.doc[i].lower_ in child_words | parent_words]
        if not marks:
            return
        firms = [m for m in self.in_sentence(self.sent_index[end - 1], FIRM) if m.start > marks[0]]
        if not firms or firms[0].start - marks[0] > 3:
            return
        own = any(self.doc[i].lower_ in as_set(self.lex["pronouns"]) for i in range(marks[0] - 4, marks[0]))
        parent = self.doc[marks[0]].lower_ in parent_words
        for unit in self.followers(firms[0], firms[1:]):
            if unit.key == subject.key:
                continue
            yield self.draft("bankruptcy", {"firm": unit.key}, sent, "fact.bankruptcy.with_units", 0.7)
            if own:
                child, owner = (subject, unit) if parent else (unit, subject)
                yield self.draft(
                    "subsidiary", {"child": child.key, "parent": owner.key}, sent, "fact.subsidiary.units", 0.7
                )

    def on_bankrupt_obj(self, start: int, end: int) -> Iterator[Draft]:
        """ "bankrupt crypto lender Pellow Digital", "de failliete cryptobeurs Vela", "liquidators of X"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if any(label == "FREEZE" and s < end and e > start for label, s, e in self.rec.cues):
            return  # "authorities seized the superyacht Dilbar": a seizure of assets, not of a bank
        after = [m for m in self.in_sentence(number, FIRM) if m.start >= end]
        if after and after[0].start - end <= 4 and not {",", ";"} & {t.text for t in self.doc[end : after[0].start]}:
            # "administrators of Vela Ltd and Vela Management"; not "appointed to review the deal, Vela said"
            for firm in self.followers(after[0], after[1:]):
                yield self.draft("bankruptcy", {"firm": firm.key}, sent, "fact.bankruptcy.attribute", 0.8)
