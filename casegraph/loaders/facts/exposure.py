"""Exposures: the party with money at risk at a counterparty, and how much.

News states one exposure in many shapes; each cue label says which side comes first:
``exposure`` cues have the party at risk before them ("lent $5M to", "had $3.3bn held at",
"verlies van 40 miljoen op"), ``debt`` cues the debtor ("owes", "borrowed from", "schuld bij"),
``debt_last`` cues both parties before them ("X is Y 10 miljoen verschuldigd"), ``creditors`` cues
a list of creditors of one debtor ("FTX's largest creditors include Genesis ($175M)"), ``paper`` cues a
holding of an issuer's bonds ("holds €22m of Vela bonds"). The amount is the sum stated for that
pair; a group total ("owed $1bn by A and B"), a share, or the size of a fraud ("a $50bn fraud")
gives none.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from spacy.tokens import Span

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.lexicon import as_set, lexicon
from casegraph.loaders.money import Money, fiat_for_coins, find_unit, parse_number
from casegraph.loaders.places import never_names, place_adjective
from casegraph.loaders.recognize import Mention
from casegraph.schemas import PartyType

PART_OF = re.compile(r"^\s*(?:of|van)\s+(?:the|de|het|its|their|zijn|haar|hun)?\s*(?:[\w'’]+\s+)?$", re.IGNORECASE)
FIGURE = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?$")
TOPIC_CUES = {"BANKRUPT_SUBJ", "BANKRUPT_OBJ", "SUSPEND"}
MONEY_CUES = {"EXPOSURE", "DEBT", "DEBT_LAST", "LOSS", "LOSS_LAST", "HELD_AT", "PAPER"}
CONVERSION = re.compile(  # "2,4 miljard won (omgerekend ruim 1,7 miljoen euro)": the sum as stated comes first
    r"^\s*[(\[]\s*(?:(?:about|around|roughly|nearly|almost|some|or|of|worth|converted|ongeveer|circa|ca\.|omgerekend"
    r"|zo'n|ruim|bijna|goed)\s*)*$", re.IGNORECASE)


@cache
def _sizing(lang: str) -> re.Pattern[str]:
    """The nouns an amount can measure that are no sum at risk ("a $50 billion fraud")."""
    nouns = sorted(lexicon(lang)["not_at_risk_nouns"], key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(re.escape(n) for n in nouns)})\b", re.IGNORECASE)


@cache
def _firm_nouns(lang: str) -> tuple[str, ...]:
    """The one-word firm nouns of the language ("exchange", "*beurs" -> "beurs") a described name ends on."""
    return tuple(n.strip("*") for n in lexicon(lang)["firm_cues"] if " " not in n and n.strip("*"))


def one_direction(drafts: list[Draft]) -> list[Draft]:
    """One sentence read both ways for a pair ("heeft een lening van 5 miljoen uitstaan bij Vela": the
    loan noun reads as a debt, "uitstaan bij" as money out): the verb of money at risk wins over the
    debt noun."""
    pairs = {
        (d.sentence.start, d.roles["exposed"], d.roles["counterparty"])
        for d in drafts
        if d.type == "exposure" and d.sentence is not None and not d.rule.startswith("fact.exposure.debt")
    }
    return [
        d
        for d in drafts
        if not (
            d.type == "exposure"
            and d.sentence is not None
            and d.rule.startswith("fact.exposure.debt")
            and (d.sentence.start, d.roles["counterparty"], d.roles["exposed"]) in pairs
        )
    ]


class ExposureRules(Finder):
    # ----------------------------------------------------------------- the cue shapes
    def on_exposure(self, start: int, end: int) -> Iterator[Draft]:
        """Creditor first: "Marlin had $120 million locked in Vela", "lent $48M to Vela and $5M to
        Ostwind", "Quandle's investment in Ostwind", "verloor 40 miljoen op Vela"."""
        yield from self._pairs(start, end, creditor_first=True)
        yield from self._lent_on(start, end)

    def _lent_on(self, start: int, end: int) -> Iterator[Draft]:
        """ "A further C$58.5m was advanced to Vela": a passive loan with no lender in the sentence is
        one more of the loans the sentence before gave to a firm by name ("Marlin's own loans went
        mostly to developers")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if self.doc[start].lower_ not in as_set(self.lex["lent_participles"]) or not self._passive(start):
            return
        firms = self._firms(number)
        agent = any(t.lower_ in as_set(self.lex["by_words"]) for t in self.doc[end : sent.end])
        if agent or any(m.start < start for m in firms):
            return  # "Marlin's $5m was lent to Vela", "... to Vela by Marlin": the lender is told
        counter = next((m for m in firms if m.start >= end and self._close_after(end, m.start)), None)
        money = self._money_between(sent, sent.start, start)
        told = self.told(number)
        debts = as_set(self.lex["debt_nouns"])
        lenders = {
            m.key: m
            for n in told
            for m in self._firms(n)
            if m.end + 1 < len(self.doc)
            and self.doc[m.end].text in {"'s", "’s"}
            and {t.lower_ for t in self.doc[m.end + 1 : m.end + 3]} & debts
        }
        if counter is None or len(money) != 1 or len(lenders) != 1:
            return
        lender = next(iter(lenders.values()))
        if lender.key != counter.key:
            yield self._exposure(lender, counter, sent, "fact.exposure.lent_on", money[0])

    def on_at_risk(self, start: int, end: int) -> Iterator[Draft]:
        """Money at risk with no counterparty in the sentence: "the pension fund, which had £38.5m
        invested", "Access has an exposure of $1.4 billion", "Ook BNG Bank heeft geld uitstaan: een
        lening van 20 miljoen euro": at the firm whose failure or suspension the text is about."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        objects = as_set(self.lex["at_risk_objects"])
        around = self.doc[max(sent.start, start - 6) : min(sent.end, end + 8)]
        told = [m for m in firms if m.start >= end and not any(t.text == "," for t in self.doc[end : m.start])]
        if told or any(t.lower_ in objects for t in around):
            return  # "invested with Vela", "exposure of $5m to Russian banks", "4 miljoen in Vela uitstaan": told
        money = self._money_between(sent, max(sent.start, start - 6), min(sent.end, end + 10))
        exposed = self._subject(number, start, firms)
        counter = self._topic(start)
        if exposed is None or counter is None or exposed.key == counter.key or not money:
            return
        if any(s == exposed.end for s, _ in self.rec.roles):
            return  # "the fund where former GMAC chairman X is a manager has an exposure": GMAC names a role
        yield self._exposure(exposed, counter, sent, "fact.exposure.topic", self._nearest(money, start))

    def on_claim(self, start: int, end: int) -> Iterator[Draft]:
        """A creditor's claim on a failed firm: "Hunzestroom meldde zich bij de curator met een
        rekening van 1,3 miljoen euro", "lodged a claim for $4m", "loopt 800.000 euro aan huur mis":
        the claimant is exposed to the firm 'against'/'tegen'/'op' names, else to the text's topic."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        exposed = self._subject(number, start, firms)
        money = self._money_between(sent, start, sent.end) or self._money_between(sent, sent.start, start)
        if exposed is None or not money or any(0 <= m.start - end <= 1 for m in firms):
            return  # "put its balance at Vela at $31m": the place is named, an exposure cue reads it
        against = as_set(self.lex["claim_against"])
        named = [m for m in firms if m.start > start and self.doc[m.start - 1].lower_ in against]
        counter = named[0] if named else (self._apposed_counterparty(exposed, firms)
                                          or self._failed_party(number, {exposed.key}) or self._topic(start))
        if counter is not None and counter.key != exposed.key and self.type_of(exposed) is FIRM:
            yield self._exposure(exposed, counter, sent, "fact.exposure.claim", self._nearest(money, start))

    def _apposed_counterparty(self, party: Mention, firms: list[Mention]) -> Mention | None:
        """ "Barclays, the largest outside investor in the fund, put its loss at": the firm the
        claimant's apposition calls it an investor in, a creditor or lender of."""
        lay = self.layout
        if party.end >= len(self.doc) or lay.orth[party.end] != ",":
            return None
        nouns = as_set(self.lex["counterparty_roles"])
        preps = as_set(self.lex["to_words"]) | as_set(self.lex["of_words"])
        for i in range(party.end + 1, min(len(self.doc) - 1, party.end + 8)):
            if lay.orth[i] in {",", ";", "."}:
                return None
            if lay.lower[i] in nouns and lay.lower[i + 1] in preps:
                after = [m for m in firms if i + 1 < m.start <= i + 4 and "," not in lay.orth[i + 1 : m.start]]
                return after[0] if after else None
        return None

    def on_held_there(self, start: int, end: int) -> Iterator[Draft]:
        """ "Mapleton put its deposits there at $62.4m", "Zandhove heeft er 40 miljoen euro ondergebracht":
        'there' is the firm the sentence before held money at ("were held at Harrowgate")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        money = self._money_between(sent, sent.start, sent.end)
        exposed = self._subject(number, start, firms) or next((m for m in firms if m.end <= start), None)
        told = self.told(number)
        places = [m for n in told for m in self._firms(n) if self._after_word(m, self.lex["to_words"])]
        if exposed is None or not money or len(money) > 1 or len({m.key for m in places}) != 1:
            return
        if places[0].key != exposed.key:
            yield self._exposure(exposed, places[0], sent, "fact.exposure.there", money[0])

    def on_unpaid(self, start: int, end: int) -> Iterator[Draft]:
        """A debtor that does not pay: "Kollund Re has refused to pay £14m of recoverables", "Andes,
        Vela's biggest customer, is behind by $27m in rent": the party owed is the one named after
        'to' in the clause, else the firm the text is about."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        debtor = self._subject(number, start, firms)
        money = self._money_between(sent, end, min(sent.end, end + 8))
        if debtor is None or self.type_of(debtor) is PERSON or len(money) != 1:
            return
        to_words = as_set(self.lex["to_words"])
        owed = next((m for m in firms if m.start > end and self.doc[m.start - 1].lower_ in to_words), None)
        creditor = owed or self._topic(start)
        if creditor is not None and creditor.key != debtor.key:
            yield self._exposure(creditor, debtor, sent, "fact.exposure.unpaid", money[0])

    def on_invoice(self, start: int, end: int) -> Iterator[Draft]:
        """A bill not paid, told from the side of the one who sent it: "Kestrel Audits invoiced Vela
        $260,000 and has not been paid", "has sent Vela a demand for €180,000 in unpaid fees", "houdt
        Vela aansprakelijk voor 1,2 miljoen aan onbetaalde facturen": the debtor is named in the cue."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if not self.has_any(sent, self.lex["unpaid_signals"]):
            return  # "Vela invoiced Marlin $2m last year": a sale, nothing said to be owed
        firms = self._firms(number)
        creditor = self._subject(number, start, firms)
        debtor = next((m for m in firms if start < m.start <= end), None)
        if creditor is None or debtor is None or creditor.key == debtor.key or self.type_of(creditor) is PERSON:
            return
        money = self._money_between(sent, debtor.end, sent.end)
        if money:
            yield self._exposure(creditor, debtor, sent, "fact.exposure.invoice", money[0])

    def on_debt(self, start: int, end: int) -> Iterator[Draft]:
        """Debtor first: "Brightwave owes Vela $310 million", "Redkite had defaulted on $500M",
        "Vela's $40M loan from Marlin", "Vela heeft een schuld van 5 miljoen bij Marlin"."""
        by = as_set(self.lex["by_words"])
        if self.doc[start].lower_ == "owed":
            agent = any(t.lower_ in by for t in self.doc[end : end + 12])
            opening = not any(t.is_alpha for t in self.doc[self.sents[self.sent_index[start]].start : start])
            reduced = start > 0 and self.doc[start - 1].text == ","  # "1. Meridian Co., owed $22.4 million"
            reduced = reduced and not self._owed_to(start, end)  # "Vela, its unit, owed S$14m to Marlin"
            if (self._passive(start) or reduced) and not agent:
                yield from self._owed_by_topic(start, end)  # "Lindenhof, which is owed $318 million"
                return
            elif opening and not agent:
                yield from self._owed_by_topic(start, end, fronted=True)  # "Owed EUR 22m, the reinsurer Vela"
            if agent or self._passive(start) or opening:
                return  # "Vela is owed $5M by Marlin", "debt owed by Vela": the creditor's side
        yield from self._pairs(start, end, creditor_first=self._loan_to(start, end))

    def on_loan_from_to(self, start: int, end: int) -> Iterator[Draft]:
        """ "A loan of ¥600 million from Senba Shinyo Kinko, a regional credit cooperative, to Tech Bureau
        falls due in March": the lender after 'from', the borrower after 'to', no party before."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        money = self._money_between(sent, start, end)
        lender = next((m for m in firms if 0 <= m.start - end <= 1), None)
        if lender is None or len(money) != 1 or any(m.start < start for m in firms):
            return
        to = as_set(self.lex["loan_to_words"])
        after = self._apposition_end(lender, sent)
        borrower = next((m for m in firms if m.start > lender.end and m.start - 1 >= after
                         and self.layout.lower[m.start - 1] in to), None)
        if borrower is not None and borrower.key != lender.key:
            yield self._exposure(lender, borrower, sent, "fact.exposure.loan", money[0])

    def _loan_to(self, start: int, end: int) -> bool:
        """ "heeft een krediet van 12 miljoen euro aan (de Weense ontwikkelaar) Vela openstaan": a loan of a
        sum to a party is the subject's lending, not its debt ("een lening van 5 miljoen bij Vela" is)."""
        if self.layout.lower[end - 1] not in as_set(self.lex["of_words"]):
            return False
        sent = self.sents[self.sent_index[start]]
        after = next((m for m in self._firms(self.sent_index[start]) if m.start >= end), None)
        to, lower = as_set(self.lex["loan_to_words"]), self.layout.lower
        return after is not None and after.start < sent.end and any(
            lower[i] in to and (i == after.start - 1 or self._described_name(i + 1, after))
            for i in range(end, after.start))

    def _owed_to(self, start: int, end: int) -> bool:
        """ "owed $5 million to Marlin": the active verb, its creditor after 'to' (not "owed $5 million
        in unpaid fees", the creditor's side of a list)."""
        number = self.sent_index[start]
        firms = [m for m in self._firms(number) if m.start > end and self._close_after(end, m.start)]
        return bool(firms) and self._after_word(firms[0], self.lex["fronted_creditor_words"])

    def _owed_by_topic(self, start: int, end: int, fronted: bool = False) -> Iterator[Draft]:
        """ "Lindenhof, which is owed $318 million under a mortgage", "Owed EUR 22m in unpaid premiums,
        the reinsurer Brennholt is among the creditors", no debtor named in the sentence: the firm the
        text is about owes it."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        if fronted:
            comma = next((t.i for t in self.doc[end : sent.end] if t.text == ","), None)
            after = [m for m in firms if comma is not None and m.start > comma]
            creditor = after[0] if after and not [m for m in firms if m.start < comma] else None
        elif any(m.start >= end for m in firms):
            later = [m for m in firms if m.start >= end]
            money = self._money_between(sent, sent.start, start)
            if self._owed_to(start, end) and len(money) == 1 and not [m for m in firms if m.start < start]:
                # "Some $8.9 million in unpaid bills is owed to Llano Grid": the sum is the subject
                debtor = self._topic(start)
                if debtor is not None and debtor.key != later[0].key:
                    yield self._exposure(later[0], debtor, sent, "fact.exposure.owed", money[0])
            return  # "is owed $5M on loans to Vela": the debtor is named
        else:
            creditor = self._subject(number, start, firms)
            words = {t.lower_ for t in self.doc[creditor.end : start]} if creditor is not None else set()
            if words & (as_set(self.lex["complementizers"]) | as_set(self.lex["speech_verbs"])):
                return  # "X told the court that clients are owed $118m": the clients are, not X
        debtor = self._topic(start)
        money = self._money_between(sent, end, min(sent.end, end + 4))
        if creditor is None or debtor is None or creditor.key == debtor.key or not money:
            return
        yield self._exposure(creditor, debtor, sent, "fact.exposure.owed", money[0])

    def on_debt_last(self, start: int, end: int) -> Iterator[Draft]:
        """Both parties before the verb: "Vela is Marlin nog 12 miljoen euro verschuldigd"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        before = [m for m in self._firms(number) if m.end <= start and start - m.end <= 16]
        if len(before) == 1:
            yield from self._owed_to_after(number, before[0], start, end)
            return
        if len(before) < 2 or before[-1].key == before[-2].key:
            return
        debtor, creditor = before[-2], before[-1]
        if self._fronted_to(debtor, sent):  # "Aan Rabobank is Vela 420 miljoen verschuldigd": Rabobank lent
            debtor, creditor = creditor, debtor
        money = self._money_between(sent, debtor.end, start)
        if not money:
            return  # "schuldig" without a sum is guilt, not debt
        yield self._exposure(creditor, debtor, sent, "fact.exposure.debt", money[-1])
        gapped = self._gapped(end, sent, self.lex.get("fronted_creditor_words", []))
        if gapped is not None:  # "..., aan ABN AMRO 310 miljoen euro": another creditor of the same debtor
            other, sum_, marked = gapped
            pair = (other, debtor) if marked else (creditor, other)
            if pair[0].key != pair[1].key:
                yield self._exposure(*pair, sent, "fact.exposure.debt", sum_)

    def on_must_pay_last(self, start: int, end: int) -> Iterator[Draft]:
        """ "Dunamu moet het bedrijf nog 41.000 euro betalen", "Aan Kanda moet Bitpoint nog 800 miljoen
        yen aflossen": a sum the debtor must still pay, both parties before the verb. Without the modal
        ("Vela wil Marlin 5 miljoen betalen voor de overname") the sum is a price, not a debt."""
        number = self.sent_index[start]
        sent = self.sents[number]
        before = [m for m in self._firms(number) if m.end <= start]
        if len(before) < 2 or any(m.rule.startswith("coref.") for m in before[-2:]):
            return  # "Dunamu moet het bedrijf nog 41.000 euro betalen": which firm 'het bedrijf' is, is unsure
        modal = next((t.i for t in self.doc[sent.start : start] if t.lower_ in as_set(self.lex["debt_modals"])), None)
        first, second = before[-2], before[-1]
        if modal is not None and first.end <= modal < second.start and (
                first.end == modal or second.start == modal + 1):  # not "facturen die Vela nog moet betalen"
            yield from self.on_debt_last(start, end)

    def _owed_to_after(self, number: int, debtor: Mention, start: int, end: int) -> Iterator[Draft]:
        """ "Vela is 900.000 euro verschuldigd aan softwareleverancier Marlin": the creditor after 'aan',
        a description of one or two words allowed before its name."""
        sent = self.sents[number]
        if end >= sent.end or self.doc[end].lower_ not in as_set(self.lex["fronted_creditor_words"]):
            return
        creditor = next((m for m in self._firms(number) if end < m.start <= end + 3), None)
        if creditor is None or creditor.key == debtor.key:
            return
        if not all(t.is_alpha and t.is_lower for t in self.doc[end + 1 : creditor.start]):
            return
        money = self._money_between(sent, debtor.end, start)
        if len(money) == 1:
            yield self._exposure(creditor, debtor, sent, "fact.exposure.debt", money[0])

    def _fronted_to(self, mention: Mention, sent: Span) -> bool:
        """The sentence opens with 'aan' and ``mention`` is its object, an article and one adjective
        allowed between ("Aan het Noorse Fjordline is Vela 11 miljoen schuldig")."""
        gap = self.doc[sent.start + 1 : mention.start]
        opener = self.doc[sent.start].lower_ in set(self.lex.get("fronted_creditor_words", []))
        return opener and (len(gap) <= 2 or self._described_name(sent.start + 1, mention)) and all(
            t.is_alpha for t in gap)

    def on_lent_last(self, start: int, end: int) -> Iterator[Draft]:
        """The verb last, the borrower after 'aan' (or 'in'), fronted or not: "Aan Vela, dat failliet
        is, had Marlin 37 miljoen euro uitgeleend", "Marlin heeft 5 miljoen euro in Vela gestoken"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        before = [m for m in self._firms(number) if m.end <= start]
        if self.doc[sent.start].lower_ in as_set(self.lex["by_words"]):
            yield from self._lent_by(sent, before, start)  # "Door Anadolu werd BtcTurk een lening verstrekt"
            return
        objects = [m for m in before if self._after_word(m, self.lex["lent_to_words"])]
        if not objects and (v2 := self._fronted_object(number, before)) is not None:
            objects = [v2]
        if not objects:
            yield from self._lent_to_after(number, before, start, end)
            return
        if len({m.key for m in objects}) != 1:
            return
        taker = objects[0]
        fronted = taker.start - sent.start <= 2 or self._fronted_object(number, before) is taker
        if not fronted and start - taker.end > 1:
            return  # "aan Vela" right before the verb, or put first in the sentence
        lead = [t.lower_ for t in self.doc[max(sent.start, taker.start - 4) : taker.start]]
        borrowed = self.doc[start].lower_ in set(self.lex.get("borrowed_participles", []))
        if borrowed and set(lead) & set(self.lex.get("borrowed_from_words", [])):
            return  # "Bij Vela heeft Marlin 5 miljoen geleend": Marlin borrowed it from Vela
        others = [m for m in before if m.key != taker.key and (m.start > taker.end) == fronted]
        if fronted:
            asides = self._asides(taker.end, start)
            others = [m for m in others if not any(a <= m.start < b for a, b in asides)]
            giver = others[-1] if len({m.key for m in others}) == 1 else None
        else:
            giver = self._subject(number, taker.start, others)
        money = self._money_between(sent, (giver.end if giver else start), start)
        if giver is None or not money:
            return
        yield self._exposure(giver, taker, sent, "fact.exposure.lent", money[-1])
        gapped = self._gapped(end, sent, self.lex["lent_to_words"])
        if gapped is not None:  # "... in het fonds belegd en de verzekeraar Marlin 15 miljoen": another giver
            other, sum_, marked = gapped
            pair = (giver, other) if marked else (other, taker)
            if pair[0].key != pair[1].key:
                yield self._exposure(*pair, sent, "fact.exposure.lent", sum_)

    def _lent_to_after(self, number: int, before: list[Mention], start: int, end: int) -> Iterator[Draft]:
        """ "Shell en Uniper hebben elk 950 miljoen euro geleend aan Vela": the borrower after the verb."""
        sent = self.sents[number]
        taker = next((m for m in self._firms(number) if m.start == end + 1
                      and self.layout.lower[end] in as_set(self.lex["lent_to_words"])), None)
        giver = self._subject(number, start, before) if taker is not None and before else None
        if giver is None or giver.key == taker.key:
            return
        together = self._joint_subject(giver, before)
        if len(together) > 1:
            yield from self._joint_exposure(together, taker, sent)
        elif money := self._money_between(sent, giver.end, start):
            yield self._exposure(giver, taker, sent, "fact.exposure.lent", money[-1])

    def _lent_by(self, sent: Span, before: list[Mention], start: int) -> Iterator[Draft]:
        """The passive with its agent put first: "Door Anadolu Capital werd BtcTurk vorig jaar een lening
        van 4 miljoen dollar verstrekt": the agent lent, the one other party took."""
        giver = next((m for m in before if m.start == sent.start + 1 or self._described_name(sent.start + 1, m)), None)
        takers = {m.key: m for m in before if giver is not None and m.start > giver.end and m.key != giver.key}
        money = self._money_between(sent, giver.end, start) if giver is not None else []
        if giver is not None and len(takers) == 1 and len(money) == 1:
            yield self._exposure(giver, next(iter(takers.values())), sent, "fact.exposure.lent", money[0])

    def on_stake_for(self, start: int, end: int) -> Iterator[Draft]:
        """The party put first with 'for', its sum told after: "Voor ABN AMRO, dat het wagenpark
        financierde, gaat het om een krediet van 38 miljoen euro", "For Marlin, the damage comes to
        $1.3bn, the amount Vela failed to pay": at risk at the one other firm of the sentence, else at
        the firm whose failure the text tells."""
        number = self.sent_index[start]
        sent = self.sents[number]
        opening = self._past_dateline(sent)
        if self.doc[opening].lower_ in as_set(self.lex["fronting_adverbs"]):
            opening += 1
        if self.doc[opening].lower_ not in as_set(self.lex["stake_for_words"]):
            return
        firms = self._firms(number)
        article = self.layout.lower[opening + 1] in as_set(self.lex["articles"])  # "For the Umlazi Stokvel, ..."
        noun = self.doc[opening + 1].is_lower and self.layout.lower[opening + 1].endswith(_firm_nouns(self.lang))
        # "Voor expeditiebedrijf X", not "Voor Hanzebank N.V."
        party = next((m for m in firms if m.start == opening + 1 + (article or noun)
                      or self._described_name(opening + 1, m)), None)
        if party is None or party.end > start or self.type_of(party) is not FIRM:
            return
        # "staat 4 miljoen vast"; "the figure is 310,000 NEM, which its administrator values at S$540,000"
        money = self._money_between(sent, max(party.end, start), min(sent.end, end + 14))
        if not money:
            return
        asides = self._asides(party.end, start)
        others = {m.key: m for m in firms if m.key != party.key and not any(a <= m.start < b for a, b in asides)}
        counter = next(iter(others.values())) if len(others) == 1 else None
        if not others:
            counter = self._failed_party(number, {party.key}) or self._topic(start)
        if counter is not None and counter.key != party.key:
            yield self._exposure(party, counter, sent, "fact.exposure.stake", money[0])

    def on_due_last(self, start: int, end: int) -> Iterator[Draft]:
        """Money still due back, the verb last, the debtor after 'van': "Vela moet van zijn
        betaaldienstverlener Marlin nog 420.000 euro terugkrijgen", "ING heeft nog 1,4 miljoen euro van
        Marlin tegoed": the subject is owed by the one party after 'van'."""
        number = self.sent_index[start]
        sent = self.sents[number]
        before = [m for m in self._firms(number) if m.end <= start]
        of = as_set(self.lex["due_from_words"])
        debtors = {m.key: m for m in before if self.doc[m.start - 1].lower_ in of or self._described_after(m, of)}
        if len(debtors) != 1:
            return
        debtor = next(iter(debtors.values()))
        creditor = self._subject(number, debtor.start, [m for m in before if m.key != debtor.key])
        money = self._money_between(sent, creditor.end if creditor else start, start)
        if creditor is not None and len(money) == 1 and self.type_of(creditor) is FIRM:
            yield self._exposure(creditor, debtor, sent, "fact.exposure.due", money[0])

    def _described_after(self, mention: Mention, words: set[str]) -> bool:
        """ "van zijn Estse betaaldienstverlener Marlin": one of ``words``, then a described firm noun."""
        i = next((i for i in range(mention.start - 1, max(-1, mention.start - 6), -1) if self.doc[i].lower_ in words),
                 None)
        return i is not None and self._described(i + 1, mention.start)

    def _gapped(self, end: int, sent: Span, marks: list[str]) -> tuple[Mention, Money, bool] | None:
        """A second conjunct with the verb left out, closing the sentence after a verb-last clause:
        "en de verzekeraar Marlin 15 miljoen euro", ", aan Ostwind 3 miljoen euro": the party, its
        sum, and whether a preposition of ``marks`` puts it in the other party's place."""
        tail = [t for t in self.doc[end : sent.end] if not t.is_space]
        while tail and tail[-1].is_punct:
            tail.pop()
        if not tail or (tail[0].text != "," and tail[0].lower_ not in as_set(self.lex["coordinators"])):
            return None
        parties = [m for m in self._firms(self.sent_index[end]) if m.start >= end]
        money = self._money_between(sent, end, sent.end)
        if len(parties) != 1 or len(money) != 1 or not tail or not self._is_money_token(tail[-1].i):
            return None
        other = parties[0]
        lead = [t for t in self.doc[tail[0].i + 1 : other.start]]
        marked = bool(lead) and lead[0].lower_ in set(marks)
        words = lead[1:] if marked else lead
        if len(words) > 3 or any(not t.is_alpha or t.is_title for t in words):
            return None  # only an article and a description between: "de verzekeraar"
        rest = self.doc[other.end : tail[-1].i + 1]
        if any(t.is_alpha and not self._is_money_token(t.i) for t in rest):
            return None  # the conjunct has a verb or more words of its own
        return other, money[0], marked

    def _fronted_object(self, number: int, before: list[Mention]) -> Mention | None:
        """The first party of a verb-second sentence when a preposition opens it and the finite verb
        follows the party: "Alleen al bij de Portugese hotelgroep Vela heeft Marlin ... uitstaan"."""
        sent = self.sents[number]
        first = before[0] if before else None
        second = set(self.lex.get("verb_second_auxiliaries", []))
        if first is None or first.start - sent.start > 7 or first.end >= sent.end:
            return None
        if self.doc[first.end].lower_ not in second:
            return None
        opening = [t.lower_ for t in self.doc[sent.start : min(first.start, sent.start + 3)]]
        return first if set(opening) & as_set(self.lex["lent_to_words"]) else None

    def _lent_to_described(self, mention: Mention, words: list[str]) -> bool:
        """The mention follows one of ``words``, with an article and a small word of description allowed
        between ("aan projectontwikkelaar Heirweg Vastgoed", "aan de bouwer X")."""
        gap = self.doc[max(0, mention.start - 3) : mention.start]
        marks = [t.i for t in gap if t.lower_ in words]
        return bool(marks) and all(t.is_lower and t.is_alpha for t in self.doc[marks[-1] + 1 : mention.start])

    def _after_word(self, mention: Mention, words: list[str]) -> bool:
        """The mention follows one of ``words`` (or phrases: "exposure to"), an article allowed between
        ("aan de gemeente")."""
        i = mention.start
        if i > 0 and self.doc[i - 1].lower_ in as_set(self.lex["articles"]):
            i -= 1
        return self.follows(i, words)

    def on_borrower(self, start: int, end: int) -> Iterator[Draft]:
        """ "Hollin Lane, its biggest borrower, failed to repay loans of $310m", "Vela's largest borrower
        is Marlin", "its largest borrower, the builder Marlin": the lender (the owner of the possessive,
        'its' the sentence's subject) is exposed to the borrower named beside the phrase; the sum is
        the one the clause tells after it."""
        yield from self._role_of_owner(start, end, owner_exposed=True)

    def on_investor(self, start: int, end: int) -> Iterator[Draft]:
        """ "Skovlund, the fund's biggest investor, said its units were worth EUR 145m", "its largest
        depositor, Marlin": the party named beside the phrase is exposed to the owner of the possessive."""
        yield from self._role_of_owner(start, end, owner_exposed=False)

    def _role_of_owner(self, start: int, end: int, owner_exposed: bool) -> Iterator[Draft]:
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        lead = list(self.doc[max(sent.start, start - 5) : start])
        marks = {"'s", "’s"} | as_set(self.lex["possessives"])
        own = next((i for i, t in enumerate(lead) if t.lower_ in marks), None)
        if own is None or not all(t.is_lower and t.is_alpha for t in lead[own + 1 :]):
            return  # "Vela's largest borrower", "its single biggest borrower": adjectives only between
        mark = lead[own].i
        named = next((m for m in firms if m.end == mark), None) if lead[own].text in {"'s", "’s"} else None
        lender = named or self._possessor(number, mark, firms)
        borrower = self._beside(named.start if named else mark, end, firms)
        if lender is None or borrower is None or lender.key == borrower.key:
            return
        money = self._money_between(sent, borrower.end if borrower.start > end else end, sent.end)
        pair = (lender, borrower) if owner_exposed else (borrower, lender)
        yield self._exposure(*pair, sent, "fact.exposure.borrower", money[0] if len(money) == 1 else None)

    def _possessor(self, number: int, mark: int, firms: list[Mention]) -> Mention | None:
        """Whose 'its' is: the firm the sentence opens with, past its dateline; for an 'its' opening
        the sentence, the one the sentence before opens with; else the text's topic."""
        sent = self.sents[number]
        lead = self._past_dateline(sent)
        opening = [m for m in firms if lead <= m.start and m.end <= mark and m.start - lead <= 3]
        told = self.told(number)
        if not opening and mark == lead and told:
            before = self.sents[told[0]]
            opening = [m for m in self._firms(told[0]) if m.start - self._past_dateline(before) <= 3]
        return opening[0] if opening else self._topic(mark)

    def _beside(self, mark: int, end: int, firms: list[Mention]) -> Mention | None:
        """The party the borrower phrase describes: "Vela, its borrower," or "its borrower, (the
        builder) Vela" / "its borrower is Vela"."""
        if mark > 0 and self.doc[mark - 1].text == ",":
            before = next((m for m in firms if m.end == mark - 1), None)
            if before is not None:
                return before
        gap = 3 if end < len(self.doc) and self.doc[end].text == "," else 2
        after = next((m for m in firms if end < m.start <= end + gap + 3), None)
        if after is None:
            return None
        words = [t for t in self.doc[end : after.start] if not t.is_punct]
        copulas = as_set(self.lex["copulas"])
        described = all(t.is_lower or place_adjective(t.text, self.lang) for t in words) and len(words) <= 4
        return after if (not words or words[0].lower_ in copulas or described) else None

    def on_loss_last(self, start: int, end: int) -> Iterator[Draft]:
        """Both parties before the verb: "Marlin is Vela 57 miljoen dollar kwijt"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        before = [m for m in self._firms(number) if m.end <= start and start - m.end <= 12]
        if len(before) < 2 or before[-1].key == before[-2].key or before[-1].start - before[-2].end > 2:
            return
        money = self._money_between(sent, before[-1].end, start)
        if money:
            yield self._exposure(before[-2], before[-1], sent, "fact.exposure.loss", money[-1])

    def on_creditors(self, start: int, end: int) -> Iterator[Draft]:
        """A creditor list: "Vela's largest creditors include Marlin ($120M) and Ostwind ($40M)",
        "de grootste schuldeisers van Vela zijn Marlin en Ostwind", and table lines under it."""
        number = self.sent_index[start]
        sent = self.sents[number]
        debtor = self._debtor_of_list(number, start, end) or self._filer(number) or self._topic(start)
        if debtor is None:
            return
        if (member := self._one_of(number, start, debtor)) is not None:  # "X is one of Vela's largest creditors"
            yield self._exposure(member, debtor, sent, "fact.exposure.creditors", self._nearest(
                self._sent_money(sent), start))
            return
        yield from self._listed_at(number, end, debtor)
        yield from self._rows(number, debtor, find_unit(self.layout.span_text(sent), self.lang))

    def _one_of(self, number: int, start: int, debtor: Mention) -> Mention | None:
        """ "Marlin is one of the largest creditors of Vela, with $5m", "Marlin is met 1,7 miljoen een van
        de grotere inleggers bij Vela": the subject before the copula is one of the list."""
        lower = self.layout.lower
        phrase = next((p for p in self.lex["one_of_words"] if lower[max(0, start - len(p.split())) : start]
                       == p.split()), None)
        if phrase is None:
            return None
        at = start - len(phrase.split())
        others = [m for m in self._firms(number) if m.key != debtor.key]
        member = self._subject(number, at, others)
        copula = member is not None and as_set(self.lex["copulas"]) & set(lower[member.end : at])
        return member if copula else None

    def on_holders_at(self, start: int, end: int) -> Iterator[Draft]:
        """A list of those with money at one place: "Councils that had money at the bank were: A, £6.1
        million; B, £800,000", "Gemeenten met geld bij Vela zijn A (2 miljoen euro) en B"."""
        number = self.sent_index[start]
        places = {m.key: m for m in self._firms(number) if start < m.start and m.end <= end}
        if len(places) == 1:
            yield from self._listed_at(number, end, next(iter(places.values())))

    def _listed_at(self, number: int, end: int, debtor: Mention) -> Iterator[Draft]:
        """Each firm listed after ``end`` is at risk at ``debtor``, with the sum beside it."""
        sent = self.sents[number]
        listed = [m for m in self._firms(number) if m.start >= end and m.key != debtor.key]
        for creditor in listed:
            money = self._money_between(sent, creditor.end, min(creditor.end + 6, sent.end)) or self._past_apposition(
                sent, creditor)
            if not money and len(listed) == 1:  # "De grootste schuldeiser, met 4 miljoen dollar, is Vela"
                ahead = self._money_between(sent, end, creditor.start)
                money = ahead if len(ahead) == 1 else []
            if not money and len(listed) > 1 and creditor is not listed[0]:
                continue  # past the list: "... include Marlin, said Ostwind"
            yield self._exposure(creditor, debtor, sent, "fact.exposure.creditors", money[0] if money else None)

    def _past_apposition(self, sent: Span, party: Mention) -> list[Money]:
        """The sum right after the apposition that follows the party: "Ankura Trust, the indenture
        trustee for the holders, at $729 million"."""
        doc = self.doc
        if party.end >= sent.end or doc[party.end].text != ",":
            return []
        close = next((i for i in range(party.end + 1, min(sent.end, party.end + 16)) if doc[i].text == ","), None)
        return self._money_between(sent, close, min(sent.end, close + 5))[:1] if close is not None else []

    def on_table(self, start: int, end: int) -> Iterator[Draft]:
        """Rows under a sentence that ends in a colon, after a debt or a creditor list was told:
        "Vela owes its lenders EUR1.7bn. The largest amounts:" / "Marlin AG ...... EUR 200m"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if any(t.is_alpha for t in self.doc[end : sent.end]):
            return
        ends = self.__dict__.get("_exposure_cue_ends")
        if ends is None:
            ends = self.__dict__["_exposure_cue_ends"] = {e for label, _, e in self.rec.cues if label == "EXPOSURE"}
        if start in ends:
            yield from self._listed_counterparties(number, start)  # "... owed the largest sums by:"
            return
        told = self.told(number + 1, 3)
        for n in told:
            for label, s, e in self.rec.cues:
                if self.sent_index[s] != n or label not in {"DEBT", "CREDITORS"}:
                    continue
                listing = label == "CREDITORS"
                continued = n < number  # "The list of creditors is topped by X. Further down the list:"
                debtor = (self._debtor_of_list(n, s, e) or (self._filer(n) if continued else None)) if listing else (
                    self._subject(n, s, self._firms(n)))
                if debtor is not None:
                    yield from self._rows(number, debtor)
                    return
        borrower = self._loans_to(number)
        if borrower is not None:
            yield from self._rows(number, borrower)
            return
        header = sent
        if number and sum(t.is_alpha for t in sent) <= 3:
            header = self.doc[self.sents[number - 1].start : sent.end]  # "... the largest claims. In order:"
        if any(t.lower_ in as_set(self.lex["claim_list_words"]) for t in header):
            firms = self._firms(number)
            against = as_set(self.lex["claim_against"])  # "Claims lodged against Abraaj Holdings:"
            named = [m for m in firms if m.start and self.layout.lower[m.start - 1] in against]
            # "A schedule ranks the largest claims:" names no firm: the column line's, the filer's or the text's
            after = next((n for n in range(number + 1, min(len(self.sents), number + 4))
                          if any(t.is_alpha for t in self.sents[n])), number)
            debtor = next(iter(named), None) if firms else (
                self._header_debtor(after) or self._filer(number) or self._topic(start))
            if debtor is not None:
                yield from self._rows(number, debtor)
                return
        rows = list(self._holder_rows(number)) or list(self._rows_held_at(number))
        yield from rows or self._places_of_unnamed(number)

    def _loans_to(self, number: int) -> Mention | None:
        """ "Loans to Thurrock still outstanding in March:": a header on loans to a party, no lender
        before it; the rows are its lenders."""
        firms = self._firms(number)
        debts = as_set(self.lex["debt_nouns"])
        return next((m for label, s, e in self.rec.cues for m in firms
                     if label == "EXPOSURE" and m.start == e and self.sent_index[s] == number
                     and self.layout.lower[s] in debts and not any(f.start < s for f in firms)), None)

    def _rows_held_at(self, number: int) -> Iterator[Draft]:
        """A header on the rows' own money at one place: "their holdings in the fund were:", "Those
        that confirmed their deposits include:" after "thirty bodies had money at the bank": each row
        is at risk at the place named after the holding noun, else at the one place the sentence before
        held money at."""
        sent = self.sents[number]
        owners, holdings = as_set(self.lex["row_owners"]), as_set(self.lex["row_holdings"])
        firms = self._firms(number)
        to_words = as_set(self.lex["to_words"])

        def placed(mark: int) -> list[Mention]:
            return [m for m in firms if 0 < m.start - mark <= 4
                    and any(t.lower_ in to_words for t in self.doc[mark + 1 : m.start + 1])]

        # "their holdings in the fund were:", "money stuck at the Bermuda unit:" (a place named after it)
        marks = [t.i for t in sent if t.lower_ in holdings
                 and (owners & {w.lower_ for w in self.doc[max(sent.start, t.i - 2) : t.i]} or placed(t.i))]
        if len(marks) != 1:
            return
        named = placed(marks[0])
        if firms and not named:
            return  # "their holdings of Vela bonds with Marlin": not one place
        place = named[0] if named else None
        if place is None:
            told = self.told(number)
            places = {m.key: m for n in told for m in self._firms(n) if self._after_word(m, self.lex["to_words"])}
            place = next(iter(places.values())) if len(places) == 1 else None
        if place is not None:
            for row, money in self._table_lines(number, place):
                yield self._exposure(row, place, self.sents[self.sent_index[row.start]], "fact.exposure.table", money)

    def _places_of_unnamed(self, number: int) -> list[Draft]:
        """A breakdown after money told held at places not named: "$83 million of its capital is tied
        up at three failed platforms. The letter broke the figure down by venue:", "Het bedrijf somt
        zijn tegoeden bij omgevallen platforms op:": the rows are the places, the holder is exposed."""
        for n in [number, *self.told(number, 1)]:
            firms = self._firms(n)
            for label, s, e in self.rec.cues:
                if label != "EXPOSURE" or self.sent_index[s] != n:
                    continue
                if any(m.start >= e for m in firms if self.type_of(m) is FIRM):
                    continue  # "tied up at Vela": the place is named
                if not as_set(self.lex["unnamed_places"]) & {t.lower_ for t in self.doc[e : e + 4]}:
                    continue  # money at places a list will name: "at three failed platforms"
                holder = self._subject(n, s, firms)
                if holder is not None and self.type_of(holder) is FIRM:
                    return [
                        self._exposure(holder, row, self.sents[self.sent_index[row.start]], "fact.exposure.table", sum_)
                        for row, sum_ in self._table_lines(number, holder)
                    ]
        return []

    def _listed_counterparties(self, number: int, colon: int) -> Iterator[Draft]:
        """A header whose exposure cue ends at the colon: "the trust holds the largest sums owed by:",
        "heeft die stichting de grootste bedragen tegoed van:": the rows are the counterparties, the
        one party named in the header is at risk."""
        named = {m.key: m for m in self._firms(number) if m.end <= colon}
        if len(named) != 1:
            return
        exposed = next(iter(named.values()))
        for row, money in self._table_lines(number, exposed):
            yield self._exposure(exposed, row, self.sents[self.sent_index[row.start]], "fact.exposure.table", money)

    def _holder_rows(self, number: int) -> Iterator[Draft]:
        """A header naming the rows as the holders of one firm ("what the trader's banks have drawn:",
        "the bondholders of Vela:") without a debt cue: each row is at risk at that firm, the owner
        of the holder word (another firm in the header, or the text's topic, is too loose a guess)."""
        sent = self.sents[number]
        holders = as_set(self.lex["holder_words"]) | as_set(self.lex["holder_words_owned"])
        of_words = as_set(self.lex["of_words"])
        marks = [t.i for t in sent if t.lower_ in holders]
        firms = self._firms(number)
        owners = {}
        for i in marks:  # "Vela's (other) banks", "the trader's lenders", "creditors of Vela"
            for m in firms:
                possessive = m.end < i and self.doc[m.end].text in {"'s", "’s"} and i - m.end <= 2
                of = m.start > i and self.doc[i + 1].lower_ in of_words and m.start - i <= 3
                if possessive or of:
                    owners[m.key] = m
        if len(owners) == 1:
            yield from self._rows(number, next(iter(owners.values())))

    def _debtor_of_list(self, number: int, start: int, end: int) -> Mention | None:
        """Whose creditors: "Vela's creditors", "creditors of Vela", "among Vela's creditors", "its
        creditors" (the firm the sentence before was about)."""
        firms = self._firms(number)
        before = next((m for m in reversed(firms) if m.end <= start and start - m.end <= 3), None)
        if before is not None:
            return before
        inside = [m for m in firms if start < m.start and m.end < end]
        owner = len({m.key for m in inside}) == 1 and self.doc[inside[0].end].text in {"'s", "’s"}
        if owner or (len({m.key for m in inside}) == 1 and inside[0].end == end - 1):
            return inside[0]  # "Among Vela's other creditors, Marlin is owed $5m", "Largest Vela holders"
        after = next((m for m in firms if 0 <= m.start - end <= 2), None)
        if after is not None and self.doc[end].lower_ in as_set(self.lex["of_words"]):
            return after
        sent = self.sents[number]
        if as_set(self.lex["possessives"]) & {t.lower_ for t in self.doc[max(sent.start, start - 4) : start]}:
            told = self.told(number)
            for n in told:
                opening = [m for m in self._firms(n) if m.start - self.sents[n].start <= 3]
                return opening[0] if opening else None
        return None

    def header_rows(self) -> Iterator[Draft]:
        """A header on a line of its own with no stop ("WHO IS WAITING FOR MONEY", "Schuldeisers") over
        rows "Pinelands Equity Club: $640,000.": each row's firm is owed by the firm the text is about."""
        words = as_set(self.lex["header_row_words"])
        for number, sent in enumerate(self.sents):
            if len(sent) > 16 or not words & {t.lower_ for t in sent}:
                continue
            text = self.layout.span_text(sent).strip()
            if not text or text[-1] in ".:;!?,\"”":
                continue
            if not (self._opens_line(sent.start) and "\n" in sent[-1].text_with_ws):
                continue
            debtor = self._header_debtor(number) or self._topic(sent.start)
            if debtor is not None:  # "Blootstelling aan Drava (in miljoenen euro)", "Owed (£m)"
                yield from self._rows(number, debtor, find_unit(text, self.lang))

    def _header_debtor(self, number: int) -> Mention | None:
        """The one firm a table's header or column line names as the one the rows have claims on:
        "Claim on Varnock Re, $bn", "Blootstelling aan Drava Bank", "Exposure to Vela"."""
        found = {m.key: m for m in self._firms(number) if self._after_word(m, self.lex["header_debtor_words"])}
        return next(iter(found.values())) if len(found) == 1 else None

    def _bullet(self, i: int) -> bool:
        """Token ``i`` marks a row, not its party: a bullet or a row's number ("2.", "#3", "-")."""
        token = self.doc[i]
        return token.is_punct or token.like_num or token.text.strip("#.)").isdigit()

    def _opens_line(self, i: int) -> bool:
        """Token ``i`` is the first of its line, past a bullet or a row's number ("2. Tollcross")."""
        while i > 0 and "\n" not in self.doc[i - 1].text_with_ws and self._bullet(i - 1):
            i -= 1
        return i == 0 or "\n" in self.doc[i - 1].text_with_ws

    def _rows(self, number: int, debtor: Mention, unit: tuple[float, str] | None = None) -> Iterator[Draft]:
        """Table lines after sentence ``number``, each row's firm a creditor of ``debtor``."""
        for row, money in self._table_lines(number, debtor, unit):
            yield self._exposure(row, debtor, self.sents[self.sent_index[row.start]], "fact.exposure.table", money)

    def _table_lines(
        self, number: int, other: Mention, unit: tuple[float, str] | None = None
    ) -> Iterator[tuple[Mention, Money]]:
        """Table lines after sentence ``number``: a firm opening a short line with an amount, or with
        a bare figure under a header that gives the unit ("US$ million"); a first line of column
        names without a party or a sum ("Lender | Facility | Drawn (US$m)") may give the unit."""
        first = True
        for later in self.sents[number + 1 : number + 30]:
            if not any(t.is_alpha for t in later):
                continue
            if not first and not self._opens_line(later.start):
                continue  # "Pinelands Equity Club: $640,000. The club says ...": the row's own words
            money = self._money_between(later, later.start, later.end) or self._figure(later, unit)
            piped = any(t.text == "|" for t in later)  # "Client | Assets held at Ravensby": column names
            named = bool(self._firms(self.sent_index[later.start]))
            short = first and not money and len(later) <= 16
            found = find_unit(self.layout.span_text(later), self.lang) if short else None
            columns = short and (piped or not named or found is not None)  # "Claim on Varnock Re, $bn"
            first = False
            if columns and found is not None:
                unit = unit or found
                continue
            if columns and piped:
                continue
            row = [m for m in self._firms(self.sent_index[later.start]) if m.key != other.key]
            labelled = bool(row) and row[0].start == later.start and self.doc[row[0].end].text == ":"
            if not money or (len(later) > 16 and not labelled):  # "Tuul Valley Hosting: $1.9 million, it says."
                break
            sum_first = row and all(self._is_money_token(i) or self.doc[i].is_space
                                    for i in range(later.start, row[0].start))
            if row and (row[0].start - self._past_bullet(later) <= 1 or sum_first):  # "£40m   Vela Council" too;
                yield row[0], money[-1]  # a row whose party is unknown is passed over

    def _past_bullet(self, row: Span) -> int:
        """The first word of a row past its bullet or number ("#3 - Vela Finance - loans - $6.75m")."""
        i = row.start
        while i < row.end - 1 and self._bullet(i):
            i += 1
        return i

    def _figure(self, row: Span, unit: tuple[float, str] | None) -> list[Money]:
        """The bare figure closing a table row ("Straits Union Bank ...... 812") in the header's unit."""
        if unit is None:
            return []
        last = next((t for t in reversed(row) if not t.is_space and not t.is_punct), None)
        if last is None or not FIGURE.match(last.text):
            return []
        try:
            amount = parse_number(last.text, self.lex["decimal_comma"]) * unit[0]
        except ValueError:
            return []
        return [Money(amount, unit[1], last.idx, last.idx + len(last.text))]

    def _filer(self, number: int) -> Mention | None:
        """Whose list of claims: the firm that filed, the subject of the nearest bankruptcy told in the
        five sentences before ("Fells Harbor filed for Chapter 11. ... The list of the 20 largest
        unsecured creditors is led by Seabright")."""
        for n in range(number - 1, max(-1, number - 6), -1):
            cues = [s for label, s, _ in self.rec.cues if label == "BANKRUPT_SUBJ" and self.sent_index[s] == n]
            if cues:
                return self._subject(n, cues[0], [m for m in self._firms(n) if m.end <= cues[0]])
        return None

    def _topic(self, at: int) -> Mention | None:
        """The firm the text is about when a list or a loss names no other ("Largest bank creditors:"
        in a text on Kallang's failure): the firm named most, a point more for being named in the
        headline or lead and two for a sentence telling its bankruptcy, suspension or failure; only a
        clear first counts. Its last mention before ``at`` stands for it."""
        topic = self.__dict__.get("_topic_key", "")
        if topic == "":
            failing = {self.sent_index[s] for label, s, _ in self.rec.cues if label in TOPIC_CUES}
            words = self.lex["failure_words"]
            failing |= {n for n in self.by_sent if n not in failing and self.has_any(self.sents[n], words)}
            lead = [n for n, sent in enumerate(self.sents[:12]) if any(t.is_alpha for t in sent)][:3]
            scores = Counter(m.key for m in self.rec.mentions if self.type_of(m) is FIRM)
            for bonus, numbers in ((2, failing), (1, lead)):
                scores.update({k: bonus for k in {m.key for n in numbers for m in self._firms(n)} if k in scores})
            ranked = scores.most_common(2)
            clear = ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            topic = self.__dict__["_topic_key"] = ranked[0][0] if clear else None
        if topic is None:
            return None
        return next((m for m in reversed(self.rec.mentions) if m.key == topic and m.end <= at), None)

    def on_loss(self, start: int, end: int) -> Iterator[Draft]:
        """A loss names the party that lost and, after a preposition or in a "when" clause, the one it
        lost on: "Marlin lost $3bn to Vela", "Marlin suffered a $5bn loss when Vela defaulted", "in 2021
        verloor de bank 5 miljard toen Vela omviel"; with none named, the party whose collapse or
        default the text has just told ("Other banks such as Marlin and Ostwind also lost money")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if end < sent.end and self.doc[end].lower_ in as_set(self.lex["beneficiary_words"]):
            return  # "miljarden aan verlies voor Silvergate": the one after 'voor' lost, not the one before
        firms = self._firms(number)
        first = self._subject(number, start, firms)
        placed = None  # "heeft 18 miljoen euro in het fonds verloren": the verb last, the fund its object
        if first is not None and start - first.end <= 1 and self._after_word(first, self.lex.get("lent_to_words", [])):
            placed, firms = first, [m for m in firms if m.key != first.key]
            first = self._subject(number, placed.start, firms)
        if first is None and placed is None:  # "verloor de bank": the subject after the verb
            first = next((m for m in firms if 0 <= m.start - end <= 2), None)
        if first is None:
            return
        before = [m for m in firms if m.end <= start and m.start <= first.start]
        if before and before[-1] is first:  # "banks like Marlin, Ostwind and Vela lost": the whole list
            first = self._list_head(before, self._subject_back(before))
        losers = self.followers(first, [m for m in firms if m.start > first.start and m.end <= start])
        losers = [m for m in losers if self.type_of(m) in {FIRM, PartyType.GOVERNMENT}]  # "the council lost"
        lost = {x.key for x in losers}
        after = [m for m in self._firms(number, persons=True) if m.start >= end and m.key not in lost]
        counter = placed or next((m for m in after if self._close_after(end, m.start)), None)
        if counter is None:
            counter = self._failed_party(number, {m.key for m in losers})
        if counter is None and not after:
            counter = self._the_paper_after(end, sent)
        topical = counter is None and not after  # "Meridian lost $38m": on the firm whose fall the text tells
        if topical:
            counter = self._topic(start)
        if counter is None:
            return
        if not losers:
            return
        lo = losers[0].end if self._passive(start) else max(sent.start, start - 4)  # "£2m of its reserves were lost"
        money = self._money_between(sent, lo, min(sent.end, end + 8)) or self._fronted_sum(sent, losers[0].start)
        money = money if len(losers) == 1 else []
        if topical and not money:
            return
        for loser in losers:
            if loser.key != counter.key:
                yield self._exposure(loser, counter, sent, "fact.exposure.loss", self._nearest(money, start))

    def topic_exposures(self, drafts: list[Draft]) -> Iterator[Draft]:
        """The last resort for a sum no cue read: a sentence with one sum, the firm the text is about and
        one other firm or council, and no fact of its own ("Quorrell Trading said about $14 million of its
        margin sits on BitMEX", "Wittebrug Beheer belegde 450.000 dollar via Africrypt") puts the other's
        money at that firm; with the firm named first, only money it holds at the other ("Het fonds heeft
        een positie bij de beurs Baltrix"). Words of lending, paying, capital, sales, fines and group
        totals (``topic_money_blockers``) leave the sentence alone: who is at risk there is not clear."""
        money_facts = {"exposure", "charge", "acquisition"}  # an officer named in the sentence reads no sum
        told = {d.sentence.start for d in drafts if d.sentence is not None and d.type in money_facts}
        failed = {d.roles["firm"] for d in drafts if d.type in {"bankruptcy", "withdrawal_suspension"}}
        blockers = as_set(self.lex["topic_money_blockers"])
        at_words = as_set(self.lex["holding_prepositions"])
        claims = as_set(self.lex["claim_nouns"])
        phrases = self.lex.get("claim_phrases", [])
        places = never_names()
        lead = next((n for n, sent in enumerate(self.sents) if any(t.is_alpha for t in sent)), 0)
        for number, sent in enumerate(self.sents):
            money = self._sent_money(sent)
            if number == lead or sent.start in told or len(money) != 1 or self.words(sent) & blockers:
                continue
            firms = self._firms(number)
            topic = self._topic(sent.end)
            if topic is None:
                continue
            keys = {m.key for m in firms}
            claimed = self.words(sent) & claims or any(f" {p} " in f" {self.layout.span_text(sent).lower()} "
                                                       for p in phrases)  # "zegt nog 14.800 euro te goed te hebben"
            if keys and topic.key not in keys and topic.key in failed and claimed:
                if len(keys) == 1 and self.type_of(firms[0]) is FIRM:  # "Bitkelder heeft een erkende vordering
                    yield self._exposure(firms[0], topic, sent, "fact.exposure.topic", money[0])  # van 312 bitcoin"
                continue
            if len(keys) != 2 or topic.key not in keys:
                continue
            other = next(m for m in firms if m.key != topic.key)
            if other.key in failed or self.rec.parties[other.key].name.lower() in places:
                continue
            if any(m.key == topic.key and self._on_behalf(m) for m in firms):  # "holds €3.4m it collected
                yield self._exposure(topic, other, sent, "fact.exposure.topic", money[0])  # on Vela's behalf"
                continue
            named = [m for m in firms if m.key == topic.key and not self.owns_next(m)]  # "Hodlnaut's customers"
            if not named or other.start < named[0].start:
                yield self._exposure(other, topic, sent, "fact.exposure.topic", money[0])
                continue
            before = self.doc[max(sent.start, other.start - 4) : other.start]
            if any(t.lower_ in at_words for t in before) and not any(t.text == "," for t in before):
                yield self._exposure(named[0], other, sent, "fact.exposure.topic", money[0])

    def _list_head(self, before: list[Mention], head: Mention) -> Mention:
        """The first of a list closed by 'and': "Nomura, Morgan Stanley and UBS" from Morgan Stanley."""
        i = before.index(head)
        coordinators = as_set(self.lex["coordinators"])
        if not any(coordinators & {t.lower_ for t in self.doc[a.end : b.start]} for a, b in pairwise(before[i:])):
            return head
        while i > 0 and [t.text for t in self.doc[before[i - 1].end : before[i].start]] == [","]:
            i -= 1
        return before[i]

    def _failed_party(self, number: int, exclude: set[str]) -> Mention | None:
        """The firm whose collapse, default or failure this sentence or the two before tell."""
        words = self.lex["failure_words"]
        told = self.told(number, 2)
        for n in [number, *told]:  # a blank line between paragraphs is no sentence
            sent = self.sents[n]
            if not self.has_any(sent, words):
                continue
            marks = [
                i
                for i in range(sent.start, sent.end)
                if any(self.layout.text(i, min(i + len(w.split()), sent.end)).lower() == w for w in words)
            ]
            firms = [m for m in self._firms(n, persons=True) if m.key not in exclude and self.type_of(m) is not PERSON]
            near = [m for m in firms if any(-4 <= i - m.end <= 6 or 0 <= m.start - i <= 3 for i in marks)]
            if n == number:  # in the loss's own sentence only a "when" clause: "lost $5bn when Vela defaulted"
                whens = as_set(self.lex["when_words"])
                near = [m for m in near if {t.lower_ for t in self.doc[max(sent.start, m.start - 4) : m.start]} & whens]
            if len({m.key for m in near}) == 1:
                return near[0]
        return None

    def on_held_at(self, start: int, end: int) -> Iterator[Draft]:
        """An amount held at a firm: "Circle had $3.3 billion at Vela", "Coinbase had 240 miljoen
        dollar bij de bank staan"; a holding verb in the clause, the amount just before the preposition."""
        number = self.sent_index[start]
        sent = self.sents[number]
        opening = self._past_dateline(sent)
        adverbs = as_set(self.lex["fronting_adverbs"])
        if start == opening or (start == opening + 1 and self.doc[opening].lower_ in adverbs):
            yield from self._fronted_at(number, end)  # "(Ook) bij ING heeft Vela nog 25 miljoen euro staan"
            return
        if start - opening in (1, 2) and self.doc[start - 1].lower_ in as_set(self.lex["fronted_place_verbs"]):
            place = next((m for m in self._firms(number) if 0 <= m.start - end <= 2 or self._described_name(end, m)),
                         None)
            if place is not None:  # "Daarnaast staat bij Vela nog 3,8 miljoen euro van Marlin"
                yield from self._lent_out_at(number, place) or self._owner_at_place(number, place)
            return
        money = self._money_between(sent, max(sent.start, start - 9), start)  # "€ 12 mln op een deposito bij"
        firms = self._firms(number)
        counter = next((m for m in firms if 0 <= m.start - end <= 1 or self._described_name(end, m)), None)
        if counter is not None and counter.start - end == 1 and self.layout.lower[end] in as_set(
                self.lex["holding_nouns"]):
            return  # "bought with money the council had borrowed": whose money, not where it is
        if counter is not None and self._on_behalf(counter):
            return  # "holds €3.4m it collected on Vela's behalf": Vela's money, not money at Vela
        bracketed = self._bracketed_sums(sent, [m for m in firms if m.end <= start]) if counter is not None else []
        verbs = as_set(self.lex["holding_verbs"])
        if bracketed and any(t.lower_ in verbs for t in self.doc[bracketed[-1][0].end : start]):
            # "A (2,1 miljoen dollar) en B (8,5 miljoen euro) hebben geld bij X"
            for holder, sum_ in bracketed:
                yield self._exposure(holder, counter, sent, "fact.exposure.held", sum_)
            return
        if not money and counter is not None:
            yield from self._loan_at(number, counter)
            yield from self._claim_at(number, start, counter)
            return
        if not money or counter is None:
            return
        others = [m for m in firms if m.key != counter.key]
        exposed = self._subject(number, start, others) or self._apposed_opening(number, start, others)
        if exposed is None:
            return
        held = any(t.lower_ in verbs for t in self.doc[exposed.end : min(sent.end, counter.end + 3)])
        at = self._token_of(sent, money[-1])
        cash = {t.lower_ for t in self.doc[at:start]} & as_set(self.lex["holding_nouns"])  # "$212m in cash was at"
        held = held or bool(cash)
        if not held and not self._apposed_holding(exposed):
            return
        if {t.lower_ for t in self.doc[exposed.end : counter.start]} & as_set(self.lex["debt_nouns"]):
            return  # "heeft een lening van 180 miljoen bij Vela": borrowed from Vela, not held there
        issuer = self._issuer_held(exposed, end)
        if issuer is None:
            return
        if issuer:
            exposed, counter = counter, exposed  # "$25m of Vela bonds sit with Marlin": Marlin holds them
        yield self._exposure(exposed, counter, sent, "fact.exposure.held", money[-1])

    def _issuer_held(self, party: Mention, end: int) -> bool | None:
        """ "$250m in Vela notes sit with Marlin": the party before the cue issued the paper, the one
        after 'with' holds it (True). Before 'at' the place is a custodian ("Vela bonds held at
        Euroclear"), no holder (None)."""
        if party.end >= len(self.doc) or self.layout.lower[party.end] not in as_set(self.lex["bought_paper_words"]):
            return False
        return True if self.layout.lower[end - 1] in as_set(self.lex["holder_with_words"]) else None

    def _on_behalf(self, party: Mention) -> bool:
        """ "on Vela's behalf", "on behalf of Vela": the party money is held for, not a place."""
        lower = self.layout.lower
        behalf = as_set(self.lex["behalf_words"])
        after = lower[party.end + 1] if party.end + 1 < len(self.doc) else ""
        return after in behalf or any(party.start >= k and lower[party.start - k] in behalf for k in (1, 2))

    def _bracketed_sums(self, sent: Span, before: list[Mention]) -> list[tuple[Mention, Money]]:
        """The listed parties each followed by its own sum in brackets, joined by commas or a
        coordinator: [(party, sum)], or [] when fewer than two or a link of the list is something else."""
        out: list[tuple[Mention, Money]] = []
        coordinators = as_set(self.lex["coordinators"])
        for m in before:
            close = next((i for i in range(m.end, min(sent.end, m.end + 8)) if self.doc[i].text == ")"), None)
            if m.end >= sent.end or self.doc[m.end].text != "(" or close is None:
                continue
            sums = self._money_between(sent, m.end + 1, close)
            if len(sums) == 1:
                out.append((m, sums[0]))
        links = [self.layout.lower[a[0].end : b[0].start] for a, b in itertools.pairwise(out)]
        if len(out) < 2 or not any(set(g) & coordinators for g in links):
            return []
        return out if all(")" in g and len(g) <= 12 for g in links) else []

    def _described_name(self, end: int, mention: Mention) -> bool:
        """ "bij de Litouwse handelsbeurs Vela", "at the Lisbon exchange Vela", "bij zijn clearer, Vela":
        after the preposition an article or a possessive, up to two adjectives and a firm's noun stand
        before the name."""
        lower = self.layout.lower
        if not 2 <= mention.start - end <= 5 or lower[end] not in as_set(self.lex["articles"]) | as_set(
                self.lex["possessives"]):
            return False  # asked for every firm of the sentence: decided before any Token is made
        gap = self.doc[end : mention.start - 1 if lower[mention.start - 1] == "," else mention.start]
        return (len(gap) >= 2 and gap[-1].is_lower and gap[-1].lower_.endswith(_firm_nouns(self.lang))
                and all(t.is_alpha for t in gap[1:]))  # "bij zijn clearer, Vela": a possessive and a comma too

    def _loan_at(self, number: int, lender: Mention) -> Iterator[Draft]:
        """ "Vela heeft bij ING een scheepshypotheek van 22 miljoen euro lopen": a loan named after the
        place, its sum after the loan's noun; the place lent it to the subject."""
        sent = self.sents[number]
        borrower = self._subject(number, lender.start, [m for m in self._firms(number) if m.key != lender.key])
        debts = tuple(as_set(self.lex["debt_nouns"]))
        i = lender.end + (lender.end < sent.end and self.doc[lender.end].lower_ in as_set(self.lex["articles"]))
        noun = i if i < sent.end and self.doc[i].lower_.endswith(debts) else None
        if borrower is None or noun is None or self._firms(number)[-1].start > lender.start:
            return
        money = self._money_between(sent, noun, min(sent.end, noun + 6))
        if len(money) == 1 and self.doc[noun + 1].lower_ in as_set(self.lex["of_words"]):
            yield self._exposure(lender, borrower, sent, "fact.exposure.held", money[0])

    def _claim_at(self, number: int, start: int, place: Mention) -> Iterator[Draft]:
        """ "Ruhrtal heeft bij Vela nog 1,2 miljoen euro aan openstaande facturen": the sum right after
        the place, a word of a claim after it; the subject is owed by the place."""
        sent = self.sents[number]
        money = self._money_between(sent, place.end, min(sent.end, place.end + 4))
        if len(money) != 1:
            return
        after = {t.lower_ for t in self.doc[place.end : min(sent.end, place.end + 12)]}
        if not after & as_set(self.lex["claim_words"]) or after & as_set(self.lex["debt_nouns"]):
            return
        others = [m for m in self._firms(number) if m.key != place.key]
        holder = self._subject(number, start, others)
        if holder is not None and self.type_of(holder) is not PERSON:
            yield self._exposure(holder, place, sent, "fact.exposure.held", money[0])

    def _fronted_at(self, number: int, end: int) -> Iterator[Draft]:
        """The place put first, the verb second: "Bij ING heeft Vela nog 25 miljoen euro staan" (Vela's
        money at ING), "Bij ING had Vela een kredietlijn van 25 miljoen euro lopen" (ING lent it)."""
        sent = self.sents[number]
        firms = self._firms(number)
        place = next((m for m in firms if 0 <= m.start - end <= 2 or self._described_name(end, m)), None)
        second = as_set(self.lex["verb_second_auxiliaries"])
        if place is None or place.end >= sent.end:
            return
        party = next((m for m in firms if m.start == place.end + 1 or m.start == place.end + 2), None)
        standing = self.doc[place.end].lower_ in as_set(self.lex["fronted_place_verbs"])
        if standing and party is not None and self.has_any(self.doc[party.end : sent.end], self.lex["in_debt"]):
            money = self._money_between(sent, party.end, sent.end)  # "Bij ING staat Vela in het krijt, voor 14 miljoen"
            if len(money) == 1 and party.key != place.key:
                yield self._exposure(place, party, sent, "fact.exposure.held", money[0])
            return
        if standing or self._apposed_then(place, sent):
            verb = place.end if standing else self._apposition_end(place, sent)
            articles = as_set(self.lex["articles"])
            holder = next((m for m in firms if m.key != place.key and (m.start == verb + 1 or (
                m.start == verb + 2 and self.doc[verb + 1].lower_ in articles))), None)
            money = self._money_between(sent, verb, sent.end)
            if holder is not None and len(money) == 1:  # "Bij Vela, een ontwikkelaar, zit het fonds voor 9 miljoen in"
                yield self._exposure(holder, place, sent, "fact.exposure.held", money[0])
                return
            yield from self._owner_at_place(number, place)
            return
        if self.doc[place.end].lower_ not in second:
            return
        if party is None or party.key == place.key:
            return
        money = self._money_between(sent, party.end, sent.end)
        if len(money) != 1:
            return
        rest = {t.lower_ for t in self.doc[party.end : sent.end]}
        if rest & as_set(self.lex["debt_nouns"]) or self.has_any(self.doc[party.end : sent.end], self.lex["in_debt"]):
            yield self._exposure(place, party, sent, "fact.exposure.held", money[0])
        elif rest & as_set(self.lex["holding_verbs"]) - second:
            yield self._exposure(party, place, sent, "fact.exposure.held", money[0])

    def _apposition_end(self, place: Mention, sent: Span) -> int:
        """The word after the apposition that follows ``place`` ("Bij Vela, de bewaarder, staat"), or -1."""
        doc = self.doc
        if doc[place.end].text != ",":
            return -1
        close = next((i for i in range(place.end + 1, min(sent.end, place.end + 10)) if doc[i].text == ","), None)
        return close + 1 if close is not None and close + 1 < sent.end else -1

    def _apposed_then(self, place: Mention, sent: Span) -> bool:
        """ "Bij Vela, de bewaarder van het fonds, staat": an apposition, then a verb of standing."""
        after = self._apposition_end(place, sent)
        return after >= 0 and self.doc[after].lower_ in as_set(self.lex["fronted_place_verbs"])

    def _lent_out_at(self, number: int, owner: Mention) -> list[Draft]:
        """ "Omgekeerd staat bij Vela een voorschot van 40 miljoen uit bij Marlin": money out ('uit') at a
        second place is the first place's, lent to the second."""
        sent, lower = self.sents[number], self.layout.lower
        phrases = as_set(self.lex.get("lent_out_at", []))
        out = next((i for i in range(owner.end, sent.end - 2) if f"{lower[i]} {lower[i + 1]}" in phrases), None)
        if out is None:
            return []
        place = next((m for m in self._firms(number) if 0 <= m.start - out - 2 <= 4
                      and not any(t.is_punct for t in self.doc[out + 2 : m.start])), None)  # "bij de Angolese bouwer X"
        money = self._money_between(sent, owner.end, out)
        if place is None or place.key == owner.key or len(money) != 1:
            return []
        return [self._exposure(owner, place, sent, "fact.exposure.held", money[0])]

    def _owner_at_place(self, number: int, place: Mention) -> Iterator[Draft]:
        """ "Bij Vela zat van Marlin 6,8 miljoen euro vast", "Bij Vela staat nog 3,8 miljoen euro aan
        middelen van Marlin": the one firm after 'van' owns the one sum held at the place."""
        sent = self.sents[number]
        of = as_set(self.lex["of_words"])
        owners = {m.key: m for m in self._firms(number) if m.start > place.end and m.key != place.key
                  and (self.doc[m.start - 1].lower_ in of or self._described_after(m, of))}
        money = self._money_between(sent, place.end, sent.end)
        if len(owners) == 1 and len(money) == 1:
            yield self._exposure(next(iter(owners.values())), place, sent, "fact.exposure.held", money[0])

    def _apposed_holding(self, party: Mention) -> bool:
        """A list row or apposition that says what the party holds: "Ravensrock Fund LP, holder of $15
        million of Vela's notes", "Oduya Ltd, with $4.1 million in balances at Vela"."""
        i = party.end
        return (
            i + 1 < len(self.doc)
            and self.doc[i].text == ","
            and self.doc[i + 1].lower_ in as_set(self.lex["holding_appositions"])
        )

    def _apposed_opening(self, number: int, start: int, firms: list[Mention]) -> Mention | None:
        """The firm opening the sentence past an apposition closed by a comma: "Kent County Council,
        the investor whose request triggered the suspension, still had £250m in the fund" -> Kent."""
        sent = self.sents[number]
        opening = next((m for m in firms if m.start - sent.start <= 2 and m.end < start), None)
        if opening is None:
            return self._described_opening(sent, start, firms)
        if self.doc[opening.end].text != ",":
            return None
        commas = [t.i for t in self.doc[opening.end + 1 : start] if t.text == ","]
        between = [m for m in self.in_sentence(number) if opening.end < m.start < start]
        clause = self._crosses(opening.end, start)
        return opening if len(commas) == 1 and not between and not clause else None

    def _described_opening(self, sent: Span, start: int, firms: list[Mention]) -> Mention | None:
        """ "A Wirral charity, the Heswick Trust, said its £2m at Vela": the firm named between the commas
        after an indefinite description opening the sentence."""
        doc = self.doc
        lead = self._past_dateline(sent)
        if doc[lead].lower_ not in as_set(self.lex["indefinite_articles"]):
            return None
        comma = next((i for i in range(lead, min(start, lead + 8)) if doc[i].text == ","), None)
        if comma is None:
            return None
        at = comma + 1 + (doc[comma + 1].lower_ in as_set(self.lex["articles"]))
        if at < start and doc[at].is_lower and doc[at].is_alpha:
            at += 1  # "Een Portugese zakenpartner, het wisselkantoor Lusitano Câmbios uit Porto, claimt"
        named = next((m for m in firms if m.start == at and m.end < start), None)
        if named is None:
            return None
        close = next((i for i in range(named.end, min(start, named.end + 4)) if doc[i].text == ","), None)
        return named if close is not None and not any(named.end <= m.start < close for m in firms) else None

    def on_paper(self, start: int, end: int) -> Iterator[Draft]:
        """A holding of a firm's paper, the sum just before it: "Sarvik Pension holds €22m of Vela
        bonds", "holds EUR15M of Vela's senior notes", "the DKK 200m of Vela bonds it held"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        issuer = next((m for m in firms if start < m.start and m.end < end), None)
        definite = as_set(self.lex["coref_determiners"])
        same = end - 3 > start and self.doc[end - 2].lower_ in as_set(self.lex["same_words"])
        if issuer is None and self.doc[end - (3 if same else 2)].lower_ in definite:
            issuer = self._paper_issuer(number)  # "held $85 million of the (same) notes": Vela's, told nearby
        money = self._money_between(sent, max(sent.start, start - 4), start)
        if issuer is None or not money or not self._is_money_token(start - 1):
            return  # "of the notes": whose paper the text does not say
        others = [m for m in firms if m.key != issuer.key]
        holder = self._subject(number, start, others) or self._apposed_opening(number, start, others)
        verbs = as_set(self.lex["holding_verbs"])
        at = self._token_of(sent, money[-1])
        owned = self.doc[at - 1].lower_ in as_set(self.lex["possessives"])  # "said its $46m of Vela notes were"
        if holder is None or not (
            any(t.lower_ in verbs for t in self.doc[holder.end : sent.end]) or self._apposed_holding(holder) or owned
        ):
            return
        joint = {t.lower_ for t in self.doc[holder.end : start]} & as_set(self.lex["joint_words"])
        holders = [holder]
        if joint:  # the list the holder closes: "A and B together bought"
            listed = [m for m in firms if m.key != issuer.key and m.end <= holder.end]
            glue = as_set(self.lex["coordinators"]) | as_set(self.lex["articles"]) | {","}
            i = listed.index(holder) if holder in listed else 0
            while i > 0 and {t.lower_ for t in self.doc[listed[i - 1].end : listed[i].start]} <= glue:
                i -= 1
            holders = listed[i:] or [holder]
        for each in holders:  # "A and B together bought $9m of the notes": each holds a part, no sum
            yield self._exposure(each, issuer, sent, "fact.exposure.paper", None if joint else money[-1])

    def on_paper_tail(self, start: int, end: int) -> Iterator[Draft]:
        """A holding of paper named by its issuer in one word: "had 14 miljoen euro aan Vela-obligaties",
        "heeft voor 45 miljoen euro aan achtergestelde Vela-obligaties in portefeuille"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        issuer = next((m for m in firms if m.end == start), None)
        if issuer is None:
            return
        holder = self._subject(number, issuer.start, [m for m in firms if m.key != issuer.key])
        money = self._money_between(sent, holder.end if holder else start, issuer.start)
        if holder is None or not money or self.type_of(holder) is not FIRM:
            return
        if {t.lower_ for t in self.doc[holder.end : issuer.start]} & as_set(self.lex["paper_tail_verbs"]):
            yield self._exposure(holder, issuer, sent, "fact.exposure.paper", money[-1])

    def on_paper_held_by(self, start: int, end: int) -> Iterator[Draft]:
        """Paper of an issuer told first, its holder last: "Van de obligaties van Vela is 30 miljoen euro
        in handen van verzekeraar Marlin"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number)
        words, of = as_set(self.lex["instrument_words"]), as_set(self.lex["of_words"])
        issuers = [m for m in firms if m.end <= start and m.start >= 2 and self.doc[m.start - 1].lower_ in of
                   and self.doc[m.start - 2].lower_ in words]
        if not issuers and start > 0 and self.doc[start - 1].lower_ in words:  # "failed to repay 897 million
            issuer = self._subject(number, start, [m for m in firms if m.end <= start])  # euros of commercial
            issuers = [issuer] if issuer is not None else []  # paper bought by Portugal Telecom": the debtor's
        nouns = _firm_nouns(self.lang)
        holder = next((m for m in firms if m.start == end or (m.start == end + 1 and self.layout.lower[end].endswith(
            nouns)) or self._described_name(end, m)), None)  # "in handen van (verzekeraar) Marlin"
        money = self._money_between(sent, sent.start, start)
        if len(issuers) == 1 and holder is not None and len(money) == 1 and holder.key != issuers[0].key:
            yield self._exposure(holder, issuers[0], sent, "fact.exposure.paper", money[0])

    def _paper_issuer(self, number: int) -> Mention | None:
        """Whose "the bonds" are: the issuer of the paper named with its name in the nearest sentence
        within three ("lost $40M on Vela AT1s"); none when two issuers are equally near."""
        words = as_set(self.lex["instrument_words"])

        def paper(m: Mention) -> bool:  # "Vela AT1s", "Vela's senior notes", "Vela AT1 bonds", "notes issued by Vela"
            after = [t for t in self.doc[m.end : m.end + 3] if t.text not in {"'s", "’s", "'"}]
            ahead = self.doc[max(0, m.start - 3) : m.start]  # "notes issued by Vela"
            issued = any(t.lower_ in words for t in ahead) and ahead[-1].lower_ in as_set(self.lex["by_words"])
            return issued or self._issuer(m) != m.key or any(t.lower_ in words for t in after[:2] if not t.is_punct)

        for distance in range(4):
            found = {}
            for n in {number - distance, number + distance}:
                if 0 <= n < len(self.sents):
                    found |= {self._issuer(m): m for m in self._firms(n) if paper(m)}
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return None

    def _the_paper_after(self, end: int, sent: Span) -> Mention | None:
        """ "a loss of NOK 310m on the bonds": the issuer of the paper named just after a loss."""
        words = as_set(self.lex["instrument_words"])
        definite = as_set(self.lex["coref_determiners"])
        for i in range(end, min(sent.end, end + 8) - 1):
            if self.doc[i].lower_ in definite and self.doc[i + 1].lower_ in words:
                return self._paper_issuer(self.sent_index[end])
        return None

    # ----------------------------------------------------------------- reading a pair
    def _pairs(self, start: int, end: int, creditor_first: bool) -> Iterator[Draft]:
        if end - start > 2 and self.follows(end, self.lex["according_words"]):
            return  # "… under a construction loan, according to the lender's letter": a source, no borrower
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self._firms(number, persons=True)  # "lent Wen £38,000", "Sterlingov borrowed 1.9m kronor"
        if creditor_first and self.doc[start].lower_ in as_set(self.lex["lent_participles"]) | as_set(
                self.lex["lend_or_borrow"]):  # a central bank lends: "the Bank of Spain had lent Popular €3.5bn"
            banks = [m for m in self.in_sentence(number, PartyType.REGULATOR) if self._central_bank(m)]
            firms = sorted(firms + banks, key=lambda m: m.start)
        held = {t.lower_ for t in self.doc[start:end]} & as_set(self.lex["holding_nouns"])  # "put its balance at"
        if self.doc[start].lower_ in as_set(self.lex["needs_amount"]) and not self._money_between(
            sent, max(sent.start, start - 8), min(sent.end, end + (8 if end - start == 1 or held else 0))
        ):
            return  # "placed into administration with", "held talks with": no sum, no exposure; "verstrekte
            # Vela een kredietlijn van 25 miljoen euro": the sum after a lone verb
        if self.doc[start].lower_ in as_set(self.lex.get("needs_loan", [])):
            named = {i for m in firms for i in range(m.start, m.end)}
            words = {t.lower_ for t in self.doc[end : min(sent.end, end + 12)] if t.i not in named}
            if not words & (as_set(self.lex["debt_nouns"]) | {"line"}):
                return  # "gave Vela a $38m warehouse line" lends; "gave Vela a $5m bonus" does not
        after = [m for m in firms if m.start >= end and self._close_after(end, m.start)]
        via = self.lex["intermediary_words"]  # "leende via het platform ... aan Vela": the platform only carried it
        after = [m for m in after if not self._after_word(m, via)]
        first = (self._subject(number, start, firms) or self._described_opening(sent, start, firms)
                 or self._pronoun_opening(number, start, firms))
        passive = None
        if first is None and creditor_first:  # "belegde de verzekeraar 25 miljoen in": after the verb
            first = next((m for m in firms if start < m.start and m.end <= end), None)
        if (first is None and creditor_first and after and self.doc[start].lower_ in as_set(self.lex["lend_or_borrow"])
                and (after[0].start == end or self._described_name(end, after[0]))):
            lender = [m for m in firms if m.start > after[0].end and m.start - after[0].end <= 8
                      and self._after_word(m, self.lex["borrowed_from_words"])]
            if lender:  # "Daarnaast leende de groep X 70 miljoen bij Marlin": X borrowed
                first, after = after[0], lender[:1]
        if first is None and creditor_first and len(after) == 1 and after[0].start == end:
            # the lender right after its verb: "Omgekeerd verstrekte Optima Bank een krediet van 7 miljoen aan X"
            lent_to = self.lex.get("lent_to_words", [])
            later = [m for m in firms if m.start > after[0].end and self._lent_to_described(m, lent_to)]
            if later and later[0].start - after[0].end <= 12:
                first, after = after[0], later[:1]
        if creditor_first and first is not None and after and after[0].start == end and self._fronted_to(first, sent):
            first, after = after[0], [first]  # "Aan de marktmaker X leende de beurs 2 miljoen": the beurs lent
        if creditor_first:
            pronoun = end < sent.end and self.doc[end].lower_ in self.lex["object_pronouns"]
            if not after and first is not None and pronoun:  # "FTX US, which backs Vela, had lent it $5M"
                after = self._pronoun_object(number, start, end, first)
            if not after and first is not None:  # "Vela, a developer to which Marlin had lent £54m"
                after = self._relative_antecedent(number, first)
            if not after and first is not None and end - start == 1:  # "Rabobank, die Vela 1,5 miljoen leende"
                after = self._object_in_relative(first, start, firms)
            passive = self._passive_pair(number, start, end, after[0]) if first is None and after else None
            if passive is not None:  # "$3m had been placed with Vela by Marlin", "is owed by Vela to Marlin"
                first, after = passive[0], [passive[1]]
            if not after or first is None or self.type_of(first) is PERSON:
                return
            counterparties = self._listed(after[0], firms)
            exposed = [first]
            issuer = self._issuer_held(first, end)
            if issuer is None:
                return
            if issuer:
                exposed, counterparties = counterparties[:1], exposed  # "$250m in Vela notes sit with Marlin"
            borrowed = self.doc[start].lower_ in as_set(self.lex["lend_or_borrow"]) and self.doc[
                after[0].start - 1].lower_ in as_set(self.lex["borrowed_from_words"])
            if borrowed and len(counterparties) == 1:  # "Vela leende 120 miljoen euro bij Marlin": Marlin lent
                exposed, counterparties = counterparties, exposed
            elif not issuer and len({c.key for c in counterparties}) == 1 and first.end <= start:
                together = self._joint_subject(first, firms)
                if len(together) > 1:  # "Shell, Uniper and OMV each lent €950m to Vela"
                    yield from self._joint_exposure(together, counterparties[0], sent)
                    return
        else:
            debtor = first
            if debtor is None:
                return
            pronoun = end < sent.end and self.doc[end].lower_ in self.lex["object_pronouns"]
            between = [m for m in self.in_sentence(number) if debtor.end <= m.start < start]
            if not after and pronoun and not between:  # "a builder that owes it $67m"; not "Marlin, which
                after = self._pronoun_object(number, start, end, debtor)  # says the broker owes it"
            if after:
                creditors = self._listed(after[0], firms)
            else:  # "Voyager said Redkite defaulted on a $650M loan": the speaker lent it
                speech = as_set(self.lex["speech_verbs"])
                speaker = [
                    m
                    for m in firms
                    if m.end <= debtor.start
                    and self.type_of(m) is FIRM
                    and any(t.lower_ in speech for t in self.doc[m.end : debtor.start])
                ]
                creditors = speaker[:1]
            counterparties = [debtor]
            exposed = [c for c in creditors if self.type_of(c) in {FIRM, PartyType.GOVERNMENT}]
        pairs = list({(e.key, c.key): (e, c) for e in exposed for c in counterparties if e.key != c.key}.values())
        if not pairs:
            return
        rule = "fact.exposure" if creditor_first else "fact.exposure.debt"
        far = max(m.end for pair in pairs for m in pair)
        if len(pairs) == 1:
            exposed_m, counter = pairs[0]
            lo = max(sent.start, min(exposed_m.start, counter.start, start) - 4)
            if passive is not None:
                lo = sent.start  # the sum is the passive's subject: "Another $3m had been placed with"
            money = (self._money_between(sent, lo, min(sent.end, far + 6)) or self._clause_sum(sent, far)
                     or self._fronted_sum(sent, min(exposed_m.start, counter.start)))
            yield self._exposure(exposed_m, counter, sent, rule, self._nearest(money, start))
            further = self._further(sent, far, self.doc[end - 1].lower_)
            if further is not None:  # "borrowed $44m from A under a facility, and a further $12.8m from B"
                other, sum_ = further
                pair = (exposed_m, other) if creditor_first else (other, counter)
                if pair[0].key != pair[1].key:
                    yield self._exposure(*pair, sent, rule, sum_)
            return
        # a list: "lent $48M to Vela and $5M to Ostwind", "owes Vela $5M and Ostwind $3M" give each
        # pair its own sum; "owed $1bn by Vela and Ostwind" gives none
        ends = [start] + [p[1].end for p in pairs[:-1]]
        ahead = [self._money_between(sent, lo, p[1].start) for lo, p in zip(ends, pairs, strict=True)]
        behind = [
            self._money_between(sent, p[1].end, nxt)
            for p, nxt in zip(pairs, [p[1].start for p in pairs[1:]] + [min(sent.end, far + 6)], strict=True)
        ]
        sums = next((s for s in (ahead, behind) if all(len(x) == 1 for x in s)), None)
        for i, (exposed_m, counter) in enumerate(pairs):
            yield self._exposure(exposed_m, counter, sent, rule, sums[i][0] if sums else None)

    def _pronoun_opening(self, number: int, start: int, firms: list[Mention]) -> Mention | None:
        """ "Vela halted withdrawals. It owes Marlin $2m": 'it' opening a sentence with no party before the
        cue is the firm that opened the sentence before."""
        told = self.told(number)
        if not told or self.layout.orth[self._past_dateline(self.sents[number])] != "It" or any(
                m.start < start for m in firms):
            return None  # only English 'It' written with a capital: Dutch 'Het' opens noun phrases
        if self.has_any(self.sents[told[0]], self.lex["speech_verbs"]):
            return None  # "Vela said Marlin Bank was sound. It is owed …": either may be meant
        return self.opener_before(number)

    def _joint_subject(self, last: Mention, firms: list[Mention]) -> list[Mention]:
        """The parties coordinated before the verb that ``last`` closes: "Shell, Uniper and OMV lent"."""
        before = [m for m in firms if m.end <= last.end]
        if last not in before:
            return [last]  # told in the sentence before ("It lent …")
        head = self._subject_back(before)
        group = self.followers(head, [m for m in before if m.start > head.start])
        return group if group[-1].key == last.key else [last]

    def _joint_exposure(self, lenders: list[Mention], counter: Mention, sent: Span) -> Iterator[Draft]:
        """Each of several parties at risk at one counterparty: the sum is each one's only when the sentence
        says so ("each", "elk"); a sum for them together is no one's."""
        each = any(t.lower_ in as_set(self.lex["each_words"]) for t in self.doc[lenders[-1].end : counter.start])
        money = self._money_between(sent, lenders[-1].end, min(sent.end, counter.end + 6))
        sum_ = money[0] if each and len(money) == 1 else None
        for lender in lenders:
            if lender.key != counter.key:
                yield self._exposure(lender, counter, sent, "fact.exposure", sum_)

    def _token_of(self, sent: Span, money: Money) -> int:
        """The token a sum of ``sent`` starts at."""
        return bisect_left(self.layout.idx, money.start, sent.start, sent.end)

    def _fronted_sum(self, sent: Span, first: int) -> list[Money]:
        """The sentence's one sum, put before its parties: "Ten minste 4,5 miljoen euro aan klantgeld
        heeft Vela uitgeleend aan", "Client assets worth €61 million had been placed by Vela with"."""
        money = self._money_between(sent, sent.start, sent.end)
        if len(money) != 1:
            return []
        at = self._token_of(sent, money[0])
        named = any(m.start < at for m in self.in_sentence(self.sent_index[sent.start]))
        return money if at - sent.start <= 6 and at < first and not named else []

    def _clause_sum(self, sent: Span, far: int) -> list[Money]:
        """The one sum told later in the same clause, no party or comma before it: "Op de rekening van
        Vela bij ING stond op de dag van het faillissement 2,1 miljoen euro"."""
        money = self._money_between(sent, far, sent.end)
        if not money:
            return []
        idx = self.layout.idx
        upto = next((i for i in range(far, sent.end) if idx[i] >= money[0].start), sent.end)
        if any(far <= m.start < upto for m in self.in_sentence(self.sent_index[far - 1])):
            return []
        if any(t.text in {",", ";", ":"} or t.lower_ in as_set(self.lex["clause_bounds"]) for t in self.doc[far:upto]):
            return []
        return money[:1]

    def _further(self, sent: Span, after: int, preposition: str) -> tuple[Mention, Money] | None:
        """ ", and a further $12.8 million from Soltero": one more sum under the same verb, to or from
        another party named right after the cue's own preposition."""
        words, coordinators = as_set(self.lex["further_words"]), as_set(self.lex["coordinators"])
        doc = self.doc
        i = next((i for i in range(after, sent.end - 2) if doc[i].lower_ in coordinators), None)
        if i is None or not {t.lower_ for t in doc[i + 1 : i + 3]} & words:
            return None
        money = self._money_between(sent, i + 1, min(sent.end, i + 8))
        prep = next((j for j in range(i + 2, min(sent.end, i + 10)) if doc[j].lower_ == preposition), None)
        if len(money) != 1 or prep is None:
            return None
        party = next((m for m in self._firms(self.sent_index[i]) if m.start == prep + 1), None)
        return (party, money[0]) if party is not None else None

    def _passive_pair(self, number: int, start: int, end: int, named: Mention) -> tuple[Mention, Mention] | None:
        """A passive whose subject is the sum: the agent after 'by' holds the money at the party named
        after the cue ("had been placed with Vela by Marlin"), or, when the cue ends in 'by', the debtor
        owes the party after 'to' ("£4m is owed by Vela to Marlin"): (party at risk, counterparty)."""
        be = as_set(self.lex["passive_be"])
        reduced = start > 0 and self.layout.lower[start - 1] in as_set(self.lex["debt_nouns"]) | {"line"}
        if not (self._passive(start) or reduced) and not any(t.lower_ in be for t in self.doc[start + 1 : end - 1]):
            return None  # "A loan of $5m was made to Vela by Marlin": the passive inside the cue; "a credit
            # line extended to Vela by Marlin": a participle after the loan it tells of
        firms = [m for m in self._firms(number) if m.start >= named.end]
        nxt = next((m for m in firms if 1 <= m.start - named.end <= 6), None)
        if nxt is None or nxt.key == named.key:
            return None
        lead = [t.lower_ for t in self.doc[named.end : nxt.start] if t.lower_ not in as_set(self.lex["articles"])]
        if lead and lead[-1] in as_set(self.lex["by_words"]) and self._date_words(lead[:-1]):
            lead = lead[-1:]  # "was made to Vela in 2022 by Marlin"
        if len(lead) != 1:
            return None
        by_cue = self.doc[end - 1].lower_ in as_set(self.lex["by_words"])
        if by_cue and lead[0] in as_set(self.lex["fronted_creditor_words"]):
            return nxt, named
        if not by_cue and lead[0] in as_set(self.lex["by_words"]):
            return nxt, named
        return None

    def _date_words(self, words: list[str]) -> bool:
        """ "in 2022", "in March", "op 3 maart" cut short: a preposition of time and a year or a month."""
        months = {m.lower() for m in self.lex["months"]}
        return (len(words) == 2 and words[0] in as_set(self.lex["date_prepositions"])
                and (words[1].isdigit() or words[1] in months))

    def _passive(self, i: int) -> bool:
        """ "is owed", "was also owed": a form of 'be' before the participle, adverbs allowed between."""
        be, adverbs = as_set(self.lex["passive_be"]), as_set(self.lex["auxiliaries"])
        for token in reversed(self.doc[max(0, i - 3) : i]):
            if token.lower_ in be:
                return True
            if token.lower_ not in adverbs:
                return False
        return False

    def _relative_antecedent(self, number: int, subject: Mention) -> list[Mention]:
        """The party a "to which" clause hangs on, when the clause's subject is the lender: "Vela Ltd,
        a solar developer to which Marlin had lent £54m" -> Vela; a description may stand between."""
        lower = [t.lower_ for t in self.doc[max(0, subject.start - 3) : subject.start]]
        if not any(" ".join(lower[i:]) in self.lex["relative_objects"] for i in range(len(lower))):
            return []
        before = [m for m in self._firms(number) if m.end <= subject.start - 2 and subject.start - m.end <= 9]
        if not before:
            return []
        gap = [t.lower_ for t in self.doc[before[-1].end : subject.start]]
        stops = as_set(self.lex["clause_bounds"]) | as_set(self.lex["coordinators"]) | as_set(self.lex["speech_verbs"])
        return [] if set(gap) & stops else before[-1:]

    def _object_in_relative(self, subject: Mention, cue: int, firms: list[Mention]) -> list[Mention]:
        """The one party between a relative pronoun and its verb, the sum after it: "Rabobank, die de
        handelaar vorig jaar 1,5 miljoen euro leende" lent the trader the sum."""
        doc, relative = self.doc, as_set(self.lex["relative_words"])
        if subject.end + 1 >= cue or doc[subject.end].text != "," or doc[subject.end + 1].lower_ not in relative:
            return []
        inside = [m for m in firms if subject.end + 1 < m.start and m.end <= cue]
        if len(inside) != 1 or not self._money_between(self.sents[self.sent_index[cue]], inside[0].end, cue):
            return []
        return inside

    def _pronoun_object(self, number: int, cue: int, at: int, subject: Mention) -> list[Mention]:
        """The firm an object pronoun stands for ("had lent it $5M"): the other firm named before it
        in the sentence, else the one the sentence before was about; none when two could fit, or
        when the lender is itself a pronoun ("money they lent it")."""
        if {t.lower_ for t in self.doc[subject.end : cue]} & as_set(self.lex["subject_pronouns"]):
            return []
        others = [m for m in self._firms(number) if m.end <= at and m.key != subject.key]
        if not others:
            told = self.told(number)
            others = [m for n in told for m in self._firms(n) if m.key != subject.key][:1]
        if len({m.key for m in others}) != 1:
            return []
        token = self.doc[at]
        return [Mention(at, at + 1, others[0].key, token.text, "coref.pronoun", 0.5, token.idx, token.idx + len(token))]

    def _issuer(self, mention: Mention) -> str:
        """ "lost $40M on Vela AT1s", "Vela bonds": the counterparty is Vela, the paper is what it issued."""
        *name, last = mention.text.split()
        if not name or last.lower() not in self.lex["instrument_words"]:
            return mention.key
        forms = self.__dict__.get("_form_keys")
        if forms is None:
            forms = self.__dict__["_form_keys"] = {f: k for k, p in self.rec.parties.items() for f in p.forms}
        return forms.get(" ".join(name), mention.key)

    def _exposure(self, exposed: Mention, counter: Mention, sent: Span, rule: str, money: Money | None) -> Draft:
        return self.draft(
            "exposure",
            {"exposed": exposed.key, "counterparty": self._issuer(counter)},
            sent,
            rule,
            0.75 if money else 0.65,
            amount=money.amount if money else None,
            currency=money.currency if money else None,
        )

    def _firms(self, number: int, persons: bool = False) -> list[Mention]:
        """The parties that can hold or owe money: firms (and states), persons only as a counterparty
        ("invested with Madoff"); "Vela crypto exchange subsidiaries" is not Vela."""
        types = (FIRM, PartyType.GOVERNMENT, PERSON) if persons else (FIRM, PartyType.GOVERNMENT)
        verbs = self.__dict__.get("_money_cue_starts")
        if verbs is None:  # "Altenhoven leende het bedrijf": a money cue after the name, it is no modifier
            verbs = self.__dict__["_money_cue_starts"] = {s for label, s, _ in self.rec.cues if label in MONEY_CUES}
        return [
            m
            for m in self.in_sentence(number, *types)
            if not (self.is_parent_modifier(m) and m.end not in verbs) and not self._is_money_token(m.start)
        ]  # "EUR60m" is no party

    def _central_bank(self, mention: Mention) -> bool:
        """A regulator that is a bank ("Bank of England", "Banco de Portugal", "De Nederlandsche Bank")."""
        words = self.rec.parties[mention.key].name.lower().split()
        return any(w.endswith(tuple(self.lex["bank_words"])) for w in words)

    def _close_after(self, end: int, start: int) -> bool:
        """A counterparty right after the cue: only amounts and two more words between ("stuck in Earn
        at Vela", "lent $5 million to Vela"), not "losses from positions in Vela's token"."""
        articles = as_set(self.lex["articles"])
        words = [
            t
            for t in self.doc[end:start]
            if not self._is_money_token(t.i) and not t.is_punct and t.lower_ not in articles
        ]
        if start > 0 and self.doc[start - 1].text == "," and self._speaker(start):
            return False  # "lent $5m to a customer, Vela said": the speaker
        lower = [t.lower_ for t in words]
        if len(lower) > 2 and self._date_words(lower[:2]):
            words, lower = words[2:], lower[2:]  # "extended in 2022 to Vela"
        if len(words) > 2 and (self._described(end, start) or self._loan_then_to(lower) or self._own_dealings(lower)
                               or self._paper_then_of(end, start)):
            return not self._crosses(end, start)
        return len(words) <= 2 and start - end <= 10 and not self._crosses(end, start)

    def _own_dealings(self, words: list[str]) -> bool:
        """ "lost $175m on its dealings with Vela", "on their positions in Vela": a preposition, the
        subject's own noun, and the preposition naming the counterparty."""
        to_words = as_set(self.lex["to_words"])
        if len(words) == 5 and words[0] in as_set(self.lex["approximations"]):
            words = words[1:]  # "lost about $175m on its dealings with"
        return (
            len(words) == 4
            and words[0] in to_words
            and words[1] in as_set(self.lex["possessives"])
            and words[2].isalpha()
            and words[3] in to_words
        )

    def _paper_then_of(self, end: int, start: int) -> bool:
        """ "put $750,000 into a convertible note of Vela", "in senior bonds of": the paper's noun, two
        words of its kind allowed before it, then 'of' naming the issuer, with no comma between."""
        instruments = as_set(self.lex["instrument_words"])
        tokens = [t for t in self.doc[end:start] if not self._is_money_token(t.i)]
        words = [t.lower_ for t in tokens if t.lower_ not in as_set(self.lex["articles"])]
        if any(t.is_punct for t in tokens) or not 2 <= len(words) <= 4 or words[-1] not in as_set(self.lex["of_words"]):
            return False
        noun = words[-2]
        return (noun in instruments or f"{noun}s" in instruments) and all(w.isalpha() for w in words[:-2])

    def _loan_then_to(self, words: list[str]) -> bool:
        """ "extended a €40 million revolving credit line to Vela": the loan's noun, two words of its
        kind allowed before it, then the preposition naming the borrower."""
        if len(words) > 6 or words[-1] not in as_set(self.lex["to_words"]):
            return False
        body = words[:-1]
        nouns = as_set(self.lex["debt_nouns"])
        noun = next((n for n in (2, 1) if len(body) >= n and " ".join(body[-n:]) in nouns), 0)
        return bool(noun) and len(body) - noun <= 2 and all(w.replace("-", "").isalpha() for w in body)

    def _speaker(self, start: int) -> bool:
        """The party named at ``start`` is followed by a speech verb."""
        named = next((m for m in self.in_sentence(self.sent_index[start]) if m.start == start), None)
        speech = as_set(self.lex["speech_verbs"])
        return named is not None and any(t.lower_ in speech for t in self.doc[named.end : named.end + 2])

    def _described(self, end: int, start: int) -> bool:
        """ "lent £2m to its sister company, Vela Ltd": a preposition, a noun phrase for a firm
        ("its Maltese parent", "a property developer"), then the name after a comma."""
        gap = [t.lower_ for t in self.doc[end:start] if not self._is_money_token(t.i)]
        if gap[:1] and gap[0] in self.lex["to_words"]:
            gap = gap[1:]
        determiners = as_set(self.lex["possessives"]) | as_set(self.lex["articles"])
        nouns = self.lex["firm_cues"] + self.lex["parent_words"] + self.lex["child_words"] + self.lex["relative_firms"]
        if 2 <= len(gap) <= 5 and gap[-1] != "," and all(w.replace("-", "").isalpha() for w in gap):
            # "aan haar voormalige zustermaatschappij Vela", "bij het failliete Amsterdamse platform Vela"
            last = gap[-1]
            return gap[0] in determiners and (last in nouns or last.endswith(_firm_nouns(self.lang)))
        if not 3 <= len(gap) <= 6 or gap[-1] != "," or gap[0] not in determiners:
            return False
        phrase = " ".join(gap[1:-1])
        return any(phrase == n or phrase.endswith(f" {n}") for n in nouns)

    def _listed(self, first: Mention, parties: list[Mention]) -> list[Mention]:
        """``first`` and the parties coordinated with it, each with its own sum allowed between:
        "to Vela and $5 million to Ostwind"."""
        group = [first]
        coordinators = as_set(self.lex["coordinators"])
        for m in parties:
            if m.start <= group[-1].start:
                continue
            if m.end < len(self.doc) and self.doc[m.end].text in {"'s", "’s"}:
                break  # "to Vela, FTX's sister firm": an apposition that names its owner, no second party
            if m.end < len(self.doc) and self.doc[m.end].lower_ in as_set(self.lex["speech_verbs"]):
                break  # "sit with Vela Bank, Marlin said": the speaker, no second party
            gap = self.doc[group[-1].end : m.start]
            words = [t.lower_ for t in gap if not self._is_money_token(t.i)]
            plain = [w for w in words if w not in {",", "to", "aan", "in", "at", "bij", "with", "$", "€", "£"}]
            if (
                len(gap) <= 10
                and (set(words) & coordinators or "," in words)
                and all(w in coordinators or w.replace(".", "").isdigit() for w in plain)
            ):
                group.append(m)
            else:
                break
        return group

    # ----------------------------------------------------------------- amounts
    def _sent_money(self, sent: Span) -> list[Money]:
        """Amounts of the sentence, without conversions ("2.33 billion euro ($3.05 billion)") and
        without the whole after a part ("$3.3bn of the $40bn in reserves")."""
        cache = self.__dict__.setdefault("_money_of_sent", {})
        if sent.start in cache:
            return cache[sent.start]
        text = self.layout.source
        sized = _sizing(self.lang)
        inside = fiat_for_coins(text, [m for m in self.money if sent.start_char <= m.start < sent.end_char], self.lang)
        kept: list[Money] = []
        for m in inside:
            if sized.match(text, m.end):
                continue  # "Madoff's $50 billion fraud": the size of something else, not a sum at risk
            if kept and (CONVERSION.match(text[kept[-1].end : m.start]) or PART_OF.match(text[kept[-1].end : m.start])):
                continue
            kept.append(m)
        cache[sent.start] = kept
        return kept

    def _money_between(self, sent: Span, lo: int, hi: int) -> list[Money]:
        if hi <= lo:
            return []
        a, b = self.layout.idx[lo], self.layout.ends[hi - 1]
        return [m for m in self._sent_money(sent) if a <= m.start < b]

    def _nearest(self, money: list[Money], cue: int) -> Money | None:
        if not money:
            return None
        anchor = self.layout.idx[cue]
        return min(money, key=lambda m: abs(m.start - anchor))

    def _is_money_token(self, i: int) -> bool:
        tokens = self.__dict__.get("_money_tokens")
        if tokens is None:
            idx = self.layout.idx
            tokens = self.__dict__["_money_tokens"] = {
                j for m in self.money for j in range(bisect_left(idx, m.start), bisect_left(idx, m.end))
            }
        return i in tokens
