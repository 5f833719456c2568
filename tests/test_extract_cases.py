"""Investigation, asset freeze, withdrawal suspension and exposure shapes, on texts of our own;
each positive sits next to a near miss that must give nothing (or something else)."""

from __future__ import annotations

import pytest

from casegraph.loaders.extract import Meta, extract

SEC, CFTC = "Securities and Exchange Commission", "Commodity Futures Trading Commission"
AFM, FIOD = "Autoriteit Financiële Markten", "Fiscale Inlichtingen- en Opsporingsdienst"


def facts(text: str, lang: str, type_: str) -> set[tuple]:
    out = set()
    for fact in extract(text, Meta(id="t", lang=lang, date="2023-03-10")).facts:
        if fact.type == type_:
            out.add(tuple(getattr(fact, r) for r in fact.roles if getattr(fact, r)))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The SEC opened an investigation into Quorvex Labs.", "en", {(SEC, "Quorvex Labs")}),
        ("Quorvex Labs is under investigation by the SEC.", "en", {(SEC, "Quorvex Labs")}),
        ("The CFTC is probing Brellin Markets.", "en", {(CFTC, "Brellin Markets")}),
        ("A probe into Brellin Markets by the SEC began in May.", "en", {(SEC, "Brellin Markets")}),
        ("The SEC subpoenaed Quorvex Labs in March.", "en", {(SEC, "Quorvex Labs")}),
        ("Staff were heard as part of an investigation into Quorvex Labs by the CFTC.", "en", {(CFTC, "Quorvex Labs")}),
        (
            "The SEC sued Quorvex Labs. The regulator is also investigating Brellin Finance.",
            "en",
            {(SEC, "Brellin Finance")},
        ),
        ("De AFM doet onderzoek naar Quorvex Labs.", "nl", {(AFM, "Quorvex Labs")}),
        ("De AFM is een onderzoek gestart naar Brellin Markets.", "nl", {(AFM, "Brellin Markets")}),
        ("Quorvex Labs wordt onderzocht door de AFM.", "nl", {(AFM, "Quorvex Labs")}),
        ("Quorvex-oprichter Olav Tennant is opgepakt door de FIOD.", "nl", {(FIOD, "Olav Tennant")}),
        (
            "Quorvex founder Olav Tennant was arrested by the FBI.",
            "en",
            {("Federal Bureau of Investigation", "Olav Tennant")},
        ),
        # near misses: a denial, and an arrest the sentence ties to a charge
        ("The SEC said it had no plans to investigate Quorvex Labs.", "en", set()),
        ("Quorvex Labs is under investigation.", "en", set()),
        ("Quorvex-oprichter Olav Tennant is gearresteerd door de FIOD en aangeklaagd wegens fraude.", "nl", set()),
    ],
)
def test_investigation(text: str, lang: str, want: set[tuple]) -> None:
    assert facts(text, lang, "investigation") == want


COURT = "British Virgin Islands court"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The SEC froze the assets of Brellin Markets.", "en", {(SEC, "Brellin Markets")}),
        ("The CFTC ordered a freeze of Brellin Markets' assets.", "en", {(CFTC, "Brellin Markets")}),
        ("Brellin Markets' assets were frozen by the SEC.", "en", {(SEC, "Brellin Markets")}),
        (
            "A court in the British Virgin Islands froze assets belonging to co-founders Olav Tennant and Mira Sollis.",
            "en",
            {(COURT, "Olav Tennant"), (COURT, "Mira Sollis")},
        ),
        (
            "The FBI seized $20 million from Brellin Markets.",
            "en",
            {("Federal Bureau of Investigation", "Brellin Markets")},
        ),
        ("Er is beslag gelegd op de tegoeden van Brellin Markets door de FIOD.", "nl", {(FIOD, "Brellin Markets")}),
        ("De AFM heeft tegoeden van Brellin Markets bevroren.", "nl", {(AFM, "Brellin Markets")}),
        # near misses: no authority acts; a firm freezing withdrawals
        ("Funds of Brellin Markets were frozen on an exchange.", "en", set()),
        ("Brellin Markets froze withdrawals.", "en", set()),
        ("Tegoeden van Brellin Markets zitten vast op een beurs.", "nl", set()),
    ],
)
def test_asset_freeze(text: str, lang: str, want: set[tuple]) -> None:
    assert facts(text, lang, "asset_freeze") == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Quorvex Labs stopped customer withdrawals.", "en", {("Quorvex Labs",)}),
        ("Brellin Finance halted redemptions.", "en", {("Brellin Finance",)}),
        ("Quorvex Labs paused trading and withdrawals.", "en", {("Quorvex Labs",)}),
        ("Quorvex Labs and Brellin Finance froze withdrawals.", "en", {("Quorvex Labs",), ("Brellin Finance",)}),
        (
            "Quorvex Capital, een dochterbedrijf van Brellin Group (BG), zette de opnames stop.",
            "nl",
            {("Quorvex Capital",)},
        ),
        ("Cryptobeurs Quorvex stopt met uitbetalingen.", "nl", {("Quorvex",)}),
        ("Quorvex Labs heeft opnames stilgelegd.", "nl", {("Quorvex Labs",)}),
        ("Klanten kunnen geen geld meer opnemen bij Quorvex Labs.", "nl", {("Quorvex Labs",)}),
        # near misses
        ("Quorvex Labs resumed withdrawals.", "en", set()),
        ("Klanten kunnen weer geld opnemen bij Quorvex Labs.", "nl", set()),
    ],
)
def test_withdrawal_suspension(text: str, lang: str, want: set[tuple]) -> None:
    assert facts(text, lang, "withdrawal_suspension") == want


Q, B = "Quorvex Labs", "Brellin Finance"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Quorvex Labs had lent $40 million to Brellin Finance.", "en", {(Q, B)}),
        ("Brellin Finance owes Quorvex Labs $40 million.", "en", {(Q, B)}),
        ("Quorvex Labs is owed $40 million by Brellin Finance.", "en", {(Q, B)}),
        ("Quorvex Labs has $40 million stuck at Brellin Finance.", "en", {(Q, B)}),
        ("Quorvex Labs' exposure of $40 million to Brellin Finance worried investors.", "en", {(Q, B)}),
        ("Quorvex Labs holds a claim of $40 million against Brellin Finance.", "en", {(Q, B)}),
        ("Quorvex Labs invested $40 million in Brellin Finance.", "en", {(Q, B)}),
        ("Quorvex Labs heeft 40 miljoen euro tegoeden bij Brellin Finance.", "nl", {(Q, B)}),
        ("Quorvex Labs heeft een vordering van 40 miljoen euro op Brellin Finance.", "nl", {(Q, B)}),
        ("Quorvex Labs had 40 miljoen euro geïnvesteerd in Brellin Finance.", "nl", {(Q, B)}),
        # near misses: denials
        ("Quorvex Labs had no exposure to Brellin Finance.", "en", set()),
        ("Quorvex Labs heeft geen blootstelling aan Brellin Finance.", "nl", set()),
    ],
)
def test_exposure_shapes(text: str, lang: str, want: set[tuple]) -> None:
    assert facts(text, lang, "exposure") == want
    found = [f for f in extract(text, Meta(id="t", lang=lang, date="2023-03-10")).facts if f.type == "exposure"]
    assert all(f.amount == 40e6 for f in found)
