"""Officers: a role phrase between a person and an organisation, founders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.parties import org_role_firm
from casegraph.loaders.places import never_names
from casegraph.loaders.recognize import Mention
from casegraph.schemas import PartyType


class OfficerRules(Finder):
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
