"""The invented case the query tests load (no tests here): own names and words, as Extraction JSON lines.

Borealis Exchange has two subsidiaries (Borealis Markets, Borealis Custody); Aster Lending is exposed
to the parent and to Borealis Markets; Cedar Fund to Aster; Dune Capital to Cedar; Elm Bank to Dune
(a fourth hop). Borealis Markets' assets are frozen; the chief executive is under investigation.
"""

from __future__ import annotations

import json

from casegraph.graph import write_extractions
from casegraph.loaders.result import Loaded
from casegraph.schemas import content_id, parse_line


def _ev(sentence: str) -> list[dict]:
    return [{"sentence": sentence, "start": 0, "end": len(sentence), "extractor": "test", "confidence": 1.0}]


def _doc(doc_id: str, date: str | None, title: str) -> dict:
    return {"id": content_id(doc_id), "source": f"test/{doc_id}", "title": title, **({"date": date} if date else {})}


CASE = [
    {"id": "borealis-structure", "document": _doc("d1", "2023-01-15", "Borealis group structure"),
     "entities": [{"name": "Borealis Exchange Ltd", "type": "Firm", "aliases": ["Borealis"]},
                  {"name": "Borealis Markets", "type": "Firm"},
                  {"name": "Borealis Custody", "type": "Firm"},
                  {"name": "Mira Solberg", "type": "Person"}],
     "facts": [{"type": "subsidiary", "child": "Borealis Markets", "parent": "Borealis Exchange Ltd",
                "evidence": _ev("Borealis Markets is a unit of Borealis Exchange.")},
               {"type": "subsidiary", "child": "Borealis Custody", "parent": "Borealis Exchange Ltd"},
               {"type": "officer", "person": "Mira Solberg", "org": "Borealis Exchange Ltd",
                "role": "chief executive"}]},
    {"id": "aster-exposure", "document": _doc("d2", "2023-03-01", "Lenders count their losses"),
     "entities": [{"name": "Aster Lending", "type": "Firm"}, {"name": "Borealis Exchange", "type": "Firm"},
                  {"name": "Borealis Markets", "type": "Firm"}, {"name": "Cedar Fund", "type": "Firm"},
                  {"name": "Dune Capital", "type": "Firm"}, {"name": "Elm Bank", "type": "Firm"}],
     "facts": [{"type": "exposure", "exposed": "Aster Lending", "counterparty": "Borealis Exchange",
                "amount": 50000000, "currency": "USD",
                "evidence": _ev("Aster Lending has 50 million dollars at Borealis.")},
               {"type": "exposure", "exposed": "Aster Lending", "counterparty": "Borealis Markets",
                "amount": 10000000, "currency": "USD"},
               {"type": "exposure", "exposed": "Cedar Fund", "counterparty": "Aster Lending",
                "amount": 5000000, "currency": "USD"},
               {"type": "exposure", "exposed": "Dune Capital", "counterparty": "Cedar Fund",
                "amount": 1000000, "currency": "EUR"},
               {"type": "exposure", "exposed": "Elm Bank", "counterparty": "Dune Capital", "amount": 250000.5,
                "currency": "EUR"},
               {"type": "exposure", "exposed": "Borealis Markets", "counterparty": "Borealis Exchange",
                "amount": 7, "currency": "USD"}]},
    {"id": "borealis-freeze", "document": _doc("d3", "2023-03-12", "Regulator freezes Borealis Markets"),
     "entities": [{"name": "Island Markets Authority", "type": "Regulator"},
                  {"name": "Borealis Markets", "type": "Firm"},
                  {"name": "Harbour Conduct Office", "type": "Regulator"}, {"name": "Mira Solberg", "type": "Person"},
                  {"name": "Borealis Exchange", "type": "Firm"}],
     "facts": [{"type": "asset_freeze", "authority": "Island Markets Authority", "target": "Borealis Markets",
                "date": "2023-03-10", "evidence": _ev("The authority froze the assets of Borealis Markets.")},
               {"type": "investigation", "authority": "Harbour Conduct Office", "subject": "Mira Solberg",
                "date": "2023-03"},
               {"type": "bankruptcy", "firm": "Borealis Exchange"}]},
    {"id": "zurich-side", "document": _doc("d4", "2023-02-20", "A Swiss clearer"),
     "entities": [{"name": "Zürich Clearing AG", "type": "Firm", "aliases": ["ZC"]},
                  {"name": "Aster Lending", "type": "Firm"}, {"name": "Cedar Fund", "type": "Firm"},
                  {"name": "Borealis Custody", "type": "Firm"}],
     "facts": [{"type": "exposure", "exposed": "Zürich Clearing AG", "counterparty": "Aster Lending"},
               {"type": "acquisition", "acquirer": "Cedar Fund", "target": "Borealis Custody", "status": "proposed",
                "date": "2023"}]},
]
LINES = [json.dumps(doc) for doc in CASE]


def load(store, lines: list[str] | None = None) -> None:
    report = write_extractions(store, [Loaded(f"case:{i}", parse_line(x)) for i, x in enumerate(lines or LINES, 1)])
    assert not report.failed, report.failed
