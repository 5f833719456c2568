"""Subsidiaries: child and parent from 'subsidiary of', 'parent company', 'owned by'."""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, Draft, Finder
from casegraph.loaders.recognize import Mention


class SubsidiaryRules(Finder):
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
