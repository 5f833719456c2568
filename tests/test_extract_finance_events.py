"""Events and group ties as finance news writes them (issue 8, item 4), on sentences of our own in
English and Dutch; each rule beside a near miss that must not fire."""

from __future__ import annotations

from casegraph.loaders.extract import Meta, extract

LEGAL = {"plc", "Ltd", "AG", "NV", "BV", "SA", "Inc"}


def short(name: str | None) -> str | None:
    return " ".join(w for w in name.split() if w.rstrip(",.") not in LEGAL) if name else name


def facts(text: str, lang: str, type_: str) -> set[tuple[str | None, ...]]:
    extraction = extract(text, Meta(id="t", lang=lang, date="2024-05-02"))
    return {
        tuple(short(getattr(f, role)) for role in f.roles if getattr(f, role))
        for f in extraction.facts
        if f.type == type_
    }


def test_unit_described_by_its_group() -> None:
    text = (
        "Brenmoor Holdings AG reported a loss on Tuesday. Brenmoor Card Services Ltd, the group's British "
        "unit, was told to halt business."
    )
    assert ("Brenmoor Card Services", "Brenmoor Holdings") in facts(text, "en", "subsidiary")


def test_arm_of_the_bank_named_before() -> None:
    text = "Regulators froze the assets of Ostravia Bank, after Netsaver, the Nordic bank's online savings arm, shut."
    assert facts(text, "en", "subsidiary") == {("Netsaver", "Ostravia Bank")}


def test_parent_described_must_fit_the_noun() -> None:
    text = "Olav Brask chairs Kestrel Group, and he was also a director of Tarn Holdings SA, the bank's parent."
    assert facts(text, "en", "subsidiary") == set()


def test_owned_by_as_apposition_only() -> None:
    assert facts("Heathmoor Bank, owned by Ostravia Bank, went into administration.", "en", "subsidiary") == {
        ("Heathmoor Bank", "Ostravia Bank")
    }
    assert facts("Pellow Capital said 4% of the shares owned by Marlin Group were sold.", "en", "subsidiary") == set()


def test_sister_company_is_no_subsidiary() -> None:
    text = "Volgens de toezichthouder leende Zolto Bank geld aan Marlin Trading, het zusterbedrijf van Zolto Bank."
    assert facts(text, "nl", "subsidiary") == set()


def test_unit_verb_between_is_no_child() -> None:
    assert ("Marlin Capital", "Pellow") not in facts(
        "Pellow lending unit files for bankruptcy owing Marlin Capital $700 million.", "en", "subsidiary"
    )


def test_administration_and_court_protection() -> None:
    assert facts("Heathmoor Bank, owned by Ostravia Bank, also went into administration.", "en", "bankruptcy") == {
        ("Heathmoor Bank",)
    }
    assert facts("Pellow Digital Inc. sought court protection in Tokyo on Tuesday.", "en", "bankruptcy") == {
        ("Pellow Digital",)
    }


def test_joint_administrators_of_two_firms() -> None:
    text = "Three partners were appointed joint administrators of Corvane Capital Ltd and Corvane Trade Finance Ltd."
    assert facts(text, "en", "bankruptcy") == {("Corvane Capital",), ("Corvane Trade Finance",)}


def test_a_unit_filing_is_not_its_parent_nor_its_creditor() -> None:
    assert (
        facts("Pellow lending unit files for bankruptcy owing Marlin Capital $700 million.", "en", "bankruptcy")
        == set()
    )


def test_winding_up_a_fund() -> None:
    text = "Corvane Fund Services said it would wind up the Halvard Income Fund, which has been gated since June."
    assert ("Halvard Income Fund",) in facts(text, "en", "bankruptcy")


def test_arrest_and_raid_by_the_authority_acting() -> None:
    assert facts("The FBI arrested Olav Brask at his home in Miami.", "en", "investigation") == {
        ("Federal Bureau of Investigation", "Olav Brask")
    }
    assert ("Fiscale Inlichtingen- en Opsporingsdienst", "Zolto Bank") in facts(
        "De FIOD heeft Zolto Bank doorzocht.", "nl", "investigation"
    )
    assert facts("Olav Brask arrested a burglar.", "en", "investigation") == set()


def test_under_investigation_past_a_relative_clause() -> None:
    text = (
        "Kestrel Bank AB, whose chief executive Ann Vos was dismissed in March, is under investigation by "
        "the Financial Conduct Authority."
    )
    assert facts(text, "en", "investigation") == {("Financial Conduct Authority", "Kestrel Bank AB")}


def test_official_confirming_an_investigation_is_not_its_subject() -> None:
    text = "Ann Vos, director of enforcement at the Financial Conduct Authority, confirmed the investigation."
    assert facts(text, "en", "investigation") == set()


def test_dutch_investigation_of_an_authority_named_after() -> None:
    text = "Naar Zolto Bank loopt nog een strafrechtelijk onderzoek van het OM."
    assert facts(text, "nl", "investigation") == {("Openbaar Ministerie", "Zolto Bank")}


def test_investigation_carried_out_by_names_the_firm_of_the_text() -> None:
    text = (
        "Zolto Bank betaalt een boete. Zolto Bank schikt met het OM. Zolto Bank heeft de controles verbeterd. "
        "Het onderzoek werd uitgevoerd door de FIOD."
    )
    assert ("Fiscale Inlichtingen- en Opsporingsdienst", "Zolto Bank") in facts(text, "nl", "investigation")


def test_a_court_that_fines_is_the_authority() -> None:
    text = "Last June the Federal Criminal Court fined Kestrel Bank 2 million francs for failing to stop a drug ring."
    assert facts(text, "en", "charge") == {("Federal Criminal Court", "Kestrel Bank")}


def test_what_prosecutors_allege() -> None:
    text = "In the indictment, US prosecutors alleged that Kestrel Capital used its fortune to manipulate the stock."
    assert {f[1] for f in facts(text, "en", "charge")} == {"Kestrel Capital"}
    assert facts("Pellow Capital alleged that Marlin Capital had lied.", "en", "charge") == set()


def test_dutch_settlement_offered_by_the_prosecutor() -> None:
    text = (
        "Zolto Telecom Ltd en haar dochterbedrijf Marlin Holding BV hebben een door het Openbaar Ministerie "
        "aangeboden transactie van 40 miljoen euro geaccepteerd."
    )
    assert facts(text, "nl", "charge") == {
        ("Openbaar Ministerie", "Zolto Telecom"),
        ("Openbaar Ministerie", "Marlin Holding"),
    }


def test_dutch_object_put_first() -> None:
    text = (
        "Topman Karel Vos vertrok in 2022. "
        "Tegen de voormalige chief risk officer van Zolto Bank, Karel Vos, stelt het OM strafvervolging in."
    )
    assert facts(text, "nl", "charge") == {("Openbaar Ministerie", "Karel Vos")}


def test_the_firm_of_a_role_is_not_charged() -> None:
    text = "Ann Vos, Pellow's former chief revenue officer who was also charged in the case, lives in Israel."
    assert {f[1] for f in facts(text, "en", "charge")} <= {"Ann Vos"}


def test_unit_resolving_a_charge_past_its_parent() -> None:
    text = (
        "Halden Bank USA, the New York subsidiary of Halden Bank ASA, agreed to pay $30 million to resolve a "
        "criminal charge, the Justice Department said."
    )
    assert {f[1] for f in facts(text, "en", "charge")} == {"Halden Bank USA"}


def test_dutch_separable_and_verb_last_takeovers() -> None:
    assert facts(
        "De Zwitserse bank Kestrel Bank neemt branchegenoot Marlin Bank over voor 3 miljard.", "nl", "acquisition"
    ) == {("Kestrel Bank", "Marlin Bank")}
    assert facts("Kestrel Bank heeft een groot deel van de gesloten Marlin Bank overgenomen.", "nl", "acquisition") == {
        ("Kestrel Bank", "Marlin Bank")
    }
    assert (
        facts("Pellow Leven is sinds 2015 in handen van de investeerder Marlin Capital.", "nl", "acquisition") == set()
    )


def test_moratorium_names_the_firm_placed_under_it() -> None:
    text = "In Vienna, the Financial Market Authority placed Kestrel Europe AG under a moratorium, halting payments."
    assert facts(text, "en", "withdrawal_suspension") == {("Kestrel Europe",)}


def test_investigation_told_as_a_noun() -> None:
    assert facts(
        "Uit onderzoek van de AFM blijkt dat Kestrel Vermogensbeheer klantgeld verkeerd belegde.", "nl", "investigation"
    ) == {("Autoriteit Financiële Markten", "Kestrel Vermogensbeheer")}
    assert facts("An investigation by the FCA into Pellow Capital Ltd began in March.", "en", "investigation") == {
        ("Financial Conduct Authority", "Pellow Capital")
    }
    # the regulator only tells what it knows: no probe of its own
    assert (
        facts("Volgens de AFM heeft Kestrel Vermogensbeheer klanten onvoldoende doorgelicht.", "nl", "investigation")
        == set()
    )


def test_investigation_by_two_authorities_and_the_firm_of_the_text() -> None:
    text = (
        "Marlin Telecom Ltd betaalt een schikking van 50 miljoen euro. Marlin Telecom Ltd erkent de feiten. "
        "De directie van Marlin Telecom Ltd neemt maatregelen. "
        "Naast het onderzoek door de FIOD liep er een onderzoek door de Britse toezichthouder FCA en de Amerikaanse "
        "SEC in Washington."
    )
    assert facts(text, "nl", "investigation") == {
        ("Fiscale Inlichtingen- en Opsporingsdienst", "Marlin Telecom"),
        ("Financial Conduct Authority", "Marlin Telecom"),
        ("Securities and Exchange Commission", "Marlin Telecom"),
    }
    # with no firm the text is clearly about, no subject is made up
    text = "Marlin Telecom en Pellow Bank zijn partners. Er liep een onderzoek door de SEC."
    assert facts(text, "nl", "investigation") == set()


def test_court_declares_the_firm_inside_the_phrase_bankrupt() -> None:
    text = "The Commercial High Court declared Tornby Shipping A/S bankrupt on Friday."
    assert facts(text, "en", "bankruptcy") == {("Tornby Shipping A/S",)}
    assert (
        facts("The Commercial High Court declared the claim of Tornby Shipping A/S void.", "en", "bankruptcy") == set()
    )


def test_bank_closed_by_an_authority() -> None:
    text = "Kestrel Savings Bank was closed on Friday by the Federal Deposit Insurance Corporation."
    assert facts(text, "en", "bankruptcy") == {("Kestrel Savings Bank",)}
    # a firm closing something, or closed by no authority, has not failed
    assert facts("Kestrel Savings Bank closed two branches in Ohio on Friday.", "en", "bankruptcy") == set()
    assert facts("Kestrel Savings Bank was closed on Friday for the holiday.", "en", "bankruptcy") == set()


def test_failed_firm_past_its_relative_clause() -> None:
    text = (
        "Hoogvliet Warmte B.V., dat 4000 huizen van warmte voorziet, is maandag door de rechtbank failliet verklaard."
    )
    assert facts(text, "nl", "bankruptcy") == {("Hoogvliet Warmte B.V.",)}
    text = "It went wrong when Brenfold Solar Ltd, a firm to which Tarn Capital lent £5m, went into administration."
    assert facts(text, "en", "bankruptcy") == {("Brenfold Solar",)}


def test_dutch_court_puts_the_bank_into_liquidation() -> None:
    text = (
        "De ondernemingsrechtbank heeft Bank Lierdal dinsdag op verzoek van de toezichthouder in vereffening gesteld."
    )
    assert facts(text, "nl", "bankruptcy") == {("Bank Lierdal",)}
    assert facts("Bank Lierdal verstrekte leningen aan bedrijven in vereffening.", "nl", "bankruptcy") <= set()


def test_also_charged_names_one_more_defendant() -> None:
    text = (
        "The SEC charged Brenmoor Capital LLC with fraud on Monday. "
        "Also charged was the firm's former risk chief, Lena Marsh, who has agreed to cooperate."
    )
    assert ("Securities and Exchange Commission", "Lena Marsh") in facts(text, "en", "charge")
    # with no charge told before, and no authority, nothing to attach it to
    assert facts("Also charged was a driver, Lena Marsh, for speeding.", "en", "charge") == set()


def test_finding_of_a_breach_is_a_charge_without_kind() -> None:
    text = "The Prudential Regulation Authority has found that Tarnwell Mutual breached its rules on liquidity."
    extraction = extract(text, Meta(id="t", lang="en", date="2024-05-02"))
    found = [f for f in extraction.facts if f.type == "charge"]
    assert [(f.authority, f.subject, f.kind) for f in found] == [
        ("Prudential Regulation Authority", "Tarnwell Mutual", None)
    ]
    text = "The Prudential Regulation Authority has found that Tarnwell Mutual kept enough liquidity."
    assert facts(text, "en", "charge") == set()


def test_hedged_fine_and_firm_of_a_role_give_no_charge() -> None:
    assert (
        facts("Ook moederbedrijf Kestrel Bank N.V. zou een boete kunnen krijgen van de AFM.", "nl", "charge") == set()
    )
    assert facts("De AFM overweegt een boete voor Kestrel Bank N.V. in Utrecht.", "nl", "charge") == set()
    assert facts("De AFM legt Kestrel Bank N.V. een boete op.", "nl", "charge") == {
        ("Autoriteit Financiële Markten", "Kestrel Bank N.V.")
    }
    # the firm only names whose officer is fined
    assert facts("Aan de bestuurder van Kestrel Bank N.V. legt de AFM een boete op.", "nl", "charge") == set()


def test_person_after_firm_role_is_the_one_charged() -> None:
    assert facts("The SEC charged Tarnwell Capital founder Olav Berg with fraud.", "en", "charge") == {
        ("Securities and Exchange Commission", "Olav Berg")
    }
    assert facts("The SEC charged Tarnwell Capital and founder Olav Berg with fraud.", "en", "charge") == {
        ("Securities and Exchange Commission", "Tarnwell Capital"),
        ("Securities and Exchange Commission", "Olav Berg"),
    }


def test_a_politician_accusing_a_state_is_no_charge() -> None:
    text = "Ostland's prime minister Geir Vollan accused Britain of bullying. The FCA fined Kestrel Bank in May."
    assert facts(text, "en", "charge") == {("Financial Conduct Authority", "Kestrel Bank")}


def test_freeze_told_in_other_shapes() -> None:
    text = "Swiss authorities froze 40 million francs held by businessman Oleg Varin at two banks."
    assert facts(text, "en", "asset_freeze") == {("Switzerland", "Oleg Varin")}
    text = "Het OM heeft 3 miljoen euro van zakenman Oleg Varin in beslag genomen."
    assert facts(text, "nl", "asset_freeze") == {("Openbaar Ministerie", "Oleg Varin")}
    text = "De Amerikaanse OFAC zette Tarnow Bank op de sanctielijst en bevroor haar tegoeden."
    assert facts(text, "nl", "asset_freeze") == {("Office of Foreign Assets Control", "Tarnow Bank")}
    text = "Ook de bankrekeningen van Tarnow Bank werden door de Britse regering bevroren."
    assert facts(text, "nl", "asset_freeze") == {("United Kingdom", "Tarnow Bank")}


def test_place_of_the_assets_is_not_who_froze_them() -> None:
    text = "All property of Tarnow Bank in the United States is blocked, OFAC said."
    assert facts(text, "en", "asset_freeze") == {("Office of Foreign Assets Control", "Tarnow Bank")}
    # a firm freezing money held by a client is no sanction
    assert facts("Tarnow Bank froze 40 million francs held by Oleg Varin Ltd.", "en", "asset_freeze") == set()


def test_word_of_an_authority_name_is_no_cue() -> None:
    text = "The U.S. Treasury's Office of Foreign Assets Control on Monday imposed blocking sanctions on Tarnow Bank."
    assert facts(text, "en", "asset_freeze") == {("Office of Foreign Assets Control", "Tarnow Bank")}
    text = "German authorities seized the superyacht Amaryl, which they linked to businessman Oleg Varin."
    assert facts(text, "en", "bankruptcy") == set()


def test_talks_to_buy_ended_is_a_failed_deal() -> None:
    text = "The future of Tarnwell Capital is unclear since Apollo Global Management ended talks to buy parts of it."
    extraction = extract(text, Meta(id="t", lang="en", date="2024-05-02"))
    deals = [(f.acquirer, f.target, f.status) for f in extraction.facts if f.type == "acquisition"]
    assert deals == [("Apollo Global Management", "Tarnwell Capital", "failed")]
    text = "Apollo Global Management ended talks with Tarnwell Capital about its pension plan."
    assert facts(text, "en", "acquisition") == set()


def test_emergency_regime_pronounced_over_a_bank() -> None:
    text = "De rechtbank heeft dinsdag op verzoek van DNB de noodregeling uitgesproken over Bank Lierdal N.V."
    assert facts(text, "nl", "withdrawal_suspension") == {("Bank Lierdal N.V.",)}
    text = "De noodregeling voor spaarders werd besproken met Bank Lierdal N.V. in Zwolle."
    assert facts(text, "nl", "withdrawal_suspension") == set()


def test_prosecution_ordered_and_modal_far_from_the_verb() -> None:
    text = "Het gerechtshof beveelt het OM om oud-topman Olav Berg van Kestrel Bank N.V. te vervolgen."
    assert ("Openbaar Ministerie", "Olav Berg") in facts(text, "nl", "charge")
    assert facts("Het OM kan Kestrel Bank N.V. later dit jaar vervolgen.", "nl", "charge") == set()
    assert facts("The SEC declined to prosecute Tarnwell Bank plc.", "en", "charge") == set()
    assert facts("Tarnwell Bank plc was prosecuted by the Serious Fraud Office.", "en", "charge") == {
        ("Serious Fraud Office", "Tarnwell Bank")
    }


def test_reported_probe_still_counts() -> None:
    text = "Topman Ann Vos van Kestrel Bank N.V. zou onderzocht worden door de Amerikaanse SEC in Washington."
    assert ("Securities and Exchange Commission", "Ann Vos") in facts(text, "nl", "investigation")


def test_the_party_that_asked_is_not_the_one_that_files() -> None:
    """A creditor's request names who asked, not who goes bankrupt; without it the firm before the verb files."""
    asked = "Dorrestein Logistiek BV heeft op verzoek van Kanaalbank NV het faillissement aangevraagd."
    assert facts(asked, "nl", "bankruptcy") == {("Dorrestein Logistiek",)}
    assert facts("At the request of Morwick Bank, Tallow Freight Ltd filed for bankruptcy.", "en", "bankruptcy") == {
        ("Tallow Freight",)
    }
    # near miss: the firm before the verb is the one that files, the request names nobody else
    assert facts("Kanaalbank NV heeft faillissement aangevraagd.", "nl", "bankruptcy") == {("Kanaalbank",)}


def test_qualified_administration_and_winding_up_order() -> None:
    """ "placed into voluntary administration", "ordered X wound up"; an order to pay is no winding up."""
    assert facts("Quillan Homes Ltd was put into provisional liquidation on Friday.", "en", "bankruptcy") == {
        ("Quillan Homes",)
    }
    assert facts("The High Court ordered Harrowgate Brokers Ltd wound up on Monday.", "en", "bankruptcy") == {
        ("Harrowgate Brokers",)
    }
    text = "The court ordered Harrowgate Brokers Ltd to pay costs; it was never wound up."
    assert facts(text, "en", "bankruptcy") == set()


def test_receiver_over_and_appointed_as_administrator() -> None:
    """A court naming a receiver over a firm or someone as its administrator puts it in insolvency;
    a fund's administrator by trade is no such appointment."""
    assert facts("A judge appointed a receiver over Kilnbrook Lending Inc. on Tuesday.", "en", "bankruptcy") == {
        ("Kilnbrook Lending",)
    }
    text = "The court appointed Moira Quinn as administrator of Fenlow Insurance Ltd last week."
    assert ("Fenlow Insurance",) in facts(text, "en", "bankruptcy")
    text = "Moira Quinn, administrator of the Fenlow Insurance Ltd fund range, said dealing went on."
    assert facts(text, "en", "bankruptcy") == set()


def test_dutch_declared_insolvent() -> None:
    """ "die insolvent werd verklaard"; "dreigt insolvent te raken" is no declaration."""
    text = "De schade komt van broker Rivaro Clearing BV, die vorige maand insolvent werd verklaard."
    assert facts(text, "nl", "bankruptcy") == {("Rivaro Clearing",)}
    text = "Broker Rivaro Clearing BV dreigt insolvent te raken, aldus een woordvoerder."
    assert facts(text, "nl", "bankruptcy") == set()


def test_bought_by_past_a_dateline_and_an_apposition() -> None:
    """The target is the subject opening the sentence past its dateline, not the unit in the
    apposition; "agreed to be bought" is a deal still proposed."""
    text = (
        "HULL, March 3 - Saltmarsh Bancorp, the parent of Saltmarsh Bank, said on Monday it had agreed "
        "to be bought by Orrin Valley Financial Corp. for $400 million."
    )
    extraction = extract(text, Meta(id="t", lang="en", date="2024-05-02"))
    deals = [(short(f.acquirer), short(f.target), f.status) for f in extraction.facts if f.type == "acquisition"]
    assert deals == [("Orrin Valley Financial Corp.", "Saltmarsh Bancorp", "proposed")]
    text = "Saltmarsh Bancorp, the parent of Saltmarsh Bank, was bought by Orrin Valley Financial Corp. in 2019."
    extraction = extract(text, Meta(id="t", lang="en", date="2024-05-02"))
    deals = [(short(f.acquirer), short(f.target), f.status) for f in extraction.facts if f.type == "acquisition"]
    assert deals == [("Orrin Valley Financial Corp.", "Saltmarsh Bancorp", "completed")]


def test_closing_source_is_not_charged() -> None:
    """The official announcing at the end of the sentence is no subject of the charge, nor is the
    firm of the charged founder; a charged person named after the verb still is."""
    text = (
        "The founder of Pemberly Pay Inc. was arrested by the Federal Bureau of Investigation and charged "
        "by criminal complaint with wire fraud, Acting U.S. Attorney Hana Kessel announced."
    )
    assert facts(text, "en", "charge") == set()
    text = "The Federal Bureau of Investigation arrested and charged Hana Kessel with wire fraud on Monday."
    assert ("Federal Bureau of Investigation", "Hana Kessel") in facts(text, "en", "charge")


def test_apposition_company_owned_by() -> None:
    """ "X, a Panama company wholly owned by Y" names a subsidiary; a client of a company owned by Y
    is none."""
    text = "Also named was Corvel Marine Inc., a Panama company wholly owned by Sable Reach Shipping LLC."
    assert facts(text, "en", "subsidiary") == {("Corvel Marine", "Sable Reach Shipping LLC")}
    text = "Also named was Corvel Marine Inc., a client of a company owned by Sable Reach Shipping LLC."
    assert facts(text, "en", "subsidiary") == set()


def test_opened_an_examination_of() -> None:
    """An authority opening an examination of a firm investigates it; a firm opening an
    examination centre investigates no one."""
    text = "The Financial Conduct Authority has opened a separate examination of Rookwell Capital LLC."
    assert facts(text, "en", "investigation") == {("Financial Conduct Authority", "Rookwell Capital LLC")}
    text = "Rookwell Capital LLC opened an examination hall, the Financial Conduct Authority said."
    assert facts(text, "en", "investigation") == set()


def test_failed_sale_names_its_buyer_inside() -> None:
    """ "talks on a sale of X to Y broke down": Y the failed buyer, X (else the firm of the text) the
    target; talks between two firms on something else are no deal."""
    text = "Weekend talks on a sale of Corvel Marine Inc. to Sliema Harbour Bank broke down."
    deals = facts(text, "en", "acquisition")
    assert deals == {("Sliema Harbour Bank", "Corvel Marine")}
    text = "Talks between Corvel Marine Inc. and Sliema Harbour Bank on wages broke down."
    assert facts(text, "en", "acquisition") == set()
    text = "Rivaro Verzekeringen kreeg een boete. Eerdere overnamegesprekken met Ostrava Leven NV liepen spaak."
    assert facts(text, "nl", "acquisition") == {("Ostrava Leven", "Rivaro Verzekeringen")}
    text = "Rivaro Verzekeringen kreeg een boete. Eerdere loongesprekken met Ostrava Leven NV liepen spaak."
    assert facts(text, "nl", "acquisition") == set()


def test_failed_sale_to_a_buyer_and_the_month_may() -> None:
    """ "a planned sale of its book to Y collapsed in May" is a failed deal (May the month, no
    modal); a sale to no named buyer, or one that only may collapse, is none."""
    text = "Fenlow Insurance Ltd was fined. A planned sale of its book to Harcastle Re Ltd collapsed in May."
    assert facts(text, "en", "acquisition") == {("Harcastle Re", "Fenlow Insurance")}
    text = "Fenlow Insurance Ltd was fined. Its planned sale of shares to investors collapsed in May."
    assert facts(text, "en", "acquisition") == set()
    text = "Fenlow Insurance Ltd was fined. A sale of its book to Harcastle Re Ltd may collapse."
    assert facts(text, "en", "acquisition") == set()
    text = "Rivaro Verzekeringen kreeg een boete. De verkoop van de portefeuille aan Ostrava Leven NV is mislukt."
    assert facts(text, "nl", "acquisition") == {("Ostrava Leven", "Rivaro Verzekeringen")}


def test_firm_owning_the_role_of_the_one_investigated() -> None:
    """ "investigating whether Vela's founder and president, X, misled": X is investigated, not the
    firm whose role names him; with no person after the role the firm still is."""
    text = (
        "The Ontario Securities Commission is investigating whether Kilnbrook Lending Inc.'s founder and "
        "president, Aldo Ferrante, misled investors."
    )
    assert facts(text, "en", "investigation") == {("Ontario Securities Commission", "Aldo Ferrante")}
    text = "The Ontario Securities Commission is investigating Kilnbrook Lending Inc.'s loan book and its sales."
    assert facts(text, "en", "investigation") == {("Ontario Securities Commission", "Kilnbrook Lending")}


def test_described_as_accused_is_no_charge() -> None:
    """ "a ship manager accused of moving crude" describes the firm; "was accused of" and "accused X
    of" by an authority are charges."""
    text = "The Financial Conduct Authority named Quorra Shipping LLC, a ship manager accused of moving crude."
    assert facts(text, "en", "charge") == set()
    text = "Quorra Shipping LLC was accused of moving crude by the Financial Conduct Authority."
    assert facts(text, "en", "charge") == {("Financial Conduct Authority", "Quorra Shipping LLC")}
    text = "The Financial Conduct Authority accused Quorra Shipping LLC of moving crude."
    assert facts(text, "en", "charge") == {("Financial Conduct Authority", "Quorra Shipping LLC")}


def test_liquidated_unit_in_apposition() -> None:
    """ "Vela's Singapore arm, Vela Metals Pte, was put into provisional liquidation": the unit of
    the apposition is liquidated, not its parent; a firm further back with a verb between is not."""
    text = "Ostrava Trading's Singapore arm, Ostrava Metals Ltd, was put into provisional liquidation on Friday."
    assert facts(text, "en", "bankruptcy") == {("Ostrava Metals",)}
    text = "Ostrava Metals Ltd said its rival was put into provisional liquidation on Friday."
    assert facts(text, "en", "bankruptcy") == set()


def test_fund_named_by_its_noun_past_a_colon_is_no_object() -> None:
    """ "heeft X een aanwijzing gegeven: het fonds moet ...": the fund of the new clause is not the one
    given the order; named parties listed past a colon still are."""
    text = (
        "Stichting Pensioenfonds Vaarwater belegde in Kromhout Krediet Fonds. De Nederlandsche Bank heeft "
        "Vaarwater een aanwijzing gegeven: het fonds moet een plan indienen."
    )
    assert ("De Nederlandsche Bank", "Kromhout Krediet Fonds") not in facts(text, "nl", "charge")
    text = "The Securities and Exchange Commission charged two firms: Kilnbrook Lending Inc. and Rookwell Capital LLC."
    assert facts(text, "en", "charge") == {
        ("Securities and Exchange Commission", "Kilnbrook Lending"),
        ("Securities and Exchange Commission", "Rookwell Capital LLC"),
    }
