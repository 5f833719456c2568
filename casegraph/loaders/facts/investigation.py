"""Investigations: probes by an authority, and arrests by a named one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.recognize import Mention
from casegraph.schemas import AUTHORITIES, PartyType


class InvestigationRules(Finder):
    def on_investigate(self, start: int, end: int) -> Iterator[Draft]:
        """ "the SEC was investigating Vela", "onderzocht worden door de SEC", "a probe into Vela by the
        SEC", "het onderzoek van de FIOD naar Vela"; with no authority in the sentence, the one acting
        in the sentence before. Authorities joined by 'and' each investigate."""
        number = self.sent_index[start]
        sent = self.sents[number]
        nominal = self._nominal(start, end, number)
        if nominal:
            authorities, subjects = nominal
        else:
            authorities, subjects = self._authority_and_subjects(start, end, passive=False)
            authorities = [a for a in authorities if not self._source(a)]
            agents = [a for a in authorities if a.start >= end and self._by_agent(a)]
            if agents and not subjects:  # "a probe into Vela by the SEC"
                inside = [m for m in self.in_sentence(number, FIRM, PERSON) if end <= m.start < agents[0].start]
                subjects = self.followers(inside[0], inside[1:]) if inside else []
                authorities = agents
            if not authorities and subjects and number > 0:
                authorities = self.in_sentence(number - 1, PartyType.REGULATOR, PartyType.PROSECUTOR)[-1:]
            if authorities:
                nearest = min(authorities, key=lambda a: abs(a.start - start))
                authorities = self.coordinated(nearest, number)
        for authority in authorities:
            for subject in subjects:
                if subject.key != authority.key:
                    yield self.draft(
                        "investigation",
                        {"authority": authority.key, "subject": subject.key},
                        sent,
                        "fact.investigation",
                        0.75,
                    )

    def _source(self, authority: Mention) -> bool:
        """ "volgens het OM", "according to the SEC": the authority tells, it does not act."""
        before = self.layout.text(max(0, authority.start - 3), authority.start).lower()
        return any(f"{w} " in f"{before} " for w in self.lex["source_words"])

    def _nominal(self, start: int, end: int, number: int) -> tuple[list[Mention], list[Mention]] | None:
        """An investigation told as a noun with its agent next to it: "an investigation by the FCA into
        Vela", "the SEC's probe into Vela", "het onderzoek van de FIOD naar Vela", "uit onderzoek van de
        AFM blijkt dat Vela"; with no party named in the sentence, the firm the text is about."""
        if self.doc[start].lower_ not in as_set(self.lex["investigation_nouns"]):
            return None
        authorities = self.in_sentence(number, *AUTHORITIES)
        agent_words = as_set(self.lex["nominal_agent_words"])
        articles = as_set(self.lex["authority_articles"]) | self._jurisdiction_words()
        agent = next(
            (
                a
                for a in authorities
                if 0 <= a.start - end <= 3
                and (self.doc[end - 1].lower_ in agent_words or self.doc[end].lower_ in agent_words)
                and all(t.lower_ in agent_words | articles for t in self.doc[end : a.start])
            ),
            None,
        )
        if agent is None:  # "the SEC's investigation into": the owner of the noun
            agent = next(
                (
                    a
                    for a in authorities
                    if a.end < start and start - a.end <= 2 and self.doc[a.end].text in {"'s", "’s"}
                ),
                None,
            )
        if agent is None:
            return None
        group = self.coordinated(agent, number)
        tail = max(m.end for m in group)
        sent = self.sents[number]
        parties = [m for m in self.in_sentence(number, FIRM, PERSON) if not self._names_role_of(m)]
        if not parties:
            key = self._text_firm()
            return (group, [next(m for m in self.rec.mentions if m.key == key)]) if key else None
        lead = as_set(self.lex["nominal_subject_words"])
        after = [m for m in parties if m.start >= tail and m.start - tail <= 8]
        after = [m for m in after if not self._owner_of_named_role(m, parties)]  # "into the company's CFO, Ann Vos"
        if not after:
            return None
        gap = [t.lower_ for t in self.doc[tail : after[0].start]]
        if not set(gap) & lead or self._crosses(tail, after[0].start) or sent.end <= after[0].start:
            return None
        return group, self.followers(after[0], [m for m in parties if m.start > after[0].start])

    def _text_firm(self) -> str | None:
        """The firm the text is about, when one clearly is: named at least three times, twice as often
        as any other."""
        counts = Counter(m.key for m in self.rec.mentions if self.type_of(m) is FIRM).most_common(2)
        if not counts or counts[0][1] < 3 or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
            return None
        return counts[0][0]

    def on_arrest(self, start: int, end: int) -> Iterator[Draft]:
        """ "Olav Vane was arrested by the police", "Vane is opgepakt door de FIOD": an arrest that the
        sentence ties to no charge is that authority's investigation."""
        number = self.sent_index[start]
        sent = self.sents[number]
        charged = any(label.startswith("CHARGE") and self.sent_index[s] == number for label, s, _ in self.rec.cues)
        agents = [m for m in self.in_sentence(number, *AUTHORITIES) if m.start >= end and self._by_agent(m)]
        if charged and not (agents and self.arresting(agents[0])):
            return  # "X was arrested and charged": the charge tells it; "arrested by FBI agents and charged":
            # the FBI's arrest is its own investigation, the prosecutor's charge another fact
        before = [m for m in self.in_sentence(number, FIRM, PERSON) if m.end <= start and start - m.end <= 4]
        last = [m for m in self.in_sentence(number, *AUTHORITIES) if m.end <= start and start - m.end <= 3]
        if not agents and last and self._by_agent(last[-1]):  # verb last: "X is door de FIOD aangehouden"
            agents = last[-1:]
            before = [
                m
                for m in self.in_sentence(number, FIRM, PERSON)
                if m.end <= agents[0].start and not self._crosses(m.end, agents[0].start) and not self._names_role_of(m)
            ][-1:]
        if not agents:
            yield from self._acting_arrest(number, start, end)
            return
        if not before:  # "Bennett, who was chief executive until last week, was arrested by the FBI"
            parties = [m for m in self.in_sentence(number, FIRM, PERSON) if m.end <= start]
            subject = self._subject(number, start, parties) if parties else None
            if subject is None or self.doc[subject.end].text != ",":
                return
            before = [subject]
        if self.doc[before[-1].end].text == ",":  # "Vos, the former head of Vela, was detained by": Vos
            parties = [m for m in self.in_sentence(number, FIRM, PERSON) if m.end <= start]
            subject = self._subject(number, start, parties)
            before = [subject] if subject is not None else before
        head = self._subject_back(before)
        for subject in self.followers(head, before[before.index(head) + 1 :]):
            yield self.draft(
                "investigation",
                {"authority": agents[0].key, "subject": subject.key},
                sent,
                "fact.investigation.arrest",
                0.65,
            )

    def _acting_arrest(self, number: int, start: int, end: int) -> Iterator[Draft]:
        """The authority acting: "the FBI arrested Olav Vane", "police raided Vela's offices", "de FIOD
        heeft Vela doorzocht" (the party right after the verb, or between the authority and a verb last)."""
        sent = self.sents[number]
        parties = self.in_sentence(number, FIRM, PERSON)
        named = {i for m in parties for i in range(m.start, m.end)} if self.lang == "nl" else set()
        authorities = [
            m for m in self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR) if not self._directing(m)
        ]
        acting = [
            m
            for m in authorities
            if m.end <= start and all(t.lower_ in self.auxiliaries or t.i in named for t in self.doc[m.end : start])
        ]
        if not acting:  # "The FBI on Tuesday arrested", "De FIOD heeft dinsdag onder leiding van het OM doorzoekingen"
            lead = self._past_dateline(sent)
            opener = next((len(p.split()) for p in self.lex["agent_openers"]
                           if [t.lower_ for t in self.doc[lead : lead + len(p.split())]] == p.split()), 0)
            lead += opener  # "Agenten van de FBI hebben X aangehouden", "Agents of the FBI arrested X"
            opening = [m for m in authorities if m.start - lead <= 1 and m.end <= start]
            between = opening and any(opening[0].end <= m.start and m.end <= start for m in parties)
            speech = as_set(self.lex["speech_verbs"])  # "De AFM zegt dat de politie X heeft aangehouden": not the AFM
            reported = opening and any(t.lower_ in speech for t in self.doc[opening[0].end : start])
            verb_last = self.lang == "nl" and not reported
            if opening and (verb_last or not between) and not self._crosses(opening[0].end, start):
                # Dutch puts the verb last: "De FIOD heeft dinsdag Erik Vane, oprichter van Vela, aangehouden"
                acting = opening[:1]
        if not acting:
            return
        subjects = [m for m in parties if 0 <= m.start - end <= 1]
        roles = {s: e for s, e in self.rec.roles}
        if subjects and subjects[0].end in roles:  # "arrested Yes Bank co-founder Rana Kapoor": the person
            subjects = [m for m in parties if m.start == roles[subjects[0].end]
                        and self.type_of(m) is PERSON] or subjects
        if not subjects and self.lang == "nl":  # "de FIOD heeft Vela doorzocht"
            subjects = [m for m in parties if acting[-1].end < m.start and m.end <= start]
        if not subjects:
            return
        for subject in self.followers(subjects[0], [m for m in parties if m.start > subjects[0].start]):
            yield self.draft(
                "investigation",
                {"authority": acting[-1].key, "subject": subject.key},
                sent,
                "fact.investigation.arrest",
                0.65,
            )

    def _directing(self, authority: Mention) -> bool:
        """ "onder leiding van het OM", "under the direction of prosecutors": the body that directs the
        search, not the one that makes it."""
        before = self.layout.text(max(0, authority.start - 5), authority.start).lower().split()
        articles = as_set(self.lex["authority_articles"])
        while before and before[-1] in articles:
            before.pop()
        text = " ".join(before)
        return any(text.endswith(p) for p in self.lex["directing_phrases"])

    def on_investigate_by(self, start: int, end: int) -> Iterator[Draft]:
        """ "Het onderzoek werd uitgevoerd door de FIOD", "the investigation was led by the FBI": with no
        party in the sentence, the firm the text is about, when one clearly is."""
        number = self.sent_index[start]
        sent = self.sents[number]
        if not self.has_any(self.doc[sent.start : start], self.lex["investigation_nouns"]):
            return
        agents = [m for m in self.in_sentence(number, PartyType.REGULATOR, PartyType.PROSECUTOR) if m.start >= end - 1]
        if not agents or self.in_sentence(number, FIRM, PERSON):
            return
        key = self._text_firm()
        if key is None:
            return
        yield self.draft(
            "investigation", {"authority": agents[0].key, "subject": key}, sent, "fact.investigation.by", 0.6
        )
