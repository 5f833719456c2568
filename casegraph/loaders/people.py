"""People named by a nickname ('Ming “MT” Tao') or a shared surname ("Bram Haldane" when
"Ilse Haldane" is a person)."""

from __future__ import annotations

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

    def family(self) -> None:
        """ "Bram Haldane" is a person when "Ilse Haldane" is: a shared surname."""
        surnames = {self.parties[k].name.split()[-1] for k in self.form_key.values() if self.parties[k].type is PERSON}
        for start, end in self.names:
            text = self.text(start, end)
            if text not in self.form_key and end - start == 2 and self.doc[end - 1].text in surnames:
                self.add_form(text, PERSON, "person.family", 0.75)
