"""Facts as finance news states them (issue 8), on sentences of our own in English and Dutch; each
rule with a near miss that must not fire. Direction matters: the party whose money is at risk is
the exposed one."""

from __future__ import annotations

import pytest

from casegraph.loaders.extract import Meta, extract

LEGAL = {"plc", "Ltd", "AG", "NV", "BV", "LLP"}


def short(name: str | None) -> str | None:
    """The name without its legal form: the tests name parties as a reader would."""
    return " ".join(w for w in name.split() if w.rstrip(".,") not in LEGAL) if name else name


def run(text: str, lang: str):
    return extract(text, Meta(id="t", lang=lang, date="2023-03-10"))


def exposures(text: str, lang: str) -> dict[tuple[str, str], float | None]:
    return {(short(f.exposed), short(f.counterparty)): f.amount for f in run(text, lang).facts if f.type == "exposure"}


def facts(text: str, lang: str, type_: str) -> set[tuple]:
    out = set()
    for fact in run(text, lang).facts:
        if fact.type == type_:
            roles = tuple(short(getattr(fact, r)) for r in fact.roles if getattr(fact, r))
            out.add((*roles, getattr(fact, "status", None) or getattr(fact, "kind", None)))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "pair", "amount"),
    [
        (
            "Harwick Bank plc said it had lent $48 million to Corvane Capital Ltd.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            48e6,
        ),
        ("Corvane Capital Ltd owes Harwick Bank plc $310 million.", "en", ("Harwick Bank", "Corvane Capital"), 310e6),
        (
            "Harwick Bank plc is owed about $1.2 billion by Corvane Capital Ltd.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            1.2e9,
        ),
        (
            "Harwick Bank plc had £6.5m deposited at Corvane Capital Ltd, its finance director said.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            6.5e6,
        ),
        ("Harwick Bank plc lost $3 billion on Corvane Capital Ltd.", "en", ("Harwick Bank", "Corvane Capital"), 3e9),
        (
            "Harwick Bank plc said $3.3 billion of its $40 billion in reserves were held at Corvane Capital Ltd.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            3.3e9,
        ),
        (
            "Harwick Bank plc has a 2.33 billion euro ($3.05 billion) exposure to Corvane Capital Ltd.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            2.33e9,
        ),
        (
            "Corvane Capital Ltd's $140m loan from Harwick Bank plc is in default.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            140e6,
        ),
        (
            "Harwick Bank plc invested $2.1 billion with Corvane Capital Ltd.",
            "en",
            ("Harwick Bank", "Corvane Capital"),
            2.1e9,
        ),
        (
            "Corvane Capital BV is Harwick Bank NV nog 12 miljoen euro verschuldigd.",
            "nl",
            ("Harwick Bank", "Corvane Capital"),
            12e6,
        ),
        (
            "Harwick Bank NV had 7,5 miljoen euro ondergebracht bij Corvane Capital BV.",
            "nl",
            ("Harwick Bank", "Corvane Capital"),
            7.5e6,
        ),
        (
            "Harwick Bank NV heeft 45 miljoen dollar op rekening bij Corvane Capital BV staan.",
            "nl",
            ("Harwick Bank", "Corvane Capital"),
            45e6,
        ),
        (
            "Harwick Bank NV leed een verlies van 40 miljoen euro op Corvane Capital BV.",
            "nl",
            ("Harwick Bank", "Corvane Capital"),
            40e6,
        ),
        (
            "Harwick Bank NV leende 1,3 miljard euro aan Corvane Capital BV.",
            "nl",
            ("Harwick Bank", "Corvane Capital"),
            1.3e9,
        ),
    ],
)
def test_exposure_forms(text: str, lang: str, pair: tuple[str, str], amount: float) -> None:
    found = exposures(text, lang)
    assert found.get(pair) == pytest.approx(amount), found
    assert pair[::-1] not in found  # never the other way round


def test_exposure_list_gives_each_its_sum() -> None:
    found = exposures(
        "Harwick Bank plc said it had lent $48 million to Corvane Capital Ltd and $5 million to Ostmark Trading Ltd.",
        "en",
    )
    assert found[("Harwick Bank", "Corvane Capital")] == pytest.approx(48e6)
    assert found[("Harwick Bank", "Ostmark Trading")] == pytest.approx(5e6)


def test_exposure_group_total_has_no_amount() -> None:
    found = exposures("Harwick Bank plc is owed $1 billion by Corvane Capital Ltd and Ostmark Trading Ltd.", "en")
    assert found.get(("Harwick Bank", "Corvane Capital"), "missing") is None
    assert found.get(("Harwick Bank", "Ostmark Trading"), "missing") is None


def test_exposure_creditor_table() -> None:
    text = (
        "Corvane Capital Ltd owes its lenders about EUR1.7bn. The largest amounts:\n\n"
        "Harwick Bank AG ............ EUR 200m\n"
        "Ostmark Trading AG .......... EUR 150m\n\n"
        "Harwick Bank AG and Ostmark Trading AG declined to comment."
    )
    found = exposures(text, "en")
    assert found[("Harwick Bank", "Corvane Capital")] == pytest.approx(200e6)
    assert found[("Ostmark Trading", "Corvane Capital")] == pytest.approx(150e6)


def test_loss_when_the_counterparty_defaulted() -> None:
    found = exposures(
        "In 2021 verloor Harwick Bank NV ongeveer 5,5 miljard dollar toen Corvane Capital BV in gebreke bleef.", "nl"
    )
    assert found[("Harwick Bank", "Corvane Capital")] == pytest.approx(5.5e9)


def test_exposure_near_misses() -> None:
    # "no exposure", a loss *for* a party, and funds placed into administration are no exposure
    assert not exposures("Harwick Bank plc said it had no exposure to Corvane Capital Ltd.", "en")
    assert not exposures("Corvane Capital BV ging failliet, met miljoenen aan verlies voor Harwick Bank NV.", "nl")
    assert not exposures(
        "Corvane Capital Ltd was placed into administration with Harwick Advisory LLP appointed.", "en"
    )


def test_sanctions_and_freezes() -> None:
    text = "The UK government has slapped an asset freeze on Corvane Capital Ltd's owner Olav Brenner."
    assert any(f[1] == "Olav Brenner" for f in facts(text, "en", "asset_freeze"))
    assert not any(f[1] == "Corvane Capital" for f in facts(text, "en", "asset_freeze"))
    text = (
        "The UK government froze the assets of Corvane Capital Ltd. "
        "Also on the list were Ostmark Trading Ltd and Harwick Bank plc."
    )
    targets = {f[1] for f in facts(text, "en", "asset_freeze")}
    assert targets == {"Corvane Capital", "Ostmark Trading", "Harwick Bank"}
    # a freeze nobody ordered is no fact
    assert not facts("Assets of Corvane Capital Ltd were seized in Spain.", "en", "asset_freeze")


def test_fund_suspensions() -> None:
    assert {
        f[0]
        for f in facts(
            "Harwick Investments Ltd suspended dealing in its £1.8bn property fund.", "en", "withdrawal_suspension"
        )
    } == {"Harwick Investments"}
    assert {
        f[0]
        for f in facts(
            "De toezichthouder plaatste Corvane Bank NV onder een noodregeling.", "nl", "withdrawal_suspension"
        )
    } == {"Corvane Bank"}
    assert not facts("Trading in Harwick Investments Ltd shares resumed on Monday.", "en", "withdrawal_suspension")


def test_acquisition_directions() -> None:
    found = facts("Corvane Bank plc was taken over by Harwick Group plc last year.", "en", "acquisition")
    assert ("Harwick Group", "Corvane Bank", "completed") in found
    found = facts("Corvane Capital BV: overname door Harwick Group NV afgeblazen.", "nl", "acquisition")
    assert found == {("Harwick Group", "Corvane Capital", "failed")}  # one direction only
    assert not facts("Harwick Group NV kocht vorig jaar obligaties van Corvane Capital BV.", "nl", "acquisition")


def test_payment_to_an_authority_is_a_fine() -> None:
    found = facts("Corvane Bank AG will pay $413 million to the SEC.", "en", "charge")
    assert ("Securities and Exchange Commission", "Corvane Bank", "fine") in found
    found = facts("Corvane Bank NV betaalde 775 miljoen euro aan het Openbaar Ministerie.", "nl", "charge")
    assert ("Openbaar Ministerie", "Corvane Bank", "fine") in found
