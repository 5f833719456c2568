"""Withdrawal suspensions: a firm pausing withdrawals, a fund gating redemptions."""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, Draft, Finder
from casegraph.loaders.lexicon import as_set


class SuspensionRules(Finder):
    def on_suspend(self, start: int, end: int) -> Iterator[Draft]:
        """ "Ostwind is pausing all withdrawals", "Brightwave zei uitbetalingen te pauzeren"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        all_firms = self.in_sentence(number, FIRM)
        firms = [m for m in all_firms if m.start < end]
        before = [m for m in firms if m.start < start]
        # "Vela Group (VG)": a bracketed alias repeats the name before it
        before = [m for i, m in enumerate(before) if i == 0 or m.key != before[i - 1].key]
        before = [m for m in before if not self._in_apposition(m, before)]
        gap = {t.lower_ for t in self.doc[before[-1].end : start]} if before else set()
        inside = [m for m in all_firms if start < m.start and m.end < end]
        if inside:  # the firm inside the cue: "the FMA placed Vela Europe AG under a moratorium"
            group = [inside[0]]
        elif gap & as_set(self.lex["clause_pronouns"]):  # "H2O said the AMF had asked it to halt redemptions"
            subject = self._subject(number, start, firms)
            group = [subject] if subject else []
        elif before and start - before[-1].end <= 12:  # "Vela and Marlin froze withdrawals"
            head = self._subject_back(before)
            group = self.followers(head, before[before.index(head) + 1 :])
        elif firms:
            group = [before[-1] if before else firms[0]]
        else:  # "klanten kunnen geen geld meer opnemen bij Vela"
            group = [m for m in all_firms if 0 <= m.start - end <= 3][:1]  # "bij het Letse Vela"
        for firm in group:
            yield self.draft("withdrawal_suspension", {"firm": firm.key}, sent, "fact.withdrawal_suspension", 0.8)
