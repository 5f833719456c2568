"""Asset freezes: an authority freezing or seizing a party's assets."""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.recognize import Mention
from casegraph.schemas import AUTHORITIES


class FreezeRules(Finder):
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
