"""The review commands: review, add, merge, split, decisions export|import.

Exit codes: 0 done, 1 a decision could not be made (each named on one line; the others are made),
2 bad input or store.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from casegraph.console import JsonOption, StoreOption, example, fail, open_graph, reflow, report, say
from casegraph.graph import Store, StoreUnavailable
from casegraph.graph.rows import DOCUMENT
from casegraph.queries.names import Ambiguous, NoParty, pick
from casegraph.review.apply import Refused, decide, import_decisions, merge_decision, orphans
from casegraph.review.decision import BY_TYPE, STATUSES, Decision, effective, party_key
from casegraph.review.facts import Fact, manual_rows, read_facts
from casegraph.schemas import PartyType, party_id

ByOption = Annotated[str | None, typer.Option("--by", help="Who decides (default: the login name).")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why: kept with the decision.")]
NUMBERS = ("amount", "percentage")


def _who(by: str | None, note: str | None) -> dict[str, Any]:
    return {"note": note, **({"by": by} if by else {})}


def _one_line(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "value"
        return f"{where}: {first['msg']}"
    return str(error)


def _party_id(graph: Store, name: str) -> str:
    choice = pick(graph, name)
    if choice.note:
        say(choice.note)
    return choice.party.id


def _typed(field: str, value: str) -> Any:
    if field in NUMBERS:
        try:
            return float(value.replace(",", ""))
        except ValueError:
            raise ValueError(f"{field}: {value!r} is not a number") from None
    return value


def correction(graph: Store, fact: Fact, values: dict[str, str]) -> dict[str, Any]:
    """Typed, checked corrected values: parties by id, the rest as the fact type's schema takes them."""
    model = BY_TYPE[fact.type]
    out: dict[str, Any] = {}
    data = {role: name for role, (_, name) in fact.parties.items()}
    data.update({k: v for k, v in fact.props.items() if k in model.model_fields and k not in ("type", "evidence")})
    for field, value in values.items():
        if field == "date" and "date" not in model.model_fields:
            field = "as_of"  # an exposure's date is the day it was stated for
        if field in model.roles:
            out[field] = _party_id(graph, value)
            data[field] = value
        elif field in model.model_fields and field not in ("type", "evidence"):
            out[field] = data[field] = _typed(field, value)
        else:
            raise ValueError(f"{fact.type} has no field {field!r}")
    model.model_validate(data)
    return out


def _find(facts: list[Fact], wanted: str) -> Fact:
    found = [f for f in facts if wanted in (f.id, f.key)]
    if not found:
        raise ValueError(f"no fact {wanted!r} in the store")
    return found[0]


def _decide_line(graph: Store, facts: list[Fact], line: dict[str, Any], who: dict[str, Any]) -> Decision:
    """One scripted decision {"id"|"key", "action", "values"?, "note"?, "by"?}."""
    action = line.get("action")
    if action not in ("accept", "reject", "correct"):
        raise ValueError(f"action must be accept, reject or correct, not {action!r}")
    fact = _find(facts, str(line.get("id") or line.get("key") or ""))
    values = correction(graph, fact, {k: str(v) for k, v in (line.get("values") or {}).items()}) \
        if action == "correct" else {}
    fields = {**who, **{k: line[k] for k in ("note", "by") if line.get(k)}}
    return decide(graph, Decision(action=action, key=fact.key, values=values, **fields))


def _split_ids(values: list[str] | None) -> list[str]:
    return [x for v in values or [] for x in v.replace(",", " ").split()]


def _select(graph: Store, facts: list[Fact], doc: str | None, party: str | None, type_: str | None,
            status: str | None) -> list[Fact]:
    if type_ and type_ not in BY_TYPE:
        raise ValueError(f"--type must be one of {', '.join(BY_TYPE)}, not {type_!r}")
    if status and status not in STATUSES:
        raise ValueError(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    who = _party_id(graph, party) if party else None
    chosen = [f for f in facts if (not doc or any(s.startswith(doc) for s in f.sources))
              and (not who or who in {pid for pid, _ in f.parties.values()})
              and (not type_ or f.type == type_) and (status or f.status != "rejected") and
              (not status or f.status == status)]
    return sorted(chosen, key=lambda f: (f.confidence, f.type, f.key))


def review(
    doc: Annotated[str | None, typer.Option("--doc", help="Only facts from this document (its id or the "
                                                          "start of it).")] = None,
    party: Annotated[str | None, typer.Option("--party", metavar="NAME", help="Only facts about this party.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only facts of this type: exposure, officer, "
                                                             "subsidiary, asset_freeze, charge, ...")] = None,
    status: Annotated[str | None, typer.Option("--status", help="Only facts of this status: proposed, accepted, "
                                                                "rejected, corrected, manual.")] = None,
    accept: Annotated[list[str] | None, typer.Option("--accept", metavar="ID", help="Accept these facts "
                                                     "(repeat, or separate by commas).")] = None,
    reject: Annotated[list[str] | None, typer.Option("--reject", metavar="ID", help="Reject these facts.")] = None,
    decisions: Annotated[Path | None, typer.Option("--decisions", metavar="FILE", help="Decisions as JSON lines: "
                                                   '{"id": ID, "action": "correct", "values": {"amount": 5e6}}.')]
    = None,
    by: ByOption = None, note: NoteOption = None, store: StoreOption = None, as_json: JsonOption = False,
) -> None:
    """Review the extracted facts, lowest confidence first: accept, reject or correct each.

    In a terminal, each fact is shown with its sentence (parties highlighted) and in words; keys:
    a accept, r reject, c correct a field (party, amount, currency, role, kind, status, date), s
    skip, q quit. With --accept, --reject or --decisions the decisions are made without asking;
    without a terminal the facts are listed (--json for scripts). Every decision is kept with who
    (--by), when and why (--note), and applies again whenever the document is reloaded.
    """
    graph = open_graph(store)
    who = _who(by, note)
    failed = 0
    try:
        facts = read_facts(graph)
        chosen = _select(graph, facts, doc, party, type_, status)
        lines: list[dict[str, Any]] = [{"id": i, "action": "accept"} for i in _split_ids(accept)]
        lines += [{"id": i, "action": "reject"} for i in _split_ids(reject)]
        if decisions is not None:
            lines += _read_lines(decisions)
        for line in lines:
            try:
                made = _decide_line(graph, facts, line, who)
                say(f"{made.status} {line.get('id') or line.get('key')}")
            except (ValueError, LookupError) as error:
                failed += 1
                report(f"{decisions or 'review'}: {line.get('id') or line.get('key')}: {_one_line(error)}")
        if lines:
            raise typer.Exit(1 if failed else 0)
        if as_json or not (sys.stdin.isatty() and sys.stdout.isatty()):
            _list(chosen, as_json)
            return
        _interactive(graph, chosen, who)
    except (NoParty, Ambiguous, ValueError, OSError, StoreUnavailable) as error:
        raise fail(_one_line(error), 2) from None
    finally:
        graph.close()


def _read_lines(path: Path) -> list[dict[str, Any]]:
    lines = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        try:
            line = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(line, dict):
            raise ValueError(f"{path}:{number}: not a JSON object")
        lines.append(line)
    return lines


def _list(facts: list[Fact], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"query": "review", "rows": [f.row() for f in facts]}, ensure_ascii=False))
        return
    from rich.table import Table
    from rich.text import Text

    from casegraph.console import out
    from casegraph.graph.display import one_line

    table = Table(title=f"{len(facts)} fact(s) to review")
    table.add_column("id", no_wrap=True, min_width=10)  # whole: it is what --accept and --reject take
    for column in ("status", "conf."):
        table.add_column(column, no_wrap=True)
    table.add_column("fact, and the sentence it rests on", ratio=1)
    for fact in facts:
        sentence = next((e["sentence"] for e in fact.evidence if e.get("sentence")), "")
        # markup is off (hostile text stays text): a styled Text, not tags
        said = Text.assemble(fact.words(), "\n", ((one_line(sentence) or "")[:160], "dim"))
        table.add_row(fact.id, fact.status, f"{fact.confidence:.2f}", said)
    out().print(table)


def _interactive(graph: Store, facts: list[Fact], who: dict[str, Any]) -> None:
    from rich.console import Console

    from casegraph.review.interactive import loop

    def decide_one(fact: Fact, action: str, values: dict[str, str]) -> str | None:
        try:
            typed = correction(graph, fact, values) if action == "correct" else {}
            decide(graph, Decision(action=action, key=fact.key, values=typed, **who))
        except (ValueError, LookupError) as error:
            return _one_line(error)
        return None

    made = loop(facts, Console(markup=False, highlight=False), decide_one)
    say(f"{made} decision(s) made")


def add(
    ctx: typer.Context,
    type_: Annotated[str, typer.Argument(metavar="TYPE", show_default=False,
                                         help="Fact type: exposure, officer, subsidiary, asset_freeze, "
                                              "investigation, charge, bankruptcy, withdrawal_suspension, "
                                              "acquisition.")],
    doc: Annotated[str | None, typer.Option("--doc", metavar="ID", help="The document the fact rests on.")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The sentence of --doc that says it.")] = None,
    new_type: Annotated[PartyType | None, typer.Option("--new-type", help="Create parties not in the store, "
                                                                            "with this type.")] = None,
    by: ByOption = None, note: NoteOption = None, store: StoreOption = None,
) -> None:
    """Add a fact by hand: its fields as --FIELD VALUE (the fact type's names: --exposed, --counterparty,
    --amount, --currency, --kind, ...), checked as an extracted fact is.

    Parties are looked up by name; one not in the store is created only with --new-type. The fact is
    stored with status manual and kept as a decision, so it survives every reload.
    """
    graph = open_graph(store)
    try:
        if type_ not in BY_TYPE:
            raise ValueError(f"TYPE must be one of {', '.join(BY_TYPE)}, not {type_!r}")
        model = BY_TYPE[type_]
        fields = _pairs(ctx.args)
        parties: dict[str, tuple[str, str, str]] = {}
        for role in model.roles:
            if role in fields:
                parties[fields[role]] = _party_or_new(graph, fields[role], new_type)
        fact = model.model_validate({k: _typed(k, v) for k, v in fields.items()})
        document = None
        if doc:
            node = graph.nodes([doc]).get(doc)
            if node is None or node.label != DOCUMENT:
                raise ValueError(f"--doc: no document {doc!r} in the store")
            document = {"id": doc, **{k: node.props[k] for k in ("source", "title") if node.props.get(k)}}
        elif quote:
            raise ValueError("--quote needs --doc: the document it is quoted from")
        key, rows = manual_rows(fact, parties, document, quote)
        decide(graph, Decision(action="add", key=key, values={"fact": fact.model_dump(mode="json", exclude_none=True),
                                                              "rows": rows}, **_who(by, note)))
        say(f"added {type_} {key}")
    except (NoParty, Ambiguous, ValueError, StoreUnavailable) as error:
        raise fail(_one_line(error), 2) from None
    finally:
        graph.close()


def _pairs(args: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    items = iter(args)
    for item in items:
        if not item.startswith("--"):
            raise ValueError(f"expected --FIELD VALUE, not {item!r}")
        name, _, value = item[2:].partition("=")
        fields[name.replace("-", "_")] = value or next(items, "")
    return fields


def _party_or_new(graph: Store, name: str, new_type: PartyType | None) -> tuple[str, str, str]:
    try:
        choice = pick(graph, name)
    except NoParty as missing:
        if new_type is None:
            raise ValueError(f"{missing}; give --new-type TYPE to create it") from None
        return party_id(new_type, name), name, new_type.value
    if choice.note:
        say(choice.note)
    return choice.party.id, choice.party.name, choice.party.label


def merge(keep: Annotated[str, typer.Argument(metavar="NAME", show_default=False, help="The party that stays.")],
          other: Annotated[str, typer.Argument(metavar="NAME", show_default=False,
                                               help="The party merged into it.")],
          by: ByOption = None, note: NoteOption = None, store: StoreOption = None) -> None:
    """Merge two parties into one: the second's names become aliases of the first, and its facts and
    evidence follow. Kept as a decision (documents reloaded later follow it too); split undoes it."""
    graph = open_graph(store)
    try:
        a, b = _party_id(graph, keep), _party_id(graph, other)
        decide(graph, merge_decision(graph, a, b, **_who(by, note)))
        say(f"merged {b} into {a}")
    except (NoParty, Ambiguous, ValueError, StoreUnavailable) as error:
        raise fail(_one_line(error), 2) from None
    finally:
        graph.close()


def split(name: Annotated[str, typer.Argument(metavar="NAME", show_default=False,
                                              help="The party merged away (its id or a former name).")],
          by: ByOption = None, note: NoteOption = None, store: StoreOption = None) -> None:
    """Undo a merge: both parties again as they were when they were merged."""
    graph = open_graph(store)
    try:
        latest = effective(graph.decisions())
        merged = [d for d in latest.values() if d.action == "merge"
                  and (d.key == party_key(name) or name.casefold() in _names_of(d))]
        if not merged:
            raise ValueError(f"no merged party {name!r} (give the id of the party merged away)")
        decide(graph, Decision(action="split", key=merged[-1].key, values={"into": merged[-1].values["into"]},
                               **_who(by, note)))
        say(f"split {merged[-1].key.split('|', 1)[1]} from {merged[-1].values['into']}")
    except (Refused, ValueError, StoreUnavailable) as error:
        raise fail(_one_line(error), 2) from None
    finally:
        graph.close()


def _names_of(decision: Decision) -> set[str]:
    other = decision.key.split("|", 1)[1]
    for node in (decision.snapshot or {}).get("nodes", []):
        if node["id"] == other:
            return {f.casefold() for f in [node["props"].get("name", ""), *node["lists"].get("aliases", [])]}
    return set()


decisions_app = typer.Typer(no_args_is_help=True, rich_markup_mode="rich")
DECISIONS_HELP = reflow("""The analysts' decisions as JSON lines: export them for version control or another
    store, import them back.""")
DECISIONS_EXAMPLE = example("casegraph decisions export -o decisions.jsonl",
                            "casegraph decisions import decisions.jsonl")


@decisions_app.command("export", help="Every decision, oldest first, one JSON line each; decisions whose fact "
                                      "is no longer in the store are named on standard error.",
                       epilog=example("casegraph decisions export > decisions.jsonl"))
def export_decisions(output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default: "
                                                                 "standard output).")] = None,
                     store: StoreOption = None) -> None:
    graph = open_graph(store)
    try:
        records = graph.decisions()
        lost = orphans(graph)
    except StoreUnavailable as error:
        raise fail(str(error), 2) from None
    finally:
        graph.close()
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    _said_orphans(lost)
    say(f"{len(records)} decision(s)")


def _said_orphans(lost: list[Decision]) -> None:
    for decision in lost:
        say(f"note: decision {decision.id[:10]} ({decision.action} {decision.key}, by {decision.by} at "
            f"{decision.at}): its fact is not in the store; kept")


@decisions_app.command("import", help="Record and apply decisions exported from a store; those already held "
                                      "change nothing.",
                       epilog=example("casegraph decisions import decisions.jsonl"))
def import_command(file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False)],
                   store: StoreOption = None) -> None:
    try:
        records = [Decision.model_validate(line) for line in _read_lines(file)]
    except (OSError, ValueError) as error:
        raise fail(f"{file}: {_one_line(error)}", 2) from None
    graph = open_graph(store, create=True)
    try:
        graph.init()
        new, held = import_decisions(graph, records)
        lost = orphans(graph)
    except (Refused, ValueError, StoreUnavailable) as error:
        raise fail(_one_line(error), 2) from None
    finally:
        graph.close()
    _said_orphans(lost)
    say(f"{new} decision(s) imported, {held} already held")


EXAMPLES = {
    review: ("casegraph review --type exposure", "casegraph review --accept 3f2a91c04d --reject 9b1e6d2a77",
             "casegraph review --json > to-review.json"),
    merge: ('casegraph merge "Genesis Global Capital" Genesis --note "one firm"',),
    split: ("casegraph split firm:genesis",),
}


def register(app: typer.Typer) -> None:
    for function, lines in EXAMPLES.items():
        app.command(help=reflow(function.__doc__ or ""), epilog=example(*lines))(function)
    app.command(help=reflow(add.__doc__ or ""), context_settings={"allow_extra_args": True,
                                                                   "ignore_unknown_options": True},
                epilog=example('casegraph add exposure --exposed Gemini --counterparty Genesis --amount 900000000 '
                               '--currency USD --doc 57d0… --quote "Gemini has $900M at Genesis."'))(add)
    app.add_typer(decisions_app, name="decisions", help=DECISIONS_HELP, epilog=DECISIONS_EXAMPLE)
