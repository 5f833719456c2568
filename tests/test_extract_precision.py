"""Precision rules on short texts of our own: hedged or denied events, freezes nobody ordered, role
text without its determiner; each beside the plain sentence that must still give the fact."""

from __future__ import annotations

import pytest

from casegraph.loaders.extract import Meta, extract


def facts(text: str, lang: str) -> set[tuple]:
    out = set()
    for fact in extract(text, Meta(id="t", lang=lang, date="2023-03-10")).facts:
        out.add((fact.type, *(getattr(fact, r) for r in fact.roles if getattr(fact, r))))
    return out


@pytest.mark.parametrize(
    ("plain", "hedged", "lang", "fact"),
    [
        (
            "Crypto lender Ostwind Capital filed for bankruptcy on Monday.",
            "Crypto lender Ostwind Capital may file for bankruptcy on Monday.",
            "en",
            ("bankruptcy", "Ostwind Capital"),
        ),
        (
            "Cryptobeurs Velora is failliet verklaard.",
            "Cryptobeurs Velora kan failliet worden verklaard.",
            "nl",
            ("bankruptcy", "Velora"),
        ),
    ],
)
def test_hedged_events_give_no_fact(plain: str, hedged: str, lang: str, fact: tuple | None) -> None:
    found = facts(plain, lang)
    if fact:
        assert fact in found
    assert not {f for f in facts(hedged, lang) if f[0] == "bankruptcy"}


def test_not_ruled_out_is_no_bankruptcy() -> None:
    text = "De kredietverstrekker Brelmo Finance heeft faillissement aangevraagd."
    assert ("bankruptcy", "Brelmo Finance") in facts(text, "nl")
    hedged = "Een faillissement van kredietverstrekker Brelmo Finance is niet uitgesloten."
    assert not {f for f in facts(hedged, "nl") if f[0] == "bankruptcy"}


def test_firm_freezing_its_own_accounts_is_no_asset_freeze() -> None:
    ordered = "The Securities Commission of The Bahamas froze the assets of Quorvex Markets Ltd."
    assert ("asset_freeze", "Securities Commission of The Bahamas", "Quorvex Markets Ltd.") in facts(ordered, "en")
    own = (
        "Quorvex Markets Ltd said it had filed in the U.S. Bankruptcy Court for the District of Delaware, "
        "days after it froze customer accounts."
    )
    assert not {f for f in facts(own, "en") if f[0] == "asset_freeze"}


def test_role_text_drops_its_determiner() -> None:
    text = "Olav Renke, its former chief executive, left Marbleton Lending Ltd."
    found = extract(text, Meta(id="t", lang="en")).facts
    assert {(f.person, f.role) for f in found if f.type == "officer"} == {("Olav Renke", "former chief executive")}
