"""Acquisitions: who buys whom, and whether the deal is proposed, completed or failed."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, Draft, Finder


class AcquisitionRules(Finder):
    def _status(self, sent: Span) -> str:
        for status in ("failed", "completed"):
            if self.has_any(sent, self.lex["status_words"][status]):
                return status
        return "proposed"

    def on_acquire(self, start: int, end: int) -> Iterator[Draft]:
        """ "Zelko.US agreed to acquire the assets of Pellow", "Vela US's bid for Pellow"; with 'by'
        the acquirer comes after ("acquisition of X by Y", "overname van X door Y")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start]
        after = [m for m in firms if m.start >= end and m.start - end <= 8]
        by_words = set(self.lex["by_words"])
        by = [m for m in after if m.start > 0 and self.doc[m.start - 1].lower_ in by_words]
        if by:
            acquirer = by[0]
            target = next((m for m in after if m is not acquirer and m.start < acquirer.start), None) or (
                before[-1] if before else None
            )
        else:
            acquirer = before[-1] if before else None
            target = after[0] if after else None
        if acquirer is None or target is None or acquirer.key == target.key:
            return
        yield self.draft(
            "acquisition",
            {"acquirer": acquirer.key, "target": target.key},
            sent,
            "fact.acquisition",
            0.7,
            status=self._status(sent),
        )

    def on_deal_failed(self, start: int, end: int) -> Iterator[Draft]:
        """ "Zelko would not pursue the deal", "de mislukte overname door concurrent Zelko": the
        target, when the sentence does not name it, is the firm the text is about."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        by_words = set(self.lex["by_words"])
        by = [
            m
            for m in firms
            if m.start >= end - 1 and any(t.lower_ in by_words for t in self.doc[max(end - 1, m.start - 2) : m.start])
        ]
        before = [m for m in firms if m.end <= start]
        acquirer = by[0] if by else (before[-1] if before else None)
        if acquirer is None:
            return
        others = [m for m in firms if m.key != acquirer.key and m.start >= end]
        target_key = others[0].key if others else self.salient_firm({acquirer.key})
        if target_key is None:
            return
        yield self.draft(
            "acquisition",
            {"acquirer": acquirer.key, "target": target_key},
            sent,
            "fact.acquisition.failed",
            0.6,
            status="failed",
        )
