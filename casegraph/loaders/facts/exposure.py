"""Exposures: the party with money at risk at a counterparty, and how much."""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, Draft, Finder


class ExposureRules(Finder):
    def on_exposure(self, start: int, end: int) -> Iterator[Draft]:
        """Creditor first: "Marlin ... $120 million locked in Vela", "Quandle's investment in Ostwind"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        after = [m for m in firms if m.start >= end and m.start - end <= 8]
        if not after:
            return
        counterparty = after[0]
        close = [m for m in firms if m.end <= start and start - m.end <= 2]
        before = [m for m in firms if m.end <= start and m.key != counterparty.key]
        rest = [m for m in firms if m.start > counterparty.start and m.key != counterparty.key]
        exposed = (close or before[:1] or rest[:1] or [None])[0]
        if exposed is None or exposed.key == counterparty.key:
            return
        amount, currency = self.amount(sent, start, exposed, counterparty)
        yield self.draft(
            "exposure",
            {"exposed": exposed.key, "counterparty": counterparty.key},
            sent,
            "fact.exposure",
            0.7,
            amount=amount,
            currency=currency,
        )

    def on_debt(self, start: int, end: int) -> Iterator[Draft]:
        """Debtor first: "Brightwave owes Vela $310 million", "Redkite had defaulted on $500M"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start]
        if not before:
            return
        debtor = before[-1]
        after = [m for m in firms if m.start >= end and m.key != debtor.key]
        others = [m for m in firms if m.key != debtor.key]
        creditor = (after or others or [None])[0]
        if creditor is None:
            return
        amount, currency = self.amount(sent, start, debtor)
        yield self.draft(
            "exposure",
            {"exposed": creditor.key, "counterparty": debtor.key},
            sent,
            "fact.exposure.debt",
            0.7,
            amount=amount,
            currency=currency,
        )
