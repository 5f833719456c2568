"""Facts from cue words and the parties around them, one function per fact type.

Each cue match of ``pipeline`` (labels are the keys of ``cues`` in the word lists) is read within its
sentence. Roles come from position, not from words of one language: for a verb cue the party on
the other side of the authority is the subject, so "the SEC is investigating Vela" and "Vela wordt
onderzocht door de SEC" give the same fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from casegraph.loaders.dates import find_date
from casegraph.loaders.money import Money
from casegraph.loaders.parties import org_role_firm
from casegraph.loaders.places import never_names
from casegraph.loaders.recognize import Mention, Recognition
from casegraph.schemas import AUTHORITIES, PartyType

FIRM, PERSON = PartyType.FIRM, PartyType.PERSON
PARTIES = AUTHORITIES | {FIRM, PERSON}
FOLLOW_STOPS = {"that", "which", "dat", "die", "with", "met", "for", "voor", "because", "omdat", "after", "na"}
FOLLOW_STOPS |= {"said", "zei"}


@dataclass
class Draft:
    """A fact before names are filled in: party keys by role, attributes, where it was found."""

    type: str
    roles: dict[str, str]
    attrs: dict[str, Any] = field(default_factory=dict)
    sentence: Span | None = None
    rule: str = ""
    confidence: float = 0.7


class FactFinder:
    def __init__(self, rec: Recognition, lex: dict[str, Any], money: list[Money], date: str | None, lang: str) -> None:
        self.rec, self.lex, self.money, self.date, self.lang = rec, lex, money, date, lang
        self.doc = rec.doc
        self.layout = rec.layout
        self.sents = rec.layout.sents
        self.sent_index = rec.layout.sent_of
        self.by_sent: dict[int, list[Mention]] = {}
        for mention in rec.mentions:
            if rec.parties[mention.key].type in PARTIES:
                self.by_sent.setdefault(self.sent_index[mention.start], []).append(mention)
        self.negations = set(lex["negations"])
        self.hedges = set(lex["hedges"])
        self.auxiliaries = set(lex["auxiliaries"])
        self.role_words = {w for phrase in lex["officer_roles"] + lex["role_modifiers"] for w in phrase.split()}
        self.role_words |= set(lex["role_determiners"])

    # ----------------------------------------------------------------- helpers
    def type_of(self, mention: Mention) -> PartyType:
        return self.rec.parties[mention.key].type

    def in_sentence(self, sent: int, *types: PartyType) -> list[Mention]:
        return [m for m in self.by_sent.get(sent, []) if not types or self.type_of(m) in types]

    def words(self, span: Span) -> set[str]:
        return {t.lower_ for t in span}

    def has_any(self, span: Span, phrases: list[str]) -> bool:
        text = f" {self.layout.span_text(span).lower()} "
        return any(f" {p} " in text or f" {p}," in text or f" {p}." in text for p in phrases)

    def negated(self, start: int, end: int) -> bool:
        """A denial or a mere possibility states no fact: "had no exposure to", "could face charges",
        "kan worden vervolgd", "faillissement niet uitgesloten"."""
        sent = self.sents[self.sent_index[start]]
        window = self.doc[max(sent.start, start - 3) : start]
        if any(t.lower_ in self.negations or t.lower_ in self.hedges for t in window):
            return True
        after = self.layout.text(end, sent.end).lower()
        return any(p in after for p in self.lex["hedges_after"])

    def amount(self, sent: Span, near: int, *parties: Mention) -> tuple[float | None, str | None]:
        """The amount nearest the cue; with parties, only one between them or just around them."""
        inside = [m for m in self.money if sent.start_char <= m.start < sent.end_char]
        if parties:
            lo = min([self.doc[near].idx] + [p.char_start for p in parties]) - 30
            hi = max([self.doc[near].idx] + [p.char_end for p in parties]) + 30
            inside = [m for m in inside if lo <= m.start <= hi]
        if not inside:
            return None, None
        anchor = self.doc[near].idx
        best = min(inside, key=lambda m: abs(m.start - anchor))
        return best.amount, best.currency

    def salient_firm(self, exclude: set[str]) -> str | None:
        counts = Counter(m.key for m in self.rec.mentions if self.type_of(m) is FIRM and m.key not in exclude)
        return counts.most_common(1)[0][0] if counts else None

    def followers(self, first: Mention, after: list[Mention]) -> list[Mention]:
        """The parties coordinated with ``first``: "Zolto Ventures Inc and Zolto Trading Ltd"; a list
        joined by commas counts once 'and' closes it ("sued Zolto, its chief Olav Vane and Ming Tao"),
        and the organisation of an apposition is passed over ("Ann Vos, the CEO of Zolto, and Ming Tao")."""
        group = [first]
        closed = 1  # members up to here are joined by a coordinator
        last_end = first.end
        coordinators = set(self.lex["coordinators"])
        of_words = set(self.lex["of_words"])
        for mention in after:
            if mention.start < last_end or (
                self.type_of(mention) is not self.type_of(first)
                and not ({self.type_of(mention), self.type_of(first)} <= {FIRM, PERSON})
            ):
                continue
            words = [t.lower_ for t in self.doc[last_end : mention.start]]
            if len(words) > 8 or any(w in FOLLOW_STOPS for w in words if w not in of_words):
                break
            if any(w in of_words for w in words):
                if "," in words[:1] and self.type_of(group[-1]) is PERSON:
                    last_end = mention.end  # the organisation of "X, the CEO of Y,"
                    continue
                break
            if any(w in coordinators for w in words):
                group.append(mention)
                closed = len(group)
            elif words and all(w == "," or w in self.role_words for w in words):
                group.append(mention)
            else:
                break
            last_end = mention.end
        return group[:closed]

    def is_parent_modifier(self, mention: Mention) -> bool:
        """ "Zolto crypto exchange subsidiaries": the firm before 'subsidiaries' qualifies, it is not the object."""
        sub = {s for label, s, _ in self.rec.cues if label == "SUBSIDIARY"}
        return any(mention.end <= s <= mention.end + 3 for s in sub) and not any(
            t.text == "," for t in self.doc[mention.end : min(mention.end + 3, len(self.doc))]
        )

    def draft(
        self, type_: str, roles: dict[str, str], sent: Span, rule: str, confidence: float = 0.7, **attrs
    ) -> Draft:
        date = find_date(self.layout.span_text(sent), self.lang, self.date)
        if date and type_ not in {"officer", "subsidiary"}:
            attrs.setdefault("date", date)
        return Draft(type_, roles, {k: v for k, v in attrs.items() if v is not None}, sent, rule, confidence)

    # ----------------------------------------------------------------- rules
    def run(self) -> list[Draft]:
        out: list[Draft] = []
        seen_cues: set[tuple[str, int]] = set()
        for label, start, end in self.rec.cues:
            if (label, start) in seen_cues:
                continue
            seen_cues.add((label, start))
            handler = getattr(self, f"on_{label.lower()}", None)
            if handler is None or self.negated(start, end):
                continue
            out.extend(handler(start, end))
        out.extend(self.officers())
        return out

    def on_suspend(self, start: int, end: int) -> Iterator[Draft]:
        """ "Ostwind is pausing all withdrawals", "Brightwave zei uitbetalingen te pauzeren"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        all_firms = self.in_sentence(number, FIRM)
        firms = [m for m in all_firms if m.start < end]
        before = [m for m in firms if m.start < start]
        # "Vela Group (VG)": a bracketed alias repeats the name before it
        before = [m for i, m in enumerate(before) if i == 0 or m.key != before[i - 1].key]
        if before and start - before[-1].end <= 12:  # "Vela and Marlin froze withdrawals"
            head = self._subject_back(before)
            group = self.followers(head, before[before.index(head) + 1 :])
        elif firms:
            group = [before[-1] if before else firms[0]]
        else:  # "klanten kunnen geen geld meer opnemen bij Vela"
            group = [m for m in all_firms if 0 <= m.start - end <= 2][:1]
        for firm in group:
            yield self.draft("withdrawal_suspension", {"firm": firm.key}, sent, "fact.withdrawal_suspension", 0.8)

    def on_bankrupt_subj(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela filed for bankruptcy", "Vela heeft faillissement aangevraagd"; with a generic subject,
        the firms listed after it ("bedrijven zijn failliet gegaan, waaronder Vela en Marlin")."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start]
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
        after = [m for m in firms if m.start >= end and m.start - end <= 2]
        if after:  # "Cryptobeurs Vela failliet" is caught above; "failliet: Vela" here
            yield self.draft("bankruptcy", {"firm": after[0].key}, sent, "fact.bankruptcy.subject", 0.6)

    def _subject_back(self, before: list[Mention]) -> Mention:
        """The head of the subject before a verb: "Vela and Vela US filed" -> Vela; "Vela Holdco, the
        holding company of Vela Capital, filed" -> Vela Holdco (past the apposition)."""
        of_words = set(self.lex["of_words"])
        coordinators = set(self.lex["coordinators"])
        i = head = len(before) - 1
        apposition = False
        while i > 0:
            gap = [t.lower_ for t in self.doc[before[i - 1].end : before[i].start]]
            if not gap or len(gap) > 8:
                break
            if any(w in of_words for w in gap) and (apposition or "," in gap or not before[i - 1].text[:1].isupper()):
                apposition = True  # "X, the parent of Y," : Y belongs to the apposition
            elif all(w == "," for w in gap):
                apposition = apposition or not before[i].text[:1].isupper()  # ", the holding company"
            elif not all(w == "," or w in coordinators for w in gap):
                break
            i -= 1
            if apposition or any(w in coordinators for w in gap) or not before[i].text[:1].isupper():
                head = i
        while head < len(before) - 1 and not before[head].text[:1].isupper():
            head += 1
        return before[head]

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
        after = [m for m in self.in_sentence(number, FIRM) if m.start >= end and m.start - end <= 4]
        if after:
            yield self.draft("bankruptcy", {"firm": after[0].key}, sent, "fact.bankruptcy.attribute", 0.8)

    def _authority_and_subjects(self, start: int, end: int, passive: bool) -> tuple[list[Mention], list[Mention]]:
        """Authorities of the sentence, and the parties they act on (the other side of the cue)."""
        number = self.sent_index[start]
        parties = self.in_sentence(number)
        authorities = [m for m in parties if self.type_of(m) in {PartyType.REGULATOR, PartyType.PROSECUTOR}]
        others = [m for m in parties if self.type_of(m) in {FIRM, PERSON} and not self.is_parent_modifier(m)]
        if not others:
            return authorities, []
        if passive:  # the grammatical subject; "Ostwind founder Olav Vane": not the firm before a role
            role_starts = {s for s, _ in self.rec.roles}
            subjects = [m for m in others if m.end not in role_starts and m.end + 1 not in role_starts] or others
            first = subjects[0]
            return authorities, self.followers(first, [m for m in others if m.start > first.start])
        auth_before = [a for a in authorities if a.end <= start]
        after = [m for m in others if m.start >= end]
        before = [m for m in others if m.end <= start]
        against = {"against", "tegen"}
        if auth_before or not authorities:
            if after:
                return authorities, self.followers(after[0], after[1:])
            between = [m for m in before if auth_before and m.start >= auth_before[-1].end]
            if between:  # verb last: "de SEC heeft Ann Vos en Ming Tao aangeklaagd"
                return authorities, self.followers(between[0], between[1:])
            return authorities, [others[0]] if others else []
        # the authority comes after the cue: "onderzocht worden door de SEC"
        if before:
            return authorities, [before[-1]]
        if after and any(self.doc[i].lower_ in against for i in range(start, after[0].start)):
            return authorities, [after[0]]
        return authorities, []

    def on_investigate(self, start: int, end: int) -> Iterator[Draft]:
        """ "the SEC was investigating Vela", "onderzocht worden door de SEC", "a probe into Vela by the
        SEC"; with no authority in the sentence, the one acting in the sentence before."""
        number = self.sent_index[start]
        sent = self.sents[number]
        authorities, subjects = self._authority_and_subjects(start, end, passive=False)
        agents = [a for a in authorities if a.start >= end and self._by_agent(a)]
        if agents and not subjects:  # "a probe into Vela by the SEC"
            inside = [m for m in self.in_sentence(number, FIRM, PERSON) if end <= m.start < agents[0].start]
            subjects = self.followers(inside[0], inside[1:]) if inside else []
            authorities = agents
        if not authorities and subjects and number > 0:
            authorities = self.in_sentence(number - 1, PartyType.REGULATOR, PartyType.PROSECUTOR)[-1:]
        for authority in authorities[:1] if len(authorities) > 1 else authorities:
            nearest = min(authorities, key=lambda a: abs(a.start - start))
            for subject in subjects:
                yield self.draft(
                    "investigation",
                    {"authority": nearest.key, "subject": subject.key},
                    sent,
                    "fact.investigation",
                    0.75,
                )
            del authority

    def on_arrest(self, start: int, end: int) -> Iterator[Draft]:
        """ "Olav Vane was arrested by the police", "Vane is opgepakt door de FIOD": an arrest that the
        sentence ties to no charge is that authority's investigation."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if any(label.startswith("CHARGE") and self.sent_index[s] == number for label, s, _ in self.rec.cues):
            return
        agents = [m for m in self.in_sentence(number, *AUTHORITIES) if m.start >= end and self._by_agent(m)]
        before = [m for m in self.in_sentence(number, FIRM, PERSON) if m.end <= start and start - m.end <= 4]
        if not agents or not before:
            return
        head = self._subject_back(before)
        for subject in self.followers(head, before[before.index(head) + 1 :]):
            yield self.draft(
                "investigation",
                {"authority": agents[0].key, "subject": subject.key},
                sent,
                "fact.investigation.arrest",
                0.65,
            )

    def _by_agent(self, mention: Mention) -> bool:
        """The mention is the agent of a passive: 'by'/'door' right before it, an article allowed between."""
        i = mention.start - 1
        articles = set(self.lex["authority_articles"])
        while i >= 0 and mention.start - i <= 2 and self.doc[i].lower_ in articles:
            i -= 1
        return i >= 0 and self.doc[i].lower_ in set(self.lex["by_words"])

    def _charge_kind(self, sent: Span, authority: Mention) -> str:
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
        authorities, subjects = self._authority_and_subjects(start, end, passive)
        if not authorities and not passive:
            # no authority named: "De boete is opgelegd aan Vela" reads like a passive, but in
            # "Ann Vos accused Marlin" a party acts on another and no authority charges anyone
            parties = self.in_sentence(number, FIRM, PERSON)
            if any(m.end <= start for m in parties) and any(m.start >= end for m in parties):
                return
            authorities, subjects = self._authority_and_subjects(start, end, passive=True)
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
                    kind=self._charge_kind(sent, authority),
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

    def on_freeze(self, start: int, end: int) -> Iterator[Draft]:
        """ "the Securities Commission of The Bahamas froze assets of Vela Digital Markets"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        authorities = [m for m in self.in_sentence(number) if self.type_of(m) in AUTHORITIES]
        targets = [m for m in self.in_sentence(number, FIRM, PERSON)]
        if not authorities or not targets:
            return
        cue_words = {c.split()[0] for c in self.lex["asset_cues"]}
        of_targets = [
            m
            for m in targets
            if m.start > 0
            and self.doc[m.start - 1].lower_ in set(self.lex["of_words"])
            and any(self.doc[i].lower_ in cue_words for i in range(max(sent.start, m.start - 3), m.start))
        ]
        target = (of_targets or targets)[0]
        group = self.followers(target, [m for m in targets if m.start > target.start])
        authority = min(authorities, key=lambda a: abs(a.start - start))
        if not self._authority_acts(authority, start, number):
            return
        for member in group:
            if member.key != authority.key:
                yield self.draft(
                    "asset_freeze", {"authority": authority.key, "target": member.key}, sent, "fact.asset_freeze", 0.75
                )

    def _authority_acts(self, authority: Mention, start: int, number: int) -> bool:
        """The authority is the one freezing: its subject ("the court froze"), or the agent after
        'by'/'door'. "Vela said it froze accounts" or funds "frozen on an exchange" are no order."""
        if authority.start > start:
            return self._by_agent(authority)
        between = [m for m in self.in_sentence(number, FIRM, PERSON) if authority.end <= m.start and m.end <= start]
        pronouns = set(self.lex["subject_pronouns"])
        return not between and not any(t.lower_ in pronouns for t in self.doc[authority.end : start])

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

    def on_subsidiary(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela Digital Markets, een dochteronderneming van Vela" (child first, 'of'/'van' after the cue);
        "Zolto subsidiaries Zolto Ventures and Zolto Trading" (parent first);
        "Marlin' parent company North Crest Holdings" (child first, parent after)."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start and start - m.end <= 8]
        after = [m for m in firms if m.start >= end and m.start - end <= 6]
        if not after and len(before) >= 2 and start - before[-1].end <= 1:
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
        part = self.doc[end - 1].lower_ in set(self.lex["part_words"])
        if part and not self._whole_part(before[-1], after[0], start):
            return
        of_next = end < len(self.doc) and self.doc[end].lower_ in set(self.lex["of_words"])
        is_parent_word = any(cue.startswith(p.split()[0]) for p in self.lex["parent_words"]) or "moeder" in cue
        if of_next and is_parent_word:  # "X, the holding company of Y"
            pairs = [(after[0], before[-1])]
        elif of_next or is_parent_word:
            child, parents = before[-1], [after[0]]
            pairs = [(child, p) for p in parents]
        else:
            parent = before[-1]
            pairs = [(c, parent) for c in self.followers(after[0], after[1:])]
        for child, parent in pairs:
            if child.key != parent.key:
                yield self.draft(
                    "subsidiary", {"child": child.key, "parent": parent.key}, sent, "fact.subsidiary", 0.75
                )

    def _whole_part(self, child: Mention, parent: Mention, start: int) -> bool:
        """ "Virgin Money is part of Virgin Group." names a subsidiary; "the branches became part of
        the Vela network" does not: the child right before the verb, the parent ending its phrase."""
        doc = self.doc
        return child.end == start and (parent.end >= len(doc) or not doc[parent.end].is_lower)

    def _parent_cue(self, start: int, end: int) -> bool:
        cue = self.doc[start:end].text.lower()
        return any(cue.startswith(p.split()[0]) for p in self.lex["parent_words"]) or "moeder" in cue

    def on_owned_by(self, start: int, end: int) -> Iterator[Draft]:
        """ "Vela is owned by Marlin Group", "Vela is eigendom van Marlin": Vela is the subsidiary."""
        number = self.sent_index[start]
        sent = self.sents[number]
        firms = self.in_sentence(number, FIRM)
        before = [m for m in firms if m.end <= start and start - m.end <= 2]
        after = [m for m in firms if m.start >= end and m.start - end <= 3]
        if before and after and before[-1].key != after[0].key:
            yield self.draft(
                "subsidiary", {"child": before[-1].key, "parent": after[0].key}, sent, "fact.subsidiary.owned", 0.7
            )

    def on_founded_by(self, start: int, end: int) -> Iterator[Draft]:
        """ "Marlin, the exchange founded by Ann Vos", "Vela, opgericht door Ming Tao": a founder."""
        number = self.sent_index[start]
        sent = self.sents[number]
        persons = [
            m
            for m in self.in_sentence(number, PERSON)
            if 0 <= m.start - end <= 5 and not any(t.text in {",", ";", "."} for t in self.doc[end : m.start])
        ]
        orgs = [m for m in self.in_sentence(number, FIRM) if m.end <= start and start - m.end <= 6]
        role = self.lex["founder_roles"].get(self.doc[start].lower_)
        if persons and orgs and role:
            yield self.draft(
                "officer",
                {"person": persons[0].key, "org": orgs[-1].key},
                sent,
                "fact.officer.founded_by",
                0.7,
                role=role,
            )

    # ----------------------------------------------------------------- officers
    def officers(self) -> Iterator[Draft]:
        """A role phrase between a person and an organisation: "Vela founder Aron Velde",
        "Olav Vane, the founder of Ostwind", "Ostwind's former chief revenue officer",
        "Vela-topman Aron Velde", "oprichter Ming Tao" (org named just before)."""
        doc = self.doc
        modifiers = set(self.lex["role_modifiers"])
        of_words = set(self.lex["of_words"])
        orgs_ok = {FIRM, PartyType.REGULATOR, PartyType.PROSECUTOR}
        roles = list(self.rec.roles) + [(m.start, m.start + 1) for m in self.rec.mentions if m.rule == "firm.org_role"]
        for start, end in roles:
            number = self.sent_index[start]
            sent = self.sents[number]
            parties = self.in_sentence(number)
            persons = [m for m in parties if self.type_of(m) is PERSON]
            orgs = [m for m in parties if self.type_of(m) in orgs_ok]
            compound = (
                end - start == 1 and "-" in doc[start].text and any(m.start == start and m.end == start for m in orgs)
            )
            role_start = start
            while role_start > sent.start and (
                doc[role_start - 1].lower_ in modifiers or doc[role_start - 1].lower_.endswith("-")
            ):
                role_start -= 1
            text_start = role_start  # "its founder" -> "founder": the determiner is no part of the role
            while text_start < end - 1 and doc[text_start].lower_ in self.lex["role_determiners"]:
                text_start += 1
            role_text = self.layout.text(text_start, end)
            if self._not_an_office(role_start, role_text):
                continue
            if compound:
                role_text = doc[start].text.replace(f"{org_role_firm(doc[start].text)}-", "", 1)  # "oud-topman"
            # the person: right after the role, or before it across ", (the)"
            person = next(
                (
                    m
                    for m in persons
                    if 0 <= m.start - end <= 2
                    and all(t.text in {"“", "”", '"', ","} or t.is_quote for t in doc[end : m.start])
                ),
                None,
            )
            if person is None:
                person = next(
                    (
                        m
                        for m in reversed(persons)
                        if m.end <= role_start and role_start - m.end <= 6 and doc[m.end].text == ","
                    ),
                    None,
                )
            if person is None:
                continue
            # the organisation
            org = None
            if compound:
                org = next(m for m in orgs if m.start == start and m.end == start)
            if org is None:  # "Vela founder X", "the SEC's chair", "Ostwind's former chief revenue officer"
                org = next(
                    (
                        m
                        for m in reversed(orgs)
                        if m.end <= role_start
                        and role_start - m.end <= 2
                        and m.start >= (person.end if person.end <= role_start else sent.start)
                    ),
                    None,
                )
            if org is None and end < sent.end and doc[end].lower_ in of_words | {","}:
                following = [
                    m
                    for m in orgs
                    if m.start >= end
                    and (m.start - end <= 6 or (m.start - end <= 8 and all(t.is_lower for t in doc[end : m.start])))
                ]
                if following:
                    org = following[0]
                    nxt = [m for m in orgs if m.start > org.start and m.start - org.end <= 5]
                    if nxt and any(w in doc[org.end : nxt[0].start].text.lower() for w in self.lex["parent_words"]):
                        org = nxt[0]
            if org is None and person.start >= end and person.end < sent.end and doc[person.end].lower_ in of_words:
                # "Acting Chairman Bo Lund of the CFTC": the organisation after the name, not the nearest firm
                org = next((m for m in orgs if 0 < m.start - person.end <= 3), None)
            if org is None:  # "Zelko en oprichter Ming Tao"
                org = next((m for m in reversed(orgs) if m.end <= role_start and role_start - m.end <= 2), None)
            if org is None and person.start >= end and not self._unknown_name_before(role_start):
                if role_text.lower() in set(self.lex["state_roles"]) and not any(
                    self.type_of(m) is FIRM for m in parties
                ):
                    continue  # "President Joe Biden welcomed the takeover": a head of state, not the firm's
                # "Chief executive Ann Vos said": the firm the text is about so far, not the last named
                earlier = [m for m in self.rec.mentions if m.end <= role_start and self.type_of(m) is FIRM]
                counts = Counter(m.key for m in earlier)
                org = self._issuing_authority(role_text, role_start) or (
                    max(reversed(earlier), key=lambda m: counts[m.key]) if earlier else None
                )
                confidence = 0.5
            else:
                confidence = 0.8
            if org is None or org.key == person.key:
                continue
            yield self.draft(
                "officer", {"person": person.key, "org": org.key}, sent, "fact.officer", confidence, role=role_text
            )

    def _not_an_office(self, role_start: int, role: str) -> bool:
        """ "Russian President Putin", "de Amerikaanse president", "his business partner": a state's
        office or a relationship, not an officer of a firm ("Chelsea's Russian owner" is one)."""
        if role_start == 0:
            return False
        word = self.doc[role_start - 1].lower_
        state = word in never_names() and role.lower() in set(self.lex["state_roles"])
        return state or word in set(self.lex["role_blockers"])

    def _unknown_name_before(self, role_start: int) -> bool:
        """ "U.S. Senate Banking Committee Chairman Christopher Dodd": a name the text gives right before
        the role, that recognition did not make a party, is the organisation; no other may stand in."""
        doc = self.doc
        if role_start == 0 or doc[role_start - 1].is_sent_start:
            return False
        prev = doc[role_start - 1]
        named = any(m.start <= role_start - 1 < max(m.end, m.start + 1) for m in self.rec.mentions)
        return prev.text[:1].isupper() and prev.lower_ not in set(self.lex["stop_caps"]) and not named

    def _issuing_authority(self, role: str, before: int) -> Mention | None:
        """ "Acting Chairman Bo Lund said" in a release that opens with an authority: a chair or
        commissioner named without an organisation leads the authority the text comes from."""
        if role.lower().split()[-1] not in set(self.lex["authority_roles"]):
            return None
        mentions = [m for m in self.rec.mentions if m.end <= before]
        if not mentions or self.type_of(mentions[0]) not in {PartyType.REGULATOR, PartyType.PROSECUTOR}:
            return None
        return mentions[0]


def find_facts(rec: Recognition, lex: dict[str, Any], money: list[Money], date: str | None, lang: str) -> list[Draft]:
    return FactFinder(rec, lex, money, date, lang).run()
