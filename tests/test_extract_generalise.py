"""Rules that carry over to unseen texts: authority name shapes, names in fact slots, role commas,
legal forms after a comma, coordinated roles, title prefixes. Invented names, both languages, near misses."""

from __future__ import annotations

from casegraph.loaders.extract import Meta, extract


def run(text: str, lang: str):
    return extract(text, Meta(id="t", lang=lang, date="2023-03-10"))


def entities(text: str, lang: str = "en") -> dict[str, str]:
    return {e.name: e.type.value for e in run(text, lang).entities}


def facts(text: str, lang: str = "en") -> set[tuple]:
    out = set()
    for fact in run(text, lang).facts:
        out.add((fact.type, *(getattr(fact, r) for r in fact.roles if getattr(fact, r))))
    return out


def test_authority_shape_typed_by_head() -> None:
    found = entities(
        "The Ostmark State Securities Board and the Department of Digital Finance of Ruritania said the "
        "Ostmark Attorney General had asked the Kingsport District Court to act."
    )
    assert found["Ostmark State Securities Board"] == "Regulator"
    assert found["Department of Digital Finance of Ruritania"] == "Regulator"
    assert found["Ostmark Attorney General"] == "Prosecutor"
    assert found["Kingsport District Court"] == "Court"
    assert "Ostmark" not in found


def test_authority_shape_prosecutor_office() -> None:
    found = entities("Staff of the Eastfield Public Prosecutor's Office searched the offices of Pellow Lending.")
    assert found["Eastfield Public Prosecutor's Office"] == "Prosecutor"


def test_authority_shape_near_misses() -> None:
    found = entities("The Commission said nothing. The board of Pellow Lending met on Monday.")
    assert not any(t in {"Regulator", "Court", "Prosecutor"} for t in found.values())
    found = entities("Pellow Lending said its Board of Directors approved the plan.")
    assert "Pellow Lending Board of Directors" not in found


def test_foreign_namesake_is_not_the_listed_authority() -> None:
    found = entities("Brazil's Securities and Exchange Commission asked Zelko Exchange for details.")
    assert "Securities and Exchange Commission" not in found
    assert found["Brazil's Securities and Exchange Commission"] == "Regulator"
    assert entities("The Securities and Exchange Commission asked Zelko Exchange for details.").get(
        "Securities and Exchange Commission"
    ) == "Regulator"


def test_court_shape_holding_a_listed_prosecutor_name() -> None:
    found = entities("The complaint was filed in the U.S. District Court for the Southern District of New York.")
    assert found["U.S. District Court for the Southern District of New York"] == "Court"


def test_short_authority_form_is_not_a_firm() -> None:
    found = entities("The Ostmark State Securities Board opened a case. A lawyer at the Ostmark board confirmed it.")
    assert "Ostmark" not in found


def test_located_dutch_authority() -> None:
    found = entities("Het Openbaar Ministerie in Oststad liet de tegoeden van Vela Coin bevriezen.", "nl")
    assert found["Openbaar Ministerie in Oststad"] == "Prosecutor"
    assert "Openbaar Ministerie" not in found
    assert entities("Het Openbaar Ministerie onderzoekt de zaak.", "nl")["Openbaar Ministerie"] == "Prosecutor"


def test_name_in_charge_slot_becomes_firm_or_person() -> None:
    found = facts("The SEC sued Quandle on Tuesday.")
    assert ("charge", "Securities and Exchange Commission", "Quandle") in found
    found = facts("The SEC charged Marta Quell with fraud.")
    assert ("charge", "Securities and Exchange Commission", "Marta Quell") in found
    assert facts("Quandle opened an office in Lisbon.") == set()


def test_charge_phrasings() -> None:
    assert ("charge", "Securities and Exchange Commission", "Pellow Lending") in facts(
        "Crypto lender Pellow Lending reached a settlement with the SEC over its yield product."
    )
    assert ("charge", "Commodity Futures Trading Commission", "Zelko Exchange") in facts(
        "The CFTC filed a lawsuit against crypto exchange Zelko Exchange."
    )
    found = facts("Cryptobeurs Vela Coin heeft een boete gekregen. De AFM legde Vela Coin een boete op.", "nl")
    assert ("charge", "Autoriteit Financiële Markten", "Vela Coin") in found


def test_charge_hypothetical_near_miss() -> None:
    assert not any(f[0] == "charge" for f in facts("Analysts said crypto lender Pellow Lending was doing well."))


def test_person_after_role_and_comma() -> None:
    text = "The SEC charged Ostwind Labs Ltd. and its co-founder and chief executive, Aron Velde, with fraud."
    found = facts(text)
    assert ("officer", "Aron Velde", "Ostwind Labs Ltd.") in found
    assert ("charge", "Securities and Exchange Commission", "Aron Velde") in found
    assert entities(text)["Aron Velde"] == "Person"


def test_legal_form_after_comma_keeps_companies_apart() -> None:
    found = entities("The suit names Brightwave, Inc. and its parent company, Brightwave Global, Inc.")
    assert found["Brightwave, Inc."] == "Firm" and found["Brightwave Global, Inc."] == "Firm"
    assert "Inc." not in found


def test_place_before_based_is_not_a_firm() -> None:
    found = entities(
        "The Kingsport-based lender Pellow Lending halted withdrawals. The Harlow City-based company said so."
    )
    assert "Harlow" not in found and "Kingsport" not in found


def test_title_prefix_is_stripped_from_person() -> None:
    found = entities("Oud-minister Karel Dijkstra, commissaris bij Vela Bank, zei dat de bank gezond is.", "nl")
    assert found.get("Karel Dijkstra") == "Person"
    assert "Oud-minister Karel Dijkstra" not in found


def test_dutch_place_adjective_is_not_a_firm() -> None:
    found = entities("Het Oostlandse cryptoplatform Vela Coin stopte met uitbetalingen.", "nl")
    assert "Oostlandse" not in found
    assert found.get("Vela Coin") == "Firm"


def test_interim_compound_role_is_not_a_firm() -> None:
    found = entities("Interim-topman Ruud Vos van Vela Bank zei dat de bank doorgaat.", "nl")
    assert "Interim" not in found
