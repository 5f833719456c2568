"""Every rule on short texts of our own, in English and Dutch; each with a near miss that must not fire."""

from __future__ import annotations

import pytest

from casegraph.loaders.extract import Meta, extract
from casegraph.loaders.money import find_money


def run(text: str, lang: str):
    return extract(text, Meta(id="t", lang=lang, date="2023-03-10"))


def facts(text: str, lang: str) -> set[tuple]:
    out = set()
    for fact in run(text, lang).facts:
        roles = tuple(getattr(fact, r) for r in fact.roles if getattr(fact, r))
        out.add((fact.type, *roles))
    return out


def entities(text: str, lang: str) -> dict[str, str]:
    return {e.name: e.type.value for e in run(text, lang).entities}


@pytest.mark.parametrize(
    ("text", "lang", "amount", "currency"),
    [
        ("Het ging om 175 miljoen dollar.", "nl", 175e6, "USD"),
        ("Een bedrag van €3,3 mln werd betaald.", "nl", 3.3e6, "EUR"),
        ("De koers zakte naar 16.900 dollar.", "nl", 16900, "USD"),
        ("It raised $1.8 billion last year.", "en", 1.8e9, "USD"),
        ("A loan of $700M defaulted.", "en", 700e6, "USD"),
        ("Withdrawals of US$6 billion followed.", "en", 6e9, "USD"),
        ("They paid £12.5m in fines.", "en", 12.5e6, "GBP"),
        ("Eighty-five million patacas: that is the deposit.", "en", 85e6, "MOP"),
        ("Het fonds heeft tweeëntwintig miljoen euro belegd.", "nl", 22e6, "EUR"),
        ("Elf miljoen euro aan klantengeld is weg.", "nl", 11e6, "EUR"),
        ("Zij brachten 12 miljoen rand onder.", "nl", 12e6, "ZAR"),
    ],
)
def test_money(text: str, lang: str, amount: float, currency: str) -> None:
    [money] = find_money(text, lang)
    assert money.amount == pytest.approx(amount) and money.currency == currency


def test_money_near_miss() -> None:
    assert find_money("In 2022 the token fell 50% in three days.", "en") == []
    assert find_money("Three banks lost millions; one dollar bought ten tokens.", "en") == []


def test_closed_class_authorities_and_acronyms() -> None:
    found = entities("The SEC and the Autoriteit Financiële Markten (AFM) spoke, as did BaFin.", "en")
    assert found["Securities and Exchange Commission"] == "Regulator"
    assert found["Autoriteit Financiële Markten"] == "Regulator"
    assert found["Bundesanstalt für Finanzdienstleistungsaufsicht"] == "Regulator"
    assert "sec" not in {k.lower() for k in entities("The sec. of the club resigned.", "en")}


def test_near_miss_authority_spelling() -> None:
    found = entities("The Securities Exchange Commission fined the broker Haldor Brokerage.", "en")
    assert found.get("Securities and Exchange Commission") == "Regulator"


def test_tokens_need_a_ticker() -> None:
    assert entities("Qubex's token QBX fell while ETH held.", "en").get("Ethereum") == "Token"
    assert "Bitcoin" not in entities("Bitcoin daalde vrijdag naar 20.000 dollar.", "nl")


def test_media_are_not_parties() -> None:
    found = entities("Reuters reported that the exchange Brimco Exchange halted trading.", "en")
    assert "Reuters" not in found and found["Brimco Exchange"] == "Firm"


def test_firm_cues_en() -> None:
    found = entities("Yesterday the crypto lender Vantor said Halvex Ltd, a Cypriot broker, was fine.", "en")
    assert found["Vantor"] == "Firm" and found["Halvex Ltd"] == "Firm"


def test_firm_cues_nl() -> None:
    found = entities("De cryptobeurs Moxa en concurrent Quintor Bank deden niets.", "nl")
    assert found["Moxa"] == "Firm" and found["Quintor Bank"] == "Firm"


def test_capitalisation_alone_is_no_party() -> None:
    assert entities("Stocks Rally As Factory Orders Climb Again", "en") == {}
    assert entities("Daarna Volgde Een Lange Stilte In Amsterdam", "nl") == {}


def test_person_coreference_by_surname() -> None:
    extraction = run("Lendo founder Marta Kowalczyk resigned. Kowalczyk said nothing.", "en")
    [person] = [e for e in extraction.entities if e.type.value == "Person"]
    assert person.name == "Marta Kowalczyk" and "Kowalczyk" in person.aliases


def test_definite_coreference_nl() -> None:
    text = "De cryptobeurs Dravo kwam in de problemen. De beurs heeft faillissement aangevraagd."
    assert ("bankruptcy", "Dravo") in facts(text, "nl")


def test_withdrawal_suspension() -> None:
    assert facts("The crypto lender Nuvola paused all withdrawals on Monday.", "en") == {
        ("withdrawal_suspension", "Nuvola")
    }
    assert ("withdrawal_suspension", "Brixa") in facts(
        "Kredietverstrekker Brixa zei opnames voorlopig te pauzeren.", "nl"
    )
    assert facts("The crypto lender Nuvola did not pause withdrawals.", "en") == set()


def test_bankruptcy_en_nl() -> None:
    assert ("bankruptcy", "Orlix Capital") in facts("Orlix Capital filed for Chapter 11 protection in Delaware.", "en")
    assert ("bankruptcy", "Pemba") in facts("Het platform Pemba heeft faillissement aangevraagd.", "nl")
    assert ("bankruptcy", "Tarvo") in facts("Klanten van de failliete cryptobeurs Tarvo wachten.", "nl")
    assert facts("The exchange Orlix said its loan position was liquidated.", "en") == set()


def test_asset_freeze() -> None:
    text = (
        "De Monetary Authority of Singapore heeft de activa van Kelvo Pay Markets, "
        "een dochteronderneming van Kelvo, bevroren."
    )
    found = facts(text, "nl")
    assert ("asset_freeze", "Monetary Authority of Singapore", "Kelvo Pay Markets") in found
    assert ("subsidiary", "Kelvo Pay Markets", "Kelvo") in found


def test_investigation_active_and_passive() -> None:
    assert ("investigation", "Financial Conduct Authority", "Zentra") in facts(
        "The FCA is investigating the exchange Zentra over its lending.", "en"
    )
    assert ("investigation", "Autoriteit Financiële Markten", "Pim Jansen") in facts(
        "Zentra-topman Pim Jansen wordt onderzocht door de AFM.", "nl"
    )


def test_charges_with_kind() -> None:
    extraction = run("The SEC sued the exchange Korvo and its founder Dana Whitfield on Thursday.", "en")
    got = {(f.subject, f.kind) for f in extraction.facts if f.type == "charge"}
    assert got == {("Korvo", "lawsuit"), ("Dana Whitfield", "lawsuit")}
    nl = facts("De SEC is een rechtszaak begonnen tegen cryptoplatform Varo en oprichter Ilse Mertens.", "nl")
    assert {
        ("charge", "Securities and Exchange Commission", "Varo"),
        ("charge", "Securities and Exchange Commission", "Ilse Mertens"),
    } <= nl
    assert not [f for f in run("Ilse Mertens accused Varo of lying.", "en").facts if f.type == "charge"]


def test_exposure_direction() -> None:
    assert ("exposure", "Grelix", "Tovan") in facts("The lender Tovan owes the exchange Grelix $275 million.", "en")
    found = run("Broker Halcyon Trading said it has $80 million in funds locked on the exchange Pryme.", "en")
    [fact] = [f for f in found.facts if f.type == "exposure"]
    assert (fact.exposed, fact.counterparty, fact.amount) == ("Halcyon Trading", "Pryme", 80e6)
    assert not facts("The exchange Pryme and Halcyon Trading are not exposed to the lender Tovan.", "en")


def test_officer_roles_in_own_words() -> None:
    extraction = run("Ravi Menon, the co-founder of the exchange Telsa Digital, resigned.", "en")
    [fact] = [f for f in extraction.facts if f.type == "officer"]
    assert (fact.person, fact.org, fact.role) == ("Ravi Menon", "Telsa Digital", "co-founder")
    nl = run("Brava-topman Joost Dekker trad af.", "nl")
    assert [(f.person, f.org, f.role) for f in nl.facts if f.type == "officer"] == [("Joost Dekker", "Brava", "topman")]


def test_officer_near_miss_spokesperson() -> None:
    text = "Anna Berg, woordvoerder van de cryptobeurs Lumo, gaf geen commentaar."
    assert not [f for f in run(text, "nl").facts if f.type == "officer"]


def test_acquisition_status() -> None:
    extraction = run("The exchange Orbix has agreed to acquire the assets of the crypto lender Fenwick Digital.", "en")
    [fact] = [f for f in extraction.facts if f.type == "acquisition"]
    assert (fact.acquirer, fact.target, fact.status) == ("Orbix", "Fenwick Digital", "proposed")
    nl = run("De cryptobeurs Pemo zocht geld. Daarna volgde de mislukte overname door concurrent Kanto.", "nl")
    [fact] = [f for f in nl.facts if f.type == "acquisition"]
    assert (fact.acquirer, fact.target, fact.status) == ("Kanto", "Pemo", "failed")


def test_subsidiary_parent_first() -> None:
    text = (
        "The SEC charged the two Zolto crypto exchange subsidiaries, Zolto Ventures Inc and Zolto Trading Ltd, "
        "on Monday."
    )
    found = facts(text, "en")
    assert ("subsidiary", "Zolto Ventures Inc", "Zolto") in found
    assert ("charge", "Securities and Exchange Commission", "Zolto Ventures Inc") in found
    assert ("charge", "Securities and Exchange Commission", "Zolto") not in found


def test_government_and_court() -> None:
    found = entities("De regering van Malta en de Verenigde Staten werken samen.", "nl")
    assert found["Malta"] == "Government" and found["United States"] == "Government"
    assert "United States" not in entities("He was arrested by US authorities.", "en")
    court = entities("A court in the Cayman Islands ordered its liquidation.", "en")
    assert court["Cayman Islands court"] == "Court"


def test_generic_prosecutors_resolve() -> None:
    text = (
        "Amerikaanse aanklagers hebben strafrechtelijke aanklachten ingediend tegen Eva Lind, "
        "de oprichter van cryptobeurs Noxa. De openbaar aanklager in New York bevestigde dat."
    )
    found = facts(text, "nl")
    assert ("charge", "U.S. Attorney's Office for the Southern District of New York", "Eva Lind") in found


def test_evidence_spans() -> None:
    text = "Nothing here. The crypto lender Nuvola paused withdrawals."
    extraction = run(text, "en")
    [fact] = extraction.facts
    evidence = fact.evidence[0]
    assert text[evidence.start : evidence.end] == evidence.sentence == "The crypto lender Nuvola paused withdrawals."
    assert evidence.extractor.startswith("fact.") and 0 < evidence.confidence <= 1
    assert all(e.evidence and e.evidence[0].extractor for e in extraction.entities)
