"""Facts from cue words and the parties around them, one module per fact type.

Each cue match of ``pipeline`` (labels are the keys of ``cues`` in the word lists) is read within its
sentence by the ``on_<label>`` rule of its fact module. Roles come from position, not from words of
one language: for a verb cue the party on the other side of the authority is the subject, so "the
SEC is investigating Vela" and "Vela wordt onderzocht door de SEC" give the same fact.
"""

from __future__ import annotations

from typing import Any

from casegraph.loaders.facts.acquisition import AcquisitionRules
from casegraph.loaders.facts.bankruptcy import BankruptcyRules
from casegraph.loaders.facts.base import Draft
from casegraph.loaders.facts.charge import ChargeRules
from casegraph.loaders.facts.exposure import ExposureRules, one_direction
from casegraph.loaders.facts.freeze import FreezeRules
from casegraph.loaders.facts.investigation import InvestigationRules
from casegraph.loaders.facts.officer import OfficerRules
from casegraph.loaders.facts.subsidiary import SubsidiaryRules
from casegraph.loaders.facts.suspension import SuspensionRules
from casegraph.loaders.money import Money
from casegraph.loaders.recognize import Recognition

__all__ = ["Draft", "FactFinder", "find_facts"]


class FactFinder(
    SuspensionRules,
    BankruptcyRules,
    InvestigationRules,
    ChargeRules,
    FreezeRules,
    ExposureRules,
    AcquisitionRules,
    SubsidiaryRules,
    OfficerRules,
):
    def run(self) -> list[Draft]:
        out: list[Draft] = []
        seen_cues: set[tuple[str, int, int]] = set()
        for label, start, end in self.rec.cues:  # two cues of one label at one word may each tell a part
            if (label, start, end) in seen_cues:
                continue
            seen_cues.add((label, start, end))
            handler = getattr(self, f"on_{label.lower()}", None)
            if handler is None or self.negated(start, end, label):
                continue
            out.extend(handler(start, end))
        out.extend(self.officers())
        out.extend(self.header_rows())
        out.extend(self.topic_exposures(out))
        return one_direction(out)


def find_facts(rec: Recognition, lex: dict[str, Any], money: list[Money], date: str | None, lang: str) -> list[Draft]:
    return FactFinder(rec, lex, money, date, lang).run()
