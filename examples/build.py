"""Build ``examples/ftx-case.jsonl``: one Extraction JSON line per example text.

The texts in ``examples/texts`` were written for this project; the entities and facts below were
annotated by hand. For each fact we name short cues, substrings of the sentences that state it;
this script finds those sentences, computes their character spans in the document text, checks
every line with ``casegraph.schemas.parse_line`` and writes the file. Re-running it gives the
same bytes.

    python examples/build.py [OUTPUT]      # default: examples/ftx-case.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from casegraph.schemas import content_id, parse_line

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEXTS = HERE / "texts"
DEFAULT_OUTPUT = HERE / "ftx-case.jsonl"

DATE_LINE = re.compile(r"^date (\d{4}-\d{2}(?:-\d{2})?)\n")


# -- Parties ---------------------------------------------------------------------------------------
# One record per canonical name, so every document describes a party the same way and the graph
# merges them. Per document we list only which parties occur and under which other surface forms.

PARTIES: dict[str, dict] = {
    "FTX": {"type": "Firm", "kind": "exchange"},
    "FTX Digital Markets": {"type": "Firm", "kind": "exchange", "jurisdiction": "BS"},
    "FTX US": {"type": "Firm", "kind": "exchange", "jurisdiction": "US"},
    "Alameda Research": {"type": "Firm", "kind": "trading firm"},
    "Binance": {"type": "Firm", "kind": "exchange"},
    "BlockFi": {"type": "Firm", "kind": "lender", "jurisdiction": "US"},
    "Genesis Global Trading": {"type": "Firm", "kind": "broker", "jurisdiction": "US"},
    "Genesis Global Capital": {"type": "Firm", "kind": "lender", "jurisdiction": "US"},
    "Gemini": {"type": "Firm", "kind": "exchange", "jurisdiction": "US"},
    "Digital Currency Group": {"type": "Firm", "kind": "holding company", "jurisdiction": "US"},
    "FTT": {"type": "Token", "issuer": "FTX"},
    "Securities and Exchange Commission": {"type": "Regulator", "jurisdiction": "US"},
    "Securities Commission of The Bahamas": {"type": "Regulator", "jurisdiction": "BS"},
    "Supreme Court of The Bahamas": {"type": "Court", "jurisdiction": "BS"},
    "United States Bankruptcy Court for the District of Delaware": {"type": "Court", "jurisdiction": "US"},
    "United States Bankruptcy Court for the District of New Jersey": {"type": "Court", "jurisdiction": "US"},
    "Sam Bankman-Fried": {"type": "Person"},
    "John J. Ray III": {"type": "Person"},
    "Zac Prince": {"type": "Person"},
    "Barry Silbert": {"type": "Person"},
    "Gary Gensler": {"type": "Person"},
    "Brian Simms": {"type": "Person"},
}

SEC = "Securities and Exchange Commission"
SCB = "Securities Commission of The Bahamas"
DELAWARE = "United States Bankruptcy Court for the District of Delaware"
NEW_JERSEY = "United States Bankruptcy Court for the District of New Jersey"


@dataclass
class Fact:
    """A fact's keys (as in the gold format) and the cues that pick its evidence sentences."""

    keys: dict
    cues: list[str]


@dataclass
class Doc:
    file: str
    lang: str
    parties: dict[str, list[str]]  # canonical name -> aliases used in this text
    facts: list[Fact] = field(default_factory=list)


def fact(type_: str, cues: str | list[str], **keys) -> Fact:
    return Fact({"type": type_, **keys}, [cues] if isinstance(cues, str) else cues)


DOCS: list[Doc] = [
    Doc("bahamas-fdm-en.txt", "en", {
        SCB: [],
        "FTX Digital Markets": ["FTX Digital Markets Ltd."],
        "FTX": [],
        "Supreme Court of The Bahamas": [],
        "Brian Simms": ["Brian Simms KC"],
    }, [
        fact("asset_freeze", "has frozen the assets of FTX Digital Markets", authority=SCB,
             target="FTX Digital Markets", date="2022-11-10"),
        fact("subsidiary", "the Bahamian subsidiary of FTX", child="FTX Digital Markets", parent="FTX"),
        fact("bankruptcy", "placed FTX Digital Markets in provisional liquidation",
             court="Supreme Court of The Bahamas", firm="FTX Digital Markets", status="provisional liquidation",
             date="2022-11-10"),
        fact("officer", ["placed FTX Digital Markets in provisional liquidation", "appointed Brian Simms KC"],
             person="Brian Simms", org="FTX Digital Markets", role="provisional liquidator"),
    ]),
    Doc("ftx-run-nl.txt", "nl", {
        "FTX": [],
        SCB: [],
        "FTX Digital Markets": [],
        SEC: ["SEC"],
        "Binance": [],
        "BlockFi": [],
        "Genesis Global Trading": ["Genesis Trading"],
        "Sam Bankman-Fried": ["Bankman-Fried"],
        "FTT": [],
    }, [
        fact("withdrawal_suspension", "waarna FTX de opnames stillegde", firm="FTX"),
        fact("asset_freeze", "de bezittingen van FTX Digital Markets bevroren", authority=SCB,
             target="FTX Digital Markets", date="2022-11-10"),
        fact("subsidiary", ["de bezittingen van FTX Digital Markets bevroren", "de dochteronderneming van FTX"],
             child="FTX Digital Markets", parent="FTX"),
        fact("investigation", "onderzoekt de Securities and Exchange Commission", authority=SEC,
             subject="Sam Bankman-Fried"),
        fact("acquisition", "de overname van FTX door concurrent Binance ging niet door", acquirer="Binance",
             target="FTX", status="failed"),
        fact("withdrawal_suspension", "BlockFi pauzeert de uitbetalingen", firm="BlockFi"),
        fact("exposure", "175 miljoen dollar vergrendeld", exposed="Genesis Global Trading", counterparty="FTX",
             amount=175_000_000, currency="USD", kind="locked funds"),
        fact("officer", "FTX-topman Sam Bankman-Fried", person="Sam Bankman-Fried", org="FTX", role="topman"),
    ]),
    Doc("ftx-bankruptcy-en.txt", "en", {
        "FTX": ["FTX Trading Ltd."],
        DELAWARE: [],
        "Alameda Research": ["Alameda Research Ltd."],
        "FTX US": ["West Realm Shires Services Inc."],
        "Sam Bankman-Fried": [],
        "John J. Ray III": ["Ray"],
        "FTX Digital Markets": [],
    }, [
        fact("bankruptcy", "about 130 affiliated companies have begun voluntary proceedings", court=DELAWARE,
             firm="FTX", status="Chapter 11", date="2022-11-11"),
        fact("bankruptcy", ["about 130 affiliated companies have begun voluntary proceedings",
                            "Among the companies in the filing are Alameda Research"],
             court=DELAWARE, firm="Alameda Research", status="Chapter 11", date="2022-11-11"),
        fact("bankruptcy", ["about 130 affiliated companies have begun voluntary proceedings",
                            "Among the companies in the filing are Alameda Research"],
             court=DELAWARE, firm="FTX US", status="Chapter 11", date="2022-11-11"),
        fact("officer", "the trading firm co-founded by Sam Bankman-Fried", person="Sam Bankman-Fried",
             org="Alameda Research", role="co-founder"),
        fact("subsidiary", "the American arm of FTX", child="FTX US", parent="FTX"),
        fact("officer", "has been appointed chief executive officer of FTX", person="John J. Ray III", org="FTX",
             role="chief executive officer"),
        fact("officer", "has stepped down as chief executive", person="Sam Bankman-Fried", org="FTX",
             role="former CEO"),
        fact("subsidiary", "the FTX subsidiary in The Bahamas", child="FTX Digital Markets", parent="FTX"),
    ]),
    Doc("blockfi-nl.txt", "nl", {
        "BlockFi": [],
        NEW_JERSEY: ["faillissementsrechtbank in New Jersey"],
        "FTX": [],
        "Alameda Research": [],
        "Sam Bankman-Fried": [],
        "FTX US": [],
        "Zac Prince": [],
    }, [
        fact("bankruptcy", ["faillissementsbescherming aangevraagd onder Chapter 11", "De aanvraag is ingediend"],
             court=NEW_JERSEY, firm="BlockFi", status="Chapter 11", date="2022-11-28"),
        fact("bankruptcy", "die ruim twee weken eerder zelf failliet ging", firm="FTX"),
        fact("exposure", "een aanzienlijke blootstelling aan FTX", exposed="BlockFi", counterparty="FTX",
             kind="funds on platform"),
        fact("exposure", "geld van BlockFi geleend", exposed="BlockFi", counterparty="Alameda Research",
             kind="loan"),
        fact("officer", "FTX-oprichter Sam Bankman-Fried", person="Sam Bankman-Fried", org="FTX",
             role="oprichter"),
        fact("withdrawal_suspension", "pauzeerde BlockFi al de uitbetalingen", firm="BlockFi", date="2022-11-10"),
        fact("exposure", "een kredietlijn van 400 miljoen dollar", exposed="FTX US", counterparty="BlockFi",
             amount=400_000_000, currency="USD", kind="credit line", date="2022-07"),
        fact("subsidiary", "FTX US is de Amerikaanse tak van FTX", child="FTX US", parent="FTX"),
        fact("acquisition", ["een optie voor FTX US om BlockFi later over te nemen", "Die overname is"],
             acquirer="FTX US", target="BlockFi", status="failed", date="2022-07"),
        fact("officer", "Topman van BlockFi is Zac Prince", person="Zac Prince", org="BlockFi", role="topman"),
    ]),
    Doc("genesis-gemini-en.txt", "en", {
        SEC: ["SEC"],
        "Genesis Global Capital": ["Genesis Global Capital, LLC", "Genesis"],
        "Gemini": ["Gemini Trust Company, LLC"],
        "FTX": [],
        "Digital Currency Group": ["DCG"],
        "Barry Silbert": [],
        "Genesis Global Trading": [],
        "Gary Gensler": [],
    }, [
        fact("charge", ["brought charges against Genesis Global Capital", "sold unregistered securities"],
             authority=SEC, subject="Genesis Global Capital", kind="lawsuit", date="2023-01-12"),
        fact("charge", ["brought charges against Genesis Global Capital", "sold unregistered securities"],
             authority=SEC, subject="Gemini", kind="lawsuit", date="2023-01-12"),
        fact("withdrawal_suspension", "stopped letting its lenders withdraw", firm="Genesis Global Capital",
             date="2022-11"),
        fact("exposure", ["lent their crypto assets to Genesis", "about 900 million dollars"], exposed="Gemini",
             counterparty="Genesis Global Capital", amount=900_000_000, currency="USD",
             kind="customer assets lent"),
        fact("subsidiary", "which is owned by Digital Currency Group", child="Genesis Global Capital",
             parent="Digital Currency Group"),
        fact("officer", "Barry Silbert is the founder", person="Barry Silbert", org="Digital Currency Group",
             role="founder and chief executive"),
        fact("subsidiary", "another DCG subsidiary", child="Genesis Global Trading", parent="Digital Currency Group"),
        fact("exposure", "about 175 million dollars was locked", exposed="Genesis Global Trading",
             counterparty="FTX", amount=175_000_000, currency="USD", kind="locked funds", as_of="2022-11"),
        fact("officer", "SEC chair Gary Gensler", person="Gary Gensler", org=SEC, role="chair"),
    ]),
]

ROLE_KEYS = {
    "asset_freeze": ("authority", "target"), "investigation": ("authority", "subject"),
    "charge": ("authority", "subject"), "bankruptcy": ("court", "firm"),
    "withdrawal_suspension": ("authority", "firm"), "acquisition": ("acquirer", "target"),
    "exposure": ("exposed", "counterparty"), "officer": ("person", "org"), "subsidiary": ("child", "parent"),
}


# -- Text handling ---------------------------------------------------------------------------------

def read_document(path: Path) -> tuple[str | None, str]:
    """(date, text): the text is the file content without a leading ``date YYYY-MM[-DD]`` line."""
    content = path.read_bytes().decode("utf-8")
    match = DATE_LINE.match(content)
    return (match.group(1), content[match.end():]) if match else (None, content)


ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Ltd", "Inc", "Co", "Corp", "St", "No", "Jr", "Sr", "vs"})
BOUNDARY = re.compile(r"[.!?]+[\"”’)]*(?=\s)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: every line is split at ., ! or ? before a capital or digit, abbreviations excepted."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for match in BOUNDARY.finditer(text, line.start(), line.end()):
            rest = text[match.end():line.end()].lstrip()
            word = re.search(r"([\w.]*)$", text[start:match.start()]).group(1)
            if not rest or not (rest[0].isupper() or rest[0].isdigit()):
                continue
            if word in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
                continue
            spans.append((start, match.end()))
            start = match.end() + (len(text[match.end():line.end()]) - len(rest))
        if text[start:line.end()].strip():
            spans.append((start, start + len(text[start:line.end()].rstrip())))
    return spans


def mentions(text: str, parties: dict[str, list[str]]) -> dict[str, list[int]]:
    """Start offsets of each party's surface forms; a form inside a longer form of any party is not one."""
    forms = sorted(((form, name) for name, aliases in parties.items() for form in (name, *aliases)),
                   key=lambda item: (-len(item[0]), item[0]))
    taken = [False] * len(text)
    found: dict[str, list[int]] = {name: [] for name in parties}
    for form, name in forms:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(taken[match.start():match.end()]):
                continue
            taken[match.start():match.end()] = [True] * (match.end() - match.start())
            found[name].append(match.start())
    return {name: sorted(starts) for name, starts in found.items()}


def evidence(text: str, span: tuple[int, int]) -> dict:
    start, end = span
    return {"sentence": text[start:end], "start": start, "end": end, "extractor": "manual", "confidence": 1.0}


# -- Building --------------------------------------------------------------------------------------

def build_record(doc: Doc) -> dict:
    path = TEXTS / doc.file
    source = path.relative_to(ROOT).as_posix()
    date, text = read_document(path)
    spans = sentences(text)

    def sentence_of(offset: int) -> tuple[int, int]:
        return next(span for span in spans if span[0] <= offset < span[1])

    def cue_span(cue: str) -> tuple[int, int]:
        hits = [span for span in spans if cue in text[span[0]:span[1]]]
        if len(hits) != 1:
            raise SystemExit(f"{source}: cue {cue!r} is in {len(hits)} sentences, not 1")
        return hits[0]

    found = mentions(text, doc.parties)
    entities = []
    for name, aliases in doc.parties.items():
        for alias in aliases:
            if alias not in text:
                raise SystemExit(f"{source}: alias {alias!r} of {name!r} is not in the text")
        if not found[name]:
            raise SystemExit(f"{source}: {name!r} is not mentioned")
        entity = {"name": name, "type": PARTIES[name]["type"], "aliases": aliases}
        entity.update({k: v for k, v in PARTIES[name].items() if k != "type"})
        entity["evidence"] = [evidence(text, sentence_of(found[name][0]))]
        entities.append(entity)

    facts = []
    for item in doc.facts:
        chosen = sorted({cue_span(cue) for cue in item.cues})
        for role in ROLE_KEYS[item.keys["type"]]:
            name = item.keys.get(role)
            if name and not any(chosen_start <= offset < chosen_end for offset in found[name]
                                for chosen_start, chosen_end in chosen):
                raise SystemExit(f"{source}: {item.keys['type']} names {name!r}, not in its evidence")
        facts.append({**item.keys, "evidence": [evidence(text, span) for span in chosen]})

    title = text[spans[0][0]:spans[0][1]]
    document = {"id": content_id(text), "source": source, "title": title, "date": date, "lang": doc.lang}
    return {"id": source, "document": document, "entities": entities, "facts": facts}


def build() -> str:
    lines = []
    for doc in DOCS:
        line = json.dumps(build_record(doc), ensure_ascii=False)
        parse_line(line)  # raises on anything the schema rejects
        lines.append(line)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    data = build()
    output.write_bytes(data.encode("utf-8"))
    print(f"wrote {len(DOCS)} documents to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
