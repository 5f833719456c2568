"""Rules written for language seen on tuning sets, checked on invented sentences of our own: firm
nouns before names, country adjectives, descriptive appositions, speakers' money, debts with words
between, credit lines, relative clauses, sanctions told before their targets, defined terms, roles
owned through a relative clause. Each with a near miss."""

from __future__ import annotations

from test_extract_generalise import entities, facts, run

from casegraph.loaders.pipeline import pipeline


def exposures(text: str, lang: str = "en") -> set[tuple]:
    return {(f.exposed, f.counterparty, f.amount) for f in run(text, lang).facts if f.type == "exposure"}


def test_firm_noun_before_a_two_word_name() -> None:
    assert entities("The lender Brodwick Microfinance said it was owed money.")["Brodwick Microfinance"] == "Firm"
    found = entities("A Tallinn lender, Brodwick Microfinance, said it was owed money.")
    assert found["Brodwick Microfinance"] == "Firm"
    assert entities("Pellvane Metals, a Glasgow metals trader, collapsed.")["Pellvane Metals"] == "Firm"
    # near miss: a noun that is also a role keeps its person
    assert entities("Hedge fund manager Ada Korhonen said she had lost money.")["Ada Korhonen"] == "Person"


def test_country_adjective_is_no_firm() -> None:
    found = entities("OFAC designated a Kazakh payments business and the Ghanaian unit of Tellbury Group Ltd.")
    assert "Kazakh" not in found and "Ghanaian" not in found
    assert "Nederlands" not in entities("Een Nederlands bedrijf, Drossel Techniek B.V., is geraakt.", "nl")


def test_legal_forms_of_more_countries() -> None:
    found = entities("Valmiera Pay SIA and Kaunas Ledger UAB and energiecoöperatie Zonnedal U.A. had accounts.")
    assert {"Valmiera Pay SIA", "Kaunas Ledger UAB"} <= set(found)


def test_speaker_money_and_debt_with_words_between() -> None:
    assert exposures(
        "Separately, the Estonian payment firm Tammsaare Pay OÜ said it had $410,000 of client money parked at "
        "Orvell Trading Ltd on Monday."
    ) == {("Tammsaare Pay OÜ", "Orvell Trading Ltd", 410000.0)}
    owed = "Skerry Bulk Carriers Ltd is owed roughly $4.2m in unpaid charter hire by Orvell Trading Ltd, it said."
    assert exposures(owed) == {("Skerry Bulk Carriers Ltd", "Orvell Trading Ltd", 4200000.0)}
    assert exposures(
        "Brackenfield Payroll Ltd had about $2.1 million of its clients' wages held at Quillmore Bank plc."
    ) == {("Brackenfield Payroll Ltd", "Quillmore Bank plc", 2100000.0)}


def test_credit_lines_run_from_the_bank() -> None:
    assert exposures("Orvell Trading Ltd had drawn $12 million on its credit line with Quillmore Bank plc.") == {
        ("Quillmore Bank plc", "Orvell Trading Ltd", 12000000.0)
    }
    assert exposures("Drossel Techniek B.V. had een kredietlijn van 8 miljoen euro bij Hanzebank N.V.", "nl") == {
        ("Hanzebank N.V.", "Drossel Techniek B.V.", 8000000.0)
    }
    fronted = "Bij Hanzebank N.V. heeft Drossel Techniek B.V. nog 3 miljoen euro staan."
    assert exposures(fronted, "nl") == {("Drossel Techniek B.V.", "Hanzebank N.V.", 3000000.0)}


def test_relative_clause_names_the_bankrupt_firm() -> None:
    found = facts(
        "Omgekeerd heeft Drossel Techniek B.V. zelf 2 miljoen euro uitstaan bij Kiel Transport B.V., die vorige "
        "week failliet werd verklaard.",
        "nl",
    )
    assert ("bankruptcy", "Kiel Transport B.V.") in found
    assert ("bankruptcy", "Drossel Techniek B.V.") not in found


def test_insolvency_phrasings() -> None:
    assert ("bankruptcy", "Norwell Remit Ltd") in facts("Norwell Remit Ltd entered administration on March 2.")
    assert ("bankruptcy", "Coldharbour Wealth Pte Ltd") in facts(
        "Coldharbour Wealth Pte Ltd was wound up by the High Court in May."
    )
    assert ("bankruptcy", "Tresco Re Ltd") in facts(
        "The Supreme Court of Bermuda appointed joint provisional liquidators to Tresco Re Ltd on Friday."
    )


def test_sanctions_told_before_their_targets_are_named() -> None:
    text = (
        "The Office of Foreign Assets Control on Tuesday designated a money transfer business and a shell company, "
        "blocking all of their property. So was Orvell Trading Limited, a Hong Kong company."
    )
    assert ("asset_freeze", "Office of Foreign Assets Control", "Orvell Trading Limited") in facts(text)
    # near miss: "So was" with no sanction told before freezes nothing
    unrelated = facts("Quillmore Bank plc made a profit. So was Orvell Trading Limited.")
    assert not {f for f in unrelated if f[0] == "asset_freeze"}


def test_venue_does_not_charge() -> None:
    found = facts(
        "The CFTC filed a civil complaint against Ivo Markanen in the Southern District of New York, charging him "
        "with fraud."
    )
    assert {f[1] for f in found if f[0] == "charge"} == {"Commodity Futures Trading Commission"}


def test_investigation_into_a_firms_officer_and_dutch_arrest() -> None:
    found = facts(
        "Tellbury Assurance Limited paid the fine. The FCA's investigation into the company's former finance "
        "director, Ivo Markanen, is continuing."
    )
    assert ("investigation", "Financial Conduct Authority", "Ivo Markanen") in found
    nl = facts("De enige bestuurder, Wubbo Ekkelkamp, is op 3 maart door de FIOD aangehouden.", "nl")
    assert ("investigation", "Fiscale Inlichtingen- en Opsporingsdienst", "Wubbo Ekkelkamp") in nl


def test_defined_term_is_the_reporting_firm() -> None:
    text = (
        "Tellbury Reinsurance Group plc reports its credit risk. Loan notes of GBP 9m are held by the Group's "
        "Irish subsidiary, Tellbury Re Ireland DAC."
    )
    assert ("subsidiary", "Tellbury Re Ireland DAC", "Tellbury Reinsurance Group plc") in facts(text)
    assert "Group" not in entities(text)


def test_roles_owned_through_a_relative_clause() -> None:
    found = facts(
        "Norwell Remit Ltd is a unit of Ashgrove Holdings, a listed wealth manager, whose chairman Ivo Markanen "
        "said the group would cooperate."
    )
    assert ("officer", "Ivo Markanen", "Ashgrove Holdings") in found
    found = facts("Both companies are owned by Ashgrove Holdings, which is controlled by its founder, Ivo Markanen.")
    assert ("officer", "Ivo Markanen", "Ashgrove Holdings") in found
    assert "Ivo Markanen" in entities("Its owner and general manager, Ivo Markanen, left.")


def test_county_is_a_government_unless_part_of_another_name() -> None:
    assert entities("Pellham County lost $18 million at Quillmore Bank plc.")["Pellham County"] == "Government"
    found = entities("Pellham County Council had deposits at Pellham County Bank.")
    assert found.get("Pellham County Council") == "Government"
    assert found.get("Pellham County Bank") == "Firm"


def test_brand_written_small_with_a_legal_form() -> None:
    text = "De AFM heeft een boete van 1,2 miljoen euro opgelegd aan knipr B.V. wegens gebrekkige controles."
    found = facts(text, "nl")
    assert ("charge", "Autoriteit Financiële Markten", "knipr B.V.") in found
    assert "holding Ltd." not in entities("The shares of the holding Ltd. fell on Monday.")


def test_dutch_debt_to_a_creditor_after_aan_and_one_direction_per_pair() -> None:
    owed = "Verder is Drossel Techniek B.V. 700.000 euro verschuldigd aan leverancier Kiel Transport B.V., meldt hij."
    assert exposures(owed, "nl") == {("Kiel Transport B.V.", "Drossel Techniek B.V.", 700000.0)}
    out = "Drossel Techniek B.V. heeft een lening van 2 miljoen euro uitstaan bij Kiel Transport B.V., zegt de curator."
    assert exposures(out, "nl") == {("Drossel Techniek B.V.", "Kiel Transport B.V.", 2000000.0)}


def test_rows_of_a_creditors_list_say_what_each_holds() -> None:
    text = (
        "Norwell Remit Ltd entered administration in February. Norwell had run payments for banks. The "
        "committee consists of the following members:\n\n"
        "1. Skerry Remittance Co., owed approximately $22.4 million in unsettled payouts\n"
        "2. Brackenfield Fund LP, holder of $15 million of Norwell's convertible notes\n"
        "3. Tammsaare Pay Ltd, with $4.1 million in prefunded balances at Norwell\n"
        "4. A private individual who has asked not to be named"
    )
    assert exposures(text) == {
        ("Skerry Remittance Co.", "Norwell Remit Ltd", 22400000.0),
        ("Brackenfield Fund LP", "Norwell Remit Ltd", 15000000.0),
        ("Tammsaare Pay Ltd", "Norwell Remit Ltd", 4100000.0),
    }


def test_waiting_for_money_from_a_debtor() -> None:
    waiting = "Kiel Transport NV wacht nog op 310.000 euro van Drossel Techniek B.V. voor vrachtkosten."
    assert exposures(waiting, "nl") == {("Kiel Transport NV", "Drossel Techniek B.V.", 310000.0)}
    assert not exposures("Skerry Bulk Carriers Ltd is still waiting for approval from Orvell Trading Ltd for the deal.")


def test_short_name_shared_by_two_firms_is_the_first_named() -> None:
    text = (
        "Scheepsfinancier Wadlaan Scheepskrediet NV kreeg surseance van betaling. Ook dochter Wadlaan Leasing BV "
        "kreeg uitstel van betaling. ING heeft 45 miljoen euro aan Wadlaan uitgeleend."
    )
    assert exposures(text, "nl") == {("ING", "Wadlaan Scheepskrediet NV", 45000000.0)}


def test_arrests_and_searches_with_words_between_and_roles_found_by_the_matcher() -> None:
    assert ("investigation", "Federal Bureau of Investigation", "Ivo Markanen") in facts(
        "The FBI on Tuesday arrested Ivo Markanen at his home in New Jersey."
    )
    assert not {
        f
        for f in facts("The FBI said on Tuesday that Quillmore Bank plc had dismissed Ivo Markanen.")
        if f[0] == "investigation"
    }
    search = "De FIOD heeft dinsdag onder leiding van het OM doorzoekingen verricht bij trustkantoor Kiel Trust BV."
    assert ("investigation", "Fiscale Inlichtingen- en Opsporingsdienst", "Kiel Trust BV") in facts(search, "nl")
    probe = (
        "Kiel Privatbank AG failed. The Bremen public prosecutor's office opened a criminal investigation into the "
        "bank's former chief financial officer, Ivo Markanen, on suspicion of fraud."
    )
    found = {f for f in facts(probe) if f[0] == "investigation"}
    assert found == {("investigation", "Bremen public prosecutor's office", "Ivo Markanen")}, found


def test_dutch_takeover_with_a_separable_verb() -> None:
    text = "Drossel Groep heeft een akkoord bereikt om Kiel Verzekeringen NV over te nemen voor 90 miljoen euro."
    assert ("acquisition", "Drossel Groep", "Kiel Verzekeringen NV") in facts(text, "nl")


def test_a_further_sum_from_another_lender() -> None:
    text = (
        "Orvell Trading Ltd had borrowed $40 million from Quillmore Bank plc under a warehouse facility, and a "
        "further $9.5 million from Brackenfield Capital Partners."
    )
    assert exposures(text) == {
        ("Quillmore Bank plc", "Orvell Trading Ltd", 40000000.0),
        ("Brackenfield Capital Partners", "Orvell Trading Ltd", 9500000.0),
    }
    # near miss: another sum with no party after the cue's preposition
    assert (
        len(
            exposures(
                "Orvell Trading Ltd borrowed $40 million from Quillmore Bank plc, and a further $9.5 million later."
            )
        )
        == 1
    )


def test_a_loan_noun_between_the_sum_and_the_borrower() -> None:
    text = "Quillmore Bank plc had extended a $12 million revolving credit line to Orvell Trading Ltd in March."
    assert exposures(text) == {("Quillmore Bank plc", "Orvell Trading Ltd", 12000000.0)}
    # near miss: other words between are no loan ("a $12 million payment for services to")
    assert not exposures("Quillmore Bank plc had extended a $12 million deadline on services to Orvell Trading Ltd.")


def test_owed_after_a_comma_with_the_creditor_after_to() -> None:
    text = "Its Labuan unit, Orvell Trading Ltd, owed $14 million to Quillmore Bank plc under a margin loan."
    assert exposures(text) == {("Quillmore Bank plc", "Orvell Trading Ltd", 14000000.0)}


def test_industry_head_nouns_and_a_first_word_written_alone() -> None:
    found = entities("Kestrel Bulk Logistics is owed $3.1 million by Orvell Trading Ltd, its report shows.")
    assert found["Kestrel Bulk Logistics"] == "Firm"
    text = (
        "Drossel Hypotheken, een dochter van Kiel Groep NV, zoekt een koper. ING heeft nog een krediet van "
        "40 miljoen euro aan Drossel verstrekt."
    )
    assert exposures(text, "nl") == {("ING", "Drossel Hypotheken", 40000000.0)}
    # near miss: a word in two firms' names stands for neither
    shared = "Bank Drossel en Drossel Lease BV zijn failliet. ING heeft 40 miljoen euro aan Drossel uitgeleend."
    assert not exposures(shared, "nl")


def test_a_described_party_that_owes_it() -> None:
    text = (
        "Kestrel Credit Fund halted redemptions. The fund's largest borrower is Orvell Trading Ltd, a metals trader "
        "that owes it $67 million."
    )
    assert ("Kestrel Credit Fund", "Orvell Trading Ltd", 67000000.0) in exposures(text)
    # near miss: in a speaker's relative clause 'it' is the speaker, and the debtor is named in it
    said = "A court wound up Orvell Trading Ltd on a petition by Quillmore Bank plc, which says the trader owes it $8m."
    assert ("Orvell Trading Ltd", "Quillmore Bank plc", 8000000.0) not in exposures(said)


def test_a_reinsurer_is_not_the_insurer() -> None:
    text = (
        "Verzekeraar Kiel Verzekeringen NV is failliet. De Belgische herverzekeraar Drossel Re moet nog 5 miljoen "
        "euro overmaken. Verder belegde de verzekeraar 9 miljoen euro in obligaties van Wadlaan Bouw BV."
    )
    assert ("Kiel Verzekeringen NV", "Wadlaan Bouw BV", 9000000.0) in exposures(text, "nl")


def test_plural_possessives_inside_names() -> None:
    found = entities("The Kestrel Teachers' Retirement System said it lost money on Orvell Trading Ltd.")
    assert found["Kestrel Teachers' Retirement System"] == "Firm"
    assert "Hull Magistrates" not in entities("Ivo Markanen will appear at Hull Magistrates' Court on May 2.")


def test_a_firm_word_after_a_role_word_is_the_firm_it_opens() -> None:
    text = (
        "Regulators charged the founders of invoice financier Orvell. Orvell Receivables Ltd collapsed last year, "
        "and Orvell owed Quillmore Bank plc $27 million."
    )
    assert entities(text).get("Orvell") in (None, "Firm")
    assert ("Quillmore Bank plc", "Orvell Receivables Ltd", 27000000.0) in exposures(text)


def test_passive_sums_with_their_agent() -> None:
    placed = "Another $3.2 million had been placed with Quillmore Bank plc by Kestrel Pension Fund, a person said."
    assert exposures(placed) == {("Kestrel Pension Fund", "Quillmore Bank plc", 3200000.0)}
    owed = "A smaller sum, £4.1m in unpaid fees, is owed by Orvell Trading Ltd to Kestrel Factoring Ltd, it said."
    assert exposures(owed) == {("Kestrel Factoring Ltd", "Orvell Trading Ltd", 4100000.0)}
    outstanding = "Quillmore Bank plc, which had about £27m outstanding to Orvell Trading Ltd, expects to recover it."
    assert exposures(outstanding) == {("Quillmore Bank plc", "Orvell Trading Ltd", 27000000.0)}


def test_dutch_creditor_and_debtor_phrases() -> None:
    cases = {
        "Het pensioenfonds Kiel Pensioen zat voor 1,2 miljard euro in Drossel Macro Fund.": (
            "Kiel Pensioen",
            "Drossel Macro Fund",
            1200000000.0,
        ),
        "Moederbedrijf Kiel Groep NV is daarnaast schuldeiser van Drossel Lease BV voor 30 miljoen euro.": (
            "Kiel Groep NV",
            "Drossel Lease BV",
            30000000.0,
        ),
        "Drossel Lease BV staat in het krijt bij Kiel Bank NV voor 14 miljoen euro.": (
            "Kiel Bank NV",
            "Drossel Lease BV",
            14000000.0,
        ),
        "Drossel Lease BV heeft bij ING een scheepshypotheek van 22 miljoen euro lopen.": (
            "ING",
            "Drossel Lease BV",
            22000000.0,
        ),
    }
    for text, fact in cases.items():
        assert exposures(text, "nl") == {fact}, text
    # near miss: an account at the bank is no loan from it
    assert not exposures("Drossel Lease BV heeft bij ING een rekening van 22 miljoen euro lopen.", "nl")


def test_creditors_named_after_a_debt_and_a_described_place() -> None:
    text = (
        "The petition shows Orvell Trading Ltd owes creditors more than $1.1 billion, including Quillmore Bank plc "
        "($310 million) and Kestrel Markets Ltd ($95.4 million)."
    )
    assert exposures(text) == {
        ("Quillmore Bank plc", "Orvell Trading Ltd", 310000000.0),
        ("Kestrel Markets Ltd", "Orvell Trading Ltd", 95400000.0),
    }
    held = "Drossel BV had ruim 14 miljoen euro tegoed staan bij de Litouwse handelsbeurs Kiel Exchange UAB."
    assert exposures(held, "nl") == {("Drossel BV", "Kiel Exchange UAB", 14000000.0)}
    # near miss: a person's title before the name is no firm's description
    assert not exposures("Drossel BV had 14 miljoen euro staan bij de Litouwse minister Ivo Markanen.", "nl")


def test_dutch_demonstrative_opening_a_sentence_is_the_firm_named_last() -> None:
    text = (
        "Een van de gedupeerden is het Zwitserse fonds Kiel Capital AG, een vermogensbeheerder uit Zug. Dat zit "
        "voor 175 miljoen dollar vast bij Drossel Exchange BV."
    )
    assert exposures(text, "nl") == {("Kiel Capital AG", "Drossel Exchange BV", 175000000.0)}
    # near miss: 'Dat blijkt' is a fact about the text, not a firm
    assert not exposures("Kiel Capital AG is failliet. Dat blijkt uit stukken over Drossel Exchange BV.", "nl")


def test_a_description_opening_a_sentence_is_the_subject_before() -> None:
    text = (
        "Regulators said Kiel Savings Bank plc is being sold to Quillmore Bank plc for £700 million. The bank was "
        "placed into administration in 2023 after a run."
    )
    assert ("bankruptcy", "Kiel Savings Bank plc") in facts(text)
    assert ("bankruptcy", "Quillmore Bank plc") not in facts(text)


def test_a_named_unit_after_a_possessive_is_the_party() -> None:
    text = (
        "Quillmore Holdings Ltd said the group's Kestrel Investment Management unit had $300 million invested "
        "with Orvell Trading Ltd, it said."
    )
    assert {(e, c) for e, c, _ in exposures(text)} == {("Kestrel Investment Management", "Orvell Trading Ltd")}
    search = "DNB heeft onderzoek verricht naar de wijze waarop Kiel Bank NV klanten controleert."
    assert ("investigation", "De Nederlandsche Bank", "Kiel Bank NV") in facts(search, "nl")


def test_a_banks_deposits_and_assets_sold_and_a_failure_far_from_the_deal() -> None:
    sold = (
        "Regulators seized Kiel Savings Bank on Monday and promptly sold all of its deposits and most of its "
        "assets to Quillmore Bank plc."
    )
    deals = [(f.acquirer, f.target, f.status) for f in run(sold, "en").facts if f.type == "acquisition"]
    assert deals == [("Quillmore Bank plc", "Kiel Savings Bank", "completed")]
    told = (
        "Kiel Savings Bank, which collapsed at the height of the 2008 financial crisis, was later taken over by "
        "Quillmore Bank plc."
    )
    assert [f.status for f in run(told, "en").facts if f.type == "acquisition"] == ["completed"]


def test_officers_of_the_insolvent_firm_and_a_role_made_of_two_roles() -> None:
    text = (
        "Kestrel Credit Fund suspended redemptions after its largest borrower, Orvell Care GmbH, filed for "
        "insolvency. The court appointed lawyer Ada Korhonen as provisional insolvency administrator."
    )
    officers = {(f.person, f.org) for f in run(text, "en").facts if f.type == "officer"}
    assert officers == {("Ada Korhonen", "Orvell Care GmbH")}
    dga = "Directeur-grootaandeelhouder Ivo Markanen van Drossel Groep BV wilde niet reageren."
    assert {(f.person, f.org) for f in run(dga, "nl").facts if f.type == "officer"} == {
        ("Ivo Markanen", "Drossel Groep BV")
    }
    assert "Directeur" not in entities(dga, "nl")


def test_a_lenders_biggest_borrower() -> None:
    named = "Filings show Orvell Grain Terminals, Quillmore Bank's largest borrower, owes the bank about $31 million."
    assert exposures(named) == {("Quillmore Bank", "Orvell Grain Terminals", 31000000.0)}
    its = (
        "Kestrel Credit Fund froze redemptions. Its largest borrower, the trading firm Orvell Trading Ltd, collapsed "
        "in November."
    )
    assert exposures(its) == {("Kestrel Credit Fund", "Orvell Trading Ltd", None)}
    # near miss: a borrower phrase naming nobody beside it
    assert not exposures("Kestrel Credit Fund froze redemptions after its largest borrower collapsed in November.")


def test_a_bancorp_is_a_bank_for_descriptions() -> None:
    text = (
        'Kestrel BancShares agreed to buy Orvell Bank. "Kestrel has a reputation for prudent lending," Ivo '
        "Markanen, the bank's chairman, said."
    )
    assert {(f.person, f.org) for f in run(text, "en").facts if f.type == "officer"} == {
        ("Ivo Markanen", "Kestrel BancShares")
    }


def test_a_listing_freezes_what_the_listed_hold() -> None:
    text = (
        "The Office of Financial Sanctions Implementation on Tuesday added Orvell Bunkering FZE and its owner "
        "Ivo Markanen to its consolidated list."
    )
    found = {f for f in facts(text) if f[0] == "asset_freeze"}
    assert found == {
        ("asset_freeze", "Office of Financial Sanctions Implementation", "Orvell Bunkering FZE"),
        ("asset_freeze", "Office of Financial Sanctions Implementation", "Ivo Markanen"),
    }
    dutch = "De Raad van de Europese Unie heeft dinsdag zakenman Ivo Markanen aan de sanctielijst toegevoegd."
    assert ("asset_freeze", "Council of the European Union", "Ivo Markanen") in facts(dutch, "nl")
    # near miss: a list that is no sanctions list
    assert not {
        f for f in facts("Kiel Bank NV added Orvell Trading Ltd to its list of clients.") if f[0] == "asset_freeze"
    }


def test_a_county_or_gemeente_named_before_and_an_article_inside_a_name() -> None:
    text = (
        "Gemeente Kielhaven - treasuryparagraaf. Aan Zwembad Het Drosselbad B.V. heeft de gemeente in 2022 een "
        "lening van 1,35 miljoen euro verstrekt."
    )
    assert exposures(text, "nl") == {("Gemeente Kielhaven", "Zwembad Het Drosselbad B.V.", 1350000.0)}
    county = "Orvell County said on Monday that the county had $18 million on deposit at Quillmore Bank plc."
    assert exposures(county) == {("Orvell County", "Quillmore Bank plc", 18000000.0)}


def test_a_loss_on_the_losers_own_dealings_with_a_party() -> None:
    text = "Brokerage Kestrel Prime Ltd lost about $175 million on its dealings with Orvell Capital LLC, people said."
    assert exposures(text) == {("Kestrel Prime Ltd", "Orvell Capital LLC", 175000000.0)}
    # near miss: the words between are no dealings of its own
    assert not exposures("Kestrel Prime Ltd lost about $175 million after a report on trading by Orvell Capital LLC.")


def test_business_nouns_before_a_name() -> None:
    text = "De grootste schuldeisers zijn softwareleverancier Kielbrug (1,2 miljoen euro) en netbeheerder Drossnet."
    found = entities(text, "nl")
    assert found.get("Kielbrug") == "Firm" and found.get("Drossnet") == "Firm"
    assert entities("Hamburg freight forwarder Orvell Bulk said it was owed money.")["Orvell Bulk"] == "Firm"
    # near miss: a noun that also names people ('handelaar') makes no firm
    assert "Firm" not in entities("Wapenhandelaar Ivo Markanen werd opgepakt.", "nl").values()


def test_swiss_francs_and_french_firm_heads_with_a_particle() -> None:
    text = "Another SFr3.2mn had been placed with Banque Orsaz by Caisse de Pension Mervaud, a watchmaker's staff fund."
    assert exposures(text) == {("Caisse de Pension Mervaud", "Banque Orsaz", 3200000.0)}
    assert "SFr3.2mn" not in entities(text)


def test_a_described_party_with_a_relative_clause_holds_the_money() -> None:
    text = (
        "Banque Orsaz SA was shut on Monday. Among the clients caught out is Fondation Lirac, a Geneva charity, "
        "which had SFr9.5mn on deposit at the bank."
    )
    assert exposures(text) == {("Fondation Lirac", "Banque Orsaz SA", 9500000.0)}
    # near miss: a clause after the apposition that names its own subject
    other = (
        "Banque Orsaz SA was shut on Monday. Fondation Lirac, a Geneva charity, said that Tamsin Holdings had "
        "SFr9.5mn on deposit at the bank."
    )
    assert ("Fondation Lirac", "Banque Orsaz SA", 9500000.0) not in exposures(other)


def test_a_funds_biggest_investor_is_exposed_to_the_fund() -> None:
    text = (
        "Hollerith Credit Fund suspended redemptions on Friday. Danish pension fund Aarvik Pension, the fund's "
        "biggest investor, said its units were worth about EUR 120 million."
    )
    assert exposures(text) == {("Aarvik Pension", "Hollerith Credit Fund", 120000000.0)}
    # the lender's borrower runs the other way
    lent = "Hollerith Credit Fund said Morvane Care GmbH, its biggest borrower, had missed a EUR 80 million payment."
    assert exposures(lent) == {("Hollerith Credit Fund", "Morvane Care GmbH", 80000000.0)}


def test_a_trade_compound_names_a_firm_beside_a_name_not_alone() -> None:
    found = entities(
        "Bij Installatiebedrijf Lammertsma gaat het om 850.000 euro, zegt directeur Kees Lammertsma. "
        "Ook Zuiderzee Gashandel diende een vordering in.",
        "nl",
    )
    assert found["Installatiebedrijf Lammertsma"] == "Firm" and found["Kees Lammertsma"] == "Person"
    assert found["Zuiderzee Gashandel"] == "Firm"
    assert "Binnenvaart" not in entities("Lees ook: Binnenvaart worstelt met hoge rente en oude vloot.", "nl")


def test_dutch_descriptions_of_a_pension_fund_and_a_trade() -> None:
    text = (
        "Pensioenfonds Grondverzet verliest geld op Tarrow Ridge Fund. Het pensioenfonds zat voor 1,2 miljard "
        "euro in Tarrow Ridge Fund."
    )
    assert ("Pensioenfonds Grondverzet", "Tarrow Ridge Fund", 1200000000.0) in exposures(text, "nl")
    ship = (
        "De tegoeden van Waalhaven Tankvaart, een Rotterdamse rederij, zijn bevroren. Bunkerleverancier Botlek "
        "Olie is nog niet betaald. De rederij heeft bij ING een scheepshypotheek van 22 miljoen euro lopen."
    )
    assert ("ING", "Waalhaven Tankvaart", 22000000.0) in exposures(ship, "nl")
    # near miss: a trade noun the text never used for any firm stands for none
    none = "Botlek Olie B.V. is nog niet betaald. De rederij heeft bij ING een hypotheek van 22 miljoen euro lopen."
    assert not exposures(none, "nl")


def test_a_failed_deal_for_a_description_of_the_firm_before_the_buyer() -> None:
    text = (
        "Brackwater Bank said it would write off a loan to Larkfield Capital. Brackwater Bank shares fell and "
        "Brackwater Bank cut its forecast. The future of Larkfield remains uncertain after Tessary Partners ended "
        "talks to buy parts of the business."
    )
    found = {(f.acquirer, f.target, f.status) for f in run(text, "en").facts if f.type == "acquisition"}
    assert found == {("Tessary Partners", "Larkfield Capital", "failed")}


def test_the_owner_of_the_cash_that_sat_at_a_bank() -> None:
    text = (
        "The biggest depositor is the Wolf Creek Rural Electric Cooperative. Its manager, Ida Marsh, said $9.4 "
        "million of the co-op's operating cash sat at Larkspur Bank, over the insured limit."
    )
    assert exposures(text) == {("Wolf Creek Rural Electric Cooperative", "Larkspur Bank", 9400000.0)}
    # near miss: a possessive that names the firm's own unit, not its money
    assert not exposures("Larkspur Bank's manager Ida Marsh sat at the table.")


def test_dutch_open_claims_at_a_firm_and_an_account_of_one_firm_at_another() -> None:
    claims = "Het Duitse Ruhrwerk Präzision GmbH heeft bij Vondelkade Trading B.V. nog 1,2 miljoen euro open staan."
    assert exposures(claims, "nl") == {("Ruhrwerk Präzision GmbH", "Vondelkade Trading B.V.", 1200000.0)}
    # near miss: a loan at the firm runs the other way
    loan = "Ruhrwerk Präzision GmbH heeft bij Vondelkade Bank N.V. een lening van 1,2 miljoen euro lopen."
    assert exposures(loan, "nl") == {("Vondelkade Bank N.V.", "Ruhrwerk Präzision GmbH", 1200000.0)}
    account = "Op de rekening van Beurswijs B.V. bij ABN AMRO stond op de dag van het faillissement 2,1 miljoen euro."
    assert exposures(account, "nl") == {("Beurswijs B.V.", "ABN AMRO", 2100000.0)}
    english = "The account of Larch Payroll Ltd at Quillmore Bank held $2.1 million when the bank failed."
    assert exposures(english) == {("Larch Payroll Ltd", "Quillmore Bank", 2100000.0)}
    # near miss: a sum after another party is that party's
    other = "Op de rekening van Beurswijs B.V. bij ABN AMRO stond minder dan Kasbank N.V. met 2,1 miljoen euro had."
    assert ("Beurswijs B.V.", "ABN AMRO", 2100000.0) not in exposures(other, "nl")


def test_dutch_relative_clause_lends_the_party_inside_it() -> None:
    text = "Rabobank, die de handelaar Kadeveen B.V. vorig jaar 1,5 miljoen euro leende, heeft het krediet opgezegd."
    assert exposures(text, "nl") == {("Rabobank", "Kadeveen B.V.", 1500000.0)}
    # near miss: not a relative clause, and the party inside is the lender's own subject
    assert not exposures("Rabobank zegt dat Kadeveen B.V. vorig jaar 1,5 miljoen euro leende.", "nl")


def test_trade_heads_and_trade_nouns_before_names() -> None:
    found = entities("Chesapeake Bay Warehousing, which runs the shed, says Marrowby Metals LLC owes it $1.3m.")
    assert found["Chesapeake Bay Warehousing"] == "Firm"
    dutch = entities(
        "De Turkse rederij Bosporus Lines is Kielhaven B.V. nog 2,8 miljoen euro verschuldigd. Expediteur Koelvracht "
        "Maasland heeft een vordering op Kielhaven B.V.",
        "nl",
    )
    assert dutch["Bosporus Lines"] == "Firm" and dutch["Koelvracht Maasland"] == "Firm"


def test_a_trade_compound_opening_a_sentence_heads_a_bare_name_only() -> None:
    assert "Stuwadoorsbedrijf Pernis-Zuid" in entities("Stuwadoorsbedrijf Pernis-Zuid meldde een vordering.", "nl")
    # near miss: before a name with its own head the compound only describes it
    described = entities("Overslagbedrijf Waalkade Bulk Terminals meldde een vordering.", "nl")
    assert "Waalkade Bulk Terminals" in described and "Overslagbedrijf Waalkade Bulk Terminals" not in described
    assert "Zuidas Hypotheekfonds" in entities("Het belegde in het Zuidas Hypotheekfonds van de bank.", "nl")


def test_a_currency_symbol_written_apart_is_no_party() -> None:
    found = entities("The fund's liquid reserves, about SFr 6m, sit with Zürcher Kantonalbank, the manager said.")
    assert "SFr" not in found


def test_a_claims_table_under_a_header_naming_no_debtor_is_owed_by_the_failed_firm() -> None:
    text = (
        "Brennock Aviation Capital filed for Chapter 11 protection on Tuesday. Brennock blamed missed rent.\n\n"
        "A schedule attached to the petition ranks the largest unsecured claims:\n\n"
        "Haldwell Credit Partners ... $212.5m\nBankhaus Osterfeld ... EUR96.4M\n\n"
        "Brennock did not comment."
    )
    assert exposures(text) == {
        ("Haldwell Credit Partners", "Brennock Aviation Capital", 212500000.0),
        ("Bankhaus Osterfeld", "Brennock Aviation Capital", 96400000.0),
    }


def test_a_debtor_that_does_not_pay_owes_the_firm_the_text_is_about() -> None:
    text = (
        "Brennock Aviation Capital filed for Chapter 11 protection on Tuesday. Brennock blamed missed rent. "
        "Andes Coastal Airways, Brennock's biggest customer, is behind by roughly $27 million in rent. "
        "Kolding Re has refused to pay £14m of recoverables."
    )
    assert exposures(text) == {
        ("Brennock Aviation Capital", "Andes Coastal Airways", 27000000.0),
        ("Brennock Aviation Capital", "Kolding Re", 14000000.0),
    }
    # near miss: the party owed named after 'to'
    named = text + " Sorrel Leasing has yet to pay $3m to Haldwell Credit Partners."
    assert ("Haldwell Credit Partners", "Sorrel Leasing", 3000000.0) in exposures(named)


def test_units_held_in_the_fund_the_text_is_about() -> None:
    text = (
        "Alpbach Property Fund suspended redemptions on Monday. Alpbach Property Fund blamed a bankrupt developer. "
        "Pensionskasse Lenzwil, the scheme for machine-tool makers, holds units worth SFr 84.5 million and is the "
        "largest investor, the fund's report shows."
    )
    assert exposures(text) == {("Pensionskasse Lenzwil", "Alpbach Property Fund", 84500000.0)}


def test_dutch_sitting_in_a_fund_with_a_sum_and_a_swedish_form_inside_a_name() -> None:
    text = (
        "Beleggers in het Kadijk Obligatiefonds kunnen niet uitstappen. De grootste belegger is Stichting "
        "Pensioenfonds Scheepsbouw, dat met ruim 40 miljoen euro in het fonds zit."
    )
    assert exposures(text, "nl") == {("Stichting Pensioenfonds Scheepsbouw", "Kadijk Obligatiefonds", 40000000.0)}
    named = "Fastighets AB Norrhagen ging failliet. Beleggers hebben obligaties van Norrhagen."
    assert {"Fastighets AB Norrhagen"} == {n for n, t in entities(named, "nl").items() if "hagen" in n}


def test_money_in_an_account_at_a_bank_a_few_words_before_it() -> None:
    text = "Emerald Cove Credit Union still has $9.8m sitting in a sweep account at Calder Atlantic Bank, it said."
    assert exposures(text) == {("Emerald Cove Credit Union", "Calder Atlantic Bank", 9800000.0)}


def freezes(text: str, lang: str = "en") -> set[tuple]:
    return {(f.authority, f.target) for f in run(text, lang).facts if f.type == "asset_freeze"}


def test_a_dutch_minister_freezes_and_a_minister_before_a_name_is_a_title() -> None:
    text = "DEN HAAG - De minister van Buitenlandse Zaken heeft de tegoeden bevroren van transportbedrijf Kordavan B.V."
    assert freezes(text, "nl") == {("Ministerie van Buitenlandse Zaken", "Kordavan B.V.")}
    title = "Minister van Financiën Karin Keller-Sutter zei dat de regering een commerciële oplossing wilde."
    assert "Ministerie van Financiën" not in entities(title, "nl")


def test_an_article_inside_a_name_between_the_authority_and_its_seizure() -> None:
    text = (
        "Het Openbaar Ministerie doet onderzoek naar het bedrijf Kordavan B.V. en legde beslag op drie "
        "bankrekeningen van Kordavan."
    )
    assert freezes(text, "nl") == {("Openbaar Ministerie", "Kordavan B.V.")}


def test_an_unnamed_creditor_list_is_of_the_firm_that_filed() -> None:
    text = (
        "Tidemark Bancorp agreed to be bought by Cumbria Valley Financial Corp. Tidemark Bancorp shares rose. "
        "Baltimore landlord Fells Quay Residential filed for Chapter 11 protection on Aug. 1. Fells Quay owes "
        "Tidemark Bancorp $187.4 million. The list of the 20 largest unsecured creditors is led by property "
        "manager Seaholm Management, at $3.9 million."
    )
    assert ("Seaholm Management", "Fells Quay Residential", 3900000.0) in exposures(text)


def suspensions(text: str, lang: str = "en") -> set[str]:
    return {f.firm for f in run(text, lang).facts if f.type == "withdrawal_suspension"}


def test_dutch_savers_who_can_no_longer_reach_their_money() -> None:
    text = "RIGA - Duizenden Nederlandse spaarders kunnen niet meer bij hun deposito's bij het Letse Daugava Banka."
    assert suspensions(text, "nl") == {"Daugava Banka"}
    fund = "AMSTERDAM - Beleggers in het Westerdok Obligatiefonds kunnen voorlopig niet meer uitstappen."
    assert suspensions(fund, "nl") == {"Westerdok Obligatiefonds"}


def test_a_german_city_adjective_and_energie_as_a_head() -> None:
    found = entities("Stichtse had geld uitstaan bij de Bremer Weserkant Hypothekenbank.", "nl")
    assert "Weserkant Hypothekenbank" in found
    short = "Energieleverancier Helderdal failliet\n\nDEN HAAG - Energieleverancier Helderdal Energie is failliet."
    assert {n for n in entities(short, "nl") if "Helderdal" in n} == {"Helderdal Energie"}


def test_clients_owed_are_no_firm_and_a_dutch_loss_in_a_fund_names_the_fund() -> None:
    text = (
        "Quarrystone Capital Pte Ltd was wound up. Quarrystone Capital Pte Ltd had 900 clients. Its liquidators, "
        "Serena Pillai of Orchard Bay Advisory, told the court that clients are owed about S$118 million."
    )
    assert not exposures(text)
    loss = (
        "Het hedgefonds Tarrow Ridge Fund is failliet. Ook Keizersveld Erfgoed B.V. heeft 18 miljoen euro in het "
        "fonds verloren."
    )
    assert exposures(loss, "nl") == {("Keizersveld Erfgoed B.V.", "Tarrow Ridge Fund", 18000000.0)}


def test_the_new_york_attorney_general_sues() -> None:
    text = "New York's attorney general sued Nexo in September over its Earn product."
    assert {(f.authority, f.subject) for f in run(text, "en").facts if f.type == "charge"} == {
        ("New York Attorney General", "Nexo")
    }


def subsidiaries(text: str, lang: str = "en") -> set[tuple]:
    return {(f.child, f.parent) for f in run(text, lang).facts if f.type == "subsidiary"}


def test_a_parent_described_by_its_childs_possessive_and_a_dutch_part_of() -> None:
    text = "Brantley Group, Ferrowood Markets's Aim-listed parent, said its loan was unlikely to be repaid."
    assert subsidiaries(text) == {("Ferrowood Markets", "Brantley Group")}
    dutch = "Scheldekoers B.V. is onderdeel van de Antwerpse familieholding Van Roosendaal Groep, die vastgoed bezit."
    assert subsidiaries(dutch, "nl") == {("Scheldekoers B.V.", "Van Roosendaal Groep")}
    # near miss: a part of something that is no firm
    assert not subsidiaries("De kantoren van Scheldekoers B.V. zijn onderdeel van het netwerk.", "nl")


def test_agreed_to_be_bought_by_a_described_buyer_and_long_acronyms_written_small() -> None:
    text = "Separately, Veldan Capital Partners agreed in May to be bought by Boston-based Ashmoor Point Investments."
    found = {(f.acquirer, f.target, f.status) for f in run(text, "en").facts if f.type == "acquisition"}
    assert found == {("Ashmoor Point Investments", "Veldan Capital Partners", "proposed")}
    finma = entities("Finma has opened bankruptcy proceedings against Banque Orsaz SA, a Geneva private bank.")
    assert finma.get("Swiss Financial Market Supervisory Authority") == "Regulator" and "Finma" not in finma


def test_the_firm_of_an_unnamed_founder_is_not_the_one_charged() -> None:
    text = "NEW YORK - Federal prosecutors charged the founder of Oxmoor Peak Capital Management with securities fraud."
    assert not [f for f in run(text, "en").facts if f.type == "charge"]
    # near miss: the firm itself charged, its founder named
    named = "The SEC charged Oxmoor Peak Capital Management and its founder Marcus Delane with fraud."
    assert ("Securities and Exchange Commission", "Oxmoor Peak Capital Management") in {
        (f.authority, f.subject) for f in run(named, "en").facts if f.type == "charge"
    }


def test_a_title_case_headline_list_makes_no_firms() -> None:
    text = (
        "US Blacklists Dubai Fuel Trader Sahmand, Leaving Lenders and Suppliers Exposed\n\n"
        "The US Treasury's Office of Foreign Assets Control designated Sahmand General Trading LLC on Wednesday."
    )
    found = entities(text)
    assert "Leaving Lenders" not in found and not any(n.startswith("Blacklists") for n in found)


def test_a_people_of_a_country_is_no_party() -> None:
    text = "OFAC blocked Tbilmar Leasing LLC. Its property is blocked and Americans are barred from dealing with it."
    assert "Americans" not in entities(text)
    assert "Americans" not in {f.target for f in run(text, "en").facts if f.type == "asset_freeze"}


def test_dutch_appointees_named_after_their_fronted_role() -> None:
    text = "Sprengeveld Verzekeringen N.V. is failliet. Tot curatoren zijn Femke Lagerwaard en Koen Bastings benoemd."
    officers = {(f.person, f.org) for f in run(text, "nl").facts if f.type == "officer"}
    assert officers == {
        ("Femke Lagerwaard", "Sprengeveld Verzekeringen N.V."),
        ("Koen Bastings", "Sprengeveld Verzekeringen N.V."),
    }
    # near miss: a name after a fronted role with no appointing verb is not made a person by it
    assert "Koen Bastings" not in entities("Tot curatoren zijn Koen Bastings en zijn team niet gekomen.", "nl")


def test_a_person_after_a_role_is_no_bank_for_the_end_of_his_name() -> None:
    assert entities("\"We had no choice,\" fund manager Theo Marchbanks said.")["Theo Marchbanks"] == "Person"
    assert entities("\"We had no choice,\" fund manager Theo Kernbank said.")["Theo Kernbank"] == "Person"


def test_a_lender_that_gave_a_borrower_a_line() -> None:
    text = "Oakdale Ridge Credit Union, which gave Pinewood Mortgage Corp a C$38 million warehouse line, called it in."
    assert exposures(text) == {("Oakdale Ridge Credit Union", "Pinewood Mortgage Corp", 38000000.0)}
    # near miss: a sum given that is no loan
    assert not exposures("Oakdale Ridge Credit Union gave Pinewood Mortgage Corp a $5 million bonus pool last year.")


def test_a_freeze_on_a_firm_and_its_owner_named_after_a_role() -> None:
    text = (
        "BRUSSEL - De Europese Unie heeft de tegoeden bevroren van de kunstmesthandelaar Palessa Kali Trading en "
        "van haar eigenaar, de zakenman Aliaksei Dubrava."
    )
    assert freezes(text, "nl") == {("European Union", "Palessa Kali Trading"), ("European Union", "Aliaksei Dubrava")}


def bankruptcies(text: str, lang: str = "en") -> set[str]:
    return {f.firm for f in run(text, lang).facts if f.type == "bankruptcy"}


def test_a_firm_that_collapsed_into_administration_and_proceedings_against_a_bank() -> None:
    text = "The SFO charged the founders of Carwell Receivables, an invoice company that collapsed into administration."
    assert bankruptcies(text) == {"Carwell Receivables"}
    bank = "GENEVA - Finma has opened bankruptcy proceedings against Banque Orsaz SA, a small private bank."
    assert bankruptcies(bank) == {"Banque Orsaz SA"}
    # near miss: proceedings of another kind
    assert not bankruptcies("Finma has opened enforcement proceedings against Banque Orsaz SA.")


def test_a_bank_placed_under_special_administration() -> None:
    text = "ROME - The Bank of Italy placed Banca Serrano Toscana under special administration on Wednesday."
    assert bankruptcies(text) == {"Banca Serrano Toscana"}
    assert not bankruptcies("ROME - The Bank of Italy placed Banca Serrano Toscana under review on Wednesday.")


def tokens(text: str, lang: str = "en") -> set[str]:
    return {name for name, kind in entities(text, lang).items() if kind == "Token"}


def test_a_known_coin_as_collateral_is_a_token_a_bare_one_no_party() -> None:
    assert "Ethereum" in tokens("Quillmore Bank plc lent Orvell Trading Ltd $20 million, secured by Ether.")
    lent = "Hanzebank N.V. leende Drossel Techniek B.V. 2 miljoen euro, met 40 bitcoin als onderpand."
    assert "Bitcoin" in tokens(lent, "nl")
    # near miss: a coin named for what a firm keeps is neither a token nor a firm
    bare = entities("Drossel Techniek B.V. kept €3m of its cash in Bitcoin in custody with Kellwick Custody Ltd.")
    assert "Bitcoin" not in bare


def test_a_ticker_beside_a_token_noun_is_a_token_wherever_named() -> None:
    found = entities("The collapse of the ZRQD stablecoin hit Orvell Trading Ltd. ZRQD had traded at a dollar.")
    assert found["ZRQD"] == "Token"
    assert tokens("Palvane Labs B.V. gaf vorig jaar de PLV-token uit. PLV verloor 90 procent.", "nl") == {"PLV"}
    # near miss: an acronym with no token noun beside it stays a firm
    assert entities("HSBC backed a loan to Orvell Trading Ltd, secured by HSBC shares.").get("HSBC") != "Token"


def test_bullet_rows_under_a_claims_header_are_creditors() -> None:
    text = (
        "Orvell Trading Ltd filed for Chapter 11 on Monday. The largest unsecured claims listed in the petition:\n\n"
        "- Strathcarron Bay Treasury: $31 million (term deposit)\n"
        "- Quillmore Bank plc: $12.5 million (loan)\n"
    )
    assert exposures(text) == {
        ("Strathcarron Bay Treasury", "Orvell Trading Ltd", 31000000.0),
        ("Quillmore Bank plc", "Orvell Trading Ltd", 12500000.0),
    }
    # near miss: a holdings list whose rows open with a common word makes no firms of them
    holdings = entities("The county held:\n\n- Units of the Fairbank Reserves Fund: $4.2 million\n")
    assert "Units" not in holdings


def test_a_claim_lodged_with_the_receiver_of_the_failed_firm() -> None:
    text = (
        "Windhoven Energie B.V. uit Zwolle is failliet verklaard. Leverancier Gasunie Trading meldde zich bij "
        "de curator met een vordering van 2,4 miljoen euro."
    )
    assert exposures(text, "nl") == {("Gasunie Trading", "Windhoven Energie B.V.", 2400000.0)}
    english = "Orvell Trading Ltd filed for bankruptcy. Quillmore Bank plc lodged a claim for $6 million against it."
    assert ("Quillmore Bank plc", "Orvell Trading Ltd", 6000000.0) in exposures(english)
    # near miss: a claim with no sum
    assert not exposures("Orvell Trading Ltd filed for bankruptcy. Quillmore Bank plc said it would lodge a claim.")


def test_custody_with_and_a_loan_of_a_coins_worth() -> None:
    custody = "Drossel Techniek B.V. kept €3m of its cash in Bitcoin in custody with Kellwick Custody Ltd, a trust."
    assert exposures(custody) == {("Drossel Techniek B.V.", "Kellwick Custody Ltd", 3000000.0)}
    worth = "Kellwick Custody Ltd had lent £2m worth of client Ether to Orvell Trading Ltd, a broker."
    assert exposures(worth) == {("Kellwick Custody Ltd", "Orvell Trading Ltd", 2000000.0)}


def test_a_firm_told_to_be_in_chapter_11_or_liquidation_in_passing() -> None:
    text = (
        "Orrisdale Markets listed its claims:\n\n* Quillmore Bank plc: $19 million\n"
        "* Orvell Trading Ltd (in liquidation): $12 million"
    )
    assert bankruptcies(text) == {"Orvell Trading Ltd"}
    aside = "Orvell Trading Ltd, itself now in Chapter 11, expects to file a claim."
    assert bankruptcies(aside) == {"Orvell Trading Ltd"}
    wound = "Orvell Trading Ltd is being wound up in Jersey, its lawyers said."
    assert bankruptcies(wound) == {"Orvell Trading Ltd"}
    dutch = "Het geld staat bij Kellwick Custody Ltd, dat vorige maand onder bewind werd gesteld."
    assert bankruptcies(dutch, "nl") == {"Kellwick Custody Ltd"}
    assert bankruptcies("Het geld staat bij Orvell Trading Ltd, dat vorig jaar Chapter 11 aanvroeg.", "nl") == {
        "Orvell Trading Ltd"
    }
    # near miss: 'in administration' of something else tells no insolvency
    assert not bankruptcies("Quillmore Bank plc has long experience in administration of estates.")



def test_the_month_may_is_no_hedge_and_more_ways_to_stop_withdrawals() -> None:
    assert suspensions("Kellwick Custody Ltd stopped processing withdrawals on May 3.") == {"Kellwick Custody Ltd"}
    shut = "Kellwick Custody Ltd, which shut the door on customer withdrawals in June, filed for Chapter 11."
    assert suspensions(shut) == {"Kellwick Custody Ltd"}
    assert suspensions("Kellwick Custody Ltd verwerkt sinds maart geen opnames meer.", "nl") == {"Kellwick Custody Ltd"}
    stopped = "Kellwick Custody Ltd stopte vorige week met het uitbetalen van klanten."
    assert suspensions(stopped, "nl") == {"Kellwick Custody Ltd"}
    # near miss: the modal still hedges
    assert not suspensions("Kellwick Custody Ltd may stop processing withdrawals, analysts said.")


def test_a_piped_table_of_client_balances_under_a_header_naming_the_failed_firm() -> None:
    text = (
        "Kellwick Custody Ltd was placed into administration on Friday. Kellwick stopped processing withdrawals.\n\n"
        "In a first update to creditors, the administrators listed the largest client balances:\n\n"
        "Client | Assets held at Kellwick\n"
        "Dunraven Family Office | £12.4m\n"
        "Orvell Trading Ltd | £3.5m\n"
    )
    assert exposures(text) == {
        ("Dunraven Family Office", "Kellwick Custody Ltd", 12400000.0),
        ("Orvell Trading Ltd", "Kellwick Custody Ltd", 3500000.0),
    }
    # near miss: a row whose first cell is no name ("Four other lenders") makes no party
    rows = "Lender | Drawn (US$m)\nQuillmore Bank plc | 96.0\nFour other lenders | 51.3\n"
    assert "Four" not in entities("Orvell Trading Ltd drew on these lines:\n\n" + rows)


def test_a_breakdown_of_money_held_at_places_the_header_does_not_name() -> None:
    text = (
        "Het betaalbedrijf Orvell Pay B.V. raakte in de problemen. Orvell Pay somt zijn tegoeden bij omgevallen "
        "platforms op:\n\n- Kellwick Custody Ltd (Jersey): 2,7 miljoen euro\n- Quillmore Bank plc: 450.000 euro\n"
    )
    assert exposures(text, "nl") == {
        ("Orvell Pay B.V.", "Kellwick Custody Ltd", 2700000.0),
        ("Orvell Pay B.V.", "Quillmore Bank plc", 450000.0),
    }
    # near miss: a header whose place is named lists no places
    named = "Orvell Pay B.V. heeft tegoeden bij Kellwick Custody Ltd:\n\n- Quillmore Bank plc: 450.000 euro\n"
    assert ("Orvell Pay B.V.", "Quillmore Bank plc", 450000.0) not in exposures(named, "nl")


def test_a_pronoun_opening_a_sentence_with_a_facts_verb_is_the_firm_before() -> None:
    text = "Orvell Trading Ltd, the trading firm, lost money. It borrowed $25 million from Quillmore Bank plc."
    assert exposures(text) == {("Quillmore Bank plc", "Orvell Trading Ltd", 25000000.0)}
    # near miss: two firms before, no single subject to stand for
    two = "Orvell Trading Ltd and Kellwick Custody Ltd, the firms, lost money. It borrowed $25m from Quillmore Bank."
    assert ("Quillmore Bank plc", "Kellwick Custody Ltd", 25000000.0) not in exposures(two)


def test_a_dutch_authority_opening_an_arrest_told_verb_last() -> None:
    text = (
        "ZWOLLE - De FIOD heeft dinsdag Jeroen Stalman, oprichter van beleggingsclub Orvell Pay B.V., "
        "aangehouden op verdenking van oplichting."
    )
    found = {(f.authority, f.subject) for f in run(text, "nl").facts if f.type == "investigation"}
    assert ("Fiscale Inlichtingen- en Opsporingsdienst", "Jeroen Stalman") in found
    # near miss: the authority only comments on an arrest by another
    other = "ZWOLLE - De AFM zegt dat de politie dinsdag Jeroen Stalman heeft aangehouden."
    acting = {f.authority for f in run(other, "nl").facts if f.type == "investigation"}
    assert "Autoriteit Financiële Markten" not in acting


def test_a_dutch_investigation_told_with_its_verb_after_the_noun() -> None:
    text = "De AFM maakte bekend dat zij een onderzoek was begonnen naar Orvell Pay B.V. in Zwolle."
    found = {(f.authority, f.subject) for f in run(text, "nl").facts if f.type == "investigation"}
    assert found == {("Autoriteit Financiële Markten", "Orvell Pay B.V.")}
    done = "De toezichthouder AFM bevestigde dat zij een onderzoek doet naar Orvell Pay B.V."
    assert {f.subject for f in run(done, "nl").facts if f.type == "investigation"} == {"Orvell Pay B.V."}
    # near miss: an investigation the authority denies
    denied = "De AFM zegt dat zij geen onderzoek doet naar Orvell Pay B.V."
    assert not {f for f in run(denied, "nl").facts if f.type == "investigation"}


def test_a_short_name_told_as_the_parent_of_the_long_one_is_another_firm() -> None:
    text = (
        "The crypto exchange Orvell halted withdrawals in June. Orvell Digital Ltd is a wholly owned subsidiary of "
        "Orvell, which is registered in Seychelles. Regulators froze the assets of Orvell Digital Ltd on Monday."
    )
    found = entities(text)
    assert found.get("Orvell") == "Firm" and found.get("Orvell Digital Ltd") == "Firm"
    # near miss: told once in full and once short, the two are one firm
    one = entities("The crypto exchange Orvell Digital Ltd halted withdrawals in June. Orvell said it would reopen.")
    assert "Orvell" not in one


def test_rows_under_a_header_on_their_own_money_at_one_place() -> None:
    text = ("Quillmore Bank plc was closed by its regulator on Friday.\n\n"
            "Three pension schemes said their deposits at Quillmore Bank plc were:\n\n"
            "- Ardley Staff Pension Scheme: £42m\n- Tamworth Engineers Pension Plan: £17m\n")
    assert exposures(text) == {("Ardley Staff Pension Scheme", "Quillmore Bank plc", 42000000.0),
                               ("Tamworth Engineers Pension Plan", "Quillmore Bank plc", 17000000.0)}
    nl = ("Gemeenten hadden geld ondergebracht bij Hanzebank N.V. Die hun tegoeden bevestigden, zijn onder meer:\n\n"
          "- Stichting Woonzorg Veluwerand: 6 miljoen euro\n- Pensioenfonds Glaswerk: 4 miljoen euro\n")
    assert exposures(nl, "nl") == {("Stichting Woonzorg Veluwerand", "Hanzebank N.V.", 6000000.0),
                                   ("Pensioenfonds Glaswerk", "Hanzebank N.V.", 4000000.0)}
    # near miss: the header lists what one holder holds, not the rows' own money
    held = ("Ardley Staff Pension Scheme reported its holdings on Friday. The largest positions were:\n\n"
            "- Quillmore Bank plc bonds: £42m\n- Tamworth Engineering plc shares: £17m\n")
    assert not {e for e in exposures(held) if e[1] == "Quillmore Bank plc" and e[0] != "Ardley Staff Pension Scheme"}


def test_a_sum_in_currency_code_and_capital_unit_opens_no_name() -> None:
    assert exposures("Halland Forsakring AB holds EUR15M of Quillmore Bank plc's senior notes.") == {
        ("Halland Forsakring AB", "Quillmore Bank plc", 15000000.0)
    }
    assert not [n for n in entities("Orvell Trading Ltd repaid USD4.5B of Quillmore Bank plc loans.") if "USD" in n]


def test_a_place_opening_a_firm_name_stays_in_it() -> None:
    found = entities("Orvell Trading Ltd kept £3.3m in a call account at Gibraltar International Bank.")
    assert found.get("Gibraltar International Bank") == "Firm" and "International Bank" not in found
    # near miss: a place before a firm of another head stays a place
    assert "Gibraltar Orvell Trading Ltd" not in entities("In Gibraltar Orvell Trading Ltd kept £3.3m at a bank.")


def test_a_counterparty_described_before_its_name_without_a_comma() -> None:
    nl = ("Daarnaast heeft Hanzebank N.V. een lening van 15 miljoen euro verstrekt aan haar voormalige dochter "
          "Drossel B.V.")
    assert exposures(nl, "nl") == {("Hanzebank N.V.", "Drossel B.V.", 15000000.0)}
    en = "Quillmore Bank plc had lent $4m to its sister company Orvell Trading Ltd in May."
    assert exposures(en) == {("Quillmore Bank plc", "Orvell Trading Ltd", 4000000.0)}
    # near miss: the words before the name are no firm noun
    assert not exposures("Quillmore Bank plc had lent $4m to its clients in Rotterdam while Orvell Trading Ltd waited.")


def test_the_one_sum_put_before_the_parties() -> None:
    nl = ("Een kleiner bedrag, 75.000 euro aan handelstegoed, is Drossel B.V. kwijt bij het failliete platform "
          "Kellwick B.V.")
    assert exposures(nl, "nl") == {("Drossel B.V.", "Kellwick B.V.", 75000.0)}
    en = "Client assets worth €61 million had been placed by Orvell Trading Ltd with Quillmore Bank plc."
    assert exposures(en) == {("Orvell Trading Ltd", "Quillmore Bank plc", 61000000.0)}
    # near miss: a sum told after another party is that party's
    two = "Kellwick B.V. lost €2m last year, and Orvell Trading Ltd had money placed with Quillmore Bank plc."
    assert ("Orvell Trading Ltd", "Quillmore Bank plc", 2000000.0) not in exposures(two)


def test_a_dutch_place_put_first_with_the_owner_after_van() -> None:
    assert exposures("Bij Kellwick Custody B.V. zat van Drossel B.V. ongeveer 6,8 miljoen euro vast.", "nl") == {
        ("Drossel B.V.", "Kellwick Custody B.V.", 6800000.0)
    }
    later = ("Daarnaast staat bij Kellwick Custody B.V., de bewaarder van het fonds, nog 3,8 miljoen euro aan "
             "middelen van Drossel B.V.")
    assert exposures(later, "nl") == {("Drossel B.V.", "Kellwick Custody B.V.", 3800000.0)}
    debt = "Ook bij de Duitse financier Emsland Kredit GmbH staat Drossel B.V. in het krijt, voor 14 miljoen euro."
    assert exposures(debt, "nl") == {("Emsland Kredit GmbH", "Drossel B.V.", 14000000.0)}
    # near miss: two owners after 'van' name no one owner
    two = "Bij Kellwick Custody B.V. zat van Drossel B.V. en van Orvell B.V. samen 6,8 miljoen euro vast."
    assert not exposures(two, "nl")


def test_dutch_money_still_due_back_from_the_party_after_van() -> None:
    back = "Daarnaast moet Drossel B.V. van zijn Estse betaaldienstverlener Kellwick Pay nog 420.000 euro terugkrijgen."
    assert exposures(back, "nl") == {("Drossel B.V.", "Kellwick Pay", 420000.0)}
    due = "Hanzebank N.V. heeft nog 1,4 miljoen euro van Drossel B.V. tegoed, bevestigt een woordvoerder."
    assert exposures(due, "nl") == {("Hanzebank N.V.", "Drossel B.V.", 1400000.0)}
    # near miss: money due back from a person is no firm's exposure to a firm
    assert not exposures("Drossel B.V. moet van Jan de Vries nog 20.000 euro terugkrijgen.", "nl")


def test_dutch_paper_named_by_its_issuer_in_one_word() -> None:
    shares = "Pensioenfonds Glaswerk belegde 60 miljoen euro in Kellwick Holding-aandelen, laat een woordvoerder weten."
    assert exposures(shares, "nl") == {("Pensioenfonds Glaswerk", "Kellwick Holding", 60000000.0)}
    held = "Pensioenfonds Glaswerk heeft voor 45 miljoen euro aan achtergestelde Hanzebank N.V.-obligaties in bezit."
    assert exposures(held, "nl") == {("Pensioenfonds Glaswerk", "Hanzebank N.V.", 45000000.0)}
    # near miss: paper sold, no sum held
    assert not exposures("Pensioenfonds Glaswerk verkocht de Hanzebank-aandelen in 2020.", "nl")


def test_the_party_put_first_with_for_and_its_sum_after() -> None:
    nl = ("Drossel Lease B.V. is failliet verklaard. Voor Hanzebank N.V., dat het wagenpark financierde, gaat het om "
          "een krediet van 38 miljoen euro.")
    assert exposures(nl, "nl") == {("Hanzebank N.V.", "Drossel Lease B.V.", 38000000.0)}
    en = "For Quillmore Bank plc, the damage comes to $1.3bn, the amount Orvell Capital LLC failed to pay."
    assert exposures(en) == {("Quillmore Bank plc", "Orvell Capital LLC", 1300000000.0)}
    vast = ("Voor Wolters Kasklimaat B.V., dat installaties levert, staat 4,6 miljoen euro aan betalingen vast op "
            "rekeningen bij Gazprombank.")
    assert exposures(vast, "nl") == {("Wolters Kasklimaat B.V.", "Gazprombank", 4600000.0)}
    # near miss: 'for' not opening the sentence
    assert not exposures("Orvell Capital LLC said the loss was $5m for the quarter, and Quillmore Bank plc agreed.")


def test_an_authoritys_acronym_before_a_role_is_the_authority() -> None:
    found = entities("DNB-president Klaas Knot sprak van een pijnlijke ingreep.", "nl")
    assert found.get("De Nederlandsche Bank") == "Regulator" and "DNB" not in found
    # near miss: a firm's name before a role stays a firm
    assert entities("Hanzebank-topman Klaas Knot sprak van een pijnlijke ingreep.", "nl").get("Hanzebank") == "Firm"


def test_a_dutch_house_or_office_compound_names_a_firm() -> None:
    found = facts("De rechtbank heeft woensdag Haarlemmer Effectenhuis failliet verklaard.", "nl")
    assert {f for f in found if f[0] == "bankruptcy"} == {("bankruptcy", "Haarlemmer Effectenhuis")}
    # near miss: the compound alone is a noun, no name
    assert not entities("Het effectenhuis ging failliet.", "nl")


def test_a_state_named_by_its_adjective_and_state_noun_is_government() -> None:
    assert entities("De Nederlandse staat kocht Hanzebank N.V.", "nl").get("Netherlands") == "Government"
    assert entities("The Dutch state nationalised Quillmore Bank plc on Friday.").get("Netherlands") == "Government"
    assert entities("De Staat der Nederlanden onteigent Hanzebank N.V.", "nl").get("Netherlands") == "Government"
    # near miss: 'state' modifying the next noun names no state
    assert "Singapore" not in entities("Singapore state investor Temasek wrote off its stake in Quillmore Bank plc.")


def test_resolution_and_public_ownership_end_a_bank() -> None:
    found = facts("Authorities placed Quillmore Bank plc into resolution overnight.")
    assert ("bankruptcy", "Quillmore Bank plc") in found
    assert ("bankruptcy", "Quillmore Bank plc") in facts("Quillmore Bank plc was taken into public ownership today.")
    # near miss: a resolution of a dispute ends no bank
    assert not {f for f in facts("Quillmore Bank plc reached a resolution with its landlord.") if f[0] == "bankruptcy"}


def test_liquidators_of_the_company_are_the_failed_firms_not_their_own() -> None:
    text = ("The court wound up Orvell Holdings Ltd on a creditor's petition. Ann Vos and Bo Lund of Kellwick "
            "Advisory LLP were named as liquidators of the company.")
    found = {f for f in facts(text) if f[0] == "officer"}
    assert found == {("officer", "Ann Vos", "Orvell Holdings Ltd"), ("officer", "Bo Lund", "Orvell Holdings Ltd")}


def test_a_role_owned_by_the_speaker_after_a_dutch_speech_verb() -> None:
    text = ("Stichting Woonzorg Veluwerand, een kleine corporatie, zette 5 miljoen euro bij Hanzebank N.V., bevestigt "
            "haar directeur-bestuurder Marleen de Wit.")
    found = {f for f in facts(text, "nl") if f[0] == "officer"}
    assert found == {("officer", "Marleen de Wit", "Stichting Woonzorg Veluwerand")}


def test_units_listed_after_a_possessive_belong_to_the_firm_before() -> None:
    text = ("Orvell Holdings GmbH filed for insolvency. Its two largest subsidiaries, Orvell Prime AG, which owns "
            "stakes in Kellwick Ltd, and Orvell Development AG, followed in December.")
    found = {f for f in facts(text) if f[0] == "subsidiary"}
    assert found == {("subsidiary", "Orvell Prime AG", "Orvell Holdings GmbH"),
                     ("subsidiary", "Orvell Development AG", "Orvell Holdings GmbH")}
    # near miss: a possessive not opening the sentence names no owner
    other = "Orvell Holdings GmbH failed. Kellwick Ltd said its subsidiaries include Tamworth AG."
    assert ("subsidiary", "Tamworth AG", "Orvell Holdings GmbH") not in facts(other)


def test_claims_told_in_prose_are_on_the_firm_that_failed() -> None:
    text = ("Orvell Lending LLC filed for Chapter 11 protection. Heading the list is Kellwick Yield Fund, a Cayman "
            "vehicle, with a claim of $81.3 million. Tamworth Markets Ltd has a claim of $15 million.")
    assert exposures(text) == {("Kellwick Yield Fund", "Orvell Lending LLC", 81300000.0),
                               ("Tamworth Markets Ltd", "Orvell Lending LLC", 15000000.0)}
    nl = ("Orvell B.V. ging in november failliet. De Dordtse handelaar Kellwick Capital B.V. heeft een vordering van "
          "1,1 miljoen dollar ingediend bij de boedel.")
    assert exposures(nl, "nl") == {("Kellwick Capital B.V.", "Orvell B.V.", 1100000.0)}
    # near miss: a claim with no failed firm and none named is no exposure
    assert not exposures("Kellwick Yield Fund, a Cayman vehicle, has a claim of $81.3 million.")


def test_money_kept_on_an_exchange_and_a_list_stopped_by_a_possessive() -> None:
    assert exposures("Merlion Ridge Pte Ltd, a Singapore fund, said it had US$850,000 on Zipmex.") == {
        ("Merlion Ridge Pte Ltd", "Zipmex", 850000.0)}
    assert exposures("Carrow Payments Ltd keeps about £6.5m of client float on Binance.") == {
        ("Carrow Payments Ltd", "Binance", 6500000.0)}
    nl = "Het Utrechtse handelsbedrijf Oudegracht Quant B.V. heeft 1,9 miljoen dollar aan onderpand op CoinFLEX staan."
    assert exposures(nl, "nl") == {("Oudegracht Quant B.V.", "CoinFLEX", 1900000.0)}
    put = "Fernbrook Custody LLC, a Wyoming custodian, put its balance at Quillmore Bank plc at $31 million."
    assert exposures(put) == {("Fernbrook Custody LLC", "Quillmore Bank plc", 31000000.0)}
    loans = "BlockFi Inc also made $671 million in loans to Alameda Research, FTX's sister trading firm."
    assert exposures(loans) == {("BlockFi", "Alameda Research", 671000000.0)}


def test_units_that_filed_alongside_or_with_the_parent_and_judicial_management() -> None:
    text = ("Orvell Lending LLC filed for Chapter 11 protection. Orvell Mining LLC, a unit that runs rigs in Texas, "
            "filed alongside its parent.")
    assert {f for f in facts(text) if f[0] == "bankruptcy"} == {("bankruptcy", "Orvell Lending LLC"),
                                                                 ("bankruptcy", "Orvell Mining LLC")}
    assert ("bankruptcy", "Kellwick Pte Ltd") in facts("Kellwick Pte Ltd applied for judicial management on Friday.")
    # near miss: a unit that filed a report files for nothing
    report = "Orvell Lending LLC filed for Chapter 11. Orvell Mining LLC filed its annual report."
    assert ("bankruptcy", "Orvell Mining LLC") not in facts(report)


def test_a_reprimand_is_a_finding() -> None:
    found = facts("The Monetary Authority of Singapore reprimanded Kellwick Capital Ltd for giving false information.")
    assert ("charge", "Monetary Authority of Singapore", "Kellwick Capital Ltd") in found


def test_a_quote_after_the_sentence_that_brought_in_a_new_firm_is_that_firms() -> None:
    text = ("Orvell Exchange B.V. stopte maandag met opnames. Orvell Exchange B.V. vroeg uitstel van betaling aan. "
            "Orvell Exchange B.V. zegt de klanten te zullen terugbetalen. De Eindhovense webwinkel Kempenkado B.V. "
            "heeft nog 240.000 euro bij Orvell Exchange B.V. staan. ,,Dat halen we weg\", zegt eigenaar Fleur de Wit.")
    found = {f for f in facts(text, "nl") if f[0] == "officer"}
    assert found == {("officer", "Fleur de Wit", "Kempenkado B.V.")}
    # near miss: a new firm after a preposition is a counterparty, the quote stays the topic's
    other = ("Orvell Exchange B.V. stopte maandag met opnames. Orvell Exchange B.V. vroeg uitstel van betaling aan. "
             "Orvell Exchange B.V. zegt de klanten te zullen terugbetalen. Nog 2 miljoen euro van Orvell Exchange B.V. "
             "staat vast bij Kellwick Custody B.V. ,,Wij betalen alles terug\", zegt topman Fleur de Wit.")
    assert ("officer", "Fleur de Wit", "Kellwick Custody B.V.") not in facts(other, "nl")


def test_more_firm_heads_and_a_clearer() -> None:
    found = entities("Osterhagen Vermögensverwaltung said Redmarsh Therapeutics and Spreewerk Kapital owe it money.")
    assert {found.get(n) for n in ("Osterhagen Vermögensverwaltung", "Redmarsh Therapeutics", "Spreewerk Kapital")} == {
        "Firm"}
    nl = "Kellwick Effectenhuis had 3,1 miljoen euro aan marge staan bij zijn clearer, Hanzebank Clearing N.V."
    assert exposures(nl, "nl") == {("Kellwick Effectenhuis", "Hanzebank Clearing N.V.", 3100000.0)}


def test_an_acronym_inside_a_described_authority_and_a_small_legal_form() -> None:
    run_ = run("De Duitse toezichthouder BaFin zegt de ontwikkelingen te volgen.", "nl")
    assert any("BaFin" in e.aliases for e in run_.entities if e.type == "Regulator")
    assert entities("De rechtbank sprak het faillissement uit van Wisselhof Digitaal bv, een bedrijf.", "nl").get(
        "Wisselhof Digitaal bv") == "Firm"


def test_a_dutch_verb_last_purchase_of_a_list_and_full_ownership() -> None:
    nl = ("De Nederlandse staat heeft vrijdag Hanzebank N.V., verzekeraar Hanze Leven N.V. en het Hanze-deel van "
          "Drossel Bank N.V. gekocht.")
    found = {f for f in facts(nl, "nl") if f[0] == "acquisition"}
    targets = ("Hanzebank N.V.", "Hanze Leven N.V.", "Drossel Bank N.V.")
    assert found == {("acquisition", "Netherlands", t) for t in targets}
    en = "The German government has taken full ownership of Orvell Energy GmbH, the ministry said."
    assert ("acquisition", "Germany", "Orvell Energy GmbH") in facts(en)
    # near miss: ownership of a stake in a list of holders is no takeover
    shares = facts("Orvell Energy GmbH said its ownership of Kellwick Ltd shares fell.")
    assert not {f for f in shares if f[0] == "acquisition"}


def test_a_dutch_order_under_penalty_and_a_blocking_and_a_dateline() -> None:
    found = facts("In 2019 legde DNB Kellwick Leven N.V. een last onder dwangsom op.", "nl")
    assert ("charge", "De Nederlandsche Bank", "Kellwick Leven N.V.") in found
    blocked = facts("Het Office of Foreign Assets Control blokkeerde op 6 april alle tegoeden van Alfa-Bank.", "nl")
    assert ("asset_freeze", "Office of Foreign Assets Control", "Alfa-Bank") in blocked
    assert "BUSSUM" not in entities("BUSSUM - De rechtbank heeft Kellwick Leven N.V. failliet verklaard.", "nl")
    # near miss: a firm of the gazetteer opening the line stays a firm
    assert entities("ABN AMRO - De bank meldt winst.", "nl").get("ABN AMRO") == "Firm"


def test_the_largest_creditor_is_and_a_sum_past_its_apposition() -> None:
    text = ("Orvell Lending LLC filed for Chapter 11. The largest unsecured creditor is Kellwick Trust Co, the "
            "indenture trustee for the lender's account holders, at $729 million.")
    assert exposures(text) == {("Kellwick Trust Co", "Orvell Lending LLC", 729000000.0)}
    nl = "Woonstichting Zaanstreek zette in januari nog 5 miljoen euro op een termijndeposito bij Hanzebank N.V."
    assert exposures(nl, "nl") == {("Woonstichting Zaanstreek", "Hanzebank N.V.", 5000000.0)}


def test_a_balance_put_at_a_sum_and_money_placed_with_a_correspondent() -> None:
    text = ("Orvell Bank AS was placed under a moratorium. Kellwick Commodities Ltd, a grain trader, put its balance "
            "at $11.6 million. The bank itself had placed about $140 million with its New York correspondent, "
            "Harbourline Trust Bank, a person familiar with its accounts said.")
    assert exposures(text) == {("Kellwick Commodities Ltd", "Orvell Bank AS", 11600000.0),
                               ("Orvell Bank AS", "Harbourline Trust Bank", 140000000.0)}
    there = ("Orvell Bankhaus AG was closed. Kreissparkasse Unterhaide said it had €45m in a time deposit with "
             "Orvell Bankhaus AG. Stadtwerke Kornbach GmbH, a municipal utility, has €3.2m there, its director said.")
    assert ("Stadtwerke Kornbach GmbH", "Orvell Bankhaus AG", 3200000.0) in exposures(there)


def test_dutch_roles_with_a_prefix_written_whole() -> None:
    text = ("Vestia Groep N.V. heeft een verlies geleden. Oud-bestuursvoorzitter Erik Staal vertrok in februari. "
            "Commissarissenvoorzitter Christo Wiese zag zijn vermogen dalen.")
    found = {f for f in facts(text, "nl") if f[0] == "officer"}
    assert found == {("officer", "Erik Staal", "Vestia Groep N.V."), ("officer", "Christo Wiese", "Vestia Groep N.V.")}


def test_a_name_after_a_head_written_first_is_its_short_form() -> None:
    text = ("De rechtbank heeft Kredietunie Kempen & Peel failliet verklaard. Voorzitter Frank Aarts van Kempen & Peel "
            "betreurt het faillissement.")
    found = {f for f in facts(text, "nl") if f[0] == "officer"}
    assert found == {("officer", "Frank Aarts", "Kredietunie Kempen & Peel")}
    assert "Kempen & Peel" not in entities(text, "nl")


def test_a_table_of_the_largest_holders_of_a_firm() -> None:
    text = ("Orvell Sentry Fund Ltd was ordered into liquidation.\n\nLargest Orvell Sentry Fund holders named in "
            "court papers\nKellwick Private Bank ............ $212m\nTamworth Charitable Trust ............ $18.5m\n")
    assert exposures(text) == {("Kellwick Private Bank", "Orvell Sentry Fund Ltd", 212000000.0),
                               ("Tamworth Charitable Trust", "Orvell Sentry Fund Ltd", 18500000.0)}


def test_a_regulator_closing_the_bank_and_cash_that_was_at_it() -> None:
    text = ("Quillmore Bank plc was in trouble on Thursday. The Federal Deposit Insurance Corporation closed the bank "
            "on Friday. Oakhurst Biologics Inc, a drug developer, said that most of its $212.4 million in cash was at "
            "the bank.")
    assert ("bankruptcy", "Quillmore Bank plc") in facts(text)
    assert exposures(text) == {("Oakhurst Biologics Inc", "Quillmore Bank plc", 212400000.0)}
    # near miss: money at a bank with no holding word is no holding
    assert not exposures("Oakhurst Biologics Inc said its $5 million bonus pool was a mistake at Quillmore Bank plc.")


def test_dutch_holder_after_the_verb_of_a_place_put_first_and_er_in() -> None:
    text = ("Het Kellwick Obligatiefonds schort de inkoop op. Ook bij Kaisa Group Ltd, een ontwikkelaar uit Shenzhen, "
            "zit het Kellwick Obligatiefonds voor 9 miljoen dollar in de schulden. De gemeente Heuvelrand belegde 4,5 "
            "miljoen euro in het Kellwick Obligatiefonds. Stichting Sint-Joris zit er met 750.000 euro in.")
    found = exposures(text, "nl")
    assert ("Kellwick Obligatiefonds", "Kaisa Group Ltd", 9000000.0) in found
    assert ("Stichting Sint-Joris", "Kellwick Obligatiefonds", 750000.0) in found


def test_places_by_their_site_and_adjectives_of_region_are_no_firms() -> None:
    found = entities("Do Kwon, the co-founder of Terraform Labs, was arrested at Podgorica airport on Thursday.")
    assert "Podgorica" not in found
    assert "Asian" not in entities("Hodlnaut Pte Ltd is the latest Asian platform to freeze customer funds.")
    assert "Limburgse" not in entities("Kellwick Bank AG vraagt insolventie aan; ook Limburgse klanten geraakt.", "nl")


def test_dutch_paper_held_by_a_holder_told_last_and_money_still_missed() -> None:
    paper = "Van de obligaties van Hanzekrediet N.V. is 30 miljoen euro in handen van verzekeraar Vechtdal N.V."
    assert exposures(paper, "nl") == {("Vechtdal N.V.", "Hanzekrediet N.V.", 30000000.0)}
    missed = ("Helderlicht Energie B.V. is failliet. Netbeheerder Stedin Netbeheer B.V. mist nog 1,9 miljoen euro aan "
              "netwerkkosten.")
    assert exposures(missed, "nl") == {("Stedin Netbeheer B.V.", "Helderlicht Energie B.V.", 1900000.0)}
    # near miss: a firm owned by another is no holding of paper
    assert not exposures("Hanzekrediet N.V. is sinds 2019 in handen van Vechtdal N.V.", "nl")


def test_dutch_waiting_for_money_and_the_largest_creditor_with_its_sum_first() -> None:
    text = ("Orvell Network B.V. vroeg uitstel van betaling aan. De grootste schuldeiser op de lijst, met 4,05 miljoen "
            "dollar, is het Utrechtse handelshuis Sterrebos Digital. Het Amersfoortse installatiebedrijf Eemkwartier "
            "Techniek B.V. wacht op ongeveer 260.000 dollar.")
    assert exposures(text, "nl") == {("Sterrebos Digital", "Orvell Network B.V.", 4050000.0),
                                     ("Eemkwartier Techniek B.V.", "Orvell Network B.V.", 260000.0)}
    desk = "De beurs CoinFLEX Ltd heeft nog 3 miljoen dollar uitstaan bij de Singaporese handelsdesk Pasir Quant Pte."
    assert exposures(desk, "nl") == {("CoinFLEX", "Pasir Quant Pte", 3000000.0)}


def test_prosecutors_of_a_city_or_country_are_a_prosecutor() -> None:
    found = facts("Milan prosecutors are investigating Giuseppe Verdi over the losses. Frankfurt prosecutors "
                  "detained Ricardo Salgado.")
    assert ("investigation", "Milan prosecutors", "Giuseppe Verdi") in found
    assert entities("Frankfurt prosecutors detained Ricardo Salgado.").get("Frankfurt prosecutors") == "Prosecutor"
    # near miss: a generic phrase stays with the named office
    generic = "The U.S. Attorney's Office charged Ann Vos. US prosecutors said more would follow."
    assert "US prosecutors" not in entities(generic)


def test_more_heads_german_courts_and_prosecutors_and_dutch_family_firms() -> None:
    text = ("De Staatsanwaltschaft Bochum onderzoekt de zaak. Het Amtsgericht Bremen opende de insolventie. Novo Banco "
            "en Veneto Banca zijn banken. De Vereniging van Effectenbezitters stapt naar de rechter.")
    found = entities(text, "nl")
    assert found.get("Staatsanwaltschaft Bochum") == "Prosecutor" and found.get("Amtsgericht Bremen") == "Court"
    assert {found.get(n) for n in ("Novo Banco", "Veneto Banca", "Vereniging van Effectenbezitters")} == {"Firm"}
    family = facts("De rechtbank heeft Van der Moolen Holding failliet verklaard.", "nl")
    assert ("bankruptcy", "Van der Moolen Holding") in family
    # near miss: a person with particles stays a person
    assert entities("Hans van der Berg zei niets.", "nl").get("Hans van der Berg") == "Person"


def test_a_bank_named_with_its_country_and_a_described_row_and_compound_creditors() -> None:
    text = ("De rechtbank Amsterdam heeft Kellwick Holding N.V. failliet verklaard.\n\nVolgens een lijst bij de "
            "rechtbank zijn de volgende bedragen verschuldigd:\n\n- Fortis Bank Nederland: 23,4 miljoen euro "
            "(kredietlijn)\n- Hanzebank N.V., de clearer: 4,7 miljoen euro\n- Belastingdienst: 860.000 euro\n")
    assert exposures(text, "nl") == {("Fortis Bank Nederland", "Kellwick Holding N.V.", 23400000.0),
                                     ("Hanzebank N.V.", "Kellwick Holding N.V.", 4700000.0),
                                     ("Belastingdienst", "Kellwick Holding N.V.", 860000.0)}
    piped = ("De rechtbank heeft Kellwick Holding N.V. failliet verklaard. Uit het overzicht blijken de grootste "
             "handelsschuldeisers:\n\nSchuldeiser | vordering\nKoolhaven Installatiegroep | € 2,35 mln\n"
             "Overtoom Kabelwerken bv | € 1,18 mln\n")
    assert exposures(piped, "nl") == {("Koolhaven Installatiegroep", "Kellwick Holding N.V.", 2350000.0),
                                      ("Overtoom Kabelwerken bv", "Kellwick Holding N.V.", 1180000.0)}


def test_two_banks_put_into_liquidation_and_creditor_protection_sought() -> None:
    text = ("Italy put Banca Popolare di Vicenza and Veneto Banca into compulsory liquidation on Sunday. Rioforte "
            "Investments SA, a unit of the group, sought creditor protection in a Luxembourg court.")
    found = {f for f in facts(text) if f[0] == "bankruptcy"}
    assert found == {("bankruptcy", "Banca Popolare di Vicenza"), ("bankruptcy", "Veneto Banca"),
                     ("bankruptcy", "Rioforte Investments SA")}


def test_a_body_named_after_its_city_with_a_possessive() -> None:
    found = facts("Kellwick Bank Abp agreed to pay a $35 million penalty to New York's Department of Financial "
                  "Services after the regulator found weaknesses.")
    assert ("charge", "Department of Financial Services", "Kellwick Bank Abp") in found


def test_a_firm_named_after_an_indefinite_description_opening_the_sentence() -> None:
    text = ("Quillmore Bank plc was nationalised. A Wirral charity, the Heswick Marine Trust, said its £2.3 million "
            "savings balance at Quillmore Bank plc was now backed by the state guarantee.")
    assert exposures(text) == {("Heswick Marine Trust", "Quillmore Bank plc", 2300000.0)}


def test_dutch_lenen_bij_borrows_and_more_dutch_names() -> None:
    borrowed = "De Utrechtse woningcorporatie Woonstede Nedereind leende 120 miljoen euro bij Rabobank."
    assert exposures(borrowed, "nl") == {("Rabobank", "Woonstede Nedereind", 120000000.0)}
    lent = "De Utrechtse woningcorporatie Woonstede Nedereind leende 120 miljoen euro aan Kellwick B.V."
    assert exposures(lent, "nl") == {("Woonstede Nedereind", "Kellwick B.V.", 120000000.0)}
    found = entities("Ook de Rotterdamse Waalhaven Scheepskrediet is geraakt.", "nl")
    assert found.get("Waalhaven Scheepskrediet") == "Firm"


def test_a_lone_state_word_owning_an_office_is_no_firm() -> None:
    found = facts("As part of the resolution, the Treasury's Financial Crimes Enforcement Network imposed a $3.4 "
                  "billion penalty on Kellwick Holdings Ltd in May.")
    assert ("charge", "Financial Crimes Enforcement Network", "Kellwick Holdings Ltd") in found
    assert "Treasury" not in entities("the Treasury's Financial Crimes Enforcement Network imposed a penalty.")


def test_a_person_who_took_over_as_a_firms_officer() -> None:
    found = facts("Ulrich Schröder, who took over as Kellwick Bank AG's chief executive this month, said little.")
    assert ("officer", "Ulrich Schröder", "Kellwick Bank AG") in found
    # near miss: a relative clause with no 'as' names no role of the person
    assert not {f for f in facts("Ann Vos, who sued Kellwick Bank AG's chief executive, said little.")
                if f[0] == "officer" and f[1] == "Ann Vos"}


def test_the_board_is_the_authority_named_with_that_word() -> None:
    text = ("The Single Resolution Board said the bank could no longer pay its debts. Elke König, who chairs the "
            "board, told reporters the sale protects all depositors.")
    assert ("officer", "Elke König", "Single Resolution Board") in facts(text)
    # near miss: a board no authority is named with stays unread
    assert not {f for f in facts("Elke König, who chairs the board, told reporters little.") if f[0] == "officer"}


def test_the_person_before_an_apposition_is_the_one_detained() -> None:
    found = facts("Ricardo Salgado, the former chief executive of Kellwick Bank SA, was detained by the Spanish "
                  "police in July.")
    assert {f for f in found if f[0] == "investigation"} == {("investigation", "Spanish police", "Ricardo Salgado")}


def test_one_of_a_firms_many_staff_quoted_is_no_officer() -> None:
    found = facts("\"Nobody priced it,\" said Omar Selby, a partner at digital asset fund Tidewell Capital.")
    assert not {f for f in found if f[0] == "officer"}
    # near miss: a director of the firm is its officer
    assert ("officer", "Ann Vos", "Kellwick Bank plc") in facts("Ann Vos, a director of Kellwick Bank plc, resigned.")


def test_a_name_of_a_persons_shape_in_a_firms_slot_is_a_firm() -> None:
    lent = "Tynedale Building Society said it had lent £40 million to Harwick Rock on the money markets."
    assert exposures(lent) == {("Tynedale Building Society", "Harwick Rock", 40000000.0)}
    # near misses: a word opening the sentence, and a word of place, are no part of a firm's name
    assert "Branchegenoot Glastechniek Noordland" not in entities(
        "Branchegenoot Glastechniek Noordland heeft een bod uitgebracht op Kellwick B.V.", "nl")
    assert "Several Austrian" not in entities("Several Austrian banks are owed money by Kellwick Bank AG.")


def test_a_surname_in_a_headline_slot_is_the_person_named_in_full_below() -> None:
    text = ("Kellwick shares fall after sanctions on Varenko\n\nLONDON - Buyers scrambled on Monday. The Treasury's "
            "Office of Foreign Assets Control on Friday imposed blocking sanctions on Oleg Varenko and on companies "
            "he owns, including Kellwick Holdings Ltd.")
    found = entities(text)
    assert found["Oleg Varenko"] == "Person" and "Varenko" not in found


FAILED_EXCHANGE = ("Kellwick Exchange halts withdrawals\n\nKellwick Exchange stopped all withdrawals on Monday and "
                   "filed for bankruptcy on Tuesday. Kellwick Exchange had 40,000 customers. ")


def test_a_sum_beside_the_failed_firm_is_money_at_it() -> None:
    spent = "2.2 million euros: that is what Harwick Trading Ltd says it spent on Kellwick Exchange services."
    assert exposures(FAILED_EXCHANGE + spent) == {("Harwick Trading Ltd", "Kellwick Exchange", 2200000.0)}
    held = "Kellwick Exchange also hedged part of its reserves through Quillmore Markets Ltd, which holds $3 million."
    assert exposures(FAILED_EXCHANGE + held) == {("Kellwick Exchange", "Quillmore Markets Ltd", 3000000.0)}
    # near misses: a payment; the same sentence in a text about no failed firm
    assert not exposures(FAILED_EXCHANGE + "Harwick Trading Ltd paid $5 million in fees to Kellwick Exchange.")
    assert not exposures(spent)


def test_a_firm_noun_joined_by_a_hyphen_describes_the_name_after_it() -> None:
    found = entities("Het Amsterdamse IT-bedrijf Lotusbrug Software heeft 380.000 euro op Kellwick B.V. staan.", "nl")
    assert found.get("Lotusbrug Software") == "Firm" and "IT-bedrijf Lotusbrug Software" not in found
    # near miss: a hyphenated name whose last part is written with a capital stays whole (without the
    # adjective of place before it)
    assert "Alfa-Bank" in entities("Amsterdam Trade Bank is een dochter van het Russische Alfa-Bank.", "nl")


def test_a_lender_named_after_its_verb_lends_to_the_one_after_aan() -> None:
    text = "Omgekeerd verstrekte Kellwick Bank N.V. een krediet van zeven miljoen euro aan bouwer Harwick Vastgoed B.V."
    assert exposures(text, "nl") == {("Kellwick Bank N.V.", "Harwick Vastgoed B.V.", 7000000.0)}
    # near miss: a credit taken from the bank runs the other way
    taken = "Harwick Vastgoed B.V. heeft een krediet van 7 miljoen euro bij Kellwick Bank N.V."
    assert exposures(taken, "nl") == {("Kellwick Bank N.V.", "Harwick Vastgoed B.V.", 7000000.0)}


def test_a_sum_drawn_on_a_line_from_a_lender() -> None:
    text = "Harwick Trading Ltd drew down $3 million last spring on a revolving line from Quillmore Bank plc."
    assert exposures(text) == {("Quillmore Bank plc", "Harwick Trading Ltd", 3000000.0)}
    # near miss: money drawn from an account is no loan
    assert not exposures("Harwick Trading Ltd drew $3 million from its account at Quillmore Bank plc last spring.")


def test_a_list_of_those_with_money_at_one_place() -> None:
    text = ("Councils that had money at Kellwick Bank plc were: Harwick District Council, £6.1 million; Rathmore "
            "Borough Council, £800,000.")
    assert exposures(text) == {("Harwick District Council", "Kellwick Bank plc", 6100000.0),
                               ("Rathmore Borough Council", "Kellwick Bank plc", 800000.0)}
    dutch = "Fondsen met geld bij Kellwick Bank N.V. zijn Harwick Pensioen B.V. (2 miljoen euro) en Rathmore Fonds B.V."
    assert ("Harwick Pensioen B.V.", "Kellwick Bank N.V.", 2000000.0) in exposures(dutch, "nl")


def test_a_role_told_as_the_source_is_an_officer_of_the_firm_the_sentence_opens_with() -> None:
    text = ("Kellwick Bank plc failed on Monday. Harwick Trading Ltd, a seafood importer, has $42 million at the bank, "
            "its general manager, Ray Fok, said.")
    assert ("officer", "Ray Fok", "Harwick Trading Ltd") in facts(text)
    dutch = ("Kellwick Bank N.V. is failliet. Het Eindhovense vastgoedbedrijf Harwick Projecten houdt 3,4 miljoen euro "
             "bij Kellwick Bank N.V. aan, zegt directeur Bas Hermsen.")
    assert ("officer", "Bas Hermsen", "Harwick Projecten") in facts(dutch, "nl")
    # near miss: a firm described as another's customer is told from that other's side
    told = ("Kellwick Leasing Ltd filed for Chapter 11. Harwick Airways, Kellwick's biggest customer, is behind by "
            "$27 million in rent, finance chief Maeve Colgan said.")
    assert ("officer", "Maeve Colgan", "Harwick Airways") not in facts(told)


def test_the_people_just_named_together_are_the_ones_a_group_word_charges() -> None:
    text = ("Sergei Varenko and Ivan Tamm were arrested in Tallinn on Sunday. An indictment brought by the U.S. "
            "Attorney's Office for the Western District of Washington charges the two men with wire fraud.")
    charged = {f[2] for f in facts(text) if f[0] == "charge"}
    assert charged == {"Sergei Varenko", "Ivan Tamm"}
    dutch = "Ann Vos en Bas Dekker zijn opgepakt. Het Openbaar Ministerie vervolgt het duo voor oplichting."
    assert {f[2] for f in facts(dutch, "nl") if f[0] == "charge"} == {"Ann Vos", "Bas Dekker"}
    # near miss: a count that does not match the people named charges nobody by that word
    three = "Sergei Varenko and Ivan Tamm were arrested. The SEC filed civil charges against the three men."
    assert not {f for f in facts(three) if f[0] == "charge"}


def test_a_court_declares_a_firm_nobody_listed_bankrupt() -> None:
    found = facts("A judge of the Nova Scotia Supreme Court on Tuesday declared Kellwickcoin bankrupt.")
    assert ("bankruptcy", "Kellwickcoin") in found
    # near miss: a person the court declares bankrupt is no firm
    assert "Ann Vos" not in {f[1] for f in facts("The court declared Ann Vos, a former trader, bankrupt.")}


def test_a_parent_that_filed_together_with_its_unit() -> None:
    found = facts("Kellwick Trust, a custodian, filed for Chapter 11 bankruptcy protection on Monday together with "
                  "its parent, Kellwick Core Technologies Inc.")
    assert {("bankruptcy", "Kellwick Trust"), ("bankruptcy", "Kellwick Core Technologies Inc."),
            ("subsidiary", "Kellwick Trust", "Kellwick Core Technologies Inc.")} <= found


def test_an_adjective_of_a_city_before_a_two_word_firm_describes_it() -> None:
    found = entities("Het Almeerse Polderkwant bv leende vorig jaar 600.000 euro bij Kellwick Bank N.V.", "nl")
    assert "Polderkwant bv" in found and "Almeerse Polderkwant bv" not in found
    # near miss: a country's adjective before one ordinary word is part of the name
    assert "Mutuelle" not in entities("Kellwick B.V. is een dochter van het Franse Mutuelle.", "nl")


def test_dutch_country_adjectives_written_without_their_ending_are_no_firms() -> None:
    found = entities("Tweede Koreaans cryptoplatform stopt uitbetalingen. Kellwick Invest B.V. is failliet.", "nl")
    assert not {"Koreaans", "Tweede Koreaans"} & set(found)
    # near miss: a given name that is also a country's word keeps its person
    assert entities("Frans Timmermans, topman van Kellwick B.V., zweeg.", "nl").get("Frans Timmermans") == "Person"


def test_a_dutch_marketmaker_is_a_firm_noun() -> None:
    text = "Kellwick Invest B.V. is de Singaporese marketmaker Jurong Spire nog 2,4 miljoen dollar schuldig."
    assert exposures(text, "nl") == {("Jurong Spire", "Kellwick Invest B.V.", 2400000.0)}


def test_a_claim_with_no_debtor_named_is_on_the_failed_firm() -> None:
    text = FAILED_EXCHANGE + "Harwick Trading Ltd has an admitted claim of $1.4 million, its founder said."
    assert ("Harwick Trading Ltd", "Kellwick Exchange", 1400000.0) in exposures(text)
    # near miss: a sum with no claim word beside one firm names no counterparty
    assert not exposures(FAILED_EXCHANGE + "Harwick Trading Ltd raised $1.4 million from investors this year.")


def test_withdrawals_from_a_pool_nobody_listed_frozen() -> None:
    found = facts("Withdrawals from the Kellwick Investment Pool have been frozen while the county sorts it out.")
    assert ("withdrawal_suspension", "Kellwick Investment Pool") in found
    dutch = facts("Het Amsterdamse Kellwick Obligatiefonds heeft de uittreding tijdelijk stopgezet.", "nl")
    assert ("withdrawal_suspension", "Kellwick Obligatiefonds") in dutch
    # near miss: a fund the subject owns is not a party of its own
    owned = facts("Yesterday Harwick Investments halted dealings in its £2.7bn UK Real Estate fund.")
    assert ("withdrawal_suspension", "Real Estate") not in owned


def test_dutch_units_told_as_part_of_or_owned_in_a_relative_clause() -> None:
    part = facts("Kellwick Bank N.V. maakt deel uit van de Kellwick Groep van oprichter Jan Piqueur.", "nl")
    assert ("subsidiary", "Kellwick Bank N.V.", "Kellwick Groep") in part
    owned = facts("MADRID - Kellwick Bank, de Spaanse privébank die eigendom is van Banca Privada d'Andorra (BPA), "
                  "heeft faillissement aangevraagd.", "nl")
    assert ("subsidiary", "Kellwick Bank", "Banca Privada d'Andorra") in owned
    # near miss: things that are part of a firm's network are no unit of it
    assert not {f for f in facts("De ruiten maken deel uit van het netwerk van Kellwick Groep.", "nl")
                if f[0] == "subsidiary"}


def test_a_described_holder_whose_relative_clause_holds_the_sum() -> None:
    text = ("Among those caught out is Murtal Versicherung AG, an Austrian insurer, which said it held 38 million "
            "euros of Kellwick Bank notes.")
    assert exposures(text) == {("Murtal Versicherung AG", "Kellwick Bank", 38000000.0)}
    # near miss: a relative clause on something else than the firm names no holder
    assert not exposures("Support for start-ups, which said they held 38 million euros of Kellwick Bank notes, grew.")


def test_holdings_of_a_firms_paper_disclosed() -> None:
    text = "The Varnbrook Debt Fund disclosed holdings of $22.5 million of Kellwick Bank's dollar bonds."
    assert exposures(text) == {("Varnbrook Debt Fund", "Kellwick Bank", 22500000.0)}
    kept = "Harwick Mutual said 7.8 million euros of Kellwick Bank notes in its portfolio were worthless."
    assert exposures(kept) == {("Harwick Mutual", "Kellwick Bank", 7800000.0)}
    dutch = "Het Bleekveld Obligatiefonds bezit 8 miljoen euro aan obligaties van Kellwick Bank N.V."
    assert exposures(dutch, "nl") == {("Bleekveld Obligatiefonds", "Kellwick Bank N.V.", 8000000.0)}
    # near miss: an analyst's estimate of others' holdings holds nothing itself
    assert not exposures("Analysts at Harwick Research put the market for $22.5 million of Kellwick Bank bonds at par.")


def test_a_central_bank_that_lent_is_exposed() -> None:
    text = "People said the Bank of Spain had lent Kellwick Bank about €3.5 billion of emergency liquidity."
    assert exposures(text) == {("Banco de España", "Kellwick Bank", 3500000000.0)}
    # near miss: a supervisor's fine is no money at risk
    assert not exposures("De Nederlandsche Bank beboette Kellwick B.V. in 2022 met 3,3 miljoen euro.", "nl")


def test_paper_bought_by_a_holder_is_no_takeover() -> None:
    found = facts("Kellwick Investments failed to repay 897 million euros of commercial paper bought by Harwick "
                  "Telecom.")
    assert ("exposure", "Harwick Telecom", "Kellwick Investments") in found
    assert not {f for f in found if f[0] == "acquisition"}
    # near miss: a firm bought by another is a takeover
    bought = facts("Kellwick Bank was bought by Harwick Group in 2019.")
    assert ("acquisition", "Harwick Group", "Kellwick Bank") in bought


def test_an_acronym_opening_a_two_word_name_stands_for_it() -> None:
    text = ("Het baggerbedrijf KVW Maritiem betaalt een boete aan het oliebedrijf Orlanda Petroleo. De aandelen van "
            "KVW daalden. KVW heeft bij Orlanda Petroleo nog 300 miljoen dollar aan leasetermijnen tegoed.")
    assert exposures(text, "nl") == {("KVW Maritiem", "Orlanda Petroleo", 300000000.0)}
    # near miss: an acronym two names open stands for neither
    two = ("Het baggerbedrijf KVW Maritiem en het offshorebedrijf KVW Offshore zijn failliet. De aandelen van KVW "
           "daalden.")
    assert "KVW" not in entities(two, "nl") and {"KVW Maritiem", "KVW Offshore"} <= set(entities(two, "nl"))


def test_a_speaker_who_bears_the_name_of_the_firm_just_named() -> None:
    text = ("Een kleinere schuldeiser is de toeleverancier Brakel Pijpsystemen. 'Ruim 2 miljoen euro aan facturen "
            "staat bij Oostmeer Bank nog open', zegt directeur Anton Brakel.")
    assert ("officer", "Anton Brakel", "Brakel Pijpsystemen") in facts(text, "nl")
    # near miss: the family's holding named long before is not the firm the text is about
    far = ("Brakel Groep verkocht Lierbouw in 2019. Lierbouw is failliet verklaard. De curator zoekt een koper. "
           "Directeur Anton Brakel zegt te balen.")
    assert ("officer", "Anton Brakel", "Brakel Groep") not in facts(far, "nl")


def test_a_loan_made_to_a_borrower_by_its_lender() -> None:
    made = "A loan of $4 million was made to Pellbrook Mining LLC in 2021 by Ardmoor Street Credit, a Boston lender."
    assert exposures(made) == {("Ardmoor Street Credit", "Pellbrook Mining LLC", 4000000.0)}
    # near miss: more than a date between the borrower and 'by' names no lender
    told = "A loan of $4 million was made to Pellbrook Mining LLC, the filing by Ardmoor Street Credit shows."
    assert ("Ardmoor Street Credit", "Pellbrook Mining LLC", 4000000.0) not in exposures(told)


def test_money_put_into_a_firms_paper() -> None:
    put = "Glenharrow Holdings, a family office, put $600,000 into a convertible note of Tessaly Labs Inc in 2021."
    assert exposures(put) == {("Glenharrow Holdings", "Tessaly Labs Inc", 600000.0)}
    # near miss: a note of a meeting is no paper the firm issued
    assert not exposures("Glenharrow Holdings put $600,000 into a fund, a board note of Tessaly Labs Inc said.")


def test_an_abbreviation_inside_a_name_ends_no_sentence() -> None:
    found = entities("De beurs Mt. Kolvane ging failliet. Oud-topman Jan Reuvers van Mt. Kolvane zweeg.", "nl")
    assert "Mt. Kolvane" in found and "Mt" not in found


def test_rows_under_the_curators_list_are_claims_on_the_failed_firm() -> None:
    text = ("De cryptobeurs Valkhorn Exchange is failliet verklaard. Uit de lijst van de curator:\n\n"
            "- Zilverhaan Beleggingen bv: 2,3 miljoen euro\n- Stichting Mauvemunt: 410.000 euro\n")
    assert exposures(text, "nl") == {
        ("Zilverhaan Beleggingen bv", "Valkhorn Exchange", 2300000.0),
        ("Stichting Mauvemunt", "Valkhorn Exchange", 410000.0),
    }
    # near miss: rows under a header that names no claim are no claims
    other = text.replace("Uit de lijst van de curator:", "Uit de jaarcijfers:")
    assert not exposures(other, "nl")


def test_a_quote_that_describes_the_topic_is_the_new_firms_speaker() -> None:
    text = ("De cryptobeurs Valkhorn Exchange is failliet verklaard. De softwaremaker Beekdal Systems bv heeft een "
            "vordering van 3 miljoen euro. 'Wij lieten die munten op de beurs staan', zegt oprichter Jorien Baas.")
    assert ("officer", "Jorien Baas", "Beekdal Systems bv") in facts(text, "nl")
    # near miss: with no new firm in the sentence before, the founder is the topic's
    alone = ("De cryptobeurs Valkhorn Exchange is failliet verklaard. De beurs had 3 miljoen euro schuld. "
             "'Wij lieten die munten op de beurs staan', zegt oprichter Jorien Baas.")
    assert ("officer", "Jorien Baas", "Valkhorn Exchange") in facts(alone, "nl")


def test_a_group_reference_joined_to_a_list_of_the_charged() -> None:
    text = ("Prosecutors charged Tomas Vell and Ivo Mardin with fraud. In a civil complaint, the Securities and "
            "Exchange Commission accused Quellbridge Trading Ltd, the firm behind the platform, and the two men of "
            "misleading investors.")
    found = {f for f in facts(text) if f[0] == "charge" and f[1] == "Securities and Exchange Commission"}
    assert {f[2] for f in found} == {"Quellbridge Trading Ltd", "Tomas Vell", "Ivo Mardin"}
    # near miss: the men named only inside the list's apposition are not charged with it
    aside = text.replace("the firm behind the platform, and the two men", "the firm the two men ran,")
    found = {f for f in facts(aside) if f[0] == "charge" and f[1] == "Securities and Exchange Commission"}
    assert {f[2] for f in found} == {"Quellbridge Trading Ltd"}


def test_a_peoples_name_opens_no_name() -> None:
    text = ("Irish court puts motor insurer Vellmore into provisional liquidation\n\nDUBLIN - The High Court in "
            "Dublin appointed provisional liquidators to Vellmore Insurance DAC on Thursday.")
    found = entities(text)
    assert "Irish court" not in found and found.get("High Court") == "Court"


def test_a_country_acting_with_its_verb_last() -> None:
    text = "Sancties tegen oligarchen\n\nOostenrijk had de tegoeden van Pavlo Hrytsenko vorige week al geblokkeerd."
    assert ("asset_freeze", "Austria", "Pavlo Hrytsenko") in facts(text, "nl")
    # near miss: a country that did not act
    denied = text.replace("had", "heeft").replace("vorige week al", "niet")
    assert not [f for f in facts(denied, "nl") if f[0] == "asset_freeze"]


def test_a_cue_with_a_gap_stays_inside_its_sentence() -> None:
    nlp = pipeline("nl")
    doc = nlp.parse("De EU heeft de tegoeden van Pavel Ruud bevroren. Zwitserland had de tegoeden al geblokkeerd.")
    second = next(s.start for s in doc.sents if s.start > 0)
    _, cues = nlp.matches(doc)
    assert cues and not [c for c in cues if c[1] < second < c[2]]


def test_a_chief_who_speaks_of_a_firm_as_the_subject_heads_it() -> None:
    text = ("Valkhorn Trading ging failliet. Bij Valkhorn Trading staat 40 miljoen euro uit van Oostmeer Bank. "
            "Topman Rens Duifhuis zei dat Oostmeer Bank de handelsfinanciering afbouwt.")
    assert ("officer", "Rens Duifhuis", "Oostmeer Bank") in facts(text, "nl")
    # near miss: a firm named later in what is said, not as its subject, says nothing of the speaker
    later = text.replace("zei dat Oostmeer Bank de handelsfinanciering afbouwt", "zei dat de sector Oostmeer Bank mist")
    assert ("officer", "Rens Duifhuis", "Oostmeer Bank") not in facts(later, "nl")


def test_a_family_name_with_an_ampersand_stays_whole() -> None:
    found = entities("De graanhandel Van Rossum & Zonen is failliet verklaard.", "nl")
    assert "Van Rossum & Zonen" in found and "Rossum & Zonen" not in found
    # near miss: a particle opening the sentence stays out of the name
    assert "Van Rossum & Zonen" not in entities("Van Rossum & Zonen kwam niemand.", "nl")


def test_an_offshore_jurisdictions_possessive_is_no_part_of_its_regulators_name() -> None:
    found = entities("Antigua's Financial Services Regulatory Commission said it was investigating Corvane Bank Ltd.")
    assert found.get("Financial Services Regulatory Commission") == "Regulator"
    # near miss: a firm's possessive stays with a body named after the firm
    own = entities("Corvane's Financial Services Regulatory Commission met.")
    assert "Financial Services Regulatory Commission" not in own


def test_every_firm_of_a_listed_subject_files() -> None:
    three = "News\n\nSellwood Mining Ltd, Harrow Quarry Ltd and Dunmore Gravel Ltd filed for bankruptcy on Monday."
    filed = {f[1] for f in facts(three) if f[0] == "bankruptcy"}
    assert filed == {"Sellwood Mining Ltd", "Harrow Quarry Ltd", "Dunmore Gravel Ltd"}
    dutch = "Nieuws\n\nHet baggerbedrijf Kaswerk Maritiem en het offshorebedrijf Lodder Offshore zijn failliet."
    assert {f[1] for f in facts(dutch, "nl") if f[0] == "bankruptcy"} == {"Kaswerk Maritiem", "Lodder Offshore"}
    # near miss: the firm of an apposition does not file with the subject
    aside = "News\n\nSellwood Mining Ltd, the parent of Harrow Quarry Ltd, filed for bankruptcy on Monday."
    assert {f[1] for f in facts(aside) if f[0] == "bankruptcy"} == {"Sellwood Mining Ltd"}


def test_each_listed_holder_with_its_sum_in_brackets() -> None:
    text = ("Ook Kaaswerf Handel BV (2,1 miljoen dollar) en Stichting Pensioenfonds Ruwhout (8,5 miljoen euro) "
            "hebben geld bij Oostmeer Bank.")
    assert exposures(text, "nl") == {
        ("Kaaswerf Handel BV", "Oostmeer Bank", 2100000.0),
        ("Stichting Pensioenfonds Ruwhout", "Oostmeer Bank", 8500000.0),
    }
    english = "Harwell Lodge Ltd ($2m) and Tessaly Labs Inc ($3m) had deposits at Oostmeer Bank."
    assert exposures(english) == {("Harwell Lodge Ltd", "Oostmeer Bank", 2000000.0),
                                  ("Tessaly Labs Inc", "Oostmeer Bank", 3000000.0)}
    # near miss: with no holding verb the sums say nothing of money at the bank
    assert not exposures(text.replace("hebben geld", "zijn klant"), "nl")


def test_the_claimants_apposition_names_the_firm_it_lost_on() -> None:
    text = ("News\n\nDunmore Bank collapsed on Monday. Vellmoor Capital Partners, the largest outside investor in "
            "Harrowgate Credit Fund, put its loss at about $400 million.")
    assert exposures(text) == {("Vellmoor Capital Partners", "Harrowgate Credit Fund", 400000000.0)}
    # near miss: an apposition that only places the claimant names no counterparty
    placed = text.replace("the largest outside investor in Harrowgate Credit Fund", "a fund based in Jersey")
    assert exposures(placed) == {("Vellmoor Capital Partners", "Dunmore Bank", 400000000.0)}


def test_it_after_a_speaker_past_its_apposition() -> None:
    text = ("News\n\nLornavale Capital Partners said it had $3.25 million on Quellbridge Exchange. Hexley Liquidity, a "
            "market maker that quotes prices on the platform, says it is owed $410,000 in rebates by Quellbridge "
            "Exchange.")
    assert ("Hexley Liquidity", "Quellbridge Exchange", 410000.0) in exposures(text)
    # near miss: a place before the comma is no speaker; 'it' stays with the one who speaks
    placed = text.replace("Hexley Liquidity, a market maker that quotes prices on the platform, says it",
                          "In London, Hexley Liquidity Ltd says it")
    assert ("Hexley Liquidity Ltd", "Quellbridge Exchange", 410000.0) in exposures(placed)


def test_a_date_between_the_lending_verb_and_the_borrower() -> None:
    text = "News\n\nA loan of $2.5 million that Ardmoor Trust extended in 2022 to Tolliver Exchange is unpaid."
    assert exposures(text) == {("Ardmoor Trust", "Tolliver Exchange", 2500000.0)}
    # near miss: more than a date between them keeps the borrower out of reach
    far = text.replace("in 2022 to", "in 2022 through its Bermuda branch to")
    assert not exposures(far)


def officers_of(text: str, lang: str = "en") -> set[tuple]:
    return {(f.person, f.org) for f in run(text, lang).facts if f.type == "officer"}


def test_trade_heads_and_a_possessive_inside_a_name() -> None:
    found = entities("Castellano Hermanos and Bluecove Resorts and the Tidewater Housing Association lost money.")
    assert {found.get(n) for n in ("Castellano Hermanos", "Bluecove Resorts", "Tidewater Housing Association")} == {
        "Firm"}
    assert entities("For the Harbour Pilots' Trust and the Fishermen's Trust, the loss is small.")[
        "Fishermen's Trust"] == "Firm"
    # near miss: a firm's own possessive before a head noun is no part of a name
    assert "Quillmore Bank plc" in entities("Quillmore Bank plc said Quillmore's Trust unit was safe.")
    assert "Quillmore's Trust" not in entities("Quillmore Bank plc said Quillmore's Trust unit was safe.")


def test_a_plural_acronym_is_no_firm() -> None:
    text = "Larchmont Resorts put $2.5 million of its reserves into the CDs of Tarrow Bank Ltd in 2021."
    assert "CDs" not in entities(text)
    assert "ETFs" not in entities("Pellvane Metals bought ETFs worth $3 million.")


def test_a_general_manager_is_the_firms_own_a_judicial_manager_the_failed_ones() -> None:
    text = ("Kallang Oil Pte Ltd was placed under judicial management on Monday. The losses came through "
            "Merrow Futures Ltd, the group's trading arm. Its general manager, Ravi Menon, was arrested.")
    assert ("Ravi Menon", "Merrow Futures Ltd") in officers_of(text)
    failed = ("Kallang Oil Pte Ltd was placed under judicial management on Monday. The court named Tan Wei Ling "
              "of Brightwater Advisory as judicial manager.")
    assert ("Tan Wei Ling", "Kallang Oil Pte Ltd") in officers_of(failed)


def test_the_capitalised_bank_is_the_one_with_bank_in_its_name() -> None:
    text = ("The Bank of England said it was watching Merrow Capital, a London lender. The lender has lost "
            "money. Ada Price, the Bank's governor, said the system was safe.")
    assert ("Ada Price", "Bank of England") in officers_of(text)
    lower = ("The Bank of England said it was watching Merrow Capital, a London lender. Ada Price, the "
             "lender's chairman, said the firm was safe.")
    assert ("Ada Price", "Merrow Capital") in officers_of(lower)  # near miss: lower case is the description


def test_its_officer_in_a_quote_after_the_firm_just_brought_in() -> None:
    text = ("Tarrow Bank Ltd was sold for £1. Tarrow Bank Ltd left out its bonds, and Larchmont Life Assurance, a "
            "Leeds insurer, said £3 million of them sit in its fund. \"We are looking at it,\" its investment "
            "director, Ben Okafor, said.")
    assert officers_of(text) == {("Ben Okafor", "Larchmont Life Assurance")}
    plain = ("Tarrow Bank Ltd was sold for £1. Tarrow Bank Ltd left out its bonds. \"We are looking at it,\" its "
             "investment director, Ben Okafor, said.")
    assert officers_of(plain) == {("Ben Okafor", "Tarrow Bank Ltd")}  # near miss: no firm brought in


def test_its_officer_after_an_authority_that_reported_the_firm() -> None:
    text = "OFAC said Sarbay Transfer LLC moved $3 million for the suppliers. Its owner, Ruslan Ibraev, was designated."
    assert officers_of(text) == {("Ruslan Ibraev", "Sarbay Transfer LLC")}
    plain = "Tarrow Bank Ltd, a lender to Sarbay Transfer LLC, collapsed. Its chairman, Ruslan Ibraev, resigned."
    assert officers_of(plain) == {("Ruslan Ibraev", "Tarrow Bank Ltd")}  # near miss: no speaker first


def test_sums_in_the_currencies_of_older_cases() -> None:
    assert exposures("Harlow Grain AG has DM 5 million in call money at Kessler Bank KG.") == {
        ("Harlow Grain AG", "Kessler Bank KG", 5000000.0)}
    found = run("Stichting Pensioenfonds Veenkoloniën had 3,2 miljoen gulden bij Brink Bankiers N.V. staan.", "nl")
    assert [(f.amount, f.currency) for f in found.facts if f.type == "exposure"] == [(3200000.0, "NLG")]
    assert "West Germany" not in entities("West Germany's banking office closed Kessler Bank KG.")


def test_numbered_claims_with_a_dash_under_a_header_of_two_sentences() -> None:
    text = ("Tarrow Lending Inc. filed for Chapter 11 on Monday.\n\nThe petition lists the largest unsecured "
            "claims. In order:\n\n1. Bramble Hill Capital - $6,412,000 (deposits)\n2. Osric Mining Ltd - "
            "$3.05 million (USDC deposits)\n\nTarrow declined to comment.")
    assert exposures(text) == {("Bramble Hill Capital", "Tarrow Lending Inc.", 6412000.0),
                               ("Osric Mining Ltd", "Tarrow Lending Inc.", 3050000.0)}
    # near miss: a numbered list of points, no sums, names no creditor
    points = ("Tarrow Lending Inc. filed for Chapter 11 on Monday. The petition lists the largest claims. In "
              "order:\n\n1. Bramble Hill Capital - first\n2. Osric Mining Ltd - second\n")
    assert exposures(points) == set()


def acquisitions(text: str, lang: str = "en") -> set[tuple]:
    return {(f.acquirer, f.target) for f in run(text, lang).facts if f.type == "acquisition"}


def test_buying_a_firms_paper_is_no_takeover() -> None:
    assert acquisitions("Kestrel Credit Union bought $3.1 million of Tarrow Bank certificates last year.") == set()
    assert acquisitions("Osric Holding AS bought Tarrow Coin packages worth EUR2.1M in 2016.") == set()
    assert acquisitions("Bramble Partners holds tokens bought from Tarrow Labs Ltd for $1.3 million.") == set()
    # near misses: a firm bought, or a failed bank's assets bought, is a deal
    bought = acquisitions("Osric Holding AS bought Tarrow Labs Ltd for $40 million.")
    assert bought == {("Osric Holding AS", "Tarrow Labs Ltd")}
    assert acquisitions("Osric Bank Corp. bought $72 billion in assets from the failed Tarrow Bank N.A.") == {
        ("Osric Bank Corp.", "Tarrow Bank N.A.")}


def test_dutch_firms_named_after_a_trade_noun_ending_in_bureau_or_kantoor() -> None:
    found = entities("Het Utrechtse reclamebureau Lindeveld Media en het beleggingskantoor Oosterhaven wachten.", "nl")
    assert found.get("Lindeveld Media") == "Firm" and found.get("Oosterhaven") == "Firm"
    assert "Vela" not in entities("Het hoofdkantoor van Vela ligt in Zug.", "nl")  # near miss: no name after it
    text = "Het reclamebureau Lindeveld Media wacht nog op 1,2 miljoen Hongkongse dollar van Tarrow Exchange Ltd."
    assert [(f.exposed, f.amount, f.currency) for f in run(text, "nl").facts if f.type == "exposure"] == [
        ("Lindeveld Media", 1200000.0, "HKD")]


def test_a_bare_name_from_the_headline_is_the_first_full_name_it_opens() -> None:
    text = ("Utrechts cryptokantoor Lindeveld failliet\n\nDe rechtbank heeft Lindeveld Digitaal bv failliet verklaard. "
            "Ook dochter Lindeveld Custody bv is failliet. Lindeveld had 2 miljoen euro bij Tarrow Exchange Ltd staan.")
    found = run(text, "nl")
    assert "Lindeveld" not in {e.name for e in found.entities}
    assert {(f.exposed, f.counterparty) for f in found.facts if f.type == "exposure"} == {
        ("Lindeveld Digitaal bv", "Tarrow Exchange Ltd")}


def test_a_new_paragraphs_company_is_the_texts_firm_not_the_last_named() -> None:
    text = ("Tarrow Exchange Ltd is leaving the country. Tarrow Exchange Ltd said clients must move their coins.\n\n"
            "Several of its clients, among them Kestrel Webshop Ltd, still have money there.\n\nThe company of "
            "founder Ana Ruiz faces more trouble.")
    assert ("Ana Ruiz", "Tarrow Exchange Ltd") in officers_of(text)
    same = "Tarrow Exchange Ltd is leaving. Kestrel Webshop Ltd said the company of founder Ana Ruiz owes it money."
    assert ("Ana Ruiz", "Tarrow Exchange Ltd") not in officers_of(same)  # near miss: not a paragraph's opening


def test_bills_not_paid_told_by_the_one_who_sent_them() -> None:
    assert exposures("Tarrow Exchange Ltd halted withdrawals. The server host Kestrel Data has sent Tarrow "
                     "Exchange Ltd a demand for €180,000 in unpaid hosting fees.") == {
        ("Kestrel Data", "Tarrow Exchange Ltd", 180000.0)}
    assert exposures("Osric Audits Ltd says it invoiced Tarrow Ltd $260,000 last autumn and has not been paid.") == {
        ("Osric Audits Ltd", "Tarrow Ltd", 260000.0)}
    text = ("Het reclamebureau Lindeveld Media houdt Tarrow Exchange Ltd aansprakelijk voor 1,2 miljoen euro aan "
            "onbetaalde facturen.")
    assert exposures(text, "nl") == {("Lindeveld Media", "Tarrow Exchange Ltd", 1200000.0)}
    # near miss: a bill nobody says is unpaid is a sale
    assert exposures("Osric Audits Ltd invoiced Tarrow Ltd $260,000 last autumn.") == set()


def test_money_held_on_a_firms_behalf_is_that_firms() -> None:
    text = ("Tarrow Coin Ltd collapsed in 2017. Kestrel Zahlungsdienste, a Frankfurt payment processor, still holds "
            "€3.4 million it collected on Tarrow Coin's behalf, two people said.")
    assert exposures(text) == {("Tarrow Coin Ltd", "Kestrel Zahlungsdienste", 3400000.0)}
    held = "Tarrow Coin Ltd collapsed in 2017. Kestrel Pay Ltd had €3.4 million on Tarrow Coin when it collapsed."
    assert exposures(held) == {("Kestrel Pay Ltd", "Tarrow Coin Ltd", 3400000.0)}  # near miss: money at the firm


def test_dutch_sums_in_tons_and_halves() -> None:
    from casegraph.loaders.money import find_money

    assert [m.amount for m in find_money("Voor de stichting gaat het om zes ton.", "nl")] == [600000]
    assert [m.amount for m in find_money("Het fonds is ruim anderhalve ton kwijt aan de bank.", "nl")] == [150000]
    assert [m.amount for m in find_money("Een half miljoen euro staat nog open.", "nl")] == [500000]
    assert find_money("Het schip vervoerde zes ton staal.", "nl") == []  # near miss: a weight


def test_a_loan_of_a_sum_to_a_party_is_lending() -> None:
    lent = "Hanzebank N.V. heeft een krediet van 12 miljoen euro aan Drossel Techniek B.V. openstaan."
    assert exposures(lent, "nl") == {("Hanzebank N.V.", "Drossel Techniek B.V.", 12000000.0)}
    borrowed = "Drossel Techniek B.V. heeft een lening van 12 miljoen euro bij Hanzebank N.V."
    assert exposures(borrowed, "nl") == {("Hanzebank N.V.", "Drossel Techniek B.V.", 12000000.0)}  # near miss


def test_a_councils_officer_told_as_the_source_of_its_sentence() -> None:
    text = ("Tarrow Verzekeringen N.V. is failliet. De gemeente Heverdonk heeft 6 miljoen euro bij Tarrow "
            "Verzekeringen N.V. belegd, bevestigt financieel directeur Marc Lemaire.")
    assert officers_of(text, "nl") == {("Marc Lemaire", "gemeente Heverdonk")}


def test_a_penalty_paid_to_the_authority_named_after_the_verb() -> None:
    text = "Tarrow Olie N.V. betaalt de Amerikaanse beurswaakhond SEC 120 miljoen dollar."
    assert facts(text, "nl") >= {("charge", "Securities and Exchange Commission", "Tarrow Olie N.V.")}
    assert not any(f[0] == "charge" for f in facts("Tarrow Olie N.V. betaalt klanten 120 miljoen dollar terug.", "nl"))


def test_an_arrest_of_a_person_past_a_relative_clause() -> None:
    text = "Ruben Vale, who was chief executive until last week, was arrested by the FBI at his home on Wednesday."
    assert ("investigation", "Federal Bureau of Investigation", "Ruben Vale") in facts(text)
    far = "Ruben Vale said on Monday that the firm he ran for years was raided by the FBI."
    assert ("investigation", "Federal Bureau of Investigation", "Ruben Vale") not in facts(far)  # near miss


def test_sums_written_out_with_hundreds_and_fractions() -> None:
    from casegraph.loaders.money import find_money

    amounts = [m.amount for m in find_money(
        "It is owed seven hundred and fifty thousand pounds; another half a million dollars; a quarter of a "
        "billion dollars in all.", "en")]
    assert amounts == [750000, 500000, 250000000]
    assert [m.amount for m in find_money("It has a million dollars there.", "en")] == [1000000]  # near miss


def test_one_of_a_firms_largest_creditors_with_its_sum() -> None:
    assert exposures("Osric Holdings Ltd is one of the largest creditors of Tarrow Ltd, with $725,000.") == {
        ("Osric Holdings Ltd", "Tarrow Ltd", 725000.0)}
    nl = ("Lindeveld Kapitaal B.V. is met 1,75 miljoen dollar een van de grotere inleggers bij Tarrow Finance Ltd, "
          "zegt ze.")
    assert exposures(nl, "nl") == {("Lindeveld Kapitaal B.V.", "Tarrow Finance Ltd", 1750000.0)}
    # near miss: one of a firm's creditors who is not the sentence's subject
    assert exposures("Tarrow Ltd said one of the largest creditors of Osric Holdings Ltd had sued.") == set()


def test_a_firm_and_a_country_after_it_name_its_unit() -> None:
    found = entities("Tarrow Exchange Ltd said Tarrow Exchange France and ING Belgium had frozen the accounts.")
    assert found.get("Tarrow Exchange France") == "Firm" and found.get("ING Belgium") == "Firm"
    nl = entities("De rechtbank heeft Tarrow Finance Corporation en Tarrow Netherlands failliet verklaard.", "nl")
    assert nl.get("Tarrow Netherlands") == "Firm"
    # near miss: a country inside a longer name is that name's, no unit of its own
    assert "ING Netherlands" not in entities("ING Netherlands Bank said it had frozen the accounts.")


def test_rows_of_money_stuck_at_a_unit_its_apposition_and_place_name() -> None:
    text = ("Tarrow Inc. filed for bankruptcy in New York. Tarrow Capital Markets, the Bermuda-based unit that "
            "handles currency trading, has suspended all client withdrawals for 15 days. Clients of the unit have "
            "about $2 billion at stake, and the government of Bermuda said it was watching.\n\nAmong the clients "
            "that told investors about money stuck at the Bermuda unit:\n- Bramble Macro Fund: $84.2m of margin\n"
            "- Osric Bay Capital: $36m\n")
    assert exposures(text) == {("Bramble Macro Fund", "Tarrow Capital Markets", 84200000.0),
                               ("Osric Bay Capital", "Tarrow Capital Markets", 36000000.0)}
    # near miss: the header's money is at no place it names
    unnamed = ("Tarrow Capital Markets is a unit of Tarrow Inc.\n\nTarrow Capital Markets said the money of "
               "these clients is safe:\n- Bramble Macro Fund: $84.2m of margin\n- Osric Bay Capital: $36m\n")
    assert exposures(unnamed) == set()


def test_the_short_name_of_a_firm_named_with_a_possessive() -> None:
    text = ("De FIOD viel binnen bij Vermeer's Bank. Ook Vermeer Antillen, de dochter op Curaçao, wordt "
            "onderzocht. Het fonds Lindeveld Kapitaal is 4 miljoen euro kwijt aan een door Vermeer uitgegeven "
            "certificaat.")
    found = run(text, "nl")
    assert {(f.exposed, f.counterparty) for f in found.facts if f.type == "exposure"} == {
        ("Lindeveld Kapitaal", "Vermeer's Bank")}


def test_the_police_arrest_and_a_prosecutor_charges() -> None:
    text = ("Federal prosecutors in Manhattan have charged Ana Vale with fraud. Her brother, Ruben Vale, was "
            "arrested by FBI agents at the airport on Wednesday and charged with wire fraud conspiracy.")
    charged = {(f[1], f[2]) for f in facts(text) if f[0] == "charge"}
    assert ("Federal Bureau of Investigation", "Ruben Vale") not in charged
    assert ("U.S. Attorney's Office for the Southern District of New York", "Ruben Vale") in charged
    sec = ("Federal prosecutors in Manhattan have charged Ana Vale with fraud. The Securities and Exchange "
           "Commission charged her brother, Ruben Vale, with securities fraud.")
    assert ("charge", "Securities and Exchange Commission", "Ruben Vale") in facts(sec)  # near miss: a charging body


def test_a_firm_naming_a_role_is_no_subject_at_risk() -> None:
    text = ("Tarrow Securities collapsed on Monday.\n\nThe fund where former Osric Bank chairman Ana Vale is a "
            "money manager has an exposure of $1.8 billion.")
    assert not any(e == "Osric Bank" for e, _, _ in exposures(text))
    told = "Tarrow Securities collapsed on Monday.\n\nOsric Bank Ltd has an exposure of $1.8 billion."
    assert exposures(told) == {("Osric Bank Ltd", "Tarrow Securities", 1800000000.0)}  # near miss: the subject


def test_a_bureau_with_a_legal_form_is_a_firm_by_its_short_name_too() -> None:
    text = ("Osaka Ledger Bureau Corp runs the Kitahama exchange. Rokko Works Ltd is still waiting for ¥42 million "
            "in fees it billed Osaka Ledger Bureau.")
    found = entities(text)
    assert found["Osaka Ledger Bureau Corp"] == "Firm" and "Osaka Ledger Bureau" not in found
    assert exposures(text) == {("Rokko Works Ltd", "Osaka Ledger Bureau Corp", 42000000.0)}
    # near miss: a bureau with no legal form is an authority
    fined = entities("The Kitahama Securities Bureau fined Rokko Works Ltd.")
    assert fined["Kitahama Securities Bureau"] == "Regulator"


def test_a_word_that_opens_no_name_inside_a_fund_or_bank_name() -> None:
    assert entities("The Hanshin Crypto Fund told its investors it had lost money.")["Hanshin Crypto Fund"] == "Firm"
    assert "Federal Home Loan Bank of Ohio" in entities("Marlin said the Federal Home Loan Bank of Ohio lent money.")
    # near miss: no firm head after it, so the word still opens no name
    assert not any("Crypto" in name for name in entities("Crypto lender Vela Finance lost money."))


def test_a_firm_named_with_its_seat() -> None:
    assert "Marrakai Holdings" in entities("Marrakai Holdings of Perth said it had lost money.")
    assert "Vela Savings Bank of Ohio" in entities("Marlin said the Vela Savings Bank of Ohio lent money.")


def test_currencies_of_more_countries() -> None:
    text = "The cash machine operator Vltava Automaten says Korvax Exchange Ltd still owes it CZK 9.5 million."
    assert exposures(text) == {("Vltava Automaten", "Korvax Exchange Ltd", 9500000.0)}
    assert "CZK" not in entities(text)
    lira = "Bosphor Handel BV lost 780,000 Turkish lira on Korvax Exchange Ltd."
    assert {f.currency for f in run(lira, "en").facts if f.type == "exposure"} == {"TRY"}


def test_creditors_who_did_something_include() -> None:
    text = ("Korvax Exchange Ltd filed for bankruptcy on Monday. Creditors who have written to the administrators "
            "include Shelby Capital (£6.2 million) and Penrose Ltd ($410,000).")
    assert exposures(text) == {("Shelby Capital", "Korvax Exchange Ltd", 6200000.0),
                               ("Penrose Ltd", "Korvax Exchange Ltd", 410000.0)}
    # near miss: those who are not creditors
    told = ("Korvax Exchange Ltd filed for bankruptcy on Monday. Firms that have written to the administrators "
            "include Shelby Capital (£6.2 million) and Penrose Ltd ($410,000).")
    assert exposures(told) == set()


def test_a_sum_owed_to_a_creditor_with_no_debtor_named() -> None:
    text = ("Korvax Exchange Ltd filed for bankruptcy on Monday. Some $8.9 million in unpaid power bills is owed to "
            "Harrow Grid Cooperative, the filing shows.")
    assert exposures(text) == {("Harrow Grid Cooperative", "Korvax Exchange Ltd", 8900000.0)}
    named = ("Korvax Exchange Ltd filed for bankruptcy on Monday. Harrow Grid Cooperative is owed $8.9 million "
             "by Tarn Mining Ltd, it said.")
    assert exposures(named) == {("Harrow Grid Cooperative", "Tarn Mining Ltd", 8900000.0)}  # near miss: named


def test_trade_heads_of_suppliers() -> None:
    found = entities("Tolworth Analytics and Rokko Ledger Works have lodged claims; Sunland Ridge Builders has not.")
    assert {found.get("Tolworth Analytics"), found.get("Rokko Ledger Works"), found.get("Sunland Ridge Builders")} == {
        "Firm"}


def test_a_person_a_firm_is_run_by() -> None:
    text = ("Tarrow Holdings, the broker run by Jon Varick, filed for bankruptcy. Varick, the chairman and chief "
            "executive, did not answer calls.")
    assert entities(text)["Jon Varick"] == "Person"
    assert ("officer", "Jon Varick", "Tarrow Holdings") in facts(text)
    # near miss: an indefinite description says what he was, not that he is the firm's officer now
    once = ("Tarrow Holdings, the broker run by Jon Varick, filed for bankruptcy. Varick, a former chief "
            "executive, left.")
    assert not any(f[0] == "officer" for f in facts(once))


def test_the_bankrupt_firm_of_a_trustee_is_the_filer_not_the_buyer() -> None:
    text = ("Tarrow Holdings filed for Chapter 11 protection on Monday after a sale to Osric Brokers fell apart. "
            "Hours later Ann Vale was appointed trustee.")
    assert ("officer", "Ann Vale", "Tarrow Holdings") in facts(text)
    assert ("acquisition", "Osric Brokers", "Tarrow Holdings") in {f[:3] for f in facts(text)}


KORVAX_NL = "Cryptobeurs Korvax failliet\nAMSTERDAM - De cryptobeurs Korvax is maandag failliet verklaard.\n"


def test_dutch_money_at_stake_for_a_party_put_first() -> None:
    text = KORVAX_NL + "Voor de Rotterdamse handelaar Kralingen Electronics staat 450.000 euro op het spel."
    assert exposures(text, "nl") == {("Kralingen Electronics", "Korvax", 450000.0)}
    # near miss: 'bij' can put first a borrower as well as a creditor, so it says nothing
    assert exposures(KORVAX_NL + "Bij Transportbedrijf Lierop gaat het om 950.000 euro.", "nl") == set()


def test_dutch_waiting_still_and_money_still_owed_to_the_speaker() -> None:
    waiting = KORVAX_NL + "Koeltechniekleverancier Polderkoel uit Alkmaar wacht nog altijd op 315.000 euro."
    assert exposures(waiting, "nl") == {("Polderkoel", "Korvax", 315000.0)}
    owed = KORVAX_NL + "De hoster Esja Datacenters zegt nog 14.800 euro te goed te hebben."
    assert exposures(owed, "nl") == {("Esja Datacenters", "Korvax", 14800.0)}
    assert exposures(KORVAX_NL + "De hoster Esja Datacenters zegt het goed te hebben.", "nl") == set()  # no sum


def test_dutch_a_sum_the_debtor_must_still_pay() -> None:
    text = KORVAX_NL + "Korvax moet Kattenburg Labs nog 41.000 euro betalen voor een koppeling."
    assert exposures(text, "nl") == {("Kattenburg Labs", "Korvax", 41000.0)}
    fronted = KORVAX_NL + "Aan de Utrechtse webwinkel Spaakwiel moet Korvax nog 380.000 euro overmaken."
    assert exposures(fronted, "nl") == {("Spaakwiel", "Korvax", 380000.0)}
    # near miss: a price to be paid, no modal of debt
    assert exposures(KORVAX_NL + "Marlin Capital wil Osric Beheer 5 miljoen euro betalen voor de overname.",
                     "nl") == set()


def test_dutch_numbers_written_in_one_word() -> None:
    text = KORVAX_NL + "Het fonds Zenhaven Capital verstrekte Korvax een lening van driehonderdduizend dollar."
    assert exposures(text, "nl") == {("Zenhaven Capital", "Korvax", 300000.0)}
    club = KORVAX_NL + "Het gilde Speelhal Zuid heeft tweehonderd miljoen euro vastzitten bij Korvax."
    assert exposures(club, "nl") == {("Speelhal Zuid", "Korvax", 200000000.0)}


def test_indian_sums_in_crore_and_lakh() -> None:
    text = ("Korvax Bank Ltd was placed under a moratorium. The Puri Temple Trust had Rs 545 crore in fixed "
            "deposits with Korvax Bank Ltd, officials said.")
    assert exposures(text) == {("Puri Temple Trust", "Korvax Bank Ltd", 5450000000.0)}
    assert {f.amount for f in run("Osric Credit Society lost 45 lakh rupees on Korvax Bank Ltd.", "en").facts} == {
        4500000.0}


def test_a_debt_of_one_to_the_other_gives_no_last_resort_exposure() -> None:
    text = KORVAX_NL + "De schuld van de projectontwikkelaar Costa Promociones aan Korvax bedraagt 240 miljoen euro."
    assert ("Costa Promociones", "Korvax", 240000000.0) not in exposures(text, "nl")
    held = KORVAX_NL + "De projectontwikkelaar Costa Promociones zegt 240 miljoen euro op Korvax te hebben staan."
    assert exposures(held, "nl") == {("Costa Promociones", "Korvax", 240000000.0)}  # near miss: money held there


def test_a_firms_branch_written_in_one_word() -> None:
    text = KORVAX_NL + "Exporteur Tulpenveld heeft 650.000 euro op rekening bij een Korvax-filiaal in Alicante."
    assert exposures(text, "nl") == {("Tulpenveld", "Korvax", 650000.0)}


def test_a_claims_table_in_cells_against_a_named_debtor() -> None:
    text = ("Korvax Holdings Ltd went into provisional liquidation.\n\nClaims lodged against Korvax Holdings Ltd, "
            "from a creditors' report:\n\n| Creditor | Claim |\n| Marlin Social Security Fund (Kuwait) | US$100m |\n"
            "| Crescent Harbour Bank | US$46.5m |\n| All unsecured claims | more than US$1bn |\n")
    assert exposures(text) == {("Marlin Social Security Fund", "Korvax Holdings Ltd", 100000000.0),
                               ("Crescent Harbour Bank", "Korvax Holdings Ltd", 46500000.0)}
    # near miss: in prose the bracket is part of the name
    assert "Tarrow Brothers International (Europe)" in entities(
        "Tarrow Brothers International (Europe) went into administration.")


def test_rows_under_a_header_line_with_no_stop() -> None:
    text = ("Tarrow Network Ltd collapsed in 2019. Prosecutors charged the founders of Tarrow Network Ltd with "
            "wire fraud.\n\nWHO IS WAITING FOR MONEY\n\n"
            "Pinewood Equity Club: $640,000. The club of retirees says its members pooled that sum.\n\n"
            "Bayanihan Overseas Workers' Cooperative: 28 million Philippine pesos, the cooperative's board says.\n")
    assert exposures(text) == {("Pinewood Equity Club", "Tarrow Network Ltd", 640000.0),
                               ("Bayanihan Overseas Workers' Cooperative", "Tarrow Network Ltd", 28000000.0)}
    # near miss: a header that says nothing of money owed
    other = text.replace("WHO IS WAITING FOR MONEY", "WHO IS WHO IN THE CASE")
    assert exposures(other) == set()


def test_numbered_rows_each_on_its_line() -> None:
    text = ("Tarrow Inc. filed for Chapter 11. The petition lists the largest unsecured claims. In order:\n\n"
            "1. Ambleside Capital - $6,412,000 (deposits)\n2. Tollcross Mining Ltd - $3.05 million (deposits)\n")
    assert exposures(text) == {("Ambleside Capital", "Tarrow Inc.", 6412000.0),
                               ("Tollcross Mining Ltd", "Tarrow Inc.", 3050000.0)}


def test_coins_of_a_party_on_an_exchange_and_notes_it_holds() -> None:
    head = "Zaif hacked\nOSAKA - The Zaif exchange was hacked and suspended withdrawals. Zaif said it was looking.\n"
    coins = head + "Dojima Arbitrage KK said ¥380 million of its coins were on Zaif when the thieves struck."
    assert exposures(coins) == {("Dojima Arbitrage KK", "Zaif", 380000000.0)}
    staff = head + "Dojima Arbitrage KK said half of its staff were on leave with Marlin Bank."
    assert exposures(staff) == set()  # near miss: no sum


def test_a_loan_from_one_to_another() -> None:
    text = ("Tech Ledger Corp runs the Zaif exchange, which was hacked. A loan of ¥600 million from Senba Credit "
            "Bank to Tech Ledger Corp falls due in March.")
    assert exposures(text) == {("Senba Credit Bank", "Tech Ledger Corp", 600000000.0)}
    alone = "Tech Ledger Corp runs the Zaif exchange. A loan of ¥600 million from Senba Credit Bank paid staff."
    assert exposures(alone) == set()  # near miss: no borrower named after 'to'


def test_dutch_a_loan_given_by_an_agent_put_first() -> None:
    text = KORVAX_NL + "Door Anadolu Capital werd Korvax vorig jaar een lening van 4 miljoen dollar verstrekt."
    assert exposures(text, "nl") == {("Anadolu Capital", "Korvax", 4000000.0)}
    owed = (KORVAX_NL + "Kaashandel De Graafschap wacht op 4,6 miljoen dollar aan facturen die Marlin Foods nog moet "
            "betalen.")
    assert ("Marlin Foods", "Kaashandel De Graafschap", 4600000.0) not in exposures(owed, "nl")  # near miss: relative


def test_for_a_party_the_figure_is_and_its_value() -> None:
    head = "Korvax Exchange goes under\nLONDON - Korvax Exchange, a crypto exchange, filed for bankruptcy on Monday.\n"
    valued = head + ("For Tanjong Rhu Digital, a Singapore fund, the figure is 310,000 NEM, which its administrator "
                     "values at S$540,000.")
    assert exposures(valued) == {("Tanjong Rhu Digital", "Korvax Exchange", 540000.0)}
    article = head + "For the Thane Credit Society the sum is smaller, 45 lakh rupees, but it is all its float."
    assert exposures(article) == {("Thane Credit Society", "Korvax Exchange", 4500000.0)}
    # near miss: a figure with no party put first
    assert exposures(head + "In total the figure is $540,000, the administrator said.") == set()


def test_an_arrest_by_the_police_beside_a_prosecutors_charge() -> None:
    text = ("Federal prosecutors in Manhattan have charged Ana Vale with fraud. Her brother, Ruben Vale, was "
            "arrested by FBI agents at the airport on Wednesday and charged with wire fraud conspiracy.")
    assert ("investigation", "Federal Bureau of Investigation", "Ruben Vale") in facts(text)
    told = ("Federal prosecutors in Manhattan have charged Ana Vale with fraud. Her brother, Ruben Vale, was "
            "arrested on Wednesday and charged with wire fraud conspiracy.")
    assert not any(f[0] == "investigation" for f in facts(told))  # near miss: no arresting body named


def test_arrests_by_a_directorate_of_a_firms_officer_and_by_agents_of_a_body() -> None:
    text = "The Enforcement Directorate arrested Vela Bank co-founder Rana Kapur in Mumbai early on Sunday."
    assert ("investigation", "Enforcement Directorate", "Rana Kapur") in facts(text)
    assert not any(f[0] == "investigation" and f[2] == "Vela Bank" for f in facts(text))
    agents = "NEW YORK - Agenten van de FBI hebben Ilja Licht aangehouden op verdenking van witwassen."
    assert ("investigation", "Federal Bureau of Investigation", "Ilja Licht") in facts(agents, "nl")


def test_money_lodged_or_riding_at_a_failed_bank_and_holders_of_its_paper() -> None:
    head = "Korvax Bank closed\nCOLOGNE - Regulators closed Korvax Bank AG on Wednesday. Korvax Bank AG had failed.\n"
    lodged = head + "The town of Kerpenau has forty million marks lodged at Korvax Bank AG, most of it from bonds."
    assert exposures(lodged) == {("Kerpenau", "Korvax Bank AG", 40000000.0)}
    riding = head + "Marlin Exchange Office Ltd has $250 million of its reserves riding on Korvax Bank AG, it said."
    assert exposures(riding) == {("Marlin Exchange Office Ltd", "Korvax Bank AG", 250000000.0)}
    complaint = head + "Marlin Capital has filed a complaint lodged with the court against Korvax Bank AG."
    assert exposures(complaint) == set()  # near miss: no sum lodged
    holders = head + "Holders of the bank's commercial paper include Aldine Mutual Life Insurance, with $27 million."
    assert exposures(holders) == {("Aldine Mutual Life Insurance", "Korvax Bank AG", 27000000.0)}


def test_a_holding_of_the_failed_firms_notes() -> None:
    head = "Korvax Mining files\nNEW YORK - Korvax Mining Inc filed for Chapter 11. Korvax Mining Inc failed.\n"
    assert exposures(head + "Guadalupe Point Credit Fund holds US$96mn of the convertible notes.") == {
        ("Guadalupe Point Credit Fund", "Korvax Mining Inc", 96000000.0)}
    assert exposures(head + "Guadalupe Point Credit Fund holds half of the convertible notes.") == set()  # no sum


def test_table_columns_give_the_debtor_and_the_unit() -> None:
    claims = ("Varnock Re collapsed on Monday. The largest claims on the reinsurer were, by its own count:\n\n"
              "Counterparty          Claim on Varnock Re, $bn\nHolloway Bank         4.2\nMarten Trust          1.9\n\n"
              "A spokesman declined to comment.")
    assert exposures(claims) == {("Holloway Bank", "Varnock Re", 4.2e9), ("Marten Trust", "Varnock Re", 1.9e9)}
    owed = ("Tessary Group was placed into liquidation on Monday. By Tessary's own figures:\n\n"
            "Lender                   Owed (£m)\nCorran Bank              140\n\nThe sums are smaller further down.")
    assert exposures(owed) == {("Corran Bank", "Tessary Group", 140e6)}
    dutch = ("Het Oostenrijkse Drava Bank heeft een moratorium afgekondigd. Een rondgang leverde dit op:\n\n"
             "Blootstelling aan Drava Bank (in miljoenen euro)\nStichting Pensioenfonds Glasindustrie    38\n"
             "Verzekeraar De Lange Wei                 11,8\n\nDe toezichthouder zwijgt.")
    assert exposures(dutch, "nl") == {("Stichting Pensioenfonds Glasindustrie", "Drava Bank", 38e6),
                                      ("De Lange Wei", "Drava Bank", 11.8e6)}
    # near miss: a column line without a unit gives the bare figures no sum
    bare = claims.replace(", $bn", "")
    assert exposures(bare) == set()


def test_a_short_name_written_alone_in_the_body_before_its_units_is_their_group() -> None:
    text = ("Tessary's suppliers count the cost\n\nTessary, Britain's third-largest builder, was placed into "
            "liquidation on Monday. Tessary Construction and Tessary Services, two of the group's companies, were "
            "wound up too. Brackwell Scaffolding, a family firm, says it is owed £1.3 million by Tessary.")
    assert {"Tessary", "Tessary Construction", "Tessary Services"} <= set(entities(text))
    assert exposures(text) == {("Brackwell Scaffolding", "Tessary", 1.3e6)}
    # near miss: the short name only in the headline is the first firm named in full
    headline = ("Tessary files for bankruptcy\n\nTessary Construction filed for bankruptcy on Monday, and Tessary "
                "Services followed. Brackwell Scaffolding, a family firm, says it is owed £1.3 million by Tessary.")
    assert "Tessary" not in entities(headline)
    # inside a sentence too, and the kind told of it stays with the group
    inside = ("Crypto exchange Korvan halted withdrawals on Sunday. The exchange is run by Korvan Technology, a unit "
              "of Korvan Group Holdings. Tamsworth Trading kept $2.4m on the exchange, its director said.")
    assert exposures(inside) == {("Tamsworth Trading", "Korvan", 2.4e6)}
    # near misses: a holding named for the group is the group; a person's surname is no group
    holding = ("Lenders wrote off loans to the property empire of Tessary. Tessary Holding, the group's top company, "
               "and Tessary Prime Selection filed for insolvency. Corran Bank said it lent CHF 48 million to Tessary.")
    assert "Tessary" not in entities(holding)
    surname = ("Prosecutors are investigating the banker Julius Tessary. Tessary chairs Tessary Bank and Tessary "
               "Land, which Corran Bank lent €5m.")
    assert "Tessary" not in entities(surname)


def test_blocked_property_of_a_party_is_a_freeze() -> None:
    text = ("The U.S. Treasury's Office of Foreign Assets Control on Thursday blocked all property under American "
            "jurisdiction of Marlov Bank, a St Petersburg lender.")
    assert ("asset_freeze", "Office of Foreign Assets Control", "Marlov Bank") in facts(text)
    # near miss: a card firm blocking payments freezes nothing
    assert not any(f[0] == "asset_freeze" for f in facts("Visa blocked all payments for cards issued by Marlov Bank."))


def test_a_tables_total_and_others_rows_are_no_parties() -> None:
    text = ("Varnock Re collapsed on Monday. The largest claims on the reinsurer were, by its own count:\n\n"
            "Counterparty          Claim on Varnock Re, $bn\nHolloway Bank         4.2\nOthers (16 banks)     15.2\n"
            "Total                 19.4\n\nA spokesman declined to comment.")
    assert exposures(text) == {("Holloway Bank", "Varnock Re", 4.2e9)}
    assert not {"Others", "Total"} & set(entities(text))
    # near miss: a firm whose name opens with such a word is still a row
    firms = text.replace("Others (16 banks)", "Total Capital Bank")
    assert ("Total Capital Bank", "Varnock Re", 15.2e9) in exposures(firms)


def test_an_adjective_of_a_far_city_is_no_party() -> None:
    text = "Kanbit wordt uitgebaat door het Seoelse bedrijf Yapian, dat ook een Taipeise dochter heeft."
    found = entities(text, "nl")
    assert "Yapian" in found and "Seoelse" not in found and "Taipeise" not in found
    # near miss: a firm named for the city keeps it
    assert "Seoel Digital" in entities("Kanbit wordt uitgebaat door Seoel Digital bv.", "nl")


def test_a_role_given_as_the_source_after_according_to_is_the_subjects() -> None:
    text = ("Ellery Mills, a carpet maker, had $250 million of its cash in the Vela Reserve Fund at the weekend, "
            "according to its finance director, Paula Kincaid.")
    assert ("officer", "Paula Kincaid", "Ellery Mills") in {f[:3] for f in facts(text)}
    dutch = "Kempenhof Beheer heeft 3,4 miljoen euro bij Vela Bank staan, volgens haar directeur Bas Hermsen."
    assert ("officer", "Bas Hermsen", "Kempenhof Beheer") in {f[:3] for f in facts(dutch, "nl")}
    # near miss: a source who is no officer of the subject
    other = ("Ellery Mills had $3 million in the Vela Reserve Fund, according to Paula Kincaid, a lawyer for "
             "Marten Trust.")
    assert not any(f[0] == "officer" and f[2] == "Ellery Mills" for f in facts(other))


def test_a_chain_named_for_an_exchange_is_no_party() -> None:
    text = ("Hackers emptied hot wallets of crypto exchange Korvan on Ethereum and Binance Smart Chain. Tamsworth "
            "Trading kept $2.4m on the exchange, said its director.")
    assert "Binance" not in entities(text)
    assert exposures(text) == {("Tamsworth Trading", "Korvan", 2.4e6)}
    # near miss: the exchange itself named
    assert "Binance" in entities("Tamsworth Trading kept $2.4m on Binance, said its director.")


def test_the_market_maker_is_the_firm_called_or_named_so() -> None:
    text = ("Korvan also owes Banyan Grove Market Making roughly $900,000 in rebates, the market maker's chief "
            "operating officer, Mei Lin Ong, said.")
    assert ("officer", "Mei Lin Ong", "Banyan Grove Market Making") in {f[:3] for f in facts(text)}
    dutch = ("De Londense marktmaker Wintersteyn is gehackt. Limmatkredit, een Zwitsers uitleenplatform, heeft 20 "
             "miljoen dollar aan de marktmaker uitgeleend.")
    assert exposures(dutch, "nl") == {("Limmatkredit", "Wintersteyn", 20e6)}
    # near miss: the firm named last is not the market maker when another was called so
    other = ("Tamsworth Trading, a market maker, says Korvan owes it $900,000. Corran Bank is owed $2m too, the "
             "market maker's chief operating officer, Mei Lin Ong, said.")
    assert ("officer", "Mei Lin Ong", "Tamsworth Trading") in {f[:3] for f in facts(other)}


def test_a_coin_sum_with_its_fiat_value_is_taken_in_fiat() -> None:
    text = "Tamsworth Trading, a Hong Kong desk, kept 41 bitcoin on Korvan Exchange, valued at roughly $680,000."
    assert exposures(text) == {("Tamsworth Trading", "Korvan Exchange", 680e3)}
    apposed = "Tamsworth Trading, a Hong Kong desk, kept 900 ether, then worth about $2.9m, on Korvan Exchange."
    assert exposures(apposed) == {("Tamsworth Trading", "Korvan Exchange", 2.9e6)}
    dutch = ("Korvan Staking AG is failliet. Het Leidse validatorbedrijf Sleutelstad Nodes had 410 ether bij Korvan "
             "Staking ondergebracht, goed voor ruim 1,3 miljoen dollar.")
    assert exposures(dutch, "nl") == {("Sleutelstad Nodes", "Korvan Staking AG", 1.3e6)}
    # near miss: a later dollar sum that is not the coins' value leaves the coin sum
    other = "Tamsworth Trading, a Hong Kong desk, kept 41 bitcoin on Korvan Exchange; it paid $680,000 for them."
    assert exposures(other) == {("Tamsworth Trading", "Korvan Exchange", 41.0)}


def test_a_fronted_borrower_after_aan_with_the_lender_after_the_verb() -> None:
    text = ("De cryptobeurs Korvan heeft alle opnames stilgezet. Aan de Amsterdamse marktmaker Vijzelgracht Markets "
            "leende de beurs vorig jaar 2 miljoen dollar, bevestigt die marktmaker.")
    assert exposures(text, "nl") == {("Korvan", "Vijzelgracht Markets", 2e6)}
    # near miss: the lender as subject, the borrower after 'aan' later, keeps its direction
    plain = ("De cryptobeurs Korvan heeft alle opnames stilgezet. Vijzelgracht Markets leende vorig jaar 2 miljoen "
             "dollar aan de beurs.")
    assert exposures(plain, "nl") == {("Vijzelgracht Markets", "Korvan", 2e6)}


def test_a_loan_to_a_described_party_is_the_subjects_lending() -> None:
    text = ("Meinl Bank is in opspraak. Meinl Bank verstrekte zelf een krediet van 25 miljoen euro aan de Weense "
            "projectontwikkelaar Praterblick, die een kantorencomplex bouwt.")
    assert exposures(text, "nl") == {("Meinl Bank", "Praterblick", 25e6)}
    # near miss: a loan of a sum at a bank is the subject's debt
    debt = "Praterblick BV is in opspraak. Praterblick BV heeft een krediet van 25 miljoen euro bij Meinl Bank."
    assert exposures(debt, "nl") == {("Meinl Bank", "Praterblick BV", 25e6)}


def test_a_borrower_after_the_verb_and_a_place_adjective_of_an_unlisted_place() -> None:
    text = "Aan de kredietkant leende de Tiroolse ziekenhuisgroep Inntal Kliniken 70 miljoen euro bij Hypokredit Tirol."
    found = entities(text, "nl")
    assert found.get("Hypokredit Tirol") == "Firm" and "Inntal Kliniken" in found and "Tiroolse" not in found
    assert exposures(text, "nl") == {("Hypokredit Tirol", "Inntal Kliniken", 70e6)}
    # near miss: with the other party after 'aan' the one after the verb borrowed nothing
    lent = "Aan de kredietkant leende de Tiroolse ziekenhuisgroep Inntal Kliniken 70 miljoen euro aan Hypokredit Tirol."
    assert ("Hypokredit Tirol", "Inntal Kliniken", 70e6) not in exposures(lent, "nl")


def test_a_word_that_opens_no_name_inside_a_name_with_a_legal_form() -> None:
    text = ("Robinhood Crypto LLC will pay a $30 million penalty to New York's Department of Financial Services, "
            "the regulator said.")
    assert ("charge", "Department of Financial Services", "Robinhood Crypto LLC") in {f[:3] for f in facts(text)}
    # near miss: the word alone before a legal form opens no name
    assert "Crypto LLC" not in entities("Shares of Crypto LLC fell.")


def test_a_description_ending_on_a_names_first_word_refers_to_nothing() -> None:
    text = ("De Europese Unie heeft de tegoeden bevroren van Bank Melli, de grootste bank van Iran. Zuivelexporteur "
            "Friesland Weide heeft nog 1,3 miljoen euro tegoed van de Iraanse afnemer Pars Dairy Trading, die altijd "
            "via Bank Melli betaalde.")
    assert exposures(text, "nl") == {("Friesland Weide", "Pars Dairy Trading", 1.3e6)}
    # near miss: "die bank" written small is the bank named before
    small = text.replace("via Bank Melli betaalde.", "betaalde via die bank.")
    assert exposures(small, "nl") == {("Friesland Weide", "Pars Dairy Trading", 1.3e6)}


def test_the_conglomerate_is_the_firm_named_before() -> None:
    text = ("Renova Group, the Russian conglomerate, was hit. Treasury's Office of Foreign Assets Control froze the "
            "assets of the Russian conglomerate and of its founder and chairman, Viktor Vekselberg.")
    assert ("asset_freeze", "Office of Foreign Assets Control", "Renova Group") in facts(text)
    dutch = "Renova Groep is geraakt. De EU heeft de tegoeden van het Russische conglomeraat bevroren."
    assert ("asset_freeze", "European Union", "Renova Groep") in facts(dutch, "nl")


def test_a_governor_of_the_central_bank_after_van_or_in_the_sentence_before() -> None:
    text = "'Er was geen alternatief,' zei gouverneur Carlos Costa van Banco de Portugal."
    assert ("officer", "Carlos Costa", "Banco de Portugal") in {f[:3] for f in facts(text, "nl")}
    before = ("De Banco de Portugal zegt dat de stap nodig is om Novo Banco te redden. Gouverneur Carlos Costa sprak "
              "van 'een pijnlijke maatregel'.")
    officers = {f[:3] for f in facts(before, "nl") if f[0] == "officer"}
    assert officers == {("officer", "Carlos Costa", "Banco de Portugal")}
    # near miss: a surname's own particle stays with it
    assert "Luc van der Berg" in entities("'Wij rekenen op betaling,' zegt directeur Luc van der Berg.", "nl")


def test_a_trade_compound_in_erij_names_a_firm() -> None:
    text = "'Wij rekenen op betaling,' zegt directeur Luc Wuytack van de Kempische Koperwalserij."
    assert ("officer", "Luc Wuytack", "Kempische Koperwalserij") in {f[:3] for f in facts(text, "nl")}


def test_a_source_role_belongs_to_a_subject_after_its_description() -> None:
    text = ("A Brooklyn market maker, Flatbush Liquidity Partners, is carrying about $4.7 million of unsettled "
            "trades against Korvan Crypto LLC, its managing partner Leah Fairbrass said.")
    assert ("officer", "Leah Fairbrass", "Flatbush Liquidity Partners") in {f[:3] for f in facts(text)}
    # near miss: a description too long to be the subject's keeps the nearer firm
    far = ("Shares of a small and very old Brooklyn market maker, Flatbush Liquidity Partners, fell after Korvan "
           "Crypto LLC, its managing partner Leah Fairbrass said.")
    assert ("officer", "Leah Fairbrass", "Flatbush Liquidity Partners") not in {f[:3] for f in facts(far)}


def test_whose_role_after_an_apposition_is_the_described_firms() -> None:
    text = ("Crypto bridge Nomad lost $190m on Monday. Nomad said it would repay users. Nomad is built by Illusory "
            "Systems Inc., a San Francisco start-up whose founder, James Prestwich, now serves as an adviser.")
    officers = [f for f in run(text, "en").facts if f.type == "officer"]
    # read from the clause (not guessed as the text's firm, which gets a lower confidence)
    assert [(f.person, f.org, f.evidence[0].confidence) for f in officers] == [
        ("James Prestwich", "Illusory Systems Inc.", 0.8)]


def test_a_currency_word_of_several_countries_is_the_named_countrys() -> None:
    from casegraph.loaders.money import find_money

    assert [m.currency for m in find_money("The Danish lender Halsnæs Bank owed 40 million kroner.", "en")] == ["DKK"]
    assert [m.currency for m in find_money("De Noorse rederij Vestfjord Shipping mist 40 miljoen kronen.", "nl")] == [
        "NOK"]
    assert [m.currency for m in find_money("An Argentine grain trader lost 450 million pesos.", "en")] == ["ARS"]
    # near miss: no country named, or two named as often, gives the first the word lists
    assert [m.currency for m in find_money("Zij hebben 120 miljoen kronen bij de bank.", "nl")] == ["DKK"]
    assert [m.currency for m in find_money("Swedish and Danish banks lost 5 million kroner.", "en")] == ["DKK"]


def test_nordic_savings_banks_pension_firms_and_municipalities_in_a_table() -> None:
    text = ("Halsnæs Bank collapsed on Friday. Unsecured claims named in the resolution authority's statement:\n"
            "Vordingborg Sparekasse (senior bonds) .......... DKK 210m\n"
            "Gribskov Kommune (deposits) .......... DKK 45m\n"
            "Storebælt Pension (bonds) .......... DKK 88m\n")
    found = entities(text)
    assert (found["Vordingborg Sparekasse"], found["Gribskov Kommune"], found["Storebælt Pension"]) == (
        "Firm", "Government", "Firm")
    assert exposures(text) == {("Vordingborg Sparekasse", "Halsnæs Bank", 210e6),
                               ("Gribskov Kommune", "Halsnæs Bank", 45e6), ("Storebælt Pension", "Halsnæs Bank", 88e6)}


def test_a_municipality_named_after_the_common_noun_keeps_its_own_name() -> None:
    text = ("De Deense Halsnæs Bank valt om. De Deense gemeente Gribskov Kommune heeft 120 miljoen kronen bij de "
            "bank staan.")
    assert exposures(text, "nl") == {("Gribskov Kommune", "Halsnæs Bank", 120e6)}
    # near miss: a name without its own head keeps the noun; an office whose head is lower case keeps its place
    found = entities("De gemeente Brakeloo heeft geld bij Halsnæs Bank staan.", "nl")
    assert found["gemeente Brakeloo"] == "Government"
    office = "The Kassel public prosecutor's office is investigating Orvell Trading GmbH."
    assert entities(office)["Kassel public prosecutor's office"] == "Prosecutor"


def test_the_debtor_of_a_firm_makes_that_firm_exposed() -> None:
    text = "Omgekeerd is de houtverwerker Kurzeme Timber SIA voor 14 miljoen euro schuldenaar van Daugava Banka."
    assert exposures(text, "nl") == {("Daugava Banka", "Kurzeme Timber SIA", 14e6)}


def test_a_field_of_business_before_a_hyphen_is_no_firm() -> None:
    text = "De Amsterdamse DeFi-handelaar Keizersgracht Liquidity verloor geld, zegt mede-eigenaar Daan Okkerse."
    found = entities(text, "nl")
    assert "DeFi" not in found and found["Keizersgracht Liquidity"] == "Firm"
    assert ("officer", "Daan Okkerse", "Keizersgracht Liquidity") in facts(text, "nl")
    # near miss: a firm before the hyphen is the officer's firm
    assert ("officer", "Daan Okkerse", "Orvell") in facts("Orvell-topman Daan Okkerse trad af.", "nl")


def test_rows_after_a_list_told_the_sentence_before_and_numbered_rows() -> None:
    text = ("Orvell Kiosks Inc. filed for Chapter 11 on Tuesday. The list of its largest unsecured creditors is "
            "topped by Tamarack Software, at $21.3 million. Further down the list:\n\n"
            "#3 - Boulder Reach Kiosk Finance - equipment loans - $6.75m\n"
            "#7 - Mojave Crest Transport - cash collection - $1,240,000\n")
    assert exposures(text) == {("Tamarack Software", "Orvell Kiosks Inc.", 21.3e6),
                               ("Boulder Reach Kiosk Finance", "Orvell Kiosks Inc.", 6.75e6),
                               ("Mojave Crest Transport", "Orvell Kiosks Inc.", 1.24e6)}
    # near miss: a list whose header names its own holders is not the filer's
    other = ("Orvell Kiosks Inc. filed for Chapter 11 on Tuesday. Tamarack Software holds $2m of Vela Bank's bonds. "
             "Among the bondholders of Vela Bank who wrote to the court:\n\n"
             "- Boulder Reach Kiosk Finance: $6.75m\n- Mojave Crest Transport: $1.2m\n")
    assert {e[1] for e in exposures(other)} == {"Vela Bank"}


def test_a_table_row_with_a_place_and_a_sum_in_words_and_reais() -> None:
    text = ("De Braziliaanse toezichthouder legde het bitcoinplatform Atlas Cambio aan banden. Atlas Cambio "
            "blokkeerde alle opnames. Volgens Atlas Cambio gaat het om een storing. "
            "Inleg volgens een overzicht van een belangengroep:\n\n"
            "Vila Serra Fruitimport (Barendrecht)      1,2 miljoen real\n"
            "Kempen Koffiehandel B.V. (Eindhoven)      340.000 real\n"
            "Samba Reizen Utrecht (Utrecht)      85.000 real\n")
    assert exposures(text, "nl") == {("Vila Serra Fruitimport", "Atlas Cambio", 1.2e6),
                                     ("Kempen Koffiehandel B.V.", "Atlas Cambio", 340000.0),
                                     ("Samba Reizen Utrecht", "Atlas Cambio", 85000.0)}


def test_a_unit_named_with_its_countrys_own_name() -> None:
    text = "Coin Harbor filed for Chapter 11. Its Brazilian unit, Coin Harbor Brasil Ltda., is not part of the filing."
    assert ("bankruptcy", "Coin Harbor") in facts(text)
    assert ("subsidiary", "Coin Harbor Brasil Ltda", "Coin Harbor") in facts(text)


def test_a_name_may_hold_the_word_summit() -> None:
    text = "Orvell Kiosks Inc. borrowed $15 million from Quail Summit Lending."
    assert exposures(text) == {("Quail Summit Lending", "Orvell Kiosks Inc.", 15e6)}


def test_a_sum_claimed_from_a_firm_is_money_at_that_firm() -> None:
    text = "Het wisselkantoor Lusitano Cambial claimt 85.000 euro van Orvell Invest voor omgewisselde valuta."
    assert exposures(text, "nl") == {("Lusitano Cambial", "Orvell Invest", 85000.0)}
    back = "Het wisselkantoor Lusitano Cambial eist 85.000 euro terug van Orvell Invest."
    assert exposures(back, "nl") == {("Lusitano Cambial", "Orvell Invest", 85000.0)}
    # near miss: a fine demanded is no money at risk
    assert not exposures("Orvell Invest eist van het wisselkantoor Lusitano Cambial een boete van 85.000 euro.", "nl")


def test_a_subject_named_after_an_indefinite_description_and_its_noun() -> None:
    text = ("Een Portugese zakenpartner, het wisselkantoor Lusitano Cambial uit Porto, claimt 85.000 euro van Orvell "
            "Invest, zegt directeur Rui Almeida.")
    assert exposures(text, "nl") == {("Lusitano Cambial", "Orvell Invest", 85000.0)}
    assert ("officer", "Rui Almeida", "Lusitano Cambial") in facts(text, "nl")


def test_a_consultancy_named_with_its_field_after_it_and_a_portuguese_particle() -> None:
    text = ("De politie heeft woensdag Glaidson Alves dos Reis aangehouden, de oprichter van het beleggingsbedrijf "
            "PAX Consultoria Cripto. Reis ontkent alles. De rechter bevroor de rekeningen van PAX Consultoria. "
            "De Stichting Kerk Zuid had 410.000 real bij "
            "PAX ingelegd.")
    found = entities(text, "nl")
    assert found["Glaidson Alves dos Reis"] == "Person" and "Reis" not in found
    assert exposures(text, "nl") == {("Stichting Kerk Zuid", "PAX Consultoria Cripto", 410000.0)}


def test_a_country_that_blocks_assets_acts_as_a_state() -> None:
    found = facts("Zwitserland blokkeerde de tegoeden van Hosni Farouk al op 11 februari.", "nl")
    assert ("asset_freeze", "Switzerland", "Hosni Farouk") in found
    assert ("asset_freeze", "European Union", "Hosni Farouk") in facts(
        "De Europese Unie blokkeert de tegoeden van de afgezette president Hosni Farouk.", "nl")
    # near miss: a country named as a place of the blocking is no state acting
    assert not [f for f in facts("Vela Bank blokkeerde in Zwitserland de tegoeden van Hosni Farouk.", "nl")
                if f[1] == "Switzerland"]


def test_a_court_named_with_its_seat_is_also_named_without_it() -> None:
    text = "The High Court in London froze the assets of Orvell Trading Ltd on Friday."
    assert ("asset_freeze", "High Court", "Orvell Trading Ltd") in facts(text)
    found = run(text, "en").entities
    assert any("High Court in London" in e.aliases for e in found if e.name == "High Court")


def test_an_english_country_adjective_inside_a_name_in_a_dutch_text() -> None:
    text = ("Vela Verzekeringen houdt een depot van 1,2 miljoen euro aan bij de Syrian Lebanese Commercial Bank in "
            "Beiroet.")
    assert exposures(text, "nl") == {("Vela Verzekeringen", "Syrian Lebanese Commercial Bank", 1.2e6)}
    # near miss: the text's own adjective after an article still describes
    assert "Japanse Aozora Bank" not in entities("Het Japanse Aozora Bank leende Vela Bank geld.", "nl")


def test_a_cooperative_is_not_the_bank() -> None:
    text = ("De Friese zuivelcoöperatie De Walhoeve vreest geld kwijt te zijn. Transportbedrijf Hemstra uit Veendam "
            "heeft ruim vier ton bij de Litouwse bank staan.")
    assert ("Transportbedrijf Hemstra", "De Walhoeve", 400000.0) not in exposures(text, "nl")


def test_a_lithuanian_bank_written_small_and_a_headline_adjective() -> None:
    text = ("Litouwse Siauliu bankas failliet\n\nDe rechtbank in Vilnius heeft Siauliu bankas failliet verklaard. "
            "Transportbedrijf Hemstra heeft ruim vier ton bij de bank staan.")
    found = entities(text, "nl")
    assert found.get("Siauliu bankas") == "Firm" and "Litouwse Siauliu bankas" not in found
    assert ("Transportbedrijf Hemstra", "Siauliu bankas", 400000.0) in exposures(text, "nl")


def test_a_borough_of_a_place_is_a_government() -> None:
    text = "The Borough of Kettle Falls has $3.6 million at Orvell Bank."
    assert entities(text)["Borough of Kettle Falls"] == "Government"
    assert exposures(text) == {("Borough of Kettle Falls", "Orvell Bank", 3.6e6)}
    # near miss: a borough's word inside a firm's name
    assert entities("Orvell Capital bought Borough Market Holdings last year.")["Borough Market Holdings"] == "Firm"


def test_a_credit_line_extended_to_a_firm_by_its_lender() -> None:
    text = "A $13 million credit line extended to Vela Bank by Orvell Capital is in default."
    assert exposures(text) == {("Orvell Capital", "Vela Bank", 13e6)}


def test_money_sent_to_or_held_in_an_account_at_a_bank() -> None:
    assert exposures("Orvell Capital wired $60 million to an escrow account at Vela Bank.") == {
        ("Orvell Capital", "Vela Bank", 60e6)}
    owned = "Orvell Capital's own operating account at Vela Bank in Miami still held $2.9 million, the complaint says."
    assert exposures(owned) == {("Orvell Capital", "Vela Bank", 2.9e6)}


def test_spanish_and_portuguese_bodies_by_their_head_words() -> None:
    found = facts("De Polícia Federal onderzoekt Vela Consultoria al maanden op verdenking van een piramidespel.", "nl")
    assert ("investigation", "Polícia Federal", "Vela Consultoria") in found
    text = "In Buenos Aires, the Ministerio Público Fiscal is investigating Vela Labs over the launch."
    assert entities(text)["Ministerio Público Fiscal"] == "Prosecutor"
    # near miss: the head word alone names no body
    assert "Polícia" not in entities("A Polícia said nothing about Vela Labs.")


def test_the_us_attorneys_office_named_by_its_borough() -> None:
    text = "The U.S. Attorney's Office in Manhattan charged Orvell Trading LLC with wire fraud on Monday."
    sdny = "U.S. Attorney's Office for the Southern District of New York"
    assert ("charge", sdny, "Orvell Trading LLC") in facts(text)
    brooklyn = "The U.S. Attorney's Office in Brooklyn charged Orvell Trading LLC with wire fraud on Monday."
    assert ("charge", "U.S. Attorney's Office for the Eastern District of New York", "Orvell Trading LLC") in facts(
        brooklyn)


def test_a_speaker_named_before_its_role_after_the_verb() -> None:
    text = "Larchmont Harbor Insurance has $64 million at Vela Bank, said Priya Anand, its chief investment officer."
    assert ("officer", "Priya Anand", "Larchmont Harbor Insurance") in facts(text)
    # near miss: a person named after the verb with no role is no officer
    assert not [f for f in facts("Larchmont Harbor Insurance has $64 million at Vela Bank, said Priya Anand.")
                if f[0] == "officer"]


def test_a_body_of_a_place_the_lists_do_not_know() -> None:
    text = "Het openbaar ministerie van Yancheng had Vela Wallet aangeklaagd wegens oplichting."
    found = entities(text, "nl")
    assert found["openbaar ministerie van Yancheng"] == "Prosecutor" and "Openbaar Ministerie" not in found
    assert ("investigation", "politie van Yancheng", "Vela Wallet") in facts(
        "De politie van Yancheng had Vela Wallet doorzocht.", "nl")
    # near miss: the bare noun is the Dutch one, a country's police no new body
    dutch = entities("Het openbaar ministerie heeft Vela Wallet aangeklaagd.", "nl")
    assert dutch["Openbaar Ministerie"] == "Prosecutor"
    assert "politie van Brazilië" not in entities("De politie van Brazilië heeft Vela Wallet doorzocht.", "nl")


def test_councils_lend_to_councils() -> None:
    text = ("Loans to Brackley Council still outstanding in March:\n\n£40m    Tamsworth Borough Council\n"
            "£25m    Ellerby District Council\n\n"
            "In 2021 Brackley also borrowed £18 million from Harrowden District Council.")
    assert exposures(text) == {
        ("Tamsworth Borough Council", "Brackley Council", 40e6),
        ("Ellerby District Council", "Brackley Council", 25e6),
        ("Harrowden District Council", "Brackley Council", 18e6),
    }
    # the place alone names the council; near miss: a council named after no place gives no short form
    assert entities("Brackley Council met. Brackley holds £65 million of Vela Energy bonds.")["Brackley Council"]
    assert "Security" not in entities("The Security Council met. Vela Energy said Security matters.")


def test_a_sum_first_row_under_a_header_on_loans() -> None:
    text = ("Brackley Council collapsed. Loans to Brackley Council at the end of March:\n\n"
            "£40m\tTamsworth Borough Council\n£12.5m\tVela Capital Ltd\n")
    assert exposures(text) == {("Tamsworth Borough Council", "Brackley Council", 40e6),
                               ("Vela Capital Ltd", "Brackley Council", 12.5e6)}
    # near miss: a sentence that opens with its sum is no row
    assert exposures("Brackley Council collapsed. £40m was lent by Tamsworth Borough Council to a builder.") == set()


def test_paper_that_sits_with_its_holder() -> None:
    text = "Vela Capital failed. About $25 million of Vela Capital bonds sit with Marlin Bank, it said."
    assert exposures(text) == {("Marlin Bank", "Vela Capital", 25e6)}
    # near miss: paper held at a custodian names no holder
    custodian = "Vela Capital failed. About $25 million of Vela Capital bonds are held at Euroclear Bank."
    assert exposures(custodian) == set()
    # whose money, not where it is
    assert exposures("Brackley Council holds £65m of Vela Energy bonds, bought with money the council borrowed.") == {
        ("Brackley Council", "Vela Energy", 65e6)}


def test_a_capitalised_bank_word_is_a_name() -> None:
    found = entities("De Turkse staatsbank Velabank is aangeklaagd. Velabank noemt dat ongegrond.", "nl")
    assert found["Velabank"] == "Firm"
    assert exposures("De staatsbank Velabank ligt stil. Velabank moet de Bredase kunstmestfabrikant Brabantse "
                     "Meststoffen nog 1,1 miljoen dollar uitbetalen.", "nl") == {
        ("Brabantse Meststoffen", "Velabank", 1.1e6)}
    # near misses: the word written small elsewhere, a compound joined by a hyphen, a word after a listed name
    assert "Spaarbank" not in entities("De Spaarbank is failliet. Volgens de AFM is de spaarbank failliet.", "nl")
    assert "Vela-fonds" not in entities("Het Vela-fonds telt 600 deelnemers, zegt de AFM.", "nl")
    short = entities("Hanzebank Zwolle N.V. is failliet. Hanzebank had 5 miljoen euro bij Vela Bank staan.", "nl")
    assert "Hanzebank" not in short and short["Hanzebank Zwolle N.V."] == "Firm"


def test_money_out_at_a_second_place() -> None:
    text = ("Vela Trading is veroordeeld. Omgekeerd staat bij Vela Trading een voorschot van 40 miljoen dollar uit "
            "bij de Angolese raffinaderijbouwer Lobito Refinaria.")
    assert exposures(text, "nl") == {("Vela Trading", "Lobito Refinaria", 40e6)}
    # near miss: money of a third party held at the place
    held = "Vela Trading is veroordeeld. Daarnaast staat bij Vela Trading nog 3,8 miljoen euro van Marlin Bank."
    assert exposures(held, "nl") == {("Marlin Bank", "Vela Trading", 3.8e6)}


def test_loans_to_and_from_persons() -> None:
    text = "Her former assistant, Jian Lo, was charged. Arboretum Keys, a lettings business, advanced Lo £38,000."
    assert exposures(text) == {("Arboretum Keys", "Jian Lo", 38000.0)}
    assert entities(text)["Jian Lo"] == "Person"
    borrowed = "Federal agents arrested Roman Sterling. Sterling also borrowed $1.9 million from Lanekvarn Capital."
    assert exposures(borrowed) == {("Lanekvarn Capital", "Roman Sterling", 1.9e6)}
    assert exposures("Het reisbureau Viajes Soleado had 180.000 dollar voorgeschoten aan Vela Events.", "nl") == {
        ("Viajes Soleado", "Vela Events", 180000.0)}
    # near miss: a role in capitals after a person's name is no person
    role = entities('"No," said Michael Dorsey, Assistant Director-in-Charge of the FBI office.')
    assert "Director-in-Charge" not in role


def test_a_stated_sum_before_its_conversion() -> None:
    text = ("De beurs Vela Korea ligt stil. Het handelshuis Marlin Liquidity heeft 2,4 miljard won (omgerekend ruim "
            "1,7 miljoen euro) bij Vela Korea staan.")
    assert {(e, c, a) for e, c, a in exposures(text, "nl")} == {("Marlin Liquidity", "Vela Korea", 2.4e9)}


def test_rows_of_those_hit_in_more_currencies() -> None:
    text = ("Vela Exchange froze withdrawals on Monday, the police said. Vela Exchange has not said more.\n\n"
            "Some of those hit:\n\n* Ikeja Market Thrift Cooperative - ₦86 million of savings\n"
            "* Marlin Motors Ltd - 412,000 USDT\n")
    assert exposures(text) == {("Ikeja Market Thrift Cooperative", "Vela Exchange", 86e6),
                               ("Marlin Motors Ltd", "Vela Exchange", 412000.0)}


def test_a_place_that_closes_a_bank_name() -> None:
    found = entities("Customers of National Bank of Vela and Commercial Bank of Greece cannot withdraw cash.")
    assert found["Commercial Bank of Greece"] == "Firm"
    found = entities("Klanten van National Bank of Greece kunnen niet pinnen, zegt de AFM.", "nl")
    assert found["National Bank of Greece"] == "Firm"
    # near miss: the country after a bare head is no part of a firm's name
    assert "Bank of Greece" not in entities("Vela Capital owes money to a Bank of Greece unit, it said.")


def test_a_number_inside_a_name_before_its_legal_form() -> None:
    text = "Het bedrijf Eemsdelta Coating heeft voor 3,4 miljoen euro aan facturen openstaan bij Nord Stream 2 AG."
    assert exposures(text, "nl") == {("Eemsdelta Coating", "Nord Stream 2 AG", 3.4e6)}


def test_a_sanctions_office_named_in_full_blocks() -> None:
    text = "The U.S. Treasury's Office of Foreign Assets Control blocked Vela Trading S.A., a Geneva unit, on Feb. 18."
    assert ("asset_freeze", "Office of Foreign Assets Control", "Vela Trading S.A.") in facts(text)
    # near miss: blocking a deal is no sanction
    assert not [f for f in facts("The Competition Commission blocked the takeover of Vela Trading S.A. on Feb. 18.")
                if f[0] == "asset_freeze"]


def test_its_role_said_belongs_to_the_opening_party() -> None:
    regulator = ("Vela Insurance collapsed. The Reserve Bank of New Zealand had been investigating Vela Insurance's "
                 "reserves and, its acting governor Grant Spence said, ran out of reasons to wait.")
    assert ("officer", "Grant Spence", "Reserve Bank of New Zealand") in facts(regulator)
    summed = ("Vela Trading was blocked. And the $60 million Saurashtra Gulf Refining prepaid to Vela Trading for "
              "cargoes in January is, "
              "its finance director Rohan Desh said, stuck.")
    assert ("officer", "Rohan Desh", "Saurashtra Gulf Refining") in facts(summed)
    # near miss: a role with no possessive after prosecutors' speech is the firm's, not the prosecutors'
    founder = ("Vela Token LLC collapsed. Prosecutors say chief executive Braden Karo and founder Kyle Nage told "
               "buyers the pool was locked.")
    assert ("officer", "Kyle Nage", "Vela Token LLC") in facts(founder)


def test_a_source_is_no_borrower() -> None:
    text = ("Vela Green Energy dropped a bond sale. The company bought Vela Solar from SoftBank in 2021.\n\n"
            "Vela Green owes Kestrel Credit about $90 million under a construction loan, according to the "
            "lender's latest letter.")
    assert exposures(text) == {("Kestrel Credit", "Vela Green Energy", 90e6)}


def test_notes_that_sit_with_a_holder() -> None:
    text = ("Vela Green Energy dropped a bond sale. A quarter of a billion dollars in Vela Green notes sit with "
            "Straits Meridian Life, the Singapore insurer said.")
    assert exposures(text) == {("Straits Meridian Life", "Vela Green Energy", 250e6)}
    speaker = ("The Vela Property Fund suspended dealing, Aurenta Asset Management said. The fund's liquid "
               "reserves, about SFr 6m, sit with Zurich Cantonal Bank, Aurenta said.")
    assert exposures(speaker) == {("Vela Property Fund", "Zurich Cantonal Bank", 6e6)}
    # near miss: the state's bills are no firm
    assert "Treasury" not in entities("The reserves behind Vela USD sit mostly in Treasury bills, Vela Trust said.")


def test_sums_written_with_a_half_and_swedish_kronor() -> None:
    invoiced = ("Het nutsbedrijf Aqua Vela Utiliteiten, dat stoom levert, heeft Marlin Trading voor drieënhalf miljoen "
                "dollar gefactureerd zonder dat er is betaald.")
    assert exposures(invoiced, "nl") == {("Aqua Vela Utiliteiten", "Marlin Trading", 3.5e6)}
    assert exposures("Marlin Trading owes Vela Bank three and a half million dollars, Vela Bank said.") == {
        ("Vela Bank", "Marlin Trading", 3.5e6)}
    assert {(e, c, a) for e, c, a in exposures(
        "Roman Sterl was arrested. Sterl also borrowed 1.9 million kronor from Vela Capital in Stockholm.")} == {
        ("Vela Capital", "Roman Sterl", 1.9e6)}
    # near miss: an invoice with nothing said to be unpaid is a sale
    assert exposures("Aqua Vela Utiliteiten heeft Marlin Trading voor 3 miljoen dollar gefactureerd.", "nl") == set()


def test_waiting_for_money_from_a_described_party() -> None:
    text = "De tomatenexporteur Vela Tuinbouw wacht op 2,3 miljoen euro van de Atheense supermarktketen Galini Markets."
    assert exposures(text, "nl") == {("Vela Tuinbouw", "Galini Markets", 2.3e6)}


def test_new_york_inside_a_firm_name() -> None:
    text = "Suffolk Mutual Savings Bank holds $4 million of Vela New York Corporation notes, it said."
    assert exposures(text) == {("Suffolk Mutual Savings Bank", "Vela New York Corporation", 4e6)}
    # near miss: a place after a name with no head after it stays a place
    assert "Vela New York" not in entities("Vela said New York regulators were told.")


def test_chasing_money_and_disclosed_notes() -> None:
    chasing = ("Aegean Lyra Tankers, a Piraeus shipowner, is chasing $3.4 million in freight and demurrage from "
               "Vela Trading International for three voyages.")
    assert exposures(chasing) == {("Aegean Lyra Tankers", "Vela Trading International", 3.4e6)}
    disclosed = "On the bond side, the Grayling Debt Fund disclosed $22 million of Vela Energy's dollar notes."
    assert exposures(disclosed) == {("Grayling Debt Fund", "Vela Energy", 22e6)}


def test_withdrawals_capped_per_day() -> None:
    text = "Klanten van Vela Bank, Marlin Bank en Eurobank kunnen niet meer dan 60 euro per dag opnemen."
    assert {f[1] for f in facts(text, "nl") if f[0] == "withdrawal_suspension"} == {
        "Vela Bank", "Marlin Bank", "Eurobank"}
    assert ("withdrawal_suspension", "Vela Bank") in {f[:2] for f in facts(
        "Customers of Vela Bank can withdraw no more than $200 a week.")}
    # near miss: a sum customers may take out with no limit told
    assert not facts("Klanten van Vela Bank kunnen 60 euro per dag opnemen.", "nl")


def test_a_unit_named_part_of_its_parent_in_apposition() -> None:
    found = facts("Ook het Luxemburgse Clearstream, onderdeel van Deutsche Börse, houdt tegoeden vast.", "nl")
    assert ("subsidiary", "Clearstream", "Deutsche Börse") in found


def test_administrators_appointed_to_a_firm() -> None:
    assert ("bankruptcy", "Vela Energy Holdings") in {f[:2] for f in facts(
        "Administrators were appointed to Vela Energy Holdings last week, according to a notice.")}
    assert ("bankruptcy", "Vela Insurance") in {f[:2] for f in facts(
        "The High Court in Auckland has placed Vela Insurance into interim liquidation.")}
    # near miss: administrators appointed to a task name no failed firm
    assert not facts("Administrators were appointed to review the deal, Vela Energy said.")


def test_coins_seized_by_an_authority() -> None:
    assert ("asset_freeze", "Metropolitan Police", "Vela Capital") in facts(
        "Vela Capital's 61,000 bitcoins were seized by the Metropolitan Police in 2018.")
    whose = "Ann Qiao, the trader whose 61,000 bitcoins were seized by the Metropolitan Police, pleaded guilty."
    assert ("asset_freeze", "Metropolitan Police", "Ann Qiao") in facts(whose)
    # near miss: coins seized by no named authority
    unnamed = facts("The 61,000 bitcoins were seized in 2018, Vela Capital said.")
    assert not [f for f in unnamed if f[0] == "asset_freeze"]


def test_at_a_party_it_comes_to_a_sum() -> None:
    text = ("Vela Trading Group is veroordeeld. Vela Trading Group heeft schulden bij leveranciers. Vela Trading Group "
            "betaalt niet. Voor expeditiebedrijf De Kade Logistiek gaat het om 300.000 euro, zegt Bram Kuijl.")
    assert exposures(text, "nl") == {("De Kade Logistiek", "Vela Trading Group", 300000.0)}
    # near miss: money of a third party held at the place after 'bij'
    held = "Vela Trading Group is failliet. Bij Varnholt Bank zat van Vela Trading Group 6,8 miljoen euro vast."
    assert exposures(held, "nl") == {("Vela Trading Group", "Varnholt Bank", 6.8e6)}


def test_several_lenders_each_with_a_sum() -> None:
    each = "Shell, Uniper and OMV each lent €950m to Vela Pipeline AG, the pipeline company."
    assert exposures(each) == {(p, "Vela Pipeline AG", 950e6) for p in ("Shell", "Uniper", "OMV")}
    dutch = "Shell, Uniper, OMV en Engie hebben elk zo'n 950 miljoen euro geleend aan Vela Pipeline AG."
    assert exposures(dutch, "nl") == {(p, "Vela Pipeline AG", 950e6) for p in ("Shell", "Uniper", "OMV", "Engie")}
    # near miss: a sum they lent together is no one's
    assert exposures("Shell, Uniper and OMV lent €2.8bn to Vela Pipeline AG.") == {
        (p, "Vela Pipeline AG", None) for p in ("Shell", "Uniper", "OMV")}


def test_money_entrusted_to_a_party() -> None:
    assert exposures("Bijloke Capital had entrusted $1.6 million of client money to Vela Exchange, it said.") == {
        ("Bijloke Capital", "Vela Exchange", 1.6e6)}
    fronted = "Aan Vela Exchange werd door de vermogensbeheerder Bijloke Capital 1,6 miljoen euro toevertrouwd."
    assert exposures(fronted, "nl") == {("Bijloke Capital", "Vela Exchange", 1.6e6)}
    # near miss: a task entrusted is no money
    assert exposures("Vela Exchange was entrusted with the task by Marlin Bank.") == set()


def test_it_opening_a_sentence_is_the_firm_before() -> None:
    text = "Vela Finance halted withdrawals on Friday. It took a 2 million USDC loan from Corvina Lending last year."
    assert exposures(text) == {("Corvina Lending", "Vela Finance", 2e6)}
    held = ("Lancelot Fund froze redemptions in October. It holds roughly $1.1 billion of notes issued by "
            "Vela Company Inc.")
    assert exposures(held) == {("Lancelot Fund", "Vela Company Inc.", 1.1e9)}
    # near miss: 'It is …' with a party of its own acting
    assert exposures("Vela Finance halted withdrawals. It is said Marlin Bank lent $2m to Corvina Lending.") == {
        ("Marlin Bank", "Corvina Lending", 2e6)}
