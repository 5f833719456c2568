"""Charges: suits, indictments and fines by an authority, and their kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.recognize import Mention
from casegraph.schemas import PartyType


class ChargeRules(Finder):
    def _charge_kind(self, sent: Span, authority: Mention, cue: Span) -> str:
        """The kind the cue itself names ("fined"), else one the sentence names, else by the authority."""
        for kind, words in self.lex["kind_words"].items():
            if self.has_any(cue, words):
                return kind
        for kind, words in self.lex["kind_words"].items():
            if self.has_any(sent, words):
                return kind
        return "criminal_charge" if self.type_of(authority) is PartyType.PROSECUTOR else "civil_charge"

    def _fallback_authority(self, number: int, criminal: bool) -> Mention | None:
        """An authority for a passive charge sentence that names none: the prosecutor of the text for
        criminal cases, else the authority named last before."""
        if criminal:
            prosecutors = [m for m in self.rec.mentions if self.type_of(m) is PartyType.PROSECUTOR]
            if prosecutors:
                counts = Counter(m.key for m in prosecutors)
                key = counts.most_common(1)[0][0]
                return next(m for m in prosecutors if m.key == key)
        previous = [
            m
            for m in self.rec.mentions
            if self.sent_index[m.start] < number and self.type_of(m) in {PartyType.REGULATOR, PartyType.PROSECUTOR}
        ]
        return previous[-1] if previous else None

    def _charges(self, start: int, end: int, passive: bool) -> Iterator[Draft]:
        number = self.sent_index[start]
        sent = self.sents[number]
        fine = self.has_any(self.doc[start:end], self.lex["kind_words"]["fine"])
        authorities, subjects = self._authority_and_subjects(start, end, passive, courts=fine)
        if not authorities and not passive:
            # no authority named: "De boete is opgelegd aan Vela" reads like a passive, but in
            # "Ann Vos accused Marlin" a party acts on another and no authority charges anyone
            parties = self.in_sentence(number, FIRM, PERSON)
            objects = self.in_sentence(number)  # "Haarde accused Britain": a state is no authority charging
            if any(m.end <= start for m in parties) and any(m.start >= end for m in objects):
                return
            authorities, subjects = self._authority_and_subjects(start, end, passive=True, courts=fine)
        if not authorities:  # the authority acting before
            criminal = self.has_any(sent, self.lex["kind_words"]["criminal_charge"])
            fallback = self._fallback_authority(number, criminal)
            authorities = [fallback] if fallback else []
        if not subjects and not passive and authorities and start < authorities[0].start < end:
            # "legde DNB Vela een last onder dwangsom op": authority and subject inside the cue, verb second
            inside = self.in_sentence(number, FIRM, PERSON)
            subjects = [m for m in inside if authorities[0].end <= m.start and m.end < end]
        if not subjects:
            return
        authorities = [a for a in authorities if not self._located(a)] or authorities  # a venue files nothing
        if authorities and all(self.arresting(a) for a in authorities):
            # "was arrested by FBI agents ... and charged with": the police arrest, a prosecutor charges
            prosecutor = self._fallback_authority(number, criminal=True)
            if prosecutor is not None and self.type_of(prosecutor) is PartyType.PROSECUTOR:
                authorities = [prosecutor]
        before_cue = [a for a in authorities if a.start < start]
        acting = before_cue or authorities
        if not passive and len(acting) > 1:
            acting = acting  # "the CFTC and the FTC are seeking penalties": all of them
        seen = set()
        if acting:
            self.charge_told = (acting[0], number)
        for authority in acting:
            for subject in subjects:
                if (authority.key, subject.key) in seen or authority.key == subject.key:
                    continue
                seen.add((authority.key, subject.key))
                amount, currency = self.amount(sent, start)
                yield self.draft(
                    "charge",
                    {"authority": authority.key, "subject": subject.key},
                    sent,
                    "fact.charge.passive" if passive else "fact.charge",
                    0.75,
                    kind=self._charge_kind(sent, authority, self.doc[start:end]),
                    amount=amount,
                    currency=currency,
                )

    def on_charge_active(self, start: int, end: int) -> Iterator[Draft]:
        """ "SEC charges Orbis and Marlin", "een rechtszaak begonnen tegen Zelko en oprichter Tao"."""
        if (start > 0 and self.doc[start - 1].lower_ == "in") or (
            self.doc[start].lower_ in {"charge"} and start > 0 and self.doc[start - 1].lower_ in {"in", "the"}
        ):
            return
        if self._described_accused(start, end):
            return
        yield from self._charges(start, end, passive=False)

    def _described_accused(self, start: int, end: int) -> bool:
        """ "a Dubai ship manager accused of moving Iranian crude": a participle describing a party, no
        authority charging it; "Vela was accused of fraud", "the SEC accused Vela of" still charge."""
        doc = self.doc
        if end >= len(doc) or start == 0 or doc[end - 1].lower_ not in as_set(self.lex["described_participles"]):
            return False
        before = doc[start - 1]
        return (
            doc[end].lower_ in as_set(self.lex["of_words"])
            and before.is_alpha
            and before.lower_ not in self.auxiliaries
        )

    def on_charge_passive(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vane was charged with fraud", "the company will pay a fine"."""
        yield from self._charges(start, end, passive=True)

    def on_pay_to(self, start: int, end: int) -> Iterator[Draft]:
        """A payment to an authority is a fine or settlement: "Vela will pay $413 million to the SEC",
        "die bank betaalde 775 miljoen euro aan het OM"."""
        number = self.sent_index[start]
        authority = next(
            (
                m
                for m in self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR, PartyType.COURT)
                if 0 <= m.start - end <= 1
            ),
            None,
        )
        yield from self._payment(number, start, authority, needs_sum=False)

    def _payment(self, number: int, start: int, authority: Mention | None, needs_sum: bool) -> Iterator[Draft]:
        """The payer before the verb fined by ``authority``, with the sum nearest the verb."""
        sent = self.sents[number]
        payers = [m for m in self.in_sentence(number, FIRM, PERSON) if m.end <= start]
        subject = self._subject(number, start, payers) if payers else None
        if authority is None or subject is None:
            return
        amount, currency = self.amount(sent, start)
        if amount is None and needs_sum:
            return  # "betaalt de SEC geen": a payment without a sum is no penalty told
        yield self.draft("charge", {"authority": authority.key, "subject": subject.key}, sent,
                         "fact.charge.payment", 0.7, kind="fine", amount=amount, currency=currency)

    def on_pay_penalty(self, start: int, end: int) -> Iterator[Draft]:
        """A penalty paid, the authority further on: "Vela will pay a $26.5 million penalty ... under a
        settlement with the DFS"; in Dutch the authority right after the verb: "betalen de SEC samen 120
        miljoen dollar"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        named = self.has_any(self.doc[start:end], self.lex["penalty_words"])
        reach = sent.end if named else end + 4
        authority = next((m for m in self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR)
                          if end <= m.start < reach), None)
        yield from self._payment(number, start, authority, needs_sum=True)

    def on_allege(self, start: int, end: int) -> Iterator[Draft]:
        """ "In the indictment, prosecutors alleged that Olav Vane ...", "het OM verwijt Vela dat": what an
        authority alleges of the party right after is its charge."""
        number = self.sent_index[start]
        sent = self.sents[number]
        authorities = [m for m in self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR) if m.end <= start]
        parties = [m for m in self.in_sentence(number, FIRM, PERSON) if m.start >= start]
        named = [m for m in parties if m.start - end <= 1 or (start < m.start < end)]
        if not authorities or not named:
            return
        authority = authorities[-1]
        for subject in self.followers(named[0], [m for m in parties if m.start > named[0].start]):
            yield self.draft(
                "charge",
                {"authority": authority.key, "subject": subject.key},
                sent,
                "fact.charge.alleged",
                0.65,
                kind=self._charge_kind(sent, authority, self.doc[start:end]),
            )

    def on_charge_also(self, start: int, end: int) -> Iterator[Draft]:
        """ "Also charged was the fund's former risk chief, Lena Hoang": one more party charged by the
        authority of the charge told before."""
        number = self.sent_index[start]
        sent = self.sents[number]
        told = getattr(self, "charge_told", None)
        authority = told[0] if told and 0 <= number - told[1] <= 8 else None
        if authority is None:
            criminal = self.has_any(sent, self.lex["kind_words"]["criminal_charge"])
            authority = self._fallback_authority(number, criminal)
        asides = self._asides(end, sent.end)
        parties = [
            m
            for m in self.in_sentence(number, FIRM, PERSON)
            if m.start >= end and not any(a < m.start < b for a, b in asides) and not self._names_role_of(m)
        ]
        parties = [m for m in parties if not self._before_role(m)]
        if authority is None or not parties:
            return
        for subject in self.followers(parties[0], parties[1:]):
            yield self.draft(
                "charge",
                {"authority": authority.key, "subject": subject.key},
                sent,
                "fact.charge.also",
                0.65,
                kind=self._charge_kind(sent, authority, self.doc[start:end]),
            )

    def on_charge_finding(self, start: int, end: int) -> Iterator[Draft]:
        """A regulator's formal finding of a breach is a charge with no kind: "the PRA has found that
        Halberd breached its rules", "de AFM stelt vast dat Vela de regels heeft overtreden", "MAS
        reprimanded Vela"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        authorities = self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR)
        acting = [a for a in authorities if a.end <= start and self._subject_of_cue(a, start, authorities)]
        if not acting:
            return
        parties = [m for m in self.in_sentence(number, FIRM, PERSON) if end <= m.start <= end + 2]
        if not parties:
            return
        subject = parties[0]
        clause = [t.lower_ for t in self.doc[subject.end : min(sent.end, subject.end + 8)]]
        cut = next((i for i, w in enumerate(clause) if w in as_set(self.lex["clause_bounds"]) | {","}), len(clause))
        reprimand = self.doc[start].lower_ in as_set(self.lex["reprimand_words"])  # the verb is the finding
        if not reprimand and not set(clause[:cut]) & as_set(self.lex["breach_words"]):
            return
        for authority in self.coordinated(acting[-1], number):
            yield self.draft(
                "charge", {"authority": authority.key, "subject": subject.key}, sent, "fact.charge.finding", 0.6
            )

    def _subject_of_cue(self, authority: Mention, start: int, authorities: list[Mention]) -> bool:
        """Only auxiliaries, brackets and the authority's own alias between it and the verb."""
        alias = {i for m in authorities if m.key == authority.key for i in range(m.start, m.end)}
        return all(
            t.lower_ in self.auxiliaries or t.text in {"(", ")"} or t.i in alias
            for t in self.doc[authority.end : start]
        )
