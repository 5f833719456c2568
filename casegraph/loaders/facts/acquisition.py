"""Acquisitions: who buys whom, and whether the deal is proposed, completed or failed."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, Draft, Finder
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.parties import Mention
from casegraph.schemas import PartyType

BUYERS = (FIRM, PartyType.GOVERNMENT)
STATUS_REACH = 8  # words either side of a deal's cue that may say how it went


class AcquisitionRules(Finder):
    def _status(self, sent: Span, start: int, end: int) -> str:
        """The status words near the cue: "Vela, which collapsed in 2008 and was taken over by
        Marlin" tells the bank's failure, not the deal's."""
        near = self.doc[max(sent.start, start - STATUS_REACH) : min(sent.end, end + STATUS_REACH)]
        for status in ("failed", "completed"):
            if self.has_any(near, self.lex["status_words"][status]):
                return status
        return "proposed"

    def _cue_status(self, sent: Span, start: int, end: int) -> str:
        """The deal's status, where a cue in the future ("agreed to be bought", "will acquire") is
        no sign of a done deal by itself; other words of the sentence still are ("completed")."""
        status = self._status(sent, start, end)
        if status != "completed" or self._past(start):
            return status
        words = self.lex["status_words"]["completed"]
        rest = [self.doc[sent.start : start], self.doc[end : sent.end]]
        return "completed" if any(len(part) and self.has_any(part, words) for part in rest) else "proposed"

    def on_acquire(self, start: int, end: int) -> Iterator[Draft]:
        """ "Zelko.US agreed to acquire the assets of Pellow", "Vela US's bid for Pellow"; with 'by'
        the acquirer comes after ("acquisition of X by Y", "overname van X door Y")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, *BUYERS)
        before = [m for m in firms if m.end <= start]
        after = [m for m in firms if m.start >= end and m.start - end <= 8]
        by_words = as_set(self.lex["by_words"])
        by = [  # "bought by Ashgrove", "bought by Boston-based Ashgrove": the agent after 'by'
            m for m in after if any(t.lower_ in by_words for t in self.doc[max(end, m.start - 3) : m.start])
        ]
        others: list[Mention] = []
        if by:
            acquirer = by[0]
            # the target past an apposition: "Tidewater Bancorp, the parent of Tidewater Bank, agreed to be bought by"
            target = next((m for m in after if m is not acquirer and m.start < acquirer.start), None) or (
                self._subject(number, start, before) if before else None
            )
        else:  # "Athene, a partner of Apollo, is in talks to buy": the subject, past the apposition
            acquirer = self._subject(number, start, before) if before else None
            inside = [m for m in firms if start < m.start and m.end < end and self.type_of(m) is FIRM]
            if inside and not self._particle(end):
                return  # "nam de zeggenschap over Vela": 'over' opens a phrase, it closes no verb
            # a separable verb around its object: "UBS neemt branchegenoot Credit Suisse over"
            target = inside[0] if inside else next((m for m in after if self.type_of(m) is FIRM), None)
            if target is None and self.lang == "nl" and len(before) >= 2 and self._verb_last(before, start):
                acquirer, target = before[0], before[-1]  # "Vela heeft een deel van Marlin overgenomen"
                others = self._coordinated(before[1:])  # "heeft A, verzekeraar B en het deel van C gekocht"
        if acquirer is None or target is None or acquirer.key == target.key:
            return
        lo, hi = sorted((end, target.start))
        if {t.lower_ for t in self.doc[lo:hi]} & as_set(self.lex["instrument_words"]):
            return  # "bought €3.5m of bonds of Vela" is an exposure, not a takeover
        if not by and target.start >= end and self._paper_of(target, end):
            return  # "bought $3.1m of Vela's notes", "bought Vela tokens", "bought from Vela": no takeover
        for each in others if len(others) > 1 and target in others else [target]:
            if each.key != acquirer.key:
                yield self.draft("acquisition", {"acquirer": acquirer.key, "target": each.key}, sent,
                                 "fact.acquisition", 0.7, status=self._cue_status(sent, start, end))

    def _paper_of(self, target: Mention, end: int) -> bool:
        """What was bought is the target's paper or came from it: a sum before the name (a firm is
        bought for a price), a plural noun after it, 'from' before it; not its assets or deposits
        ("bought $72bn in assets from the failed Vela Bank" is a deal)."""
        lay = self.layout
        if set(lay.lower[end : target.start]) & as_set(self.lex["deal_asset_words"]):
            return False
        a, b = lay.idx[end] if end < len(self.doc) else 0, lay.idx[target.start]
        priced = any(a <= m.start < b for m in self.money)
        after = self.doc[target.end] if target.end < len(self.doc) else None
        plural = after is not None and after.is_lower and after.lower_ in as_set(self.lex["bought_paper_words"])
        return priced or plural or lay.lower[target.start - 1] in as_set(self.lex["bought_from_words"])

    def _coordinated(self, parties: list[Mention]) -> list[Mention]:
        """The parties of a list: each gap short and holding a comma or a coordinator."""
        glue = as_set(self.lex["coordinators"]) | {","}
        out = parties[:1]
        for prev, m in pairwise(parties):
            gap = [t.lower_ for t in self.doc[prev.end : m.start]]
            if not (glue & set(gap)) or len(gap) > 6:
                break
            out.append(m)
        return out

    def _particle(self, end: int) -> bool:
        """The last word of the cue closes its clause ("neemt Vela over voor", "over."), not a phrase
        it opens ("over Vela")."""
        nxt = self.doc[end] if end < len(self.doc) else None
        return nxt is None or not (nxt.is_alpha and (nxt.text[:1].isupper() or nxt.lower_ in self.lex["articles"]))

    def _verb_last(self, before: list[Mention], start: int) -> bool:
        """Dutch verb-last: the subject, an auxiliary right after it, the object, the participle."""
        first = before[0]
        return (
            self.doc[first.end].lower_ in self.auxiliaries
            and not self._crosses(first.end, start)
            and before[-1].end <= start
            and start - before[-1].end <= 2
        )

    def on_deal_failed(self, start: int, end: int) -> Iterator[Draft]:
        """ "Zelko would not pursue the deal", "de mislukte overname door concurrent Zelko": the
        target, when the sentence does not name it, is the firm the text is about."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        by_words = as_set(self.lex["by_words"])
        by = [  # "overname door Binance afgeblazen": the agent inside the cue or after it
            m
            for m in firms
            if m.start > start and any(t.lower_ in by_words for t in self.doc[max(start, m.start - 2) : m.start])
        ]
        before = [m for m in firms if m.end <= start]
        inside = self._buyer_inside(firms, start, end) if not by else []
        if inside:  # "talks on a sale of the book to Sliema Bank broke down": the buyer inside the cue
            by = inside
        elif self._sale_cue(start, end):
            return  # "Vela's sale of shares to investors collapsed": no buyer named, no takeover told
        acquirer = by[0] if by else (self._subject(number, start, before) if before else None)
        if acquirer is None:
            return
        others = [m for m in firms if m.key != acquirer.key and m.start >= end]
        if inside:  # "a sale of Vela to Marlin fell through": the one sold before the buyer
            others = [m for m in firms if m.key != acquirer.key and start <= m.start < acquirer.start] or others
        told_after = any(m.start >= end for m in firms)  # "ended talks to buy the business": a description
        if (by or told_after) and not others:  # "FTX: overname door Binance afgeblazen": the one named before
            others = [m for m in before if m.key != acquirer.key][-1:]
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

    def _sale_cue(self, start: int, end: int) -> bool:
        return any(t.lower_ in as_set(self.lex["sale_nouns"]) for t in self.doc[start:end])

    def _buyer_inside(self, firms: list[Mention], start: int, end: int) -> list[Mention]:
        """The buyer named inside a failed-deal cue after a word that marks it ("sale ... to Sliema",
        "overnamegesprekken met het Franse Mutuelle"), the target then being another."""
        words = as_set(self.lex["deal_buyer_words"])
        return [
            m
            for m in firms
            if start < m.start
            and m.end <= end
            and any(t.lower_ in words for t in self.doc[max(start, m.start - 3) : m.start])
        ][:1]

    def on_acquired_by(self, start: int, end: int) -> Iterator[Draft]:
        """The target first: "Vela was taken over by Marlin", "Vela komt in handen van Marlin"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if start > 0 and self.doc[start - 1].lower_ in as_set(self.lex["instrument_words"]):
            return  # "commercial paper bought by Portugal Telecom": the paper was bought, not the firm
        parties = self.in_sentence(number, *BUYERS)
        acquirer = next((m for m in parties if 0 <= m.start - end <= 3), None)
        before = [m for m in parties if m.end <= start and self.type_of(m) is FIRM]
        target = self._subject(number, start, before) if before else None
        state = as_set(self.lex["state_verbs"])
        held = self.layout.text(start, end).lower() in self.lex["holding_cues"]
        if held and any(t.lower_ in state for t in self.doc[max(0, start - 4) : start]):
            return  # "Vela is sinds 2015 in handen van Marlin": owned, not bought now
        yield from self._deal(acquirer, target, sent, start, "fact.acquisition.passive", 0.7)

    def on_sell(self, start: int, end: int) -> Iterator[Draft]:
        """A sale names the buyer after 'to': "the government sold Northern Crest to Marlin", "sold
        its assets to Marlin" (the seller's); the target is the firm sold, else the seller."""
        number = self.sent_index[start]
        sent = self.sents[number]
        parties = self.in_sentence(number, *BUYERS)
        acquirer = next((m for m in parties if 0 <= m.start - end <= 3), None)
        sold = [m for m in parties if start < m.start < end - 1 and self.type_of(m) is FIRM]
        sellers = [m for m in parties if m.end <= start and self.type_of(m) is FIRM]
        target = sold[0] if sold else (sellers[-1] if sellers else None)
        yield from self._deal(acquirer, target, sent, start, "fact.acquisition.sale", 0.65)

    def on_nationalise(self, start: int, end: int) -> Iterator[Draft]:
        """A nationalisation is an acquisition by the state: "Northern Crest was nationalised", "de
        genationaliseerde bank Vela"; the state named in the sentence, else the one the text names most."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        target = next((m for m in firms if 0 <= m.start - end <= 2), None) or next(
            (m for m in reversed(firms) if m.end <= start and start - m.end <= 3), None
        )
        states = self.in_sentence(number, PartyType.GOVERNMENT) or [
            m for m in self.rec.mentions if self.type_of(m) is PartyType.GOVERNMENT
        ]
        if target is None or not states:
            return
        state = max(states, key=lambda m: sum(1 for x in self.rec.mentions if x.key == m.key))
        yield self.draft(
            "acquisition",
            {"acquirer": state.key, "target": target.key},
            sent,
            "fact.acquisition.state",
            0.65,
            status="completed",
        )

    def _deal(
        self, acquirer: Mention | None, target: Mention | None, sent: Span, start: int, rule: str, confidence: float
    ) -> Iterator[Draft]:
        """A deal told in the past tense is done: a 'proposed' status becomes 'completed'."""
        if acquirer is None or target is None or acquirer.key == target.key:
            return
        status = self._cue_status(sent, start, start + 1)  # "agreed to be bought by": not done yet
        yield self.draft(
            "acquisition",
            {"acquirer": acquirer.key, "target": target.key},
            sent,
            rule,
            confidence,
            status="completed" if status == "proposed" and self._past(start) else status,
        )

    def _past(self, start: int) -> bool:
        """ "was taken over", "sold" tell a done deal; "agreed to sell", "will be taken over" do not."""
        sent = self.sents[self.sent_index[start]]
        window = {t.lower_ for t in self.doc[max(sent.start, start - 3) : start + 1]}
        return not window & as_set(self.lex["future_words"])
