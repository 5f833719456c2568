"""Listed parties, verb-last Dutch clauses, authorities named earlier, firms that fail together and
who owns or founded whom; each positive with a near miss beside it. Names are invented."""

from __future__ import annotations

from casegraph.loaders.extract import Meta, extract


def facts(text: str, lang: str) -> set[tuple]:
    out = set()
    for fact in extract(text, Meta(id="t", lang=lang, date="2023-03-10")).facts:
        roles = tuple(getattr(fact, r) for r in fact.roles if getattr(fact, r))
        out.add((fact.type, *roles))
    return out


SEC = "Securities and Exchange Commission"


def test_charge_list_with_roles() -> None:
    got = facts("The SEC sued Quarnex Labs, its chief executive Olav Brandt and co-founder Mira Falk in May.", "en")
    assert {("charge", SEC, "Quarnex Labs"), ("charge", SEC, "Olav Brandt"), ("charge", SEC, "Mira Falk")} <= got


def test_charge_list_needs_closing_coordinator() -> None:
    """A comma alone does not make a list: the person after the apposition is not charged."""
    got = facts("The SEC sued Quarnex Labs, the exchange run by Olav Brandt, over staking.", "en")
    assert ("charge", SEC, "Quarnex Labs") in got
    assert ("charge", SEC, "Olav Brandt") not in got


def test_charge_dutch_verb_last_list() -> None:
    text = (
        "Topman Olav Brandt en oprichter Mira Falk van Quarnex zwegen. "
        "Ook beurswaakhond SEC heeft Brandt en Falk aangeklaagd."
    )
    got = facts(text, "nl")
    assert {("charge", SEC, "Olav Brandt"), ("charge", SEC, "Mira Falk")} <= got


def test_charge_lawsuit_noun_with_authority_inside() -> None:
    text = "Er speelt meer. De rechtszaak die beurswaakhond SEC in juni tegen cryptobeurs Quarnex begon, loopt nog."
    assert ("charge", SEC, "Quarnex") in facts(text, "nl")


def test_fine_without_authority_takes_the_one_before() -> None:
    text = (
        "De Nederlandsche Bank (DNB) heeft cryptobeurs Quarnex een boete opgelegd. "
        "De boete van 2 miljoen euro is opgelegd aan Quarnex Europe BV, de Ierse dochter."
    )
    assert ("charge", "De Nederlandsche Bank", "Quarnex Europe BV") in facts(text, "nl")


def test_party_accusing_party_is_no_charge() -> None:
    """With no authority in the sentence, one party acting on another charges nobody."""
    text = "The SEC looked at the case. Olav Brandt of Quarnex Labs accused Mira Falk and Zelvo Capital of fraud."
    got = facts(text, "en")
    assert not {f for f in got if f[0] == "charge" and f[2] in {"Mira Falk", "Zelvo Capital"}}


def test_bankruptcy_with_subsidiaries() -> None:
    text = (
        "Markets fell again. Velmar Group Inc, together with its subsidiaries Velmar Trading Ltd and "
        "Velmar Europe BV, filed for Chapter 11 on Monday."
    )
    got = facts(text, "en")
    assert {("bankruptcy", n) for n in ("Velmar Group Inc", "Velmar Trading Ltd", "Velmar Europe BV")} <= got
    assert ("subsidiary", "Velmar Trading Ltd", "Velmar Group Inc") in got


def test_bankruptcy_coordinated_subjects_and_apposition() -> None:
    text = (
        "Markets fell again. Zelvo Holdco, the holding company of crypto lender Zelvo Capital, filed for bankruptcy. "
        "Later that week Brix Labs and Brix US filed for bankruptcy."
    )
    got = facts(text, "en")
    assert {("bankruptcy", "Zelvo Holdco"), ("bankruptcy", "Brix Labs"), ("bankruptcy", "Brix US")} <= got
    assert ("subsidiary", "Zelvo Capital", "Zelvo Holdco") in got
    assert ("bankruptcy", "Zelvo Capital") not in got  # in the apposition, not the subject


def test_liquidation_and_insolvency_cues() -> None:
    assert ("bankruptcy", "Brix Capital") in facts(
        "Markets fell. Brix Capital has since been ordered into liquidation by a court.", "en"
    )
    dutch = "Het nieuws kwam vrijdag. Cryptobeurs Quarnex heeft insolventie aangevraagd."
    assert ("bankruptcy", "Quarnex") in facts(dutch, "nl")
    near = facts("Markets fell. Brix Capital avoided liquidation after a rescue.", "en")
    assert not {f for f in near if f[0] == "bankruptcy"}


def test_two_short_forms_do_not_merge_two_firms() -> None:
    text = "Markets fell. Zelvo Global Capital lends to funds. Zelvo Global Trading, another Brix Group unit, trades."
    got = facts(text, "en")
    assert ("subsidiary", "Zelvo Global Trading", "Brix Group") in got


def test_owned_by_and_founded_by() -> None:
    text = "Markets fell. Zelvo Capital is owned by Brix Group, the crypto conglomerate founded by Olav Brandt."
    got = facts(text, "en")
    assert ("subsidiary", "Zelvo Capital", "Brix Group") in got
    assert ("officer", "Olav Brandt", "Brix Group") in got
    near = facts("Markets fell. Zelvo Capital is trusted by Brix Group, which Olav Brandt praised.", "en")
    assert not {f for f in near if f[0] in {"subsidiary", "officer"}}
