"""The casegraph command line."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from casegraph.console import JsonOption, StoreOption, err, fail, report
from casegraph.graph import Stats, open_store, resolve, write_extractions
from casegraph.loaders import Loaded, expand, load_paths

app = typer.Typer(help="Regulatory case-tracking knowledge graph.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)

Paths = Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for standard input.")]


@app.callback()
def main() -> None:
    """Load filings and news into a case graph; ask who is exposed to whom and who acted."""


def _open(store: str | None):
    try:
        return open_store(store)
    except Exception as error:
        raise fail(f"{resolve(store)}: cannot open store: {error}", 2) from None


@app.command()
def extract(paths: Paths, format: Annotated[str, typer.Option(help="Output format.")] = "jsonl") -> None:
    """Extract entities and facts, one Extraction JSON line per document on standard output."""
    if format != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    failed = 0
    for item in load_paths(paths):
        if item.error:
            failed += 1
            report(str(item))
            continue
        sys.stdout.write(item.extraction.to_json() + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def init(store: StoreOption = None) -> None:
    """Create the store with its constraints and indexes."""
    graph = _open(store)
    try:
        graph.init()
        err.print(f"initialised {graph!r}")
    finally:
        graph.close()


@app.command()
def load(paths: Paths, store: StoreOption = None,
         jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Processes extracting files "
                                                  "(default: the machine's cores); one process writes.")] = None,
         ) -> None:
    """Extract (where needed) and store documents; each is stored whole or not at all."""
    from casegraph.loaders.jobs import default_jobs, load_parallel

    graph = _open(store)
    try:
        graph.init()
        before = graph.stats()
        files = list(expand(paths))
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as progress:
            names = [str(f) for f in files]
            task = progress.add_task("loading", total=len(names))
            seen: set[str] = set()

            def advance(item: Loaded) -> None:
                """Files done so far: a corpus file's documents are named ``file:line``."""
                file = item.source if item.source in names else item.source.rsplit(":", 1)[0]
                if file not in seen:
                    seen.add(file)
                    progress.update(task, completed=len(seen), description=file[-40:])

            written = write_extractions(graph, load_parallel(names, jobs or default_jobs()), advance)
        for item in written.failed:
            report(str(item))
        after = graph.stats()
    finally:
        graph.close()
    added = _difference(before, after)
    err.print(f"loaded {written.documents} document(s) into {graph!r}: "
              f"+{added['nodes']} nodes, +{added['edges']} relationships"
              + (f"; {len(written.failed)} failed" if written.failed else ""), highlight=False)
    raise typer.Exit(1 if written.failed else 0)


def _difference(before: Stats, after: Stats) -> dict[str, int]:
    return {"nodes": after.as_dict()["nodes"] - before.as_dict()["nodes"],
            "edges": after.as_dict()["edges"] - before.as_dict()["edges"]}


@app.command()
def stats(store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Count nodes per label and relationships per type."""
    graph = _open(store)
    try:
        counts = graph.stats().as_dict()
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
    Console().print(table)


# The query commands (exposure, actions, timeline, path, entity, screen, browser) live with the queries.
from casegraph.queries.commands import register  # noqa: E402

register(app)
