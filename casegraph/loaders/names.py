"""What a capitalised name is, from the cue words around it: a legal form, a cue noun before or
after, a role, an apposition, a speech verb. Capitalisation alone proves nothing."""

from __future__ import annotations

from casegraph.loaders.parties import FIRM, PERSON
from casegraph.loaders.places import never_names
from casegraph.loaders.state import RecognizerState


class NameRules(RecognizerState):
    """Firms and people from the cues around each name."""

    def classify_names(self) -> None:
        """Firms and people from the cues around each capitalised name."""
        doc, lex = self.doc, self.lex
        heads = set(lex["firm_heads"])
        heads_first, after_heads = set(lex["firm_heads_first"]), set(lex["firm_after_heads"])
        honorifics = set(lex["honorifics"])
        titles = {h.lower() for h in honorifics if h.endswith(".")}
        determiners = set(lex["role_determiners"]) | set(lex["coref_determiners"]) | {"a", "an", "een"}
        firm_cue_end = self.cue_end.get("FIRM_CUE", set())
        firm_after = self.cue_at.get("FIRM_AFTER", set())
        role_end = self.cue_end.get("ROLE", set()) | self.cue_end.get("PERSON_CUE", set())
        role_start = self.cue_at.get("ROLE", set()) | self.cue_at.get("PERSON_CUE", set())
        speech_at = self.cue_at.get("SPEECH", set())
        speech_end = self.cue_end.get("SPEECH", set())
        blocked = {i for s, e in self.blocked for i in range(s, e)}
        org_role = set(self.org_roles)
        after_role_comma = {e + 1 for e in role_end}
        of_words = set(lex["of_words"])
        lower = self.layout.lower
        of_after_role = {e for e in self.cue_end.get("ROLE", set()) if e < len(doc) and lower[e] in of_words}
        for start, end in self.names:
            if start in blocked or start in self.in_headline:
                continue
            text = self.text(start, end)
            words = [w for w in self.layout.orth[start:end] if w not in {"(", ")"}]
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and end in self.legal:  # "Zolto Ventures Inc"
                self.add_form(self.text(start, end + 1), FIRM, "firm.legal_form", 0.95)
                continue
            if start in self.legal or words[-1] in self.lex["legal_forms"]:
                self.add_form(text, FIRM, "firm.legal_form", 0.95)
                continue
            if self.layout.orth[end - 1].endswith((".US", ".UK", ".EU")):
                self.add_form(text, FIRM, "firm.regional_domain", 0.85)
                continue
            if words[0] in honorifics and (
                self._person_shape(start + 1, end) or (end - start == 2 and not doc[start + 1].is_upper)
            ):  # "Sir Ann Vale", "Mr. Harte" (the surname of a person named in full elsewhere)
                key = self.add_form(self.text(start + 1, end), PERSON, "person.honorific", 0.9)
                if key:
                    self.form_key[text] = key
                continue
            if (
                start > 0
                and doc[start - 1].lower_ in titles
                and self._person_shape(start, end)
                and not doc[start - 1].is_sent_start
            ):  # "zijn mr. Eva Kuipers en drs. Bart Wolters benoemd": a title written small
                self.add_form(text, PERSON, "person.honorific", 0.85)
                continue
            if "&" in words[1:-1]:  # "Alvarez & Marsal", "Ernst & Young": partners' names joined are a firm
                self.add_form(text, FIRM, "firm.ampersand", 0.85)
                continue
            if len(words) > 1 and words[0] in heads_first:  # "Bank Rossiya", "Banco Ostwind"
                self.add_form(text, FIRM, "firm.name_head", 0.8)
                continue
            if self._compound_head(words[0]) or self._compound_head(words[-1]):  # "Landesbank Baden-Württemberg"
                self.add_form(text, FIRM, "firm.compound_head", 0.8)
                continue
            person_shape = self._person_shape(start, end)
            if (
                nxt is not None
                and nxt.lower_ in after_heads
                and nxt.is_lower
                and not person_shape
                and not (start > 0 and doc[start - 1].lower_ in determiners)
                and not any(s == end + 1 for s, _ in self.names)
                and not (end + 1 < len(doc) and doc[end + 1].is_lower and end + 1 not in role_start)
                and text.lower() not in never_names()
            ):
                key = self.add_form(f"{text} {nxt.text.capitalize()}", FIRM, "firm.head_after", 0.8)
                if key:  # "VTB bank chairman": the bank is VTB Bank, also called VTB
                    self.form_key.setdefault(text, key)
                continue
            cue_before = start in firm_cue_end or (start - 1 in org_role)
            if (start in role_end or start - 1 in org_role) and (person_shape or self._surname_after_role(start, end)):
                self.add_form(text, PERSON, "person.role_before", 0.9)
                continue
            if person_shape and start in self.cue_end.get("FOUNDED_BY", set()):
                self.add_form(text, PERSON, "person.founded_by", 0.85)  # "founded by Ann Vale"
                continue
            if start in after_role_comma and doc[start - 1].text == "," and person_shape:
                self.add_form(text, PERSON, "person.role_comma", 0.85)  # "its founder, Ann Vale"
                continue
            if start in firm_cue_end and not person_shape:
                self.add_form(text, FIRM, "firm.cue_before", 0.85, kind=self._kind_before(start))
                continue
            if len(words) > 1 and (words[-1] in heads or " ".join(words[-2:]) in heads):
                self.add_form(text, FIRM, "firm.name_head", 0.8)
                continue
            if person_shape and self._relative_after(end):
                self.add_form(text, PERSON, "person.relative", 0.8)  # "Herman Gref, who heads Sberbank"
                continue
            appos = self._apposition(end)
            if appos == "person" and person_shape:
                self.add_form(text, PERSON, "person.apposition", 0.9)
                continue
            if appos == "firm":
                self.add_form(text, FIRM, "firm.apposition", 0.85, kind=self._kind_after(end))
                continue
            if end in role_start and self._name_after_role(end):
                self.add_form(text, FIRM, "firm.org_role_person", 0.85)
                continue
            if start in after_role_comma and doc[start - 1].text == "," and not person_shape:
                self.add_form(text, FIRM, "firm.after_role", 0.75)
                continue
            if (
                self._cue_after(end, firm_after)
                and not doc[start].like_num
                and not self._only_opening(start, end)
                and not (start > 0 and doc[start - 1].lower_ in {"a", "an", "een"})
            ):
                self.add_form(text, FIRM, "firm.cue_after", 0.8)
                continue
            if person_shape and self._appointed_after(end, role_start) and doc[start - 1].lower_ not in of_words:
                self.add_form(text, PERSON, "person.appointed", 0.8)  # "benoemde X tot curator"
                continue
            if person_shape and (end in speech_at or start in speech_end):
                self.add_form(text, PERSON, "person.speech", 0.75)
                continue
            if cue_before:
                self.add_form(text, FIRM, "firm.cue_before", 0.7)
                continue
            if not person_shape and start - 1 in of_after_role and not doc[start].like_num:
                self.add_form(text, FIRM, "firm.role_of", 0.75)  # "a former chairman of Nasdaq"
                continue
            if (
                not person_shape
                and start >= 2
                and doc[start - 1].text == ","
                and start - 1 in firm_cue_end
                and (nxt is None or nxt.text in {",", ".", ";"})
            ):
                self.add_form(text, FIRM, "firm.cue_comma", 0.75)  # "its investment fund, Optimal,"
        self._people_of_firms()

    def _appointed_after(self, end: int, role_start: set[int]) -> bool:
        """ "X as administrator", "X zijn aangesteld als curatoren", "X and Y of Rock Street were
        appointed joint liquidators": a name appointed to a role, across the firm it is of."""
        doc, lex = self.doc, self.lex
        of_firm = None
        if end < len(doc) and doc[end].lower_ in lex["of_words"]:  # "of (the restructuring firm) Rock Street"
            after = [(s, e) for s, e in self.names if end < s <= end + 4]
            of_firm = next(((s, e) for s, e in after if s == end + 1 or doc[end + 1 : s].text.islower()), None)
            end = of_firm[1] if of_firm else end
        if end < len(doc) and doc[end].lower_ in lex["coordinators"]:
            return False  # "X and Y of Z were appointed": the pair rule gives X once Y is a person
        seen = False
        for i in range(end, min(end + 6, len(doc) - 1)):
            if not doc[i].is_alpha or not doc[i].is_lower:
                return False
            seen = seen or doc[i].lower_ in lex["appointed_as"] or doc[i].lower_ in lex["appointing"]
            if seen and i + 1 in role_start:
                if of_firm is not None:  # the firm the appointees come from
                    self.add_form(self.text(*of_firm), FIRM, "firm.of_appointee", 0.75)
                return True
        return False

    def _relative_after(self, end: int) -> bool:
        """ ", who": the relative pronoun English keeps for people."""
        doc = self.doc
        return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in self.lex["person_relatives"]

    def _compound_head(self, word: str) -> bool:
        """A word written whole with a firm's head noun at its end: "Commerzbank", "Gazprombank"."""
        lower = word.lower()
        return (
            word[:1].isupper()
            and not word.isupper()
            and any(lower.endswith(h) and len(lower) > len(h) + 2 for h in self.lex["compound_heads"])
        )

    def _people_of_firms(self) -> None:
        """ "Tiffany Wong of Alvarez & Marsal": a person's name before "of" and a firm is a person."""
        doc, of_words = self.doc, set(self.lex["of_words"])
        firm_starts = {s for s, e in self.names if self.form_key.get(self.text(s, e), "").startswith(FIRM.value)}
        for start, end in self.names:
            if (
                end + 1 < len(doc)
                and doc[end].lower_ in of_words
                and end + 1 in firm_starts
                and self.text(start, end) not in self.form_key
                and self._person_shape(start, end)
                and start not in self.in_headline
            ):
                self.add_form(self.text(start, end), PERSON, "person.of_firm", 0.8)

    def _surname_after_role(self, start: int, end: int) -> bool:
        """ "president Poetin en minister Lavrov", "CEO Zhao said": one capitalised word after a role is
        a surname when no capital follows it and it is no acronym or known name."""
        doc = self.doc
        if end - start != 1 or doc[start].is_upper or self.text(start, end) in self.form_key:
            return False
        if not any(e == start and e - s <= 3 for s, e in self.roles + self.cue_spans_all("PERSON_CUE")):
            return False  # "head of credit at Tellis": a long role phrase ends in its firm
        if doc[start].text in self.lex["authority_heads"] or doc[start].text in {"General", "Generaal"}:
            return False  # "Attorney General"
        return end >= len(doc) or not doc[end].text[:1].isupper()

    def _kind_before(self, start: int) -> str | None:
        token = self.doc[start - 1].lower_
        for noun, kind in self.lex["firm_coref"].items():
            if kind and token.endswith(noun.split()[-1]):
                return kind
        return None

    def _kind_after(self, end: int) -> str | None:
        doc = self.doc
        for i in range(end + 1, min(end + 9, len(doc))):
            if doc[i].text in {",", ".", ";", "("}:
                break
            for noun, kind in self.lex["firm_coref"].items():
                if kind and doc[i].lower_.endswith(noun.split()[-1]):
                    return kind
        return None

    def _apposition(self, end: int) -> str | None:
        """ ", a Canadian crypto exchange" -> firm; ", the founder of" / ", woordvoerder" -> person."""
        doc = self.doc
        if end >= len(doc) - 1 or doc[end].text != ",":
            return None
        firm_cue_start = self.cue_at.get("FIRM_CUE", set())
        role_start = self.cue_at.get("ROLE", set()) | self.cue_at.get("PERSON_CUE", set())
        for i in range(end + 1, min(end + 8, len(doc))):
            token = doc[i]
            if token.text in {",", ".", ";", "(", ")"} or token.is_sent_start:
                return None
            if i in role_start:
                role_end = min((e for s, e in self.roles if s == i), default=i + 1)
                if role_end < len(doc) and any(s == role_end for s, _ in self.names):
                    return None  # ", Rumble CEO Chris": the role is Chris's
                return "person"
            if i in firm_cue_start:
                # "the SEC's chair": a role further on decides
                if any(j in role_start for j in range(i + 1, min(i + 5, len(doc)))):
                    return "person"
                return "firm"
        return None

    def _name_after_role(self, end: int) -> bool:
        role_ends = [e for s, e in self.roles if s == end] or [e for s, e in self.roles if s == end]
        for e in role_ends:
            if e < len(self.doc) and any(s == e and self._person_shape(s, n) for s, n in self.names):
                return True
        if any(s in role_ends for s, _ in self.nicks):
            return True
        pe = [e for e in self.cue_end.get("PERSON_CUE", set()) if e > end and e - end <= 3]
        return any(any(s == e and self._person_shape(s, n) for s, n in self.names) for e in pe)

    def _cue_after(self, end: int, firm_after: set[int]) -> bool:
        doc = self.doc
        if end in firm_after:
            return True
        return (
            end + 1 in firm_after
            and end < len(doc)
            and doc[end].lower_ in {"crypto", "cryptocurrency", "trading", "lending"}
        )
