"""More ways news states an exposure or a sanction (issue 8), on sentences of our own: pronoun
objects, passives, descriptions before a name, bond holdings, blocking sanctions; each with a near
miss that must not fire. The party whose money is at risk is the exposed one."""

from __future__ import annotations

import pytest

from casegraph.loaders.extract import Meta, extract
from casegraph.loaders.pipeline import pipeline

LEGAL = {"plc", "Ltd", "AG", "NV", "BV", "LLC", "LP", "SA"}


def short(name: str) -> str:
    return " ".join(w for w in name.split() if w.rstrip(".,") not in LEGAL)


def run(text: str, lang: str = "en"):
    return extract(text, Meta(id="t", lang=lang, date="2024-05-02"))


def exposures(text: str, lang: str = "en") -> dict[tuple[str, str], float | None]:
    return {(short(f.exposed), short(f.counterparty)): f.amount for f in run(text, lang).facts if f.type == "exposure"}


def freezes(text: str, lang: str = "en") -> set[tuple[str, str]]:
    return {(short(f.authority), short(f.target)) for f in run(text, lang).facts if f.type == "asset_freeze"}


@pytest.mark.parametrize(
    ("text", "pair", "amount"),
    [
        (  # the object is a pronoun for the firm named in the relative clause
            "Talbrook Finance Ltd, which had promised Merrow Lending Ltd a credit line, lent it $90 million.",
            ("Talbrook Finance", "Merrow Lending"),
            90e6,
        ),
        (  # "is owed" is the creditor's side, whatever cue follows
            "Merrow Lending Ltd is also owed $310 million on loans to Talbrook Finance Ltd.",
            ("Merrow Lending", "Talbrook Finance"),
            310e6,
        ),
        (  # a passive loss: the sum is its subject, the loser the one whose reserves they were
            "Dunmere County Council said £3m of its reserves had been lost at Quayle Bank plc.",
            ("Dunmere County Council", "Quayle Bank"),
            3e6,
        ),
        (  # a description between the cue and the name
            "Quayle Bank plc had lent £4.5m to its sister company, Quayle Leasing Ltd, without approval.",
            ("Quayle Bank", "Quayle Leasing"),
            4.5e6,
        ),
        (  # the longer of two cues at one word: "loans ... outstanding to"
            "Ostvale Bank AG, of Graz, has loans of EUR 48 million outstanding to Pernitz Handel AG.",
            ("Ostvale Bank", "Pernitz Handel"),
            48e6,
        ),
    ],
)
def test_more_exposure_forms(text: str, pair: tuple[str, str], amount: float) -> None:
    found = exposures(text)
    assert found.get(pair) == pytest.approx(amount), found
    assert pair[::-1] not in found


def test_the_size_of_a_fraud_is_no_sum_at_risk() -> None:
    found = exposures("Quayle Bank plc revealed a loss from Talbrook Finance Ltd's alleged $40 billion fraud.")
    assert found.get(("Quayle Bank", "Talbrook Finance"), "missing") is None


def test_no_exposure_to_a_speaker_or_from_a_pronoun_lender() -> None:
    assert not exposures("Quayle Bank plc lent $5m to a customer, Merrow Lending Ltd said.")
    found = exposures("Merrow Lending Ltd cannot pay, leaving other lenders waiting for the money they lent it.")
    assert not any(a == b for a, b in found)


def test_abbreviated_amount_ends_a_sentence() -> None:
    doc = pipeline("en").parse("Quayle Bank plc lost $38m. Merrow Lending Ltd said it lost nothing.")
    assert len(list(doc.sents)) == 2
    assert ("Quayle Bank", "Merrow Lending") not in exposures(
        "Quayle Bank plc lost $38m. Merrow Lending Ltd said it lost nothing."
    )
    doc = pipeline("nl").parse("Het fonds leende geld aan Pernitz Beheer BV. Daarnaast kocht het obligaties.")
    assert len(list(doc.sents)) == 2


def test_losses_on_a_firms_paper_are_on_the_firm() -> None:
    text = "Merrow Lending Ltd is a bank. Dunhope Capital Ltd lost $25 million on Merrow Lending AT1s."
    assert exposures(text).get(("Dunhope Capital", "Merrow Lending")) == pytest.approx(25e6)


def test_blocking_sanctions() -> None:
    text = "The US imposed sanctions on Russian lenders. OFAC blocked Pernitz Bank on Monday."
    assert ("Office of Foreign Assets Control", "Pernitz Bank") in freezes(text)
    # blocking a deal or an action, or a block with no sanctions in sight, is no freeze
    assert not freezes("The US imposed sanctions on Russian lenders. OFAC blocked Pernitz Bank from paying dividends.")
    assert not freezes("The US imposed sanctions on Russian lenders. OFAC blocked Pernitz Bank's takeover of Vela.")
    assert not freezes("The court blocked Pernitz Bank on Monday.")


def test_a_state_that_freezes_is_the_authority() -> None:
    text = "The European Union froze the assets of Pernitz Bank AG's owner, Ivan Morozov, in March."
    found = freezes(text)
    assert ("European Union", "Ivan Morozov") in found
    assert not any(authority != "European Union" for authority, _ in found)


def test_holdings_of_a_firms_bonds() -> None:
    text = "Kelvedon Life plc holds €30 million of Pernitz Bank bonds, which it has written down."
    assert exposures(text).get(("Kelvedon Life", "Pernitz Bank")) == pytest.approx(30e6)
    # whose notes the sentence does not say, or paper nobody is said to hold, is no exposure
    assert not exposures("Kelvedon Life plc said its funds held $85 million of the notes.")
    assert not exposures("Pernitz Bank AG sold €30 million of Kelvedon Life bonds to the market.")


def test_a_loan_from_a_bank_is_not_money_held_there() -> None:
    found = exposures("Het fonds Zuidhaven Vastgoed BV heeft een lening van 180 miljoen euro bij Kempenbank NV.", "nl")
    assert ("Zuidhaven Vastgoed", "Kempenbank") not in found


def test_every_member_of_a_list_of_losers() -> None:
    found = exposures(
        "Pernitz Capital LP collapsed in March. Lenders like Quayle Bank plc, Ostvale Bank AG and Merrow Lending Ltd "
        "also lost money."
    )
    assert {a for a, b in found if b == "Pernitz Capital"} == {"Quayle Bank", "Ostvale Bank", "Merrow Lending"}


def test_a_loan_told_in_a_relative_clause() -> None:
    text = "In May Pernitz Solar Ltd, a developer to which Quayle Bank plc had lent £54m, went into administration."
    assert exposures(text).get(("Quayle Bank", "Pernitz Solar")) == pytest.approx(54e6)
    assert not exposures("Pernitz Solar Ltd, which Quayle Bank plc says had lent £54m, went into administration.")


def test_money_put_into_a_fund() -> None:
    assert exposures("Dunmere Hospital Trust put $42 million into Pernitz Credit Fund LP.").get(
        ("Dunmere Hospital Trust", "Pernitz Credit Fund")
    ) == pytest.approx(42e6)
    found = exposures("De gemeente Halsterberg stak 6,5 miljoen euro in Baronie Energie Holding BV.", "nl")
    assert found.get(("gemeente Halsterberg", "Baronie Energie Holding")) == pytest.approx(6.5e6)


def test_designated_in_a_relative_clause() -> None:
    text = "Banks served Kestova Trading FZE, a Dubai company that OFAC designated in 2023."
    assert ("Office of Foreign Assets Control", "Kestova Trading FZE") in freezes(text)
    # the owner was designated, not the bank
    assert not freezes("Pernitz Bank AG, whose owner OFAC designated in 2022, kept trading.")


def test_the_uk_sanctions_office() -> None:
    text = "The Office of Financial Sanctions Implementation said the UK assets of Pernitz Bank AG had been frozen."
    assert ("Office of Financial Sanctions Implementation", "Pernitz Bank") in freezes(text)


def test_a_description_names_the_firm_whose_name_fits_it() -> None:
    """ "the failed bank" is the bank named before, not the firm named last; "the fund" is the
    investment fund, not a pension fund named in between."""
    bank = (
        "Brackwater Savings Bank was closed by state regulators on Friday. Under a deal with the FDIC, "
        "Tolland Bancorp will take over its branches. Dunley Tools Inc said it had $40 million held at the failed bank."
    )
    assert exposures(bank) == {("Dunley Tools Inc", "Brackwater Savings Bank"): 40e6}
    fund = (
        "Investors in the Caldmere Property Fund cannot withdraw their money. Among them is the Hollins "
        "County Pension Fund, a scheme for council staff. The Arden Hospital Trust has about £2m in the fund, "
        "its treasurer said."
    )
    assert exposures(fund) == {("Arden Hospital Trust", "Caldmere Property Fund"): 2e6}


def test_a_bank_known_by_its_name_without_the_town() -> None:
    """ "Hanzebank" is "Hanzebank Zwolle N.V." once the full name was given; "de bank" is that bank."""
    text = (
        "De rechtbank heeft de noodregeling uitgesproken over Spaarnebank Haarlem N.V. Aan Duinrand "
        "Projecten B.V., dat failliet is, had Spaarnebank 20 miljoen euro uitgeleend. De gemeente Velsenoord "
        "had 3 miljoen euro op een deposito bij de bank staan."
    )
    found = exposures(text, "nl")
    assert found.get(("gemeente Velsenoord", "Spaarnebank Haarlem N.V.")) == 3e6
    assert ("gemeente Velsenoord", "Duinrand Projecten") not in found


TABLE = """Copper trader Velmar Metals Pte Ltd was placed under judicial management on Tuesday, court papers show.

Biggest lenders {unit}:

Orchard Strand Bank ........ 420
Tessaly Commercial Bank .... 75

Velmar Metals said it would cooperate with the managers."""


def test_a_creditor_table_of_the_failed_firm_in_the_headers_unit() -> None:
    """No debtor in the header: the firm whose failure the text tells; bare figures in the unit the
    header gives. Without a unit the figures are no sums."""
    found = exposures(TABLE.format(unit="(US$ million, per the filing)"))
    assert found == {
        ("Orchard Strand Bank", "Velmar Metals Pte"): 420e6,
        ("Tessaly Commercial Bank", "Velmar Metals Pte"): 75e6,
    }
    assert exposures(TABLE.format(unit="(per the filing)")) == {}


def test_owed_or_lost_with_only_the_failed_firm_to_owe_it() -> None:
    """ "which is owed $210 million", "lost $45m": the firm the text is about is the counterparty;
    a named debtor still wins, and a loss without a sum is no exposure."""
    opening = "Brenmoor Estates LLC filed for Chapter 11 on Monday. Brenmoor Estates owns four towers. "
    owed = exposures(opening + "The largest creditor is Hallgarten Bank AG, which is owed $210 million on a mortgage.")
    assert owed == {("Hallgarten Bank", "Brenmoor Estates"): 210e6}
    named = exposures(opening + "Hallgarten Bank AG is also owed $210 million by Quarrel Mining Ltd.")
    assert named == {("Hallgarten Bank", "Quarrel Mining"): 210e6}
    fund = "Harlow Pike Capital LP, a hedge fund, collapsed in March. Harlow Pike had borrowed heavily from banks. "
    lost = exposures(fund + "Dorrit Bank plc lost $45m. Quenby Securities lost staff. Harlow Pike is in liquidation.")
    assert lost == {("Dorrit Bank", "Harlow Pike Capital"): 45e6}


def test_dutch_lender_before_a_described_borrower() -> None:
    """ "leende het bedrijf 8 miljoen": the name before the verb lends, "het bedrijf" is the failed firm;
    "bij de handelsfirma" is not the bank that opens its own sentence."""
    lent = "Warmtebedrijf Kempenstroom B.V. is failliet. De gemeente Oosterveld leende het bedrijf 8 miljoen euro."
    assert exposures(lent, "nl") == {("gemeente Oosterveld", "Warmtebedrijf Kempenstroom B.V."): 8e6}
    out = (
        "Handelsfirma Keizerstroom Capital handelt met geleend geld. De Franse bank Banque Valmorel, die als "
        "prime broker optreedt, heeft 30 miljoen dollar uitstaan bij de handelsfirma."
    )
    assert exposures(out, "nl") == {("Banque Valmorel", "Keizerstroom Capital"): 30e6}


@pytest.mark.parametrize(
    ("text", "lang", "pair", "amount"),
    [
        (  # the borrower put first, the verb last
            "Aan Duinrand Projecten B.V., dat vorige week failliet ging, had Kennemer Spaarbank N.V. 20 miljoen euro "
            "uitgeleend.",
            "nl",
            ("Kennemer Spaarbank N.V.", "Duinrand Projecten B.V."),
            20e6,
        ),
        (  # the borrower just before the verb
            "Stichting Wolderveen heeft 6 miljoen euro in Dekkerhof Vastgoed B.V. gestoken.",
            "nl",
            ("Stichting Wolderveen", "Dekkerhof Vastgoed B.V."),
            6e6,
        ),
        (  # a credit line granted, the sum after the borrower
            "Clearingbank Loosduin N.V. verstrekte Grevelingen Capital een kredietlijn van 25 miljoen euro.",
            "nl",
            ("Clearingbank Loosduin N.V.", "Grevelingen Capital"),
            25e6,
        ),
        ("Corran Bank plc granted Feltham Homes Ltd a loan of £12m.", "en", ("Corran Bank", "Feltham Homes"), 12e6),
    ],
)
def test_loans_with_the_verb_last_or_the_borrower_first(
    text: str, lang: str, pair: tuple[str, str], amount: float
) -> None:
    assert exposures(text, lang) == {pair: amount}


def test_borrowing_from_or_a_grant_without_a_sum_is_no_loan_made() -> None:
    """ "van X geleend" is money borrowed, not lent; "granted X protection" holds no sum."""
    assert exposures("Kennemer Spaarbank N.V. heeft 20 miljoen euro van Duinrand Projecten B.V. geleend.", "nl") == {}
    assert exposures("The court granted Feltham Homes Ltd protection from Corran Bank plc.") == {}


def test_the_bonds_are_those_of_the_issuer_named_nearby() -> None:
    """ "held $30 million of the notes", "a loss of NOK 90m on the bonds": the paper named with its
    issuer in a sentence near; with two issuers equally near, whose notes they are is not told."""
    text = (
        "Harnow Bank AG wrote off its AT1 bonds in March. Pellin Trust SA lost about $5 million on Harnow AT1s. "
        "Quarry Ridge Capital LLP said its funds held $30 million of the notes. Ostfold Forsikring ASA disclosed "
        "a loss of NOK 90m on the bonds."
    )
    assert exposures(text) == {
        ("Pellin Trust", "Harnow Bank"): 5e6,
        ("Quarry Ridge Capital LLP", "Harnow Bank"): 30e6,
        ("Ostfold Forsikring ASA", "Harnow Bank"): 90e6,
    }
    two = "Tarvo Bank AG bonds and Minsk Credit AG notes fell. Quarry Ridge Capital LLP held $30 million of the notes."
    assert exposures(two) == {}


def test_money_still_due_from_a_firm() -> None:
    """ "heeft nog 4,6 miljoen euro tegoed van X": the firm with money due is exposed to X; "de tegoeden
    van X" are X's own balances. "Van Dongen" is the Bouwgroep named before."""
    due = (
        "De failliete Van Dongen Bouwgroep B.V. laat schulden achter. Omgekeerd heeft Van Dongen nog "
        "4,6 miljoen euro tegoed van Stichting Zorgwonen Lindendaal voor opgeleverde woningen."
    )
    assert exposures(due, "nl") == {("Van Dongen Bouwgroep B.V.", "Stichting Zorgwonen Lindendaal"): 4.6e6}
    frozen = "De Europese Unie bevriest de tegoeden van Stichting Zorgwonen Lindendaal bij ING Bank."
    assert exposures(frozen, "nl") == {}


def test_owed_put_first() -> None:
    """ "Owed EUR 22m in unpaid premiums, the reinsurer X is among the creditors" of the failed firm."""
    text = (
        "A court in Gibraltar has wound up Tarrow Assurance Ltd. Tarrow Assurance sold motor policies. "
        "Owed EUR 22m in unpaid premiums, the German reinsurer Kessel Ruck AG is among the largest creditors."
    )
    assert exposures(text) == {("Kessel Ruck", "Tarrow Assurance"): 22e6}


def test_a_description_with_a_place_or_a_name_in_it() -> None:
    """ "the Vienna bank" is the firm the text placed in Vienna, not the bank named last; "the Gemini
    exchange" is Gemini itself, never the exchange named before it."""
    vienna = (
        "The sanctions hit Orlov Bank's Vienna-based subsidiary, Orlov Europe AG. Donaublick Bank AG, of Linz, "
        "has loans of EUR 40 million outstanding to Orlov Europe AG. Traunsee Leasing GmbH said it had placed "
        "EUR 9.5m in deposits with the Vienna bank."
    )
    found = exposures(vienna)
    assert found[("Traunsee Leasing GmbH", "Orlov Europe")] == 9.5e6
    assert ("Traunsee Leasing GmbH", "Donaublick Bank") not in found
    named = "Kestrel Exchange collapsed. The biggest creditor is the Gemini exchange, which is owed $70 million."
    assert exposures(named) == {("Gemini", "Kestrel Exchange"): 70e6}


def test_money_at_risk_in_the_fund_the_text_is_about() -> None:
    """ "which had £8m invested", "heeft geld uitstaan: een lening van": at the suspended fund or the
    failed firm; money invested in something the sentence names is not."""
    fund = (
        "Dealing in the Brantwood Property Fund was suspended on Monday. Brantwood Property Fund holds offices. "
        "Among those trapped is Selham Trust, which had £8m invested at the end of June. "
    )
    assert exposures(fund) == {("Selham Trust", "Brantwood Property Fund"): 8e6}
    assert exposures(fund.replace("invested at the end of June", "invested in new offices")) == {}
    failed = (
        "Warmtebedrijf Kempenstroom B.V. is failliet verklaard. Kempenstroom B.V. levert warmte. Ook BNG Bank "
        "heeft geld uitstaan: een lening van 20 miljoen euro."
    )
    assert exposures(failed, "nl") == {("BNG Bank", "Warmtebedrijf Kempenstroom B.V."): 20e6}


def test_there_is_where_the_sentence_before_held_money() -> None:
    """ "put its deposits there", "heeft er 40 miljoen ondergebracht": at the firm the sentence before
    held money at; with two sums in the sentence, which is there is not told."""
    held = "Corvan Robotics Inc. said $185 million of its cash was held at Harlow Savings Bank. "
    assert exposures(held + "Mapleby Health Inc. put its deposits there at $62.4m.") == {
        ("Corvan Robotics Inc.", "Harlow Savings Bank"): 185e6,
        ("Mapleby Health Inc.", "Harlow Savings Bank"): 62.4e6,
    }
    two = exposures(held + "Mapleby Health Inc. said it had $5m there and $3m at Lorne Bank plc.")
    assert ("Mapleby Health Inc.", "Harlow Savings Bank") not in two
    nl = (
        "De gemeente Steenwold had 12,5 miljoen euro op een deposito bij Hanzebank Zwolle N.V. staan. "
        "Stichting Zandhove Wonen heeft er ruim 40 miljoen euro ondergebracht."
    )
    assert exposures(nl, "nl")[("Stichting Zandhove Wonen", "Hanzebank Zwolle N.V.")] == 40e6


def test_holdings_linked_to_a_party_and_sums_that_flowed_out() -> None:
    """ "its bond holdings linked to X": the holder is exposed to X; "€8bn of outflows" is money that
    left, no sum at risk."""
    text = (
        "Corbel Asset Management suffered €8bn of outflows last year after reports on its bond holdings "
        "linked to financier Jonas Reidel."
    )
    assert exposures(text) == {("Corbel Asset Management", "Jonas Reidel"): None}
    flows = "Corbel Asset Management suffered €8bn of outflows from funds run by Jonas Reidel."
    assert exposures(flows) == {}


def test_an_asset_manager_is_not_the_fund() -> None:
    """BlackRock, appointed to sell a fund's holdings, manages money: "the fund" is the fund named."""
    text = (
        "Link Fund Solutions will wind up the Calder Equity Income Fund. BlackRock has been appointed to sell "
        "the fund's holdings. Ashdown Charitable Trust said it had £4.5m invested with the fund."
    )
    found = exposures(text)
    assert found.get(("Ashdown Charitable Trust", "Calder Equity Income Fund")) == 4.5e6
    assert ("Ashdown Charitable Trust", "BlackRock") not in found


def test_the_holder_before_an_apposition_with_a_relative_clause() -> None:
    """ "X, the investor whose request triggered the suspension, still had £250m in the fund": X holds
    it; a party named after the apposition holds it instead."""
    opening = "Dealing in the Calder Equity Income Fund was suspended in June. "
    text = opening + (
        "Dunmore County Council, the investor whose redemption request triggered the suspension, still had "
        "about £250m in the fund."
    )
    assert exposures(text) == {("Dunmore County Council", "Calder Equity Income Fund"): 250e6}
    other = opening + (
        "Dunmore County Council, which sold early, says Marlow Trust still had about £250m in the fund."
    )
    assert exposures(other) == {("Marlow Trust", "Calder Equity Income Fund"): 250e6}


@pytest.mark.parametrize(
    ("text", "lang", "amount", "currency"),
    [
        ("a loss of 2.4 billion Danish crowns", "en", 2.4e9, "DKK"),
        ("een schuld van 2,4 miljard Deense kronen", "nl", 2.4e9, "DKK"),
        ("450 million Norwegian kroner", "en", 450e6, "NOK"),
    ],
)
def test_crowns_in_words(text: str, lang: str, amount: float, currency: str) -> None:
    from casegraph.loaders.money import find_money

    assert [(m.amount, m.currency) for m in find_money(text, lang)] == [(amount, currency)]


def test_a_table_unit_needs_a_currency_and_a_scale() -> None:
    """ "(US$ million)" and "in miljoenen euro" are units; "(million shares)" or a bare sum is not."""
    from casegraph.loaders.money import find_unit

    assert find_unit("Largest bank creditors (US$ million, per the filing):", "en") == (1e6, "USD")
    assert find_unit("Schuldeisers (bedragen in miljoenen euro):", "nl") == (1e6, "EUR")
    assert find_unit("Largest holders (million shares):", "en") is None
    assert find_unit("Vela owes $5 million to:", "en") is None


def test_dutch_creditor_put_first_with_aan() -> None:
    """ "Aan Vela is Marlin 40 miljoen verschuldigd": the party after a fronted 'aan' is owed the sum;
    without 'aan' the first name is the debtor."""
    fronted = exposures("Aan Hanzebank Zwolle N.V. is Stichting Veldhorst Wonen 37 miljoen euro verschuldigd.", "nl")
    assert fronted == {("Hanzebank Zwolle N.V.", "Stichting Veldhorst Wonen"): 37e6}
    plain = exposures("Stichting Veldhorst Wonen is Hanzebank Zwolle N.V. 37 miljoen euro verschuldigd.", "nl")
    assert plain == {("Hanzebank Zwolle N.V.", "Stichting Veldhorst Wonen"): 37e6}
    guilt = exposures("Aan Hanzebank Zwolle N.V. is Stichting Veldhorst Wonen niets schuldig gebleven.", "nl")
    assert guilt == {}


def test_dutch_money_sitting_there() -> None:
    """ "heeft er 9 miljoen in zitten", "heeft daar 4 miljoen staan": at the firm the sentence before
    put money in; with no place told before, no fact."""
    told = "Verzekeraar Oudewater Leven belegde 20 miljoen euro in het Kempenaar Vastgoedfonds. "
    sitting = 'Stichting Pensioenfonds Rijnvaart heeft er naar eigen zeggen "bijna 9 miljoen euro" in zitten.'
    found = exposures(told + sitting, "nl")
    assert found[("Stichting Pensioenfonds Rijnvaart", "Kempenaar Vastgoedfonds")] == 9e6
    there = exposures("Rederij Saltholm Ltd heeft daar 4,5 miljoen euro staan.", "nl")
    assert there == {}


TABLE_TO = """Corvale Lending Ltd, a Leeds lender, has stopped repaying its bondholders. According to the
administrator, the firm is still owed the largest sums by:

Brackmoor Homes Ltd ........ £6.2m
Fenwick Care Ltd ........... £3m

The administrator said more detail would follow."""

TABLE_HOLDERS = """Arnsby Trade Finance AG, a Zug-based trade lender, was put into liquidation on Friday.
A schedule in the filing lists what Arnsby Trade Finance's banks have drawn:

Bank | Facility | Drawn (US$m)
Kelso Merchant Bank | receivables | 64.5
Orsett Commercial Bank | inventory | 20.0

Arnsby said it would not comment."""


def test_table_rows_named_as_counterparties_or_as_holders() -> None:
    """A header whose exposure cue ends at its colon ("is owed the largest sums by:") makes the rows
    the counterparties; a header naming the rows as the banks of the firm it names makes them
    creditors, in the unit of a first line of column names. A header naming two firms or no holders
    gives nothing."""
    owed = exposures(TABLE_TO)
    assert owed == {("Corvale Lending", "Brackmoor Homes"): 6.2e6, ("Corvale Lending", "Fenwick Care"): 3e6}
    holders = exposures(TABLE_HOLDERS)
    assert holders == {
        ("Kelso Merchant Bank", "Arnsby Trade Finance"): 64.5e6,
        ("Orsett Commercial Bank", "Arnsby Trade Finance"): 20e6,
    }
    unnamed = TABLE_HOLDERS.replace("what Arnsby Trade Finance's banks have drawn", "the facilities drawn")
    assert exposures(unnamed) == {}


def test_dutch_borrower_put_first_before_the_finite_verb() -> None:
    """ "Alleen al bij de hotelgroep Vela heeft Marlin 88 miljoen uitstaan": the party opening a
    verb-second sentence after 'bij' is the counterparty; a credit line 'lopen' there, or money
    'geleend' there, is the other way round and gives no loan made."""
    opening = "Het fonds Rijnmond Yield SICAV leende vooral aan hotels. "
    fronted = "Alleen al bij de Spaanse hotelgroep Costa Brava Hoteles SA heeft Rijnmond Yield 46 mln euro uitstaan."
    text = opening + fronted
    assert exposures(text, "nl") == {("Rijnmond Yield SICAV", "Costa Brava Hoteles"): 46e6}
    credit = "Bij Hanzebank Zwolle N.V. had Stichting Veldhorst Wonen een kredietlijn van 25 miljoen euro lopen."
    assert ("Stichting Veldhorst Wonen", "Hanzebank Zwolle N.V.") not in exposures(credit, "nl")
    borrowed = "Bij Hanzebank Zwolle N.V. heeft Stichting Veldhorst Wonen 25 miljoen euro geleend."
    assert ("Stichting Veldhorst Wonen", "Hanzebank Zwolle N.V.") not in exposures(borrowed, "nl")


def test_among_a_firms_creditors() -> None:
    """ "Among Vela's other creditors, Marlin is owed $5m": the firm whose creditors they are is the
    counterparty of each listed party with its own sum; a party named after the list without a sum
    is no creditor, and "among the creditors" of no named firm gives none."""
    opening = "Corvale Homes Ltd, a Leeds builder, entered administration on Monday. "
    text = opening + (
        "Among Corvale Homes' other creditors, Lanark Mutual Bank is owed £41m under a development loan, "
        "while the insurer Fenmoor Assurance holds £6.5m of its notes."
    )
    assert exposures(text) == {
        ("Lanark Mutual Bank", "Corvale Homes"): 41e6,
        ("Fenmoor Assurance", "Corvale Homes"): 6.5e6,
    }
    bystander = opening + "Among Corvale Homes' creditors, Lanark Mutual Bank is owed £41m, Fenmoor Assurance said."
    assert ("Fenmoor Assurance", "Corvale Homes") not in exposures(bystander)


@pytest.mark.parametrize(
    ("text", "lang", "pair", "amount"),
    [
        (  # receivables from a firm are money it owes
            "Harlow Savings Bank plc had booked £120m of receivables from Dorrit Factoring Ltd it could not verify.",
            "en",
            ("Harlow Savings Bank", "Dorrit Factoring"),
            120e6,
        ),
        (  # the holding verb between the paper and its issuer, verb-final order
            "Het rapport toont dat Oudewater Leven NV voor 30 miljoen euro aan obligaties bezat van Kempenaar Bouw BV.",
            "nl",
            ("Oudewater Leven", "Kempenaar Bouw"),
            30e6,
        ),
        (  # a buyer that paid in advance is owed the goods or the money
            "Graanhandel Brouwer BV betaalde in maart 2 miljoen euro vooruit aan Kempenaar Bouw BV.",
            "nl",
            ("Graanhandel Brouwer", "Kempenaar Bouw"),
            2e6,
        ),
    ],
)
def test_receivables_paper_held_and_prepayments(text: str, lang: str, pair: tuple[str, str], amount: float) -> None:
    assert exposures(text, lang).get(pair) == amount


def test_sold_receivables_or_paid_on_delivery_are_no_exposure() -> None:
    """Near misses: receivables sold to a firm put the seller at no risk there; a payment made on
    delivery is no prepayment."""
    sold = exposures("Harlow Savings Bank plc sold £120m of receivables to Dorrit Factoring Ltd last year.")
    assert ("Harlow Savings Bank", "Dorrit Factoring") not in sold
    delivery = "Graanhandel Brouwer BV betaalde in maart 2 miljoen euro aan Kempenaar Bouw BV bij levering."
    paid = exposures(delivery, "nl")
    assert ("Graanhandel Brouwer", "Kempenaar Bouw") not in paid


def test_a_loan_made_via_a_platform_is_not_to_the_platform() -> None:
    """ "leende via het platform 2 miljoen aan Vela": the platform only carried the loan; the named
    borrower after 'aan' is the counterparty, and without one there is none."""
    opening = "Het crowdfundingplatform Geldbrug BV is failliet. "
    carried = "De gemeente Oosterwold leende via Geldbrug BV 2 miljoen euro aan Kempenaar Bouw BV."
    via = exposures(opening + carried, "nl")
    assert via == {("gemeente Oosterwold", "Kempenaar Bouw"): 2e6}
    direct = exposures(opening + "De gemeente Oosterwold leende Geldbrug BV 2 miljoen euro.", "nl")
    assert direct == {("gemeente Oosterwold", "Geldbrug"): 2e6}


def test_dutch_second_conjunct_without_its_verb() -> None:
    """ "... in het fonds belegd en de verzekeraar Marlin 15 miljoen euro", "Aan Vela is Marlin 40
    miljoen verschuldigd, aan Ostwind 12 miljoen euro": the left-out verb is the first one, a
    preposition says which side the new party takes. A conjunct with a verb of its own, or two
    parties sharing one sum, gives no second fact."""
    opening = "Het Kempenaar Vastgoedfonds heeft de uitbetalingen stopgezet. "
    held = (
        "Zo heeft Stichting Pensioenfonds Rijnvaart 20 miljoen euro in het fonds belegd "
        "en de verzekeraar Oudewater Leven 7,5 miljoen euro."
    )
    found = exposures(opening + held, "nl")
    assert found[("Stichting Pensioenfonds Rijnvaart", "Kempenaar Vastgoedfonds")] == 20e6
    assert found[("Oudewater Leven", "Kempenaar Vastgoedfonds")] == 7.5e6
    owed = (
        "Aan Hanzebank Zwolle N.V. is Stichting Veldhorst Wonen 37 miljoen euro verschuldigd, "
        "aan Rabobank 21 miljoen euro."
    )
    assert exposures(owed, "nl") == {
        ("Hanzebank Zwolle N.V.", "Stichting Veldhorst Wonen"): 37e6,
        ("Rabobank", "Stichting Veldhorst Wonen"): 21e6,
    }
    verb = held.replace("Oudewater Leven 7,5 miljoen euro", "Oudewater Leven zocht 7,5 miljoen euro")
    assert ("Oudewater Leven", "Kempenaar Vastgoedfonds") not in exposures(opening + verb, "nl")
    shared = owed.replace("aan Rabobank 21 miljoen euro", "aan Rabobank en ING 21 miljoen euro")
    assert ("Rabobank", "Stichting Veldhorst Wonen") not in exposures(shared, "nl")


def test_the_same_notes_bought_together() -> None:
    """ "bought $9 million of the same notes": the issuer of the notes named before ("notes issued
    by Vela"); two buyers "together" each hold a part with no sum of their own; selling is no holding."""
    told = "Marlow Savings Bank put $5 million in short-term notes issued by Sierra Ridge Trust. "
    alone = exposures(told + "Tule Valley Bank bought $9 million of the same notes.")
    assert alone[("Tule Valley Bank", "Sierra Ridge Trust")] == 9e6
    joint = exposures(told + "Tule Valley Bank and Orsett Commercial Bank together bought $9m of the same notes.")
    assert joint[("Tule Valley Bank", "Sierra Ridge Trust")] is None
    assert joint[("Orsett Commercial Bank", "Sierra Ridge Trust")] is None
    sold = exposures(told + "Tule Valley Bank sold $9 million of the same notes.")
    assert ("Tule Valley Bank", "Sierra Ridge Trust") not in sold


DESCRIPTION_CHAIN = """The Maltese regulator closed Gozo Harbour Bank plc on Friday. A supervisor now runs the bank.

Talks on a sale of its branches to Rabat Commercial Bank broke down on Sunday.{gap}

Mdina Gaming Ltd, a casino operator, said it had EUR 8 million on deposit with the bank."""


def test_the_same_description_stays_with_the_same_firm() -> None:
    """ "the bank" again, two sentences after another bank was named in passing, is still the bank
    "the bank" stood for; when the other bank was named in the sentence just before, it is the
    nearer one."""
    kept = exposures(DESCRIPTION_CHAIN.format(gap=" The closure hit local firms."))
    assert kept == {("Mdina Gaming", "Gozo Harbour Bank"): 8e6}
    near = exposures(DESCRIPTION_CHAIN.format(gap=""))
    assert near == {("Mdina Gaming", "Rabat Commercial Bank"): 8e6}


def test_the_bond_issuer_is_the_firm_named_for_its_bonds() -> None:
    """ "owes the bond issuer £12m": the firm whose name says it issues bonds; with no such firm
    named, "the issuer" stands for none (not just the last firm named)."""
    opening = "Investors lost money when Penrith Care Bonds plc entered administration. "
    text = opening + "Penrith Care Homes Ltd, an associated operator, owes the bond issuer £12m."
    assert exposures(text) == {("Penrith Care Bonds", "Penrith Care Homes"): 12e6}
    other = "Investors lost money when Penrith Care Group plc entered administration. "
    assert exposures(other + "Penrith Care Homes Ltd, an associated operator, owes the bond issuer £12m.") == {}


def test_a_part_of_a_portfolio_is_the_sum_not_the_portfolio() -> None:
    """ "$640 million of the insurer's $2.3 billion portfolio was invested in Vela": the part is the
    sum at risk (a possessive before the whole allowed); a portfolio's size alone is no sum."""
    opening = "Arden Life Insurance Co. is in receivership. "
    part = "It said $640 million of the insurer's $2.3 billion portfolio was invested in Brazos Crown Credit Fund LP."
    assert exposures(opening + part) == {("Arden Life Insurance Co.", "Brazos Crown Credit Fund"): 640e6}
    whole = "Arden Life Insurance Co. invested a $2.3 billion portfolio in Brazos Crown Credit Fund LP."
    assert exposures(whole) == {("Arden Life Insurance Co.", "Brazos Crown Credit Fund"): None}


def test_a_further_sum_lent_by_the_lender_told_before() -> None:
    """ "A further C$20m was advanced to Vela": one more loan of the firm whose loans the sentence
    before told; a lender named as the agent, or two lenders told before, leave it alone."""
    told = "Kestrel Mortgage Corp.'s own loans went mostly to builders near Ottawa. "
    found = exposures(told + "A further C$20m was advanced to Rideau Lofts Inc.")
    assert found == {("Kestrel Mortgage Corp.", "Rideau Lofts Inc."): 20e6}
    agent = exposures(told + "A further C$20m was advanced to Rideau Lofts Inc. by Carleton Trust Co.")
    assert ("Kestrel Mortgage Corp.", "Rideau Lofts Inc.") not in agent
    two = "Kestrel Mortgage Corp.'s loans and Carleton Trust Co.'s loans went to builders. "
    unsure = exposures(two + "A further C$20m was advanced to Rideau Lofts Inc.")
    assert not {pair for pair in unsure if pair[1] == "Rideau Lofts Inc."}


def test_the_trader_is_the_trading_firm_named_so() -> None:
    """ "the trader's banks have drawn:" after "grain trader Vela": the rows are Vela's creditors;
    the lender named just before the header is not "the trader"."""
    text = TABLE_HOLDERS.replace(
        "Arnsby Trade Finance AG, a Zug-based trade lender,", "Zug-based grain trader Arnsby Grain AG"
    ).replace("what Arnsby Trade Finance's banks", "what Brenner Bank AG says the trader's banks")
    assert exposures(text) == {
        ("Kelso Merchant Bank", "Arnsby Grain"): 64.5e6,
        ("Orsett Commercial Bank", "Arnsby Grain"): 20e6,
    }
