"""Gazetteer firms, people introduced by a title, governments that act, tokens named like their
issuer: short texts of our own, each with a near miss that must not fire."""

from __future__ import annotations

from casegraph.loaders.extract import Meta, extract


def entities(text: str, lang: str) -> dict[str, str]:
    result = extract(text, Meta(id="t", lang=lang, date="2023-03-10"))
    return {e.name: e.type.value for e in result.entities}


def aliases(text: str, lang: str, name: str) -> list[str]:
    result = extract(text, Meta(id="t", lang=lang, date="2023-03-10"))
    return next(e.aliases for e in result.entities if e.name == name)


def test_known_firm_named_bare() -> None:
    assert entities("Late on Tuesday Kraken said the outage was over.", "en").get("Kraken") == "Firm"
    assert entities("Volgens Bitvavo loopt alles weer.", "nl").get("Bitvavo") == "Firm"
    assert "Krakens" not in entities("The Krakens lost the match on Tuesday.", "en")  # whole tokens only


def test_known_firm_canonical_name_and_alias() -> None:
    text = "Lenders such as Celsius halted payouts, and Voyager followed."
    found = entities(text, "en")
    assert found.get("Celsius Network") == "Firm" and found.get("Voyager Digital") == "Firm"
    assert "Celsius" in aliases(text, "en", "Celsius Network")


def test_known_firm_longest_match_and_bare_genesis() -> None:
    found = entities("Genesis Global Trading paused redemptions on Monday.", "en")
    assert "Genesis Global Trading" in found and "Genesis Global Capital" not in found
    assert "Genesis Global Capital" not in entities("Genesis said it had hired advisers.", "en")


def test_ambiguous_known_firm_needs_a_name_context() -> None:
    assert entities("On Friday Circle said its reserves were safe.", "en").get("Circle") == "Firm"
    assert "Celsius" not in entities("It was 30 degrees Celsius in the hall on Friday.", "en")
    assert "Celsius Network" not in entities("The temperature hit 30 degrees Celsius in the hall.", "en")


def test_known_firm_is_not_merged_into_its_bank() -> None:
    found = entities("Rabobank Bank Services and Rabobank both declined to comment.", "en")
    assert found.get("Rabobank") == "Firm"


def test_title_inside_capitalised_run_makes_a_person() -> None:
    found = entities("U.S. District Judge Norma Quell dismissed the motion.", "en")
    assert found.get("Norma Quell") == "Person" and "District Judge Norma Quell" not in found
    found = entities("Acting Chairman Tove Brannig said the case was clear.", "en")
    assert found.get("Tove Brannig") == "Person"
    found = entities("Volgens minister van Justitie Kees Ouwerkerk is de zaak rond.", "nl")
    assert found.get("Kees Ouwerkerk") == "Person"


def test_title_needs_a_person_shaped_rest() -> None:
    found = entities("Attorney General Office Holdings filed a brief.", "en")
    assert not any(t == "Person" for t in found.values())


def test_two_names_and_a_comma_are_no_list() -> None:
    assert "Ostbury" not in entities("In Ostbury, Kraken said its desk was open.", "en")


def test_country_that_extradites_or_arrests_is_a_government() -> None:
    found = entities("Marten Vale werd door Montenegro uitgeleverd aan Zuid-Korea.", "nl")
    assert found.get("Montenegro") == "Government"
    assert entities("The founder was arrested in Montenegro.", "en").get("Montenegro") == "Government"


def test_country_naming_a_noun_is_no_government() -> None:
    assert "United States" not in entities("Marten Vale was arrested by US authorities.", "en")
    assert "Montenegro" not in entities("Kraken opened an office in Montenegro last year.", "en")


def test_token_named_like_its_issuer_goes_by_ticker() -> None:
    found = entities("Tether said USDT held its peg.", "en")
    assert found.get("USDT") == "Token" and found.get("Tether") == "Firm"


def test_name_joined_to_a_person_is_a_person() -> None:
    found = entities("Assets of Ilse Maren and Pieter Dorsk, the founders of Qubex, were frozen.", "en")
    assert found.get("Ilse Maren") == "Person" and found.get("Pieter Dorsk") == "Person"
    found = entities("Qubex Labs and Zolto Group, two lenders, were sued.", "en")
    assert not any(t == "Person" for t in found.values())


def test_token_noun_makes_a_named_token() -> None:
    assert entities("De munt Luna verloor alles.", "nl").get("Luna") == "Token"
    assert "Luna" not in entities("Luna Vermeer opende een winkel.", "nl")
