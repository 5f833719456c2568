"""Reading inputs: file kinds, metadata, and one-line errors that let the rest go on."""

from __future__ import annotations

import json

from casegraph.loaders.documents import extract_bytes
from casegraph.loaders.language import detect


def _pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (offsets computed, so any reader accepts it)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_binary_file_is_an_error() -> None:
    [item] = extract_bytes(b"\x00\x01\x02garbage\x00" * 10, "blob.bin")
    assert item.error == "binary file"


def test_empty_file_is_an_error() -> None:
    [item] = extract_bytes(b"   \n", "empty.txt")
    assert item.error == "empty"


def test_non_utf8_text_is_an_error() -> None:
    [item] = extract_bytes("Bürgerbank ging failliet".encode("latin-1"), "old.txt")
    assert item.error and item.error.startswith("not UTF-8 text")
    assert "\n" not in item.error


def test_corpus_with_one_bad_line_goes_on() -> None:
    good = {
        "id": "a",
        "url": None,
        "date": "2023-01",
        "lang": "en",
        "text": "Lender Quarkbit Finance filed for bankruptcy on Monday.",
    }
    data = "\n".join([json.dumps(good), "{not json", json.dumps({**good, "id": "b"})]).encode()
    items = list(extract_bytes(data, "c.jsonl"))
    assert [i.source for i in items] == ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3"]
    assert items[1].error and items[1].error.startswith("not JSON")
    assert items[0].extraction.id == "a" and items[2].extraction.id == "b"
    assert items[0].extraction.document.date == "2023-01"
    assert [f.type for f in items[0].extraction.facts] == ["bankruptcy"]


def test_text_file_with_leading_date_line() -> None:
    text = "date 2022-11-18\nThe crypto lender Zorvex Capital paused withdrawals on Wednesday."
    [item] = extract_bytes(text.encode(), "notes/zorvex.txt")
    extraction = item.extraction
    assert extraction.id == "notes/zorvex.txt"
    assert extraction.document.date == "2022-11-18"
    assert extraction.document.lang == "en"
    [fact] = extraction.facts
    assert fact.type == "withdrawal_suspension" and fact.date == "2022-11-16"
    assert extraction.document.id and len(extraction.document.id) == 64


def test_html_main_text_and_metadata() -> None:
    page = """<!doctype html><html><head><title>Exchange in trouble</title>
    <meta property="og:url" content="https://news.example/x"><meta name="date" content="2023-02-01"></head>
    <body><nav>Home | Markets | About</nav><article><h1>Exchange in trouble</h1>
    <p>The Ontario Securities Commission froze the assets of the exchange Plonkbit Markets on Tuesday,
    the regulator said in a statement published this morning.</p>
    <p>Customers of Plonkbit Markets have been unable to reach the company since the weekend.</p></article>
    <footer>Copyright</footer></body></html>"""
    [item] = extract_bytes(page.encode(), "page.html")
    extraction = item.extraction
    assert extraction.document.title == "Exchange in trouble"
    assert extraction.document.url == "https://news.example/x"
    assert "Home | Markets" not in " ".join(e.evidence[0].sentence for e in extraction.entities)
    [fact] = [f for f in extraction.facts if f.type == "asset_freeze"]
    assert fact.authority == "Ontario Securities Commission" and fact.target == "Plonkbit Markets"


def test_pdf_text_layer() -> None:
    [item] = extract_bytes(_pdf("The exchange Quillex Trading filed for bankruptcy."), "filing.pdf")
    assert item.error is None, item.error
    assert [f.type for f in item.extraction.facts] == ["bankruptcy"]


def test_pdf_without_text_layer_is_an_error() -> None:
    data = _pdf("").replace(b"() Tj", b"")
    [item] = extract_bytes(data, "scan.pdf")
    assert item.error == "PDF has no text layer"


def test_language_detection() -> None:
    assert detect("De toezichthouder heeft de bezittingen van het bedrijf bevroren.") == "nl"
    assert detect("The regulator froze the assets of the company last week.") == "en"
