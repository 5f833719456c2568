"""Investigations: probes by an authority, and arrests by a named one."""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.schemas import AUTHORITIES, PartyType


class InvestigationRules(Finder):
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
