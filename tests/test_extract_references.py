"""Descriptive references and pronouns as fact subjects, people with no role word in a fact slot,
police forces, governments named by adjective and the organisation of a titled official; texts of
our own, each positive beside a near miss."""

from __future__ import annotations

import pytest

from casegraph.loaders.extract import Meta, extract

CFTC = "Commodity Futures Trading Commission"


def run(text: str, lang: str):
    return extract(text, Meta(id="t", lang=lang, date="2023-03-10"))


def facts(text: str, lang: str, type_: str) -> set[tuple]:
    out = set()
    for fact in run(text, lang).facts:
        if fact.type == type_:
            out.add(tuple(getattr(fact, r) for r in fact.roles if getattr(fact, r)))
    return out


def entities(text: str, lang: str) -> dict[str, str]:
    return {e.name: e.type.value for e in run(text, lang).entities}


@pytest.mark.parametrize(
    ("text", "lang", "type_", "want"),
    [
        (  # "the X-based company" is the firm the sentence before was about
            "Crypto lender Vela filed for bankruptcy on Monday. The Ostbury-based company had paused withdrawals.",
            "en",
            "withdrawal_suspension",
            {("Vela",)},
        ),
        (  # near miss: two firms open the sentence before, so "the company" stays unresolved to either
            "Vela and Marlin Bank filed for bankruptcy on Monday. The Ostbury-based company had paused withdrawals.",
            "en",
            "withdrawal_suspension",
            {("Marlin Bank",)},
        ),
        (  # "It" opening a sentence: the previous sentence's subject is the creditor
            "A lawyer said the lender Vela has assets at Marlin Bank. "
            "It is also owed $60 million on loans to Kestrel Trading.",
            "en",
            "exposure",
            {("Vela", "Kestrel Trading")},
        ),
        (  # near miss: the sentence before has two firm subjects, so "It" refers to neither
            "Vela said Marlin Bank was sound. It is also owed $60 million on loans to Kestrel Trading.",
            "en",
            "exposure",
            set(),
        ),
        (  # Dutch: "Het bedrijf" as the firm the sentence before was about
            "Cryptobeurs Vela heeft faillissement aangevraagd. Het bedrijf stopte eerder al met uitbetalingen.",
            "nl",
            "withdrawal_suspension",
            {("Vela",)},
        ),
        (  # an apposition names the firm right before it, not the subject of the sentence before
            "Crypto lender Vela filed for bankruptcy. "
            "It is owed $5 million by Kestrel Trading, the trading firm that defaulted.",
            "en",
            "exposure",
            {("Vela", "Kestrel Trading")},
        ),
    ],
)
def test_references_as_subjects(text: str, lang: str, type_: str, want: set[tuple]) -> None:
    assert facts(text, lang, type_) == want


@pytest.mark.parametrize(
    ("text", "lang", "name", "want"),
    [
        ("Aron Velde was arrested in Miami on Friday.", "en", "Aron Velde", "Person"),
        ("Police arrested Ilse Marten at the airport.", "en", "Ilse Marten", "Person"),
        ("Aron Velde werd zondag opgepakt in Dubai.", "nl", "Aron Velde", "Person"),
        ("Zolto Labs pleaded guilty to fraud.", "en", "Zolto Labs", "Firm"),  # a firm head word: no person
    ],
)
def test_people_in_fact_slots(text: str, lang: str, name: str, want: str) -> None:
    assert entities(text, lang).get(name) == want


def test_people_in_fact_slots_need_a_cue() -> None:
    assert "Ilse Marten" not in entities("Ilse Marten visited Miami on Friday.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Aron Velde was arrested by the Ostland Police on Friday.", "en", {("Ostland Police", "Aron Velde")}),
        (
            "Aron Velde was arrested by the Royal Bahamas Police Force.",
            "en",
            {("Royal Bahamas Police Force", "Aron Velde")},
        ),
        ("Aron Velde was arrested by Europol.", "en", {("Europol", "Aron Velde")}),
        ("Aron Velde werd opgepakt door de Nationale Politie.", "nl", {("Nationale Politie", "Aron Velde")}),
        ("Aron Velde werd opgepakt door de politie in Dubai.", "nl", set()),  # a bare "politie" is no named body
    ],
)
def test_police_forces(text: str, lang: str, want: set[tuple]) -> None:
    """Police forces investigate but do not prosecute: typed Regulator, as the corpus conventions say."""
    assert facts(text, lang, "investigation") == want
    for authority, _ in want:
        assert entities(text, lang)[authority] == "Regulator"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The Swiss government approved the sale of Vela Bank.", "en", "Switzerland"),
        ("Na overleg met de Zwitserse regering neemt Vela Bank branchegenoot Ostwind over.", "nl", "Switzerland"),
        ("Bahamian authorities arrested Aron Velde on Monday.", "en", "The Bahamas"),
    ],
)
def test_governments_by_adjective(text: str, lang: str, want: str) -> None:
    assert entities(text, lang).get(want) == "Government"


@pytest.mark.parametrize(
    "text",
    [
        "Swiss bank Vela said it was sound.",  # an adjective without a government noun
        "Bahamian authorities are slow, Vela Bank said.",  # authorities that do not act
    ],
)
def test_governments_by_adjective_near_miss(text: str) -> None:
    assert "Government" not in entities(text, "en").values()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # "of the CFTC" after the name decides, not the firm named before
            "Vela Inc. was fined on Monday. Acting Chairman Bo Lund of the CFTC said the case mattered.",
            {("Bo Lund", CFTC)},
        ),
        (  # a release that opens with the authority: its chair, named without an organisation
            "The CFTC fined Vela Inc. on Monday. Acting Chairman Bo Lund said the case mattered.",
            {("Bo Lund", CFTC)},
        ),
        (  # near miss: a story that opens with the firm keeps the firm's chair
            "Vela Inc. was fined by the CFTC. Chairman Bo Lund said Vela would appeal.",
            {("Bo Lund", "Vela Inc.")},
        ),
    ],
)
def test_officer_of_titled_official(text: str, want: set[tuple]) -> None:
    assert facts(text, "en", "officer") == want
