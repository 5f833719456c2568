"""FollowTheMoney entity streams (OpenSanctions ``entities.ftm.json``, Aleph exports) -> Extractions.

Each FtM record becomes one document (its id is the hash of the record, so a reload changes
nothing; ``ftm_id``, ``datasets``, ``first_seen``, ``last_seen`` and the source url are kept on
it), so every fact says which record it came from. Parties get the ids news parties get (type and
normalised name), so an OpenSanctions company and the same firm in the news are one node.

    Company, Organization, LegalEntity (and their kinds) -> Firm; PublicBody -> Government; Person
    Ownership    owner -> asset: SUBSIDIARY_OF {percentage} when the owner is an organisation
                 holding 50 % or more (or an unstated share); OFFICER_OF {role: owner} for a person
    Directorship, Employment -> OFFICER_OF {role}
    Sanction     -> AssetFreeze by its authority against the entity {program, date, end_date}
    Debt, Payment -> EXPOSED_TO (creditor -> debtor, payer -> beneficiary) {amount, currency}

Interval records (the last four) name their parties by FtM id, anywhere in the file: they are
spooled to a temporary file and read once every party is known, with the id -> party map in a
temporary SQLite file, so memory stays flat however long the stream. Records of other schemata,
and minority stakes, are counted and reported in one note.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casegraph.loaders.reading import Input
from casegraph.loaders.registry import Loader
from casegraph.loaders.result import Loaded
from casegraph.schemas import (
    AssetFreeze,
    Document,
    Entity,
    Evidence,
    Exposure,
    Extraction,
    Officer,
    PartyType,
    Subsidiary,
    content_id,
    name_key,
)

INTERVALS = ("Ownership", "Directorship", "Employment", "Sanction", "Debt", "Payment")
CONTROL = 50.0  # OFAC's 50 % rule: a majority stake makes the asset part of the owner's group
NAME_PROPS = ("name", "alias", "previousName")  # weakAlias left out: it makes false screening hits
COUNTRY_PROPS = ("jurisdiction", "country", "mainCountry", "nationality", "citizenship")
MAP_BATCH = 1_000
IDS_CACHE_KIB = 512


@cache
def _model():
    from followthemoney import model

    return model


@cache
def _authorities() -> dict[str, dict[str, Any]]:
    """name key of every name, alias and acronym in authorities.json -> its entry."""
    data = json.loads((Path(__file__).with_name("authorities.json")).read_text())
    index: dict[str, dict[str, Any]] = {}
    for entry in data["authorities"]:
        for form in (entry["name"], *entry.get("aliases", ()), *entry.get("acronyms", ())):
            index.setdefault(name_key(form), entry)
    return index


def party_type(schema) -> PartyType | None:
    if schema.is_a("Person"):
        return PartyType.PERSON
    if schema.is_a("PublicBody"):
        return PartyType.GOVERNMENT
    if schema.is_a("LegalEntity"):
        return PartyType.FIRM
    return None


def _date(values: list[str]) -> str | None:
    return values[0][:10] if values else None


def _number(values: list[str]) -> float | None:
    for value in values:
        try:
            return float(value.replace("%", "").replace(",", "").strip())
        except ValueError:
            continue
    return None


class _Stream:
    """One FtM file: parties first, interval records spooled and read after."""

    def __init__(self, source: Input, workdir: str) -> None:
        self.source = source
        self.skipped: Counter[str] = Counter()
        self.ids = sqlite3.connect(Path(workdir) / "ids.db", isolation_level=None)
        self.ids.execute("PRAGMA journal_mode=OFF")
        self.ids.execute("PRAGMA synchronous=OFF")
        # Looked up once per interval record, at random: the OS keeps the file warm, and a fixed small
        # cache keeps a 10k and a 200k load the same size (the default 2 MiB filled from 40k on).
        self.ids.execute(f"PRAGMA cache_size=-{IDS_CACHE_KIB}")
        self.ids.execute("CREATE TABLE ids (ftm TEXT PRIMARY KEY, type TEXT, name TEXT) WITHOUT ROWID")
        self.pending: list[tuple[str, str, str]] = []
        self.spool_path = Path(workdir) / "intervals.jsonl"
        self.spool = self.spool_path.open("w", encoding="utf-8")

    def where(self, number: int) -> str:
        return f"{self.source.name}:{number}"

    def read(self) -> Iterator[Loaded]:
        for number, line in self.source.lines():
            if line is None:
                yield Loaded(self.where(number), error="line too long or not UTF-8")
                continue
            if line.strip():
                yield from self.first_pass(number, line)
        self.flush_ids()
        self.spool.close()
        with self.spool_path.open(encoding="utf-8") as spooled:
            for text in spooled:
                number, line = text.split("\t", 1)
                yield from self.interval(int(number), line)
        if self.skipped:
            counts = ", ".join(f"{schema} {n}" for schema, n in self.skipped.most_common())
            yield Loaded(self.source.name, note=f"{sum(self.skipped.values())} record(s) not loaded: {counts}")

    def record(self, line: str) -> dict[str, Any]:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            raise _Bad("not JSON" + (f": {error.msg}" if isinstance(error, json.JSONDecodeError) else
                                     ": nested too deeply")) from None
        if not isinstance(record, dict) or not record.get("id") or not isinstance(record.get("schema"), str):
            raise _Bad("no FollowTheMoney id and schema")
        return record

    def proxy(self, record: dict[str, Any]):
        from followthemoney.exc import InvalidData

        try:
            return _model().get_proxy(record, cleaned=False)
        except (InvalidData, TypeError, ValueError) as error:
            raise _Bad(f"invalid FollowTheMoney entity: {error}".splitlines()[0]) from None

    def first_pass(self, number: int, line: str) -> Iterator[Loaded]:
        try:
            record = self.record(line)
            schema = _model().get(record["schema"])
            if schema is None:
                self.skipped[f"unknown schema {record['schema']}"] += 1
                return
            # An interval record is read whole (its proxy built, or its error told) once, in the second pass.
            if schema.name in INTERVALS or any(schema.is_a(s) for s in INTERVALS):
                self.spool.write(f"{number}\t{line.rstrip(chr(10))}\n")
                return
            proxy = self.proxy(record)
        except _Bad as error:
            yield Loaded(self.where(number), error=str(error))
            return
        kind = party_type(proxy.schema)
        if kind is None:
            self.skipped[proxy.schema.name] += 1
            return
        try:
            entity = self.party(proxy, kind)
        except ValidationError as error:
            yield Loaded(self.where(number), error=_first(error))
            return
        self.pending.append((proxy.id, kind.value, entity.name))
        if len(self.pending) >= MAP_BATCH:
            self.flush_ids()
        doc = self.document(proxy, record, number)
        entity.evidence = [self.evidence(doc, f"{proxy.schema.name}: {entity.name}", proxy)]
        yield self.extraction(number, doc, [entity], [])

    def flush_ids(self) -> None:
        """One transaction per MAP_BATCH ids (autocommit would make each insert one)."""
        self.ids.execute("BEGIN")
        self.ids.executemany("INSERT OR REPLACE INTO ids VALUES (?, ?, ?)", self.pending)
        self.ids.execute("COMMIT")
        self.pending.clear()

    def party(self, proxy, kind: PartyType) -> Entity:
        names = [n for prop in NAME_PROPS for n in proxy.get(prop, quiet=True)]
        name = proxy.caption if proxy.caption and proxy.caption != proxy.schema.label else (names or [proxy.id])[0]
        country = next((c for prop in COUNTRY_PROPS for c in proxy.get(prop, quiet=True)), None)
        identifiers = [f"{prop.name}:{value}" for prop, value in proxy.itervalues() if prop.type.name == "identifier"]
        lei = next((v.upper() for v in proxy.get("leiCode", quiet=True) if len(v) == 20), None)
        return Entity(name=name, type=kind, aliases=[n for n in dict.fromkeys(names) if n != name],
                      jurisdiction=country.upper() if country else None, lei=lei,
                      identifiers=list(dict.fromkeys(identifiers)))

    def document(self, proxy, record: dict[str, Any], number: int) -> Document:
        datasets = record.get("datasets") if isinstance(record.get("datasets"), list) else []
        urls = proxy.get("sourceUrl", quiet=True)
        return Document(
            id=content_id(json.dumps(record, sort_keys=True, ensure_ascii=False)),
            source=self.where(number), url=urls[0] if urls else None,
            title=f"{proxy.schema.label}: {proxy.caption}", ftm_id=proxy.id,
            datasets=", ".join(str(d) for d in datasets) or None,
            first_seen=_str(record.get("first_seen")), last_seen=_str(record.get("last_seen")),
            date=(_str(record.get("last_change")) or _str(record.get("last_seen")) or "")[:10] or None,
        )

    def evidence(self, doc: Document, statement: str, proxy) -> Evidence:
        sentence = f"{statement} (FollowTheMoney {proxy.id}; {doc.datasets or 'no data set'})"
        return Evidence(sentence=sentence, start=0, end=0, extractor=f"ftm:{proxy.schema.name}")

    def extraction(self, number: int, doc: Document, entities: list[Entity], facts: list) -> Loaded:
        try:
            return Loaded(self.where(number), Extraction(id=doc.ftm_id or doc.id, document=doc, entities=entities,
                                                         facts=facts))
        except ValidationError as error:
            return Loaded(self.where(number), error=_first(error))

    def end(self, ftm_id: str) -> Entity | None:
        row = self.ids.execute("SELECT type, name FROM ids WHERE ftm = ?", (ftm_id,)).fetchone()
        return Entity(name=row[1], type=PartyType(row[0])) if row else None

    def interval(self, number: int, line: str) -> Iterator[Loaded]:
        record = json.loads(line)  # an object with an id and a known schema: the first pass checked it
        try:
            proxy = self.proxy(record)
        except _Bad as error:
            yield Loaded(self.where(number), error=str(error))
            return
        schema = proxy.schema
        try:
            entities, facts, statement = self.facts(proxy)
        except _Bad as error:
            yield Loaded(self.where(number), error=f"{schema.name} {proxy.id}: {error}")
            return
        except ValidationError as error:
            yield Loaded(self.where(number), error=_first(error))
            return
        if not facts:
            return
        doc = self.document(proxy, record, number)
        evidence = self.evidence(doc, statement, proxy)
        for item in (*entities, *facts):
            item.evidence = [evidence]
        yield self.extraction(number, doc, entities, facts)

    def ends(self, proxy, *props: str) -> list[Entity]:
        out = []
        for prop in props:
            ref = proxy.first(prop, quiet=True)
            if not ref:
                raise _Bad(f"no {prop}")
            entity = self.end(ref)
            if entity is None:
                raise _Bad(f"{prop} {ref} is no party in the file")
            out.append(entity)
        return out

    def facts(self, proxy) -> tuple[list[Entity], list, str]:
        schema = proxy.schema.name
        dated = _date(proxy.get("startDate", quiet=True) or proxy.get("date", quiet=True))
        if schema == "Ownership":
            owner, asset = self.ends(proxy, "owner", "asset")
            share = _number(proxy.get("percentage", quiet=True))
            said = f"{owner.name} owns {f'{share:g} % of ' if share is not None else ''}{asset.name}"
            if owner.type is PartyType.PERSON:
                return [owner, asset], [Officer(person=owner.name, org=asset.name, role="owner", date=dated)], said
            if share is not None and share < CONTROL:
                self.skipped["Ownership under 50 %"] += 1
                return [], [], said
            return [owner, asset], [Subsidiary(child=asset.name, parent=owner.name, percentage=share,
                                               date=dated)], said
        if schema in ("Directorship", "Employment"):
            person, org = self.ends(proxy, *(("director", "organization") if schema == "Directorship"
                                             else ("employee", "employer")))
            role = proxy.first("role", quiet=True) or ("director" if schema == "Directorship" else "employee")
            return [person, org], [Officer(person=person.name, org=org.name, role=role, date=dated)], \
                f"{person.name} is {role} of {org.name}"
        if schema == "Sanction":
            [target] = self.ends(proxy, "entity")
            authority = self.authority(proxy)
            program = proxy.first("program", quiet=True)
            fact = AssetFreeze(authority=authority.name if authority else None, target=target.name,
                               date=_date(proxy.get("startDate", quiet=True) or proxy.get("listingDate", quiet=True)),
                               end_date=_date(proxy.get("endDate", quiet=True)), program=program,
                               status=proxy.first("status", quiet=True))
            by = f" by {authority.name}" if authority else ""
            return [target, *([authority] if authority else [])], [fact], \
                f"Sanction{by} against {target.name}{f' under {program}' if program else ''}"
        creditor, debtor = self.ends(proxy, *(("creditor", "debtor") if schema == "Debt" else ("payer", "beneficiary")))
        amount = _number(proxy.get("amount", quiet=True))
        currency = (proxy.first("currency", quiet=True) or "").upper() or None
        fact = Exposure(exposed=creditor.name, counterparty=debtor.name, amount=amount, currency=currency,
                        kind=schema.lower(), as_of=dated)
        money = f" {amount:,.0f} {currency or ''}".rstrip() if amount is not None else ""
        return [creditor, debtor], [fact], f"{schema}: {creditor.name} -> {debtor.name}{money}"

    def authority(self, proxy) -> Entity | None:
        """The sanctioning body: the authorities.json party it is, else a Government of that name."""
        name = proxy.first("authority", quiet=True)
        if not name:
            return None
        entry = _authorities().get(name_key(name))
        if entry:
            return Entity(name=entry["name"], type=PartyType(entry["type"]), jurisdiction=entry["jurisdiction"])
        country = proxy.first("country", quiet=True)
        return Entity(name=name, type=PartyType.GOVERNMENT, jurisdiction=country.upper() if country else None)


class _Bad(ValueError):
    pass


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _first(error: ValidationError) -> str:
    first = error.errors()[0]
    place = ".".join(str(p) for p in first["loc"])
    return f"{place + ': ' if place else ''}{first['msg']}"


def read_ftm(source: Input) -> Iterator[Loaded]:
    with tempfile.TemporaryDirectory(prefix="casegraph-ftm-") as workdir:
        stream = _Stream(source, workdir)
        try:
            yield from stream.read()
        finally:
            stream.spool.close()
            stream.ids.close()


LOADER = Loader("ftm", "FollowTheMoney entities (OpenSanctions, Aleph), one JSON object a line",
                lambda source: source.json_kind == "ftm", read_ftm)
