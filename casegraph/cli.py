"""The casegraph command line."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from itertools import islice
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from casegraph.console import JsonOption, StoreOption, command, err, example, fail, open_graph, out, reflow, report, say
from casegraph.graph import Store, StoreUnavailable, write_extractions
from casegraph.loaders import Loaded, Reading, expand
from casegraph.loaders.registry import FORMATS

KNOWN_CHUNK = 500  # documents looked up together to tell new from unchanged ones

app = typer.Typer(no_args_is_help=True, rich_markup_mode="rich",
                  pretty_exceptions_enable=False, add_completion=False)

# pypdf logs what it repairs ("EOF marker not found"); a file it cannot read gets the one error line.
logging.getLogger("pypdf").setLevel(logging.ERROR)

Paths = Annotated[list[str], typer.Argument(
    metavar="PATH...", show_default=False,
    help="Files (.txt, .md, .html, .pdf, corpus, Extraction or FollowTheMoney JSON lines, CSV exposure books and "
         "party lists, RDF), folders (read recursively), or - for standard input.")]
# The loaders --format can force, in the order the registry asks them.
LoaderFormat = StrEnum("LoaderFormat", {name: name for name in FORMATS})
FormatOption = Annotated[LoaderFormat | None, typer.Option(
    "--format", show_default=False,
    help="Read every input with this loader instead of choosing one by extension and content.")]


class Format(StrEnum):
    jsonl = "jsonl"


MAIN = """Regulatory case-tracking knowledge graph: load filings and news, ask who is exposed to whom
and who acted.

Every command but extract works on one store: ./casegraph.db unless --store, $NEO4J_URI or
$CASEGRAPH_STORE names another. Only load and init create one."""


@app.callback(help=reflow(MAIN), epilog=example("casegraph load examples/ftx-case.jsonl", "casegraph exposure FTX",
                                                "casegraph COMMAND --help"))
def main() -> None:
    """The command group; its help is MAIN."""


@command(app, "casegraph extract article.txt report.html > facts.jsonl")
def extract(paths: Paths, format: Annotated[Format, typer.Option(
        help="Output format: one Extraction JSON line per document.")] = Format.jsonl) -> None:
    """Extract entities and facts, one Extraction JSON line per document on standard output.

    Nothing is stored. A file that cannot be read gets an error line on standard error, the rest
    goes on, and the exit code is 1.
    """
    reading = Reading()
    failed = 0
    for item in reading.load(paths):
        if item.note and not item.error:
            say(f"note: {item.source}: {item.note}")
            continue
        if item.error or item.extraction is None:
            failed += 1
            report(str(item) if item.error else f"{item.source}: a graph, not documents: load it instead")
            continue
        sys.stdout.write(item.extraction.to_json() + "\n")
    _said(reading)
    raise typer.Exit(1 if failed else 0)


def _said(reading: Reading) -> None:
    """The files no loader took, one line each, and what was read."""
    for name, reason in reading.skipped:
        say(f"skipped {name}: {reason}")
    say(reading.summary())


@command(app, "casegraph init --store cases.db", "casegraph init --store bolt://127.0.0.1:7687")
def init(store: StoreOption = None) -> None:
    """Create the store with its constraints and indexes (load does this too)."""
    graph = open_graph(store, create=True)
    try:
        graph.init()
        err.print(f"initialised {graph!r}")
    except StoreUnavailable as error:
        raise fail(str(error), 2) from None
    finally:
        graph.close()


@command(app, "casegraph load examples/ftx-case.jsonl filings/ --store cases.db",
         "casegraph load entities.ftm.json exposures.csv", "casegraph load notes.py --format text")
def load(paths: Paths, store: StoreOption = None, format: FormatOption = None,
         jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Processes extracting files "
                                                  "(default: the machine's cores); one process writes.")] = None,
         ) -> None:
    """Extract (where needed) and store documents; each is stored whole or not at all.

    The loader of each file is chosen by its extension and content: FollowTheMoney lines,
    Extraction lines, corpus lines, CSV exposure books and party lists (by their header), RDF,
    text, HTML, PDF. A file no loader takes is skipped with one line saying why.

    Creates the store if it does not exist. Reloading a document changes nothing. Reports how many
    documents were new, unchanged and failed; exit code 1 if any failed. Files are extracted on
    --jobs processes and written from one.
    """
    from casegraph.loaders.jobs import default_jobs, load_parallel

    reading = Reading(format.value if format else None)
    graph = open_graph(store, create=True)
    try:
        graph.init()
        files = list(expand(paths))
        with Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True,
                      disable=not err.is_terminal) as progress:
            names = [str(f) for f, _ in files]
            task = progress.add_task("loading", total=len(names))
            seen: set[str] = set()

            def advance(item: Loaded) -> None:
                """Files done so far: a corpus file's documents are named ``file:line``."""
                file = item.source if item.source in names else item.source.rsplit(":", 1)[0]
                if file not in seen:
                    seen.add(file)
                    progress.update(task, completed=len(seen), description=file[-40:])

            known = [0]
            items = load_parallel(reading, paths, jobs or default_jobs())
            written = write_extractions(graph, _noting_known(graph, items, known), advance)
    except StoreUnavailable as error:
        raise fail(f"{error}; nothing stored", 2) from None
    finally:
        graph.close()
    if written.unavailable:  # one line: the rerun reports the documents and files
        raise fail(f"{written.unavailable}; stopped after {written.documents} document(s) stored "
                   "(run the same load again to complete it)", 2)
    for item in written.failed:
        report(str(item))
    for item in written.notes:
        say(f"note: {item.source}: {item.note}")
    _said(reading)
    unchanged = min(known[0], written.documents)
    # What this load created, not the store's growth: a concurrent loader's writes are its own.
    err.print(f"{written.documents - unchanged} new, {unchanged} unchanged, {len(written.failed)} failed "
              f"document(s) in {graph!r}: +{written.created.nodes} nodes, +{written.created.edges} relationships")
    raise typer.Exit(1 if written.failed else 0)


def _noting_known(graph: Store, items: Iterable[Loaded], known: list[int]) -> Iterator[Loaded]:
    """Pass the items on, counting in ``known[0]`` each document stored before (or read earlier in this load).

    Only the ids of the last documents read are held: those write_extractions may not have committed
    yet (the batch it is building, the one its writer is writing, this chunk); one read before them
    is in the store by now and is found there. A load's memory stays the same however many
    documents it reads (a set of every id grew a 100k-entity FtM load by 20 MB; bench/README.md).
    """
    from casegraph.graph import base
    from casegraph.graph.rows import document_of
    from casegraph.queries.cypher import canned
    from casegraph.queries.names import is_neo4j

    recent: dict[str, None] = {}  # read order
    window = 2 * base.BATCH_DOCUMENTS + KNOWN_CHUNK
    items = iter(items)
    while chunk := list(islice(items, KNOWN_CHUNK)):
        ids = [document_of(item.extraction).id if item.extraction is not None else None for item in chunk]
        wanted = sorted({i for i in ids if i} - recent.keys())
        stored = ({r["id"] for r in graph.run(canned("document_ids").text, ids=wanted)} if is_neo4j(graph)
                  else set(graph.nodes(wanted)))  # type: ignore[attr-defined]
        for item, doc in zip(chunk, ids, strict=True):
            if doc is not None:
                if doc in stored or doc in recent:
                    known[0] += 1
                recent.pop(doc, None)
                recent[doc] = None
            yield item
        for doc in list(islice(recent, max(0, len(recent) - window))):
            del recent[doc]


@command(app, "casegraph stats", "casegraph stats --json --store bolt://127.0.0.1:7687")
def stats(store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Count nodes per label and relationships per type."""
    graph = open_graph(store)
    try:
        counts = graph.stats().as_dict()
    except StoreUnavailable as error:
        raise fail(str(error), 2) from None
    finally:
        graph.close()
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    table = Table("kind", "name", "count", title=f"{graph!r}")
    for label, count in counts["labels"].items():
        table.add_row("node", label, str(count))
    for type_, count in counts["relationships"].items():
        table.add_row("relationship", type_, str(count))
    table.add_row("", "nodes", str(counts["nodes"]), style="bold")
    table.add_row("", "relationships", str(counts["edges"]), style="bold")
    out().print(table)


# The query commands (exposure, actions, timeline, path, entity, screen, browser) live with the queries.
from casegraph.interchange.commands import register as register_interchange  # noqa: E402
from casegraph.queries.commands import register  # noqa: E402

register(app)
register_interchange(app)
from casegraph.review.commands import register as register_review  # noqa: E402

register_review(app)
