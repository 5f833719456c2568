"""CSV templates: an exposure book and a party list, each known by its header row.

    creditor,debtor,amount,currency,as_of,kind,source      (exposure book)
    name,type,country,lei,aliases                          (party list; aliases separated by ;)

A file is one document and each row one evidence sentence (the row as written), so every
exposure says which file and line it came from. A wrong header is one error naming the missing
and unknown columns; a bad row is a ``file:line`` error and the good rows load.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from casegraph.loaders.reading import Input
from casegraph.loaders.registry import Loader
from casegraph.loaders.result import Loaded
from casegraph.schemas import Document, Entity, Evidence, Exposure, Extraction, PartyType, content_id

SCREENING_COLUMNS = {"name", "lei", "id"}  # casegraph screen's counterparty list: not loaded
CSV_SUFFIXES = {".csv", ".tsv"}


@dataclass(frozen=True)
class Template:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    row: Callable[[dict[str, str]], tuple[list[Entity], list[Any]]]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    def problems(self, header: list[str]) -> str | None:
        missing = [c for c in self.required if c not in header]
        unknown = [c for c in header if c not in self.columns]
        if not missing and not unknown:
            return None
        said = [f"missing {', '.join(missing)}" if missing else "", f"unknown {', '.join(unknown)}" if unknown else ""]
        return (f"header is no {self.name}: {'; '.join(s for s in said if s)} "
                f"(columns: {', '.join(self.columns)})")


class RowError(ValueError):
    pass


def _amount(text: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise RowError(f"amount {text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise RowError(f"amount {text!r} is not a finite amount of zero or more")
    return value


def _party(name: str, type_: str = "Firm", **attrs: Any) -> Entity:
    try:
        kind = PartyType(type_.strip().capitalize())
    except ValueError:
        raise RowError(f"type {type_!r} is none of {', '.join(t.value for t in PartyType)}") from None
    return Entity(name=name, type=kind, **{k: v for k, v in attrs.items() if v})


def _exposure_row(row: dict[str, str]) -> tuple[list[Entity], list[Any]]:
    creditor, debtor = row["creditor"], row["debtor"]
    if not creditor or not debtor:
        raise RowError("creditor and debtor are required")
    fact = Exposure(exposed=creditor, counterparty=debtor, amount=_amount(row.get("amount", "")),
                    currency=(row.get("currency") or "").upper() or None, kind=row.get("kind") or None,
                    as_of=row.get("as_of") or None)
    return [_party(creditor), _party(debtor)], [fact]


def _party_row(row: dict[str, str]) -> tuple[list[Entity], list[Any]]:
    if not row["name"] or not row["type"]:
        raise RowError("name and type are required")
    aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
    return [_party(row["name"], row["type"], aliases=aliases, jurisdiction=(row.get("country") or "").upper(),
                   lei=(row.get("lei") or "").upper())], []


EXPOSURES = Template("exposure book", ("creditor", "debtor"), ("amount", "currency", "as_of", "kind", "source"),
                     _exposure_row)
PARTIES = Template("party list", ("name", "type"), ("country", "lei", "aliases"), _party_row)
TEMPLATES = (EXPOSURES, PARTIES)


def template_of(source: Input) -> Template | None:
    """The template a CSV's header is meant for: the one sharing a required column, most columns first."""
    header = source.header
    if source.suffix not in CSV_SUFFIXES or not header or set(header) <= SCREENING_COLUMNS:
        return None
    scored = [(len(set(header) & set(t.columns)), t) for t in TEMPLATES if set(header) & set(t.required)]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def why_not(source: Input) -> str:
    header = source.header
    if header and set(header) <= SCREENING_COLUMNS:
        return "a counterparty list (name, lei, id) for `casegraph screen`, not loaded"
    return ("CSV header matches no template (exposure book: " + ",".join(EXPOSURES.columns)
            + "; party list: " + ",".join(PARTIES.columns) + ")")


def read_book(source: Input, template: Template | None = None) -> Iterator[Loaded]:
    template = template or template_of(source) or EXPOSURES
    lines = list(source.lines())
    text = "".join(line or "" for _, line in lines)
    delimiter = "\t" if source.suffix == ".tsv" else ","
    reader = csv.reader((line or "" for _, line in lines), delimiter=delimiter)
    try:
        header = [c.strip().lower() for c in next(reader)]
    except (StopIteration, csv.Error):
        yield Loaded(source.name, error="empty")
        return
    if problem := template.problems(header):
        yield Loaded(source.name, error=problem)
        return
    document = Document(id=content_id(text), source=source.name, title=f"{template.name} {source.name}")
    entities: dict[tuple[str, str], Entity] = {}
    facts: list[Any] = []
    offset = len(lines[0][1] or "")
    for number, line in lines[1:]:
        start, offset = offset, offset + len(line or "")
        where = f"{source.name}:{number}"
        if line is None:
            yield Loaded(where, error="line too long or not UTF-8")
            continue
        if not line.strip():
            continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter))
            if len(cells) != len(header):
                raise RowError(f"{len(cells)} cells for {len(header)} columns")
            row_entities, row_facts = template.row({h: c.strip() for h, c in zip(header, cells, strict=True)})
        except (RowError, csv.Error) as error:
            yield Loaded(where, error=str(error))
            continue
        except ValidationError as error:
            first = error.errors()[0]
            yield Loaded(where, error=f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}")
            continue
        evidence = Evidence(sentence=line.rstrip("\r\n"), start=start, end=start + len(line.rstrip("\r\n")),
                            extractor=f"csv:{template.name.replace(' ', '_')}")
        for entity in row_entities:
            key = (entity.type.value, entity.id)
            known = entities.setdefault(key, entity.model_copy(update={"evidence": []}))
            known.evidence.append(evidence)
            known.aliases = list(dict.fromkeys([*known.aliases, *entity.aliases]))
        for fact in row_facts:
            fact.evidence = [evidence]
            facts.append(fact)
    if entities:
        yield Loaded(source.name, Extraction(id=source.name, document=document, entities=list(entities.values()),
                                             facts=facts))


LOADERS = [
    Loader("csv-exposures", "CSV exposure book: " + ",".join(EXPOSURES.columns),
           lambda s: template_of(s) is EXPOSURES, lambda s: read_book(s, EXPOSURES)),
    Loader("csv-parties", "CSV party list: " + ",".join(PARTIES.columns),
           lambda s: template_of(s) is PARTIES, lambda s: read_book(s, PARTIES)),
]
