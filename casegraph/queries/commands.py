"""The query commands of the CLI: exposure, actions, timeline, path, entity, screen, browser.

Exit codes: 0 answered (also with no rows), 1 no party of that name (the closest names follow),
2 bad input or store, or a name several parties fit (listed with their types); screen adds 3 (a
row hits) and 4 (no hit, some rows unmatched). A name taken for a party it does not spell exactly
is said on stderr: ``using 'Celsius Network' (Firm) for 'celsius'``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from casegraph.console import JsonOption, StoreOption, command, err, fail, open_graph, report
from casegraph.graph import StoreUnavailable
from casegraph.pictures import commands as pictures
from casegraph.pictures.commands import HtmlOption
from casegraph.queries import DEPTH_DEFAULT, DEPTH_MAX, LIMIT_DEFAULT, NoParty, render, run, stream_exposure
from casegraph.queries import screen as screening
from casegraph.queries.names import Ambiguous, pick

CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV for scripts (flat columns).")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Report time and rows read on stderr.")]
ReviewedOption = Annotated[bool, typer.Option("--reviewed", help="Only facts an analyst accepted, corrected or "
                                                                 "added (casegraph review).")]
Name = Annotated[str, typer.Argument(
    metavar="NAME", show_default=False,
    help="Party name or alias (any case, accents or legal form), a unique part of one, or a party id.")]


class Direction(StrEnum):
    in_ = "in"
    out = "out"


def _answer(store: str | None, verbose: bool, as_json: bool, work: Callable[[Any], Any], reviewed: bool = False) -> Any:
    """Open the store (only its reviewed facts with ``reviewed``), do the work, report errors in one line, close."""
    graph = open_graph(store)
    started = time.perf_counter()
    try:
        if reviewed:
            from casegraph.review.view import reviewed as reviewed_view

            graph = reviewed_view(graph)
        return work(graph)
    except NoParty as missing:
        if as_json:
            typer.echo(render.to_json({"error": str(missing), "name": missing.name,
                                       "suggestions": missing.suggestions}))
        raise fail(str(missing), 1) from None
    except Ambiguous as several:
        if as_json:
            typer.echo(render.to_json({"error": str(several), "name": several.name, "candidates": [
                {"id": c.id, "name": c.name, "label": c.label} for c in several.candidates]}))
        raise fail(str(several), 2) from None
    except (ValueError, OSError, StoreUnavailable) as error:
        raise fail(str(error), 2) from None
    finally:
        if verbose:
            read = getattr(graph, "rows_read", None)
            err.print(f"{graph!r}: {time.perf_counter() - started:.3f}s"
                      + (f", {read} rows read" if read else ""), highlight=False)
        graph.close()


def _party(graph: Any, name: str, taken: dict[str, str]) -> list[str]:
    """The ids a typed name stands for, saying on stderr which party was taken when it was not spelt
    exactly; ``taken`` records its name for the table's title."""
    choice = pick(graph, name)
    if choice.note:
        err.print(choice.note, highlight=False, markup=False)
    taken[name] = choice.party.name
    return [choice.party.id]


def _emit(kind: str, params: dict[str, Any], rows: list[dict[str, Any]], as_json: bool, as_csv: bool,
          title: str, **extra: Any) -> None:
    if as_json and as_csv:
        raise fail("--json and --csv exclude each other", 2)
    if as_json:
        typer.echo(render.to_json({"query": kind, "params": params, "rows": rows, **extra}))
    elif as_csv:
        typer.echo(render.to_csv(kind, rows), nl=False)
    elif not rows:
        err.print(f"{title}: nothing found", highlight=False)
    else:
        render.table(kind, rows, title)


def exposure(
    name: Name,
    depth: Annotated[int, typer.Option(min=1, max=DEPTH_MAX, help="Longest chain, in hops.")] = DEPTH_DEFAULT,
    direction: Annotated[Direction, typer.Option(
        help="in: who is exposed to NAME; out: to whom NAME is exposed.")] = Direction.in_,
    limit: Annotated[int, typer.Option(min=1, help="Chains shown, largest first; also the direct counterparties "
                                                   "listed in the totals.")] = LIMIT_DEFAULT,
    every: Annotated[bool, typer.Option("--all", help="Stream every chain, largest first: JSON lines, or CSV "
                                                      "with --csv. Constant memory.")] = False,
    totals: Annotated[bool, typer.Option("--totals", help="With --csv: the totals instead of the chains.")] = False,
    store: StoreOption = None, as_json: JsonOption = False, as_csv: CsvOption = False, verbose: VerboseOption = False,
    html: HtmlOption = None, reviewed: ReviewedOption = False,
) -> None:
    """Who is exposed to (in) or from (out) a party and its group: totals over every chain, the largest chains.

    Exposure to a subsidiary counts as exposure to its group, shown as such, never counted twice.
    """
    direction = Direction(direction).value
    params = {"name": name, "depth": depth, "direction": direction}

    taken: dict[str, str] = {}
    if every:
        _answer(store, verbose, as_json, lambda g: _stream(
            g, {"ids": _party(g, name, taken), "depth": depth, "direction": direction}, as_csv), reviewed)
        return

    def work(graph: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        ids = _party(graph, name, taken)
        asked = {"ids": ids, "depth": depth, "direction": direction, "limit": limit}
        return run(graph, "totals", **asked), run(graph, "exposure", **asked), run(graph, "group", ids=ids)

    sums, chains, members = _answer(store, verbose, as_json, work, reviewed)
    if as_csv and totals:
        _emit("totals", params, sums, False, True, "")
        return
    name = taken.get(name, name)
    title = f"exposure {'to' if direction == 'in' else 'of'} {name} (depth ≤ {depth})"
    summary = next((t for t in sums if t["kind"] == "summary"), None)
    if summary and summary["chains"] > len(chains):
        title += f": the {len(chains)} largest of {summary['chains']:,} chains (--all for every one)"
    _emit("exposure", {**params, "limit": limit}, chains, as_json, as_csv, title, totals=sums, group=members)
    if not (as_json or as_csv):
        if chains:
            render.table("totals", sums, f"totals over every chain ({'exposed to' if direction == 'in' else 'owed by'} "
                                         f"{name} and its group; a relationship counts once per row)")
        if len(members) > 1:
            render.table("group", members, f"group of {name} (exposure to any member counts as exposure to it)")
    pictures.save_party(store, name, depth, html, reviewed)


def _stream(graph: Any, params: dict[str, Any], as_csv: bool) -> None:
    rows = stream_exposure(graph, **params)
    if as_csv:
        for text in render.csv_lines("exposure", rows):
            typer.echo(text, nl=False)
        return
    for row in rows:
        typer.echo(json.dumps(row, ensure_ascii=False))


EventLimit = Annotated[int, typer.Option(min=1, help="Events shown (with the count of all per event type).")]
EveryOption = Annotated[bool, typer.Option("--all", help="Every event (JSON and CSV too).")]


def actions(name: Name, limit: EventLimit = LIMIT_DEFAULT, every: EveryOption = False, store: StoreOption = None,
            as_json: JsonOption = False, as_csv: CsvOption = False, verbose: VerboseOption = False,
            html: HtmlOption = None, reviewed: ReviewedOption = False) -> None:
    """Freezes, investigations, charges, bankruptcies, suspensions against a party, its group and officers."""
    _event_query("actions", "actions against {}, its group and officers", name, limit, every, store, as_json, as_csv,
                 verbose, html, reviewed)


def timeline(name: Name, limit: EventLimit = LIMIT_DEFAULT, every: EveryOption = False, store: StoreOption = None,
             as_json: JsonOption = False, as_csv: CsvOption = False, verbose: VerboseOption = False,
             html: HtmlOption = None, reviewed: ReviewedOption = False) -> None:
    """Every dated event of a party and its group, in date order, with source documents."""
    _event_query("timeline", "timeline of {} and its group", name, limit, every, store, as_json, as_csv, verbose, html,
                 reviewed)


def _event_query(kind: str, title: str, name: str, limit: int, every: bool, store: str | None, as_json: bool,
                 as_csv: bool, verbose: bool, html: Path | None, reviewed: bool = False) -> None:
    """actions and timeline: counts over every event from the store, the first ``limit`` events
    (all with --all), and the party's picture on request."""
    taken: dict[str, str] = {}

    def work(graph: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        ids = _party(graph, name, taken)
        return run(graph, f"{kind}_totals", ids=ids), run(graph, kind, ids=ids, limit=None if every else limit)

    sums, rows = _answer(store, verbose, as_json, work, reviewed)
    total = next((t["rows"] for t in sums if t["kind"] == "summary"), 0)
    counts = {t["key"]: t["rows"] for t in sums if t["kind"] == "event"}
    title = title.format(taken.get(name, name))
    if len(rows) < total:
        title += f": the first {len(rows)} of {total:,} (--all for every one)"
    _emit(kind, {"name": name, "limit": None if every else limit}, rows, as_json, as_csv, title, total=total,
          counts=counts, totals=sums)
    if len(rows) < total and not (as_json or as_csv):
        err.print("all of them: " + ", ".join(f"{n:,} {event}" for event, n in counts.items()), highlight=False)
    pictures.save_party(store, name, DEPTH_DEFAULT, html)


def path(a: Name, b: Name, store: StoreOption = None, as_json: JsonOption = False, as_csv: CsvOption = False,
         verbose: VerboseOption = False, html: HtmlOption = None, reviewed: ReviewedOption = False) -> None:
    """The shortest connections between two parties (through case events too), each hop explained."""
    taken: dict[str, str] = {}
    rows = _answer(store, verbose, as_json,
                   lambda g: run(g, "path", from_ids=_party(g, a, taken), to_ids=_party(g, b, taken)), reviewed)
    _emit("path", {"a": a, "b": b}, rows, as_json, as_csv,
          f"shortest connections {taken.get(a, a)} … {taken.get(b, b)}")
    pictures.save_path(store, a, b, html, reviewed)


def entity(text: Annotated[str, typer.Argument(metavar="TEXT", show_default=False,
                                               help="Name, alias or part of one.")],
           limit: Annotated[int, typer.Option(min=1, help="Most parties to show.")] = 10,
           store: StoreOption = None, as_json: JsonOption = False, as_csv: CsvOption = False,
           verbose: VerboseOption = False, reviewed: ReviewedOption = False) -> None:
    """Find parties by name or alias (fuzzy), with their neighbourhood in brief."""
    rows = _answer(store, verbose, as_json, lambda g: run(g, "entity", text=text, limit=limit), reviewed)
    if not rows:
        if as_json:  # a script reads the same shape as for any other unknown name
            typer.echo(render.to_json({"error": f"no party named {text!r}", "name": text, "suggestions": []}))
        raise fail(f"no party named {text!r}", 1)
    _emit("entity", {"text": text, "limit": limit}, rows, as_json, as_csv, f"parties like {text!r}")


def screen(file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False,
                                               help="CSV with a name column, optional lei and id columns.")],
           min_score: Annotated[float, typer.Option(min=0, max=100,
                                                    help="Lowest fuzzy name score taken as a match.")]
           = screening.MIN_SCORE,
           store: StoreOption = None, as_json: JsonOption = False, as_csv: CsvOption = False,
           verbose: VerboseOption = False, reviewed: ReviewedOption = False) -> None:
    """Screen a counterparty list against the graph: actions and exposure to acted-on parties.

    A row matches by id, then LEI, then exact name, then fuzzy name. Exit codes: 0 clean, 3 a row
    hits (it, its group or officers are under action, or it is exposed to a party that is), 4 no
    hit but rows unmatched, 2 bad input (also rows that could not be read, each named, when no row
    hits: an unread row may be a hit).
    """
    try:
        read = screening.read_csv(file)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise fail(str(error), 2) from None
    for problem in read.unreadable:
        report(problem)
    results = _answer(store, verbose, as_json, lambda g: screening.screen(g, read.rows, min_score), reviewed)
    code = screening.exit_code(results, len(read.unreadable))
    summary = {"rows": len(results), "hits": sum(r["status"] == "hit" for r in results),
               "unmatched": sum(r["status"] == "unmatched" for r in results), "unreadable": len(read.unreadable),
               "exit_code": code}
    _emit("screen", {"file": str(file), "min_score": min_score}, results, as_json, as_csv,
          f"screening {file.name}", summary=summary)
    err.print(f"{summary['rows']} row(s): {summary['hits']} hit, {summary['unmatched']} unmatched"
              + (f", {len(read.unreadable)} unreadable" if read.unreadable else "") + f" → exit {code}")
    raise typer.Exit(code)


EXAMPLES: dict[Callable[..., None], tuple[str, ...]] = {
    exposure: ("casegraph exposure FTX --depth 2", "casegraph exposure Genesis --direction out --csv > genesis.csv"),
    actions: ("casegraph actions FTX",),
    timeline: ("casegraph timeline FTX --json",),
    path: ('casegraph path Gemini "Sam Bankman-Fried"',),
    entity: ("casegraph entity genesis --limit 5",),
    screen: ("casegraph screen counterparties.csv --min-score 90; echo $?",),
}


def register(app: typer.Typer) -> None:
    from casegraph.browser.commands import EXAMPLE, browser

    for function, lines in (*EXAMPLES.items(), (browser, EXAMPLE), (pictures.show, pictures.EXAMPLE)):
        command(app, *lines)(function)
