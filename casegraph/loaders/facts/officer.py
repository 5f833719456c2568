"""Officers: a role phrase between a person and an organisation, founders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from casegraph.loaders.facts.base import FIRM, PERSON, Draft, Finder
from casegraph.loaders.lexicon import as_set
from casegraph.loaders.parties import org_role_firm
from casegraph.loaders.places import never_names
from casegraph.loaders.recognize import Mention
from casegraph.schemas import PartyType

ORGS = {FIRM, PartyType.GOVERNMENT, PartyType.REGULATOR, PartyType.PROSECUTOR}  # a council's officers too
APPOSITION = {",", "-", "–", "—"}  # "Hugh Brand - finance director at the society -"


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

    def on_leads(self, start: int, end: int) -> Iterator[Draft]:
        """ "Herman Gref, who heads Sberbank", "Neil Woodford, the stock picker who founded Woodford
        Investment Management", "Ann Vos, die Vela oprichtte": a verb of office after a person names
        the organisation it governs; the verb is the role."""
        doc, number = self.doc, self.sent_index[start]
        sent = self.sents[number]
        parties = self.in_sentence(number)
        person = next(
            (m for m in reversed(parties) if m.end <= start and self.type_of(m) is PERSON), None
        )
        if person is None or start - person.end > 8 or doc[person.end].text != ",":
            return
        if any(person.end <= m.start < start for m in parties):
            return  # "Ann Vos, the CEO of Vela, who ...": another party stands between
        orgs = {FIRM, PartyType.REGULATOR, PartyType.PROSECUTOR}
        inside = [m for m in parties if start < m.start and m.end < end and self.type_of(m) in orgs]
        after = [m for m in parties if end <= m.start <= end + 1 and self.type_of(m) in orgs]
        org = inside[0] if inside else after[0] if after else None
        if org is not None and org.key != person.key:
            yield self.draft(
                "officer", {"person": person.key, "org": org.key}, sent, "fact.officer.verb", 0.75,
                role=doc[end - 1].text,
            )

    def officers(self) -> Iterator[Draft]:
        """A role phrase between a person and an organisation: "Vela founder Aron Velde",
        "Olav Vane, the founder of Ostwind", "Ostwind's former chief revenue officer",
        "Vela-topman Aron Velde", "oprichter Ming Tao" (org named just before)."""
        doc = self.doc
        modifiers = as_set(self.lex["role_modifiers"])
        of_words = as_set(self.lex["of_words"])
        roles = list(self.rec.roles) + [(m.start, m.start + 1) for m in self.rec.mentions if m.rule == "firm.org_role"]
        for start, end in roles:
            number = self.sent_index[start]
            sent = self.sents[number]
            parties = self.in_sentence(number)
            persons = [m for m in parties if self.type_of(m) is PERSON]
            orgs = [m for m in parties if self.type_of(m) in ORGS]
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
            if compound and self._department_after(end, persons):
                end += 1  # "DNB-directeur toezicht Maarten Oosterwijk": the department is part of the title
            role_text = self.layout.text(text_start, end)
            if self._not_an_office(role_start, role_text) or self._one_of_many(role_start, end):
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
            if person is None:  # "curator mr. Hanneke Bos", "Tot curator is mr. Sander Verhoef benoemd"
                fronted = role_start > sent.start and doc[role_start - 1].lower_ in as_set(self.lex["appointed_as"])
                person = self._person_after_title(persons, end, fronted)
            if person is None:
                person = next(
                    (
                        m
                        for m in reversed(persons)
                        if m.end <= role_start and doc[m.end].text in APPOSITION
                        and (role_start - m.end <= 6 or self._became(m.end, role_start))
                    ),
                    None,
                )
            if person is None:  # "Tony Lomas of PricewaterhouseCoopers, one of the joint administrators"
                person = self._person_of_firm_before(persons, orgs, role_start)
            linked = None  # "X and Y are the joint liquidators of Z", "X en Y zijn aangesteld als curatoren"
            of_org = None
            if person is None:
                person, of_org = self._person_after_org(persons, orgs, end)
            if person is None:
                person, linked = self._person_linked(persons, orgs, role_start)
            elif person.end <= role_start:  # "named X, a Munich lawyer, as administrator": appointed, not its own
                again, kind = self._person_linked(persons, orgs, role_start)
                linked = kind if again is person and kind == "appointed" else None
            if person is None:
                continue
            # the organisation
            org = of_org
            if compound:
                org = next(m for m in orgs if m.start == start and m.end == start)
            source = self._attributed(orgs, role_start, person)  # ", its general manager, Ray Fok, said"
            if org is None and linked is None:  # "Vela founder X", "the SEC's chair", "Ostwind's former CRO"
                org = next(
                    (
                        m
                        for m in reversed(orgs)
                        if m.end <= role_start
                        and role_start - m.end <= 2
                        and m.start >= (person.end if person.end <= role_start else sent.start)
                        and not self.has_any(doc[m.end : role_start], self.lex["speech_verbs"])  # ", bevestigt haar"
                        and not (source is not None and doc[m.end].text == ",")  # "... at the bank, its manager"
                    ),
                    None,
                )
            named_after = person.end < sent.end and doc[person.end].lower_ in of_words  # "topman X van Y"
            if org is None and linked is None and source is not None and person.start >= end and not named_after:
                org = source
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
            if org is None and linked is None:  # "Zelko en oprichter Ming Tao"
                org = next((m for m in reversed(orgs) if m.end <= role_start and role_start - m.end <= 2
                            and not self.has_any(doc[m.end : role_start], self.lex["speech_verbs"])
                            and not (source is not None and doc[m.end].text == ",")), None)
            insolvency = self._insolvency_role(role_text)
            if org is None and linked == "appointed" and insolvency:
                # "the court named X and Y as joint liquidators": of the firm that failed
                org = self._insolvent(role_start, {person.key} | {m.key for m in orgs if person.end <= m.start})
            if org is None and insolvency and (person.start >= end or linked is None):
                # "Tot curator is mr. X benoemd", "X of PwC, one of the joint administrators": of the failed firm
                org = self._insolvent(role_start, {person.key} | {m.key for m in orgs if m.end <= role_start})
            if org is None and linked == "appointed" and not insolvency:
                org = self._appointer(orgs, person)  # "Kessel Bank N.V. benoemde X tot commissaris"
            if org is None and linked is None and self._whose_role(role_start):
                # "Pearl Delta Holdings, a Shenzhen wealth manager, whose chairman Zhou Jianping said"
                org = next((m for m in reversed(orgs) if m.end < role_start), None)
            if org is None and linked is None and self._owned_role(role_start):
                # "Ember Group, which is controlled by its founder": the firm the clause hangs on; else
                # "Its chairman, Ann Vos": the last sentence's subject
                org = (self._speakers_own(orgs, role_start) or source or self._relative_owner(orgs, role_start)
                       or self._just_introduced(number, role_start) or self._previous_subject(number, ORGS))
            definite = set(self.lex["articles"]) - set(self.lex["indefinite_articles"])
            the = role_start if doc[role_start].lower_ in definite else role_start - 1
            apposed = person.end == the - 1 and doc[the].lower_ in definite and doc[person.end].text == ","
            apposed = apposed and not (end < sent.end and doc[end].lower_ in of_words)  # "the head of its desk"
            if org is None and (person.start >= end or apposed) and not self._unknown_name_before(role_start):
                # "Jon Corzine, the chairman and chief executive, did not answer": the text's firm
                if role_text.lower() in as_set(self.lex["state_roles"]) and not any(
                    self.type_of(m) is FIRM for m in parties
                ):
                    continue  # "President Joe Biden welcomed the takeover": a head of state, not the firm's
                # "Chief executive Ann Vos said": the firm the text is about so far, not the last named
                earlier = [m for m in self.rec.mentions if m.end <= role_start and self.type_of(m) is FIRM]
                counts = Counter(m.key for m in earlier)
                org = (self._issuing_authority(role_text, role_start, number) or self._family_firm(person, earlier)
                       or self._reported_subject(person, orgs) or source
                       or self._just_introduced(number, role_start)) or (
                    max(reversed(earlier), key=lambda m: counts[m.key]) if earlier else None
                )
                confidence = 0.5
            else:
                confidence = 0.8
            if org is None or org.key == person.key:
                continue
            if self.type_of(org) is PartyType.GOVERNMENT and role_text.lower().split()[-1] in self._state_words():
                continue  # "Ukraine's president Zelensky": a head of state is no officer of the state
            last = role_text.lower().split()[-1]
            plural = last.endswith(("s", "en")) and not last.endswith("ss")  # "curatoren", "co-founders"
            for member in self._joined(person, persons) if plural else [person]:
                yield self.draft(
                    "officer", {"person": member.key, "org": org.key}, sent, "fact.officer", confidence, role=role_text
                )

    def _reported_subject(self, person: Mention, orgs: list[Mention]) -> Mention | None:
        """ "Topman Robert Swaak zei dat ABN AMRO ... afbouwt", "Chief executive Ann Vos said Vela would":
        a role with no firm, whose holder speaks of a firm as the subject of what is said, heads that firm."""
        doc, sent = self.doc, self.sents[self.sent_index[person.start]]
        i = person.end
        if i >= sent.end or doc[i].lower_ not in as_set(self.lex["speech_verbs"]):
            return None
        i += 1
        if i < sent.end and doc[i].lower_ in as_set(self.lex["complementizers"]):
            i += 1
        firm = next((m for m in orgs if m.start == i), None)
        return firm if firm is not None and self.type_of(firm) is FIRM else None

    def _family_firm(self, person: Mention, earlier: list[Mention]) -> Mention | None:
        """ "Een schuldeiser is Van Oordt Pijpsystemen. ... zegt directeur Geert van Oordt": the one firm
        named in this sentence or the one before that bears the speaker's surname is the speaker's own
        (named further back, it may be the family's holding, not the firm the text is about)."""
        surname = self.rec.parties[person.key].name.split()[-1].lower()
        near = self.sent_index[person.start] - 1
        own = {m.key: m for m in earlier if self.sent_index[m.start] >= near
               and surname in self.rec.parties[m.key].name.lower().split()}
        return next(iter(own.values())) if len(own) == 1 and len(surname) > 2 else None

    def _person_of_firm_before(self, persons: list[Mention], orgs: list[Mention], role_start: int) -> Mention | None:
        """ "Alex Brunner of Dorrance Advisory, Pellham's chief restructuring officer": a person, the
        firm they come from, a comma, then the role."""
        doc, of_words = self.doc, as_set(self.lex["of_words"])
        for m in reversed(persons):
            if m.end >= role_start or m.end >= len(doc) or doc[m.end].lower_ not in of_words:
                continue
            firm = next((o for o in orgs if o.start == m.end + 1), None)
            if firm is not None and firm.end < role_start and doc[firm.end].text == "," and role_start - firm.end <= 6:
                return m
            return None
        return None

    def _appointer(self, orgs: list[Mention], person: Mention) -> Mention | None:
        """The firm that appoints someone to its own office: the firm right before the appointing verb
        ("Vela named Ann Vos as chief executive"); a court or regulator appoints to another's."""
        doc, verbs = self.doc, as_set(self.lex["appointing"]) | set(self.lex.get("appointing_active", []))
        firm = next((m for m in reversed(orgs) if m.end <= person.start), None)
        if firm is None or self.type_of(firm) is not FIRM or person.start - firm.end > 3:
            return None
        return firm if any(t.lower_ in verbs for t in doc[firm.end : person.start]) else None

    def _owned_role(self, role_start: int) -> bool:
        """ "Its chairman", "Its pension committee chairman": a role its owner's possessive opens."""
        doc, possessives = self.doc, as_set(self.lex["possessives"])
        for i in range(role_start, max(role_start - 4, -1), -1):
            if doc[i].lower_ in possessives:
                return True
            if i < role_start and not (doc[i].is_alpha and doc[i].is_lower):
                return False
        return False

    def _insolvency_role(self, role: str) -> bool:
        """ "joint liquidators", "judicial manager": an office a court gives over a failed firm (a
        "general manager" is the firm's own)."""
        role = role.lower()
        return any(role == r or role.endswith(f" {r}") for r in self.lex["insolvency_roles"])

    def _department_after(self, end: int, persons: list[Mention]) -> bool:
        """One lower-case noun between a firm's compound title and the person: "DNB-directeur toezicht X"."""
        doc = self.doc
        if end + 1 >= len(doc) or not (doc[end].is_alpha and doc[end].is_lower):
            return False
        if doc[end].lower_ in self.auxiliaries or doc[end].lower_ in as_set(self.lex["speech_verbs"]):
            return False
        return any(m.start == end + 1 for m in persons)

    def _whose_role(self, role_start: int) -> bool:
        """ ", whose chairman", ", a San Francisco start-up whose founder": the role of the party the
        relative clause (or the apposition it closes) hangs on."""
        doc, i = self.doc, role_start - 1
        while i >= 0 and doc[i].lower_ in as_set(self.lex["role_modifiers"]):
            i -= 1
        if i <= 0 or doc[i].lower_ not in as_set(self.lex["possessive_relatives"]):
            return False
        apposition = next((j for j in range(i - 1, max(i - 8, 0), -1) if not doc[j].text.replace("-", "").isalpha()),
                          None)  # the comma that opens the apposition, only words between
        return doc[i - 1].text == "," or (apposition is not None and doc[apposition].text == ","
                                          and doc[i - 1].is_lower)

    def _became(self, start: int, role_start: int) -> bool:
        """ ", who took over as Vela's chief executive": a relative clause that names the role after 'as'."""
        gap = [t.lower_ for t in self.doc[start:role_start]]
        return (len(gap) <= 10 and len(gap) > 2 and gap[1] in as_set(self.lex["person_relatives"])
                and bool(set(gap) & as_set(self.lex["appointed_as"])))

    def _just_introduced(self, number: int, role_start: int) -> Mention | None:
        """ "De webwinkel Kempenkado heeft nog 240.000 euro bij Vela staan. ,,...", zegt eigenaar X":
        a quote right after the sentence that brought in one new firm, not the one the text is about,
        is that firm's."""
        told = self.told(number)
        topic = self._topic(role_start)
        sent = self.sents[number]
        quoted = any(self.layout.quote[i] for i in range(sent.start, sent.end))
        named = [m for m in self.in_sentence(number, FIRM) if m.rule != "coref.definite"]
        if not told or topic is None or not quoted or named:
            return None  # a description in the quote ("op de beurs laten staan") names no firm of its own
        opens = self.sents[told[0]].start
        known = {m.key for m in self.rec.mentions if m.start < opens}  # new to the text in the sentence before
        others = {m.key: m for m in self.in_sentence(told[0], FIRM) if m.key != topic.key and m.key not in known}
        if len(others) != 1:
            return None
        new = next(iter(others.values()))
        preps = as_set(self.lex["to_words"]) | as_set(self.lex["of_words"]) | as_set(self.lex["by_words"])
        fronted = self.doc[self._past_dateline(self.sents[told[0]])].lower_ in preps  # "Bij Vela staat van X"
        lead = [t.lower_ for t in self.doc[max(opens, new.start - 4) : new.start]]
        placed = any(w in preps and not (fronted and w in as_set(self.lex["of_words"])) for w in lead)
        return None if placed else new  # "frozen at Vela", "the assets of Vela": a counterparty, no speaker

    def _speakers_own(self, orgs: list[Mention], role_start: int) -> Mention | None:
        """ "Vela, een kleine corporatie, zette ... in, bevestigt haar directeur X": after a speech verb
        the possessive is the sentence's subject's, the firm opening the sentence."""
        doc = self.doc
        i = next((i for i in range(role_start, max(role_start - 4, -1), -1)
                  if doc[i].lower_ in as_set(self.lex["possessives"])), None)
        if i is None or i == 0 or doc[i - 1].lower_ not in as_set(self.lex["speech_verbs"]):
            return None
        sent = self.sents[self.sent_index[role_start]]
        first = next((m for m in orgs if m.start < i), None)
        return first if first is not None and first.start - self._past_dateline(sent) <= 1 else None

    def _attributed(self, orgs: list[Mention], role_start: int, person: Mention) -> Mention | None:
        """ "Fok Trading has HK$42m at the bank, its general manager, Ray Fok, said", "Kempenhof houdt 3,4
        miljoen aan, zegt directeur Bas Hermsen": a role told as the source of the sentence is an officer of
        the firm the sentence opens with."""
        doc, speech = self.doc, as_set(self.lex["speech_verbs"])
        if self._whose_role(role_start):
            return None  # "Delta Group, whose chairman, Stanley Au, said": the group's
        i = role_start - 1
        while i >= 0 and doc[i].lower_ in as_set(self.lex["possessives"]) | {","}:
            i -= 1
        after = doc[person.end : person.end + 2]
        # "said its director, X", "..., according to its director, X"; "..., said X, its director"
        source = i >= 0 and (doc[i].lower_ in speech or self.follows(i + 1, self.lex["according_words"]))
        source = source or (person.end <= i + 1 and person.start > 0 and doc[person.start - 1].lower_ in speech)
        if not (source or any(t.lower_ in speech for t in after)):
            return None
        opens = self._past_dateline(self.sents[self.sent_index[role_start]])
        first = next((m for m in orgs if m.start >= opens), None)
        # the subject opens the sentence, or follows its description: "A Brooklyn market maker, Flatbush, ..."
        described = first is not None and first.start - opens <= 8 and any(  # "A …, (het wisselkantoor) X"
            doc[i].text == "," and all(t.is_lower for t in doc[i + 1 : first.start])
            for i in range(max(opens, first.start - 3), first.start))
        filler = as_set(self.lex["articles"]) | as_set(self.lex["coordinators"])
        summed = first is not None and all(  # "And the $60 million Saurashtra Refining prepaid to Vela is, its …"
            t.lower_ in filler or any(m.start <= t.idx < m.end for m in self.money) for t in doc[opens : first.start])
        if first is None or (first.start - opens > 4 and not (described or summed)) or first.end > role_start or (
                first.key == person.key):
            return None
        apposed = first.end < len(doc) and doc[first.end].text == ","  # "Andes, Corvanna's biggest customer,
        owner = next((m for m in orgs if m.start == first.end + 1), None)  # ...": told from Corvanna's side
        if apposed and owner is not None and self.owns_next(owner):
            return None
        owned = any(t.lower_ in as_set(self.lex["possessives"]) for t in doc[max(0, role_start - 1) : role_start + 1])
        types = ORGS if owned else {FIRM, PartyType.GOVERNMENT}  # "its acting governor" may be a regulator's
        return first if self.type_of(first) in types else None  # a council's officers too

    def _relative_owner(self, orgs: list[Mention], role_start: int) -> Mention | None:
        """ "Ember Coast Group, which is controlled by its founder": 'its' in a relative clause opened right
        after a firm is that firm's."""
        before = [m for m in orgs if m.end < role_start]
        return before[-1] if before and self._relative_of(before[-1], role_start) else None

    def _person_after_title(self, persons: list[Mention], end: int, fronted: bool = False) -> Mention | None:
        """The person after a role across a copula and a title: "curator mr. Hanneke Bos", "Als
        bewindvoerders zijn mr. Eva Kuipers en drs. Bart Wolters benoemd"; a role put first after
        "als"/"tot" needs no title ("Tot curatoren zijn Femke Lagerweij en Koen Bastiaansen benoemd")."""
        doc = self.doc
        titles = {w.lower() for w in self.lex["honorifics"]}
        glue = titles | {w for c in self.lex["copulas"] for w in c.split()} | as_set(self.lex["passive_be"])
        for m in persons:
            between = [t.lower_ for t in doc[end : m.start]]
            if 0 < len(between) <= 3 and set(between) <= glue and (fronted or titles & set(between)):
                return m
        return None

    def _person_after_org(
        self, persons: list[Mention], orgs: list[Mention], end: int
    ) -> tuple[Mention | None, Mention | None]:
        """ "the former risk officer of the bank, Ann Vale,", "de bestuurder van Vela, Ann Vale": the
        person after the role's organisation and a comma, and that organisation."""
        doc = self.doc
        if end >= len(doc) or doc[end].lower_ not in as_set(self.lex["of_words"]):
            return None, None
        org = next((m for m in orgs if end < m.start <= end + 3 and all(t.is_lower for t in doc[end : m.start])), None)
        if org is None or org.end >= len(doc):
            return None, None
        gap = 1 if doc[org.end].text == "," else 0  # "the head of Gazprom Alexei Miller"
        person = next((m for m in persons if m.start == org.end + gap), None)
        return (person, org) if person is not None else (None, None)

    def _state_words(self) -> set[str]:
        """The last words of a state's offices ("president", "minister"): politicians, not officers."""
        return {r.split()[-1] for r in self.lex["state_roles"]}

    def _person_linked(
        self, persons: list[Mention], orgs: list[Mention], role_start: int
    ) -> tuple[Mention | None, str | None]:
        """The person before a role joined to it by a copula ("X of Y are the joint liquidators",
        "Fridman and Aven are co-founders") or an appointment ("named X as administrator", "X zijn
        aangesteld als curatoren"), with which of the two it is."""
        doc = self.doc
        before = [m for m in persons if m.end <= role_start and role_start - m.end <= 12]
        if not before:
            return None, None
        person = before[-1]
        between = [t.lower_ for t in doc[person.end : role_start]]
        firm_of = [m for m in orgs if person.end < m.start and m.end <= role_start]
        if firm_of and between[:1] == [self.lex["of_words"][0]]:  # "X of Alvarez & Marsal are the ..."
            between = [t.lower_ for t in doc[firm_of[-1].end : role_start]]
        elif between[:1] == [","] and "," in between[1:]:  # "named X, a Munich lawyer, as administrator"
            between = between[between.index(",", 1) + 1 :]
        copulas = {w for c in self.lex["copulas"] for w in c.split()}
        if between and set(between) <= copulas and between[0] not in as_set(self.lex["role_determiners"]):
            return person, "copula"
        appointing = {*self.lex["appointed_as"], *self.lex["appointing"]}
        if appointing & set(between) and all(t.isalpha() for t in between):
            return person, "appointed"
        return None, None

    def _joined(self, person: Mention, persons: list[Mention]) -> list[Mention]:
        """ "Rudolf Lindeboom en Bart Kuijpers": the people joined to ``person`` by a coordinator."""
        doc, glue = self.doc, as_set(self.lex["coordinators"]) | {","} | {h.lower() for h in self.lex["honorifics"]}
        group = [person]
        for other in sorted(persons, key=lambda m: m.start):
            near = [m for m in group if 0 < other.start - m.end <= 2 or 0 < m.start - other.end <= 2]
            if other not in group and near:
                lo, hi = sorted((near[0], other), key=lambda m: m.start)
                if all(t.lower_ in glue for t in doc[lo.end : hi.start]):
                    group.append(other)
        return group

    def _insolvent(self, before: int, exclude: set[str]) -> Mention | None:
        """The firm nearest the cue of the sentence that last told a bankruptcy, else the firm the text is about."""
        cues = [(label, s) for label, s, _ in self.rec.cues if label.startswith("BANKRUPT") and s < before]
        for label, cue in reversed(cues):  # "Eerder had de rechtbank de vennootschap surseance verleend": no firm
            firms = [m for m in self.in_sentence(self.sent_index[cue], FIRM) if m.key not in exclude]
            named = [m for m in firms if not self._in_apposition(m, firms)]  # not "Vela, de dochter van Marlin,"
            if label == "BANKRUPT_SUBJ" and any(m.end <= cue for m in named):
                named = [m for m in named if m.end <= cue]  # "Vela filed for Chapter 11 after a sale to Marlin"
            if named:  # "Vela gated its fund after its borrower, Marlin GmbH, filed for insolvency": Marlin
                return min(named, key=lambda m: min(abs(cue - m.end), abs(m.start - cue)))
        key = self.salient_firm(exclude)
        return next((m for m in self.rec.mentions if m.key == key), None) if key else None

    def _previous_subject(self, number: int, types: set[PartyType]) -> Mention | None:
        """The first organisation of the sentence before: what "its" points back to; after a speaker
        ("OFAC said Sarkand Express moved ..."), the subject of what it said."""
        earlier = [m for m in self.in_sentence(number - 1) if self.type_of(m) in types] if number else []
        if len(earlier) > 1 and self._reported_after(earlier[0], earlier[1]):
            return earlier[1]
        return earlier[0] if earlier else None

    def _reported_after(self, speaker: Mention, said: Mention) -> bool:
        """ "OFAC said (that) Sarkand": ``said`` opens the clause ``speaker`` reports."""
        words = [t.lower_ for t in self.doc[speaker.end : said.start]]
        speech, that = as_set(self.lex["speech_verbs"]), as_set(self.lex["complementizers"])
        return 1 <= len(words) <= 2 and words[0] in speech and all(w in that for w in words[1:])

    def _not_an_office(self, role_start: int, role: str) -> bool:
        """ "Russian President Putin", "de Amerikaanse president", "his business partner": a state's
        office or a relationship, not an officer of a firm ("Chelsea's Russian owner" is one)."""
        if role_start == 0:
            return False
        word = self.doc[role_start - 1].lower_
        state = word in never_names() and role.lower() in as_set(self.lex["state_roles"])
        return state or word in as_set(self.lex["role_blockers"])

    def _one_of_many(self, role_start: int, end: int) -> bool:
        """ "a partner at Tidewell", "een analist bij Vela": one of a firm's many staff, quoted, is no
        officer named as such."""
        doc = self.doc
        return (role_start > 0 and doc[role_start - 1].lower_ in as_set(self.lex["indefinite_articles"])
                and end < len(doc) and doc[end].lower_ in as_set(self.lex["staff_of_words"]))

    def _unknown_name_before(self, role_start: int) -> bool:
        """ "U.S. Senate Banking Committee Chairman Christopher Dodd": a name the text gives right before
        the role, that recognition did not make a party, is the organisation; no other may stand in."""
        doc = self.doc
        if role_start == 0 or doc[role_start - 1].is_sent_start:
            return False
        prev = doc[role_start - 1]
        named = any(m.start <= role_start - 1 < max(m.end, m.start + 1) for m in self.rec.mentions)
        return prev.text[:1].isupper() and prev.lower_ not in as_set(self.lex["stop_caps"]) and not named

    def _issuing_authority(self, role: str, before: int, number: int) -> Mention | None:
        """ "Acting Chairman Bo Lund said" in a release that opens with an authority, "De centrale bank
        zegt ... Gouverneur X sprak van": a chair, commissioner or governor named without an organisation
        leads the authority the text comes from, or the one the sentence before opens with."""
        if role.lower().split()[-1] not in as_set(self.lex["authority_roles"]):
            return None
        authorities = {PartyType.REGULATOR, PartyType.PROSECUTOR}
        mentions = [m for m in self.rec.mentions if m.end <= before]
        if mentions and self.type_of(mentions[0]) in authorities:
            return mentions[0]
        previous = self._previous_subject(number, {FIRM, *authorities})
        return previous if previous is not None and self.type_of(previous) in authorities else None
