"""Asset freezes and sanctions: a state, regulator or court freezing, seizing or blocking a party's
assets, or designating it ("the UK government slapped an asset freeze on Vela's owner Ann Vos",
"Ostwind was hit with US sanctions", "de tegoeden van Vos worden bevroren"). A freeze with no
authority named in the text ("assets seized in Spain") is no fact."""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.recognize import Mention
from casegraph.schemas import AUTHORITIES, PartyType


class FreezeRules(Finder):
    def on_freeze(self, start: int, end: int) -> Iterator[Draft]:
        """ "the Securities Commission of The Bahamas froze assets of Vela Digital Markets", "an asset
        freeze on Ann Vos", "Vos was hit with a UK asset freeze", "sanctioned Vos and Ming Tao"."""
        number = self.sent_index[start]
        sent = self.sents[number]
        parties = self.in_sentence(number)
        if any(m.start < start < m.end for m in parties):  # "Office of Foreign Assets Control": a word of a name
            return
        targets = [m for m in parties if self.type_of(m) in {FIRM, PERSON} and not self._modifier(m, parties)]
        target = self._freeze_target(start, end, targets) if targets else None
        if target is None:
            self._told_unnamed(start, number)  # "OFAC designated a Kyrgyz money transfer business": named later
            return
        group = self.followers(target, [m for m in targets if m.start > target.start])
        authority = self._freezing_authority(start, end, number, target)
        if authority is None:
            return
        self.freeze_told = (authority, number)
        for state in self.coordinated(authority, number):  # "the US, the UK and the EU froze"
            for member in group:
                if member.key != state.key:
                    yield self.draft(
                        "asset_freeze", {"authority": state.key, "target": member.key}, sent, "fact.asset_freeze", 0.75
                    )

    def on_listed(self, start: int, end: int) -> Iterator[Draft]:
        """ "the Council added Vela and Ann Vos to its sanctions list", "heeft Ann Vos aan de
        sanctielijst toegevoegd": a listing freezes what the listed hold; the targets are named inside
        the phrase, else (the verb last) between the authority and it."""
        number = self.sent_index[start]
        parties = self.in_sentence(number)
        people = [m for m in parties if self.type_of(m) in {FIRM, PERSON} and not self._modifier(m, parties)]
        inside = [m for m in people if start < m.start and m.end < end]
        authorities = [m for m in parties if self.type_of(m) in AUTHORITIES and m.end <= start]
        targets = inside or [m for m in people if authorities and authorities[-1].end <= m.start and m.end <= start]
        authority = self._freezing_authority(start, end, number, targets[0]) if targets else None
        if authority is None:
            return
        self.freeze_told = (authority, number)
        for target in targets:
            yield self.draft(
                "asset_freeze", {"authority": authority.key, "target": target.key}, self.sents[number],
                "fact.asset_freeze.listed", 0.7,
            )

    def _told_unnamed(self, start: int, number: int) -> None:
        """An authority acting on targets the sentence does not name: what later sentences add to the
        measure ("So was Jadeport Trading", "Its owner was also designated") is that authority's."""
        acting = [
            a
            for a in self.in_sentence(number)
            if self.type_of(a) in AUTHORITIES and a.end <= start and self._authority_acts(a, start, number)
        ]
        if acting:
            self.freeze_told = (acting[-1], number)

    def on_sanction_list(self, start: int, end: int) -> Iterator[Draft]:
        """ "Also on the list were Ann Vos and Ming Tao": more targets of the sanctions just told."""
        number = self.sent_index[start]
        authority = self._told_authority(number)
        if authority is None:
            return
        asides = self._asides(start, self.sents[number].end)
        parties = [m for m in self.in_sentence(number) if not any(a <= m.start < b for a, b in asides)]
        for member in [m for m in parties if self.type_of(m) in {FIRM, PERSON} and not self._modifier(m, parties)]:
            yield self.draft(
                "asset_freeze",
                {"authority": authority.key, "target": member.key},
                self.sents[number],
                "fact.asset_freeze.list",
                0.6,
            )

    def _freeze_target(self, start: int, end: int, targets: list[Mention]) -> Mention | None:
        """The party whose assets are frozen: after 'assets of' / 'freeze on' / the verb; the subject
        of a passive ("Vos was hit with", "were sanctioned", "worden bevroren")."""
        doc = self.doc
        sent = self.sents[self.sent_index[start]]
        cue_words = {c.split()[0] for c in self.lex["asset_cues"]}
        of_words = as_set(self.lex["of_words"]) | as_set(self.lex["freeze_on"])
        of_targets = [
            m
            for m in targets
            if start - 2 <= m.start <= end + 8  # this cue's, not a later "having frozen the assets of X"
            and doc[m.start - 1].lower_ in of_words
            and any(doc[i].lower_ in cue_words for i in range(max(sent.start, m.start - 3), m.start))
        ]
        if of_targets:
            return of_targets[0]
        owned = [
            m for m in targets if end <= m.start <= end + 10 and self._owned_by(m) and not self._crosses(end, m.start)
        ]
        if owned:  # "froze 50 million francs held by Ann Vos", "het jacht dat toebehoort aan Vos"
            return owned[0]
        passive = {t.lower_ for t in doc[max(sent.start, start - 4) : end]} & as_set(self.lex["freeze_passive"])
        before = [m for m in targets if m.end <= start and start - m.end <= 8]
        after = [m for m in targets if m.start >= end and m.start - end <= 8]
        listed = [i for i in range(end, sent.end) if doc[i].lower_ in as_set(self.lex["list_cues"])]
        if listed and not after:  # "seven oligarchs slapped with sanctions, including Ann Vos"
            after = [m for m in targets if m.start > listed[0]]
            if after:
                return after[0]
        if passive and before:
            return self._subject_back(before)
        on = [m for m in after if any(t.lower_ in of_words for t in doc[end : m.start])]
        if on:
            return on[0]
        if after:
            return after[0]
        if before and doc[start].lower_ in as_set(self.lex["freeze_verbs_last"]):  # "activa van Vela bevroren"
            return before[-1]
        if before and self._object_relative(before[-1].end, start):
            return before[-1]
        if before and self._their_assets(before[-1], start, end):
            return self._object_before(before)
        return None

    def _their_assets(self, last: Mention, start: int, end: int) -> bool:
        """ "zette Vela op de sanctielijst en bevroor haar tegoeden", "listed Vela and froze its assets":
        the assets are those of the party the first clause acted on."""
        possessives = as_set(self.lex["possessives"]) | as_set(self.lex["object_possessives"])
        gap = [t.lower_ for t in self.doc[last.end : start]]
        return any(t.lower_ in possessives for t in self.doc[start:end]) and bool(
            set(gap) & as_set(self.lex["coordinators"])
        )

    def _object_before(self, before: list[Mention]) -> Mention | None:
        """The first party after the authority that opens the sentence, when nothing else comes between."""
        number = self.sent_index[before[0].start]
        authorities = [
            m for m in self.in_sentence(number) if self.type_of(m) in AUTHORITIES and m.end <= before[0].start
        ]
        if not authorities or before[0].start - authorities[-1].end > 2:
            return None
        return before[0]

    def _owned_by(self, mention: Mention) -> bool:
        """The words right before the mention tie what was frozen to its owner: "held by", "belonging to"."""
        before = self.layout.text(max(0, mention.start - 3), mention.start).lower()
        return any(before.endswith(link) for link in self.lex["owner_links"])

    def _object_relative(self, lo: int, cue: int) -> bool:
        """ "Vela FZE, a Dubai company that OFAC designated": 'that' / 'which' / 'die', then only the
        authority (and auxiliaries) before the cue; "whose owner OFAC designated" is not one."""
        words = [t.lower_ for t in self.doc[lo:cue]]
        relatives = as_set(self.lex["object_relatives"])
        at = max((i for i, w in enumerate(words) if w in relatives), default=None)
        if at is None or len(words) > 10:
            return False
        number = self.sent_index[cue]
        agent = [m for m in self.in_sentence(number) if self.type_of(m) in AUTHORITIES and lo + at < m.start < cue]
        if len(agent) != 1:
            return False
        rest = [t.lower_ for t in self.doc[agent[0].end : cue]]
        return all(w in self.auxiliaries for w in rest) and all(
            w in self.lex["articles"] for w in words[at + 1 : agent[0].start - lo]
        )

    def _freezing_authority(self, start: int, end: int, number: int, target: Mention) -> Mention | None:
        """The authority that acts: the subject before the cue, the agent after 'by'/'door', one naming
        the measure ("a UK asset freeze", "Amerikaanse sancties"); else the one of the sanctions told
        just before in the text."""
        authorities = [m for m in self.in_sentence(number) if self.type_of(m) in AUTHORITIES]
        agents = [a for a in authorities if a.start >= end and self._by_agent(a)]
        if agents:
            return agents[0]
        if self.doc[start].lower_ in {c.split()[0] for c in self.lex["asset_cues"]}:
            # "a UK asset freeze" names who froze; "the UK assets of Vela" only where they are
            authorities = [
                a
                for a in authorities
                if not (a.end == start and a.end - a.start == 1 and self.type_of(a) is PartyType.GOVERNMENT)
            ]
        naming = [
            a
            for a in authorities
            if (a.end <= start and start - a.end <= 1) or (start <= a.start < end and not self._located(a))
        ]
        if naming:
            return naming[0]
        acting = [a for a in authorities if a.end <= start and self._authority_acts(a, start, number, target)]
        if acting:
            return acting[-1]
        speaking = [a for a in authorities if a.start >= end and self._speaks(a)]
        if speaking:  # "Vela's assets in the EU are frozen, the Council said": the authority telling its measure
            return speaking[0]
        return self._told_authority(number)

    def _speaks(self, authority: Mention) -> bool:
        """ ", OFAC said", ", meldt de Raad": the authority is the speaker of a clause after the measure."""
        speech = as_set(self.lex["speech_verbs"])
        articles = as_set(self.lex["authority_articles"])
        i = authority.start - 1
        while i >= 0 and self.doc[i].lower_ in articles:
            i -= 1
        after = self.doc[authority.end].lower_ if authority.end < len(self.doc) else ""
        return (i >= 0 and self.doc[i].lower_ in speech) or after in speech

    def _told_authority(self, number: int) -> Mention | None:
        """The authority of a freeze found a few sentences before."""
        told = getattr(self, "freeze_told", None)
        return told[0] if told and 0 <= number - told[1] <= 8 else None

    def _authority_acts(self, authority: Mention, start: int, number: int, target: Mention | None = None) -> bool:
        """The authority before the cue is its subject ("the court froze"): no other party acting in
        between. "Vela said it froze accounts" or funds "frozen on an exchange" are no order."""
        between = [
            m
            for m in self.in_sentence(number, FIRM, PERSON)
            if authority.end <= m.start and m.end <= start and (target is None or m.key != target.key)
        ]
        pronouns, prepositions = as_set(self.lex["subject_pronouns"]), as_set(self.lex["prepositions"])
        words = self.doc[authority.end : start]  # "onderzoek naar het bedrijf": after a preposition no subject
        return not between and not any(t.lower_ in pronouns and t.nbor(-1).lower_ not in prepositions for t in words)

    def _modifier(self, mention: Mention, parties: list[Mention]) -> bool:
        """A firm naming a person's organisation, not a target: "Rosneft chief executive Igor Sechin",
        "Chelsea's Russian owner Roman Abramovich"."""
        if self.type_of(mention) is not FIRM:
            return False
        after = [m for m in parties if self.type_of(m) is PERSON and 0 < m.start - mention.end <= 4]
        if not after:
            return False
        gap = [t.lower_ for t in self.doc[mention.end : after[0].start]]
        if set(gap) & as_set(self.lex["coordinators"]):
            return False
        roles = self.role_words | {w for p in self.lex["parent_words"] for w in p.split()}
        # "Vela's owner, Ann Vos": a comma is allowed when only a role stands between
        return "," not in gap or all(w in roles or w in {",", "'s", "’s"} for w in gap)

    def on_block(self, start: int, end: int) -> Iterator[Draft]:
        """ "OFAC had already blocked VTB Bank": blocking a party, in a text about sanctions, is a
        blocking sanction by the authority of that sentence. The party must follow the verb as its
        object: "blocked the deal", "blocked Vela from paying" or "blocked Vela's takeover" is not one."""
        number = self.sent_index[start]
        near = range(max(0, number - 2), number + 1)
        if not any(self.has_any(self.sents[n], self.lex["sanction_words"]) for n in near):
            return
        parties = self.in_sentence(number, FIRM, PERSON)
        skip = 1 if end < len(self.doc) and self.doc[end].lower_ in self.lex["articles"] else 0
        target = next((m for m in parties if m.start == end + skip), None)
        if target is None or self.doc[min(target.end, len(self.doc) - 1)].lower_ in self.lex["block_not_after"]:
            return
        authorities = [m for m in self.in_sentence(number) if self.type_of(m) in AUTHORITIES and m.end <= start]
        acting = [a for a in authorities if self._authority_acts(a, start, number, target)]
        if not acting:
            return
        for member in self.followers(target, [m for m in parties if m.start > target.start]):
            roles = {"authority": acting[-1].key, "target": member.key}
            yield self.draft("asset_freeze", roles, self.sents[number], "fact.asset_freeze.block", 0.7)
