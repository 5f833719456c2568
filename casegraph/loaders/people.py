"""People named by a nickname ('Ming “MT” Tao') or a shared surname ("Bram Haldane" when
"Ilse Haldane" is a person)."""

from __future__ import annotations

from itertools import pairwise

from casegraph.loaders.lexicon import as_set
from casegraph.loaders.parties import PERSON
from casegraph.loaders.state import RecognizerState


class PeopleRules(RecognizerState):
    """People from nicknames and family names."""

    def nicknames(self) -> None:
        """'Ming “MT” Tao' -> person Ming Tao, also called MT."""
        doc = self.doc
        for start, end in self.nicks:
            name = f"{doc[start].text} {doc[end - 1].text}"
            key = self.add_form(name, PERSON, "person.nickname", 0.85)
            if key:
                self.form_key[self.text(start, end)] = key
                self.form_key[doc[start + 2].text] = key
                self.parties[key].forms[self.text(start, end)] = None

    def titled(self) -> None:
        """ "U.S. District Judge Ann Vale", "Acting Chairman Bo Lund", "minister van Justitie Ann Vale":
        a title inside a capitalised run makes the two or three words after it a person; the run is
        cut there so the title stays no part of the name."""
        titles = self.cue_end.get("ROLE", set()) | self.cue_end.get("PERSON_CUE", set())
        out = []
        for start, end in self.names:
            cut = max((p for p in range(start + 1, end - 1) if p in titles), default=None)
            if cut is None or start in self.in_headline or not 2 <= end - cut <= 3 or not self._person_shape(cut, end):
                out.append((start, end))
                continue
            self.add_form(self.text(cut, end), PERSON, "person.title", 0.85)
            out.append((cut, end))
        self.names = out

    def pairs(self) -> None:
        """ "Ann Vale and Bo Lund, the founders": a person-shaped name joined to a person is one too."""
        coordinators = as_set(self.lex["coordinators"])
        lay = self.layout
        spans = sorted(self.names)
        for (s1, e1), (s2, e2) in pairwise(spans):
            if s2 - e1 != 1 or lay.lower[e1] not in coordinators:
                continue
            one, two = self.text(s1, e1), self.text(s2, e2)
            known = {t: self.parties[self.form_key[t]].type for t in (one, two) if t in self.form_key}
            if PERSON not in known.values():
                continue
            for (s, e), text in (((s1, e1), one), ((s2, e2), two)):
                if text not in known and self._person_shape(s, e):
                    self.add_form(text, PERSON, "person.pair", 0.75)

    def family(self) -> None:
        """ "Bram Haldane" is a person when "Ilse Haldane" is: a shared surname."""
        surnames = {self.parties[k].name.split()[-1] for k in self.form_key.values() if self.parties[k].type is PERSON}
        particles = set(self.lex.get("name_particles") or [])  # "Van Riemsdijk" is the surname, maybe the firm
        for start, end in self.names:
            text = self.text(start, end)
            if text not in self.form_key and end - start == 2 and self.layout.orth[end - 1] in surnames:
                if self.layout.orth[start] in particles or self._compound_head(self.layout.orth[start]):
                    continue  # "Installatiebedrijf Dunnewold" is the firm of Kees Dunnewold
                self.add_form(text, PERSON, "person.family", 0.75)
