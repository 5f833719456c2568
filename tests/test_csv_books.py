"""CSV templates: exposure books and party lists, known by their header; one line for a wrong
header, ``file:line`` for a bad row, the good rows loaded."""

from __future__ import annotations

import json

from casegraph.graph import write_extractions
from casegraph.loaders import Reading
from casegraph.queries import run

BOOK = """creditor,debtor,amount,currency,as_of,kind,source
Quarkbit Finance,Zorvex Capital,"1,500,000",usd,2023-06-30,loan,book 2023-Q2
Quarkbit Finance,Plonkbit Markets,abc,USD,2023-06-30,deposit,book 2023-Q2
Zorvex Capital,Plonkbit Markets,250000,EUR,2023-06,deposit,
Quarkbit Finance,,5,USD,2023-06-30,loan,
Zorvex Capital,Lintel Partners,100,USD,30/06/2023,loan,
Lintel Partners,Zorvex Capital,NaN,USD,,loan,
"""
PARTIES = """name,type,country,lei,aliases
Quarkbit Finance Ltd,firm,mt,,Quarkbit;QBF
Ivan Petrenko,Person,ru,,
Nobody,Spaceship,,,
Zorvex Capital,Firm,gb,NOTALEI,
"""


def load(store, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    reading = Reading()
    return write_extractions(store, reading.load([str(path)])), reading, path


def test_exposure_book_loads_good_rows_and_names_bad_lines(store, tmp_path):
    report, reading, path = load(store, tmp_path, "book.csv", BOOK)
    assert dict(reading.taken) == {"csv-exposures": 1} and report.documents == 1
    assert [str(f) for f in report.failed] == [
        f"{path}:3: amount 'abc' is not a number",
        f"{path}:5: creditor and debtor are required",
        f"{path}:6: as_of: String should match pattern '^\\d{{4}}(-\\d{{2}}(-\\d{{2}})?)?$'",
        f"{path}:7: amount 'NaN' is not a finite amount of zero or more",
    ]
    chains = run(store, "exposure", name="Plonkbit Markets")
    assert sorted((c["party"], c["depth"]) for c in chains) == [("Quarkbit Finance", 2), ("Zorvex Capital", 1)]
    _, edges = store.dump()
    [loan] = [e for e in edges if e.type == "EXPOSED_TO" and e.dst == "firm:zorvex-capital"]
    assert (loan.props["amount"], loan.props["currency"], loan.props["kind"], loan.props["as_of"]) == (
        1_500_000, "USD", "loan", "2023-06-30")
    [evidence] = [json.loads(e) for e in loan.props["evidence"]]
    assert evidence["sentence"] == 'Quarkbit Finance,Zorvex Capital,"1,500,000",usd,2023-06-30,loan,book 2023-Q2'
    assert BOOK[evidence["start"]:evidence["end"]] == evidence["sentence"]


def test_party_list_loads_names_types_countries_and_aliases(store, tmp_path):
    report, reading, path = load(store, tmp_path, "parties.csv", PARTIES)
    assert dict(reading.taken) == {"csv-parties": 1}
    assert [str(f) for f in report.failed] == [
        f"{path}:4: type 'Spaceship' is none of Firm, Regulator, Prosecutor, Court, Government, Person, Token",
        f"{path}:5: lei: String should match pattern '^[A-Z0-9]{{18}}[0-9]{{2}}$'",
    ]
    nodes, _ = store.dump()
    parties = {n.id: n for n in nodes if n.label != "Document"}
    assert set(parties) == {"firm:quarkbit-finance", "person:ivan-petrenko"}
    assert parties["firm:quarkbit-finance"].props["aliases"] == ["Quarkbit Finance Ltd", "Quarkbit", "QBF"]
    assert parties["firm:quarkbit-finance"].props["jurisdiction"] == "MT"


def test_a_wrong_header_is_one_line_naming_missing_and_unknown_columns(embedded_store, tmp_path):
    report, _, path = load(embedded_store, tmp_path, "book.csv", "creditor,amount,currency,rate\nA,1,USD,2\n")
    assert [str(f) for f in report.failed] == [
        f"{path}: header is no exposure book: missing debtor; unknown rate "
        "(columns: creditor, debtor, amount, currency, as_of, kind, source)"]
    report, _, path = load(embedded_store, tmp_path, "parties.csv", "name,type,countri\nA,Firm,NL\n")
    assert [str(f) for f in report.failed] == [
        f"{path}: header is no party list: unknown countri (columns: name, type, country, lei, aliases)"]
    assert embedded_store.stats().as_dict()["nodes"] == 0


def test_a_csv_of_no_template_is_skipped_with_its_reason(embedded_store, tmp_path):
    _, reading, path = load(embedded_store, tmp_path, "list.csv", "name,lei,id\nFTX Trading Ltd,,cp-1\n")
    assert reading.skipped == [(str(path), "a counterparty list (name, lei, id) for `casegraph screen`, not loaded")]
    _, reading, path = load(embedded_store, tmp_path, "prices.csv", "date,close\n2023-01-01,3\n")
    assert reading.skipped[0][1].startswith("CSV header matches no template")


def test_reloading_a_book_changes_nothing(store, tmp_path):
    load(store, tmp_path, "book.csv", BOOK)
    first = store.dump()
    load(store, tmp_path, "book.csv", BOOK)
    assert store.dump() == first
