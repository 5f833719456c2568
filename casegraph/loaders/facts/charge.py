"""Charges: suits, indictments and fines by an authority, and their kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
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
            if any(m.end <= start for m in parties) and any(m.start >= end for m in parties):
                return
            authorities, subjects = self._authority_and_subjects(start, end, passive=True, courts=fine)
        if not authorities:  # the authority acting before
            criminal = self.has_any(sent, self.lex["kind_words"]["criminal_charge"])
            fallback = self._fallback_authority(number, criminal)
            authorities = [fallback] if fallback else []
        if not subjects:
            return
        before_cue = [a for a in authorities if a.start < start]
        acting = before_cue or authorities
        if not passive and len(acting) > 1:
            acting = acting  # "the CFTC and the FTC are seeking penalties": all of them
        seen = set()
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
        yield from self._charges(start, end, passive=False)

    def on_charge_passive(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vane was charged with fraud", "the company will pay a fine"."""
        yield from self._charges(start, end, passive=True)

    def on_pay_to(self, start: int, end: int) -> Iterator[Draft]:
        """A payment to an authority is a fine or settlement: "Vela will pay $413 million to the SEC",
        "die bank betaalde 775 miljoen euro aan het OM"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        authority = next(
            (
                m
                for m in self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR, PartyType.COURT)
                if 0 <= m.start - end <= 1
            ),
            None,
        )
        payers = [m for m in self.in_sentence(number, FIRM, PERSON) if m.end <= start]
        subject = self._subject(number, start, payers) if payers else None
        if authority is None or subject is None:
            return
        amount, currency = self.amount(sent, start)
        yield self.draft(
            "charge",
            {"authority": authority.key, "subject": subject.key},
            sent,
            "fact.charge.payment",
            0.7,
            kind="fine",
            amount=amount,
            currency=currency,
        )

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
