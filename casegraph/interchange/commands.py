"""The export and push commands of the CLI."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from casegraph.console import StoreOption, command, err, fail, open_graph, say


class ExportFormat(StrEnum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"
    graphml = "graphml"


def export(
    format: Annotated[ExportFormat, typer.Option(
        "--format", help="ttl (Turtle), jsonld, nt (N-Triples) or graphml.")] = ExportFormat.ttl,
    around: Annotated[str | None, typer.Option("--around", help="Only this party's neighbourhood.",
                                               show_default=False)] = None,
    depth: Annotated[int, typer.Option(min=0, max=6, help="With --around: hops from the party.")] = 2,
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for standard output.")] = "-",
    store: StoreOption = None,
) -> None:
    """Write the graph (or one party's neighbourhood) as RDF or GraphML, evidence included.

    RDF uses casegraph's ontology (casegraph/interchange/casegraph.ttl), each relationship also
    reified as an rdf:Statement with its properties and evidence; `casegraph load` reads it back.
    GraphML is for Gephi and yEd.
    """
    from casegraph.graph.base import neighbourhood
    from casegraph.queries.names import NoParty, resolve

    format = ExportFormat(format).value
    graph = open_graph(store)
    try:
        if around:
            try:
                nodes, edges = neighbourhood(graph, resolve(graph, around), depth)
            except NoParty as missing:
                raise fail(str(missing), 1) from None
        else:
            nodes, edges = graph.dump()
    finally:
        graph.close()
    if format == "graphml":
        from casegraph.interchange.graphml import write_graphml

        write_graphml(nodes, edges, sys.stdout.buffer if output == "-" else output)
    else:
        from casegraph.interchange.rdf import serialize, to_rdf

        data = serialize(to_rdf(nodes, edges), format)
        if output == "-":
            sys.stdout.buffer.write(data)
        else:
            with open(output, "wb") as out:
                out.write(data)
    say(f"exported {len(nodes)} nodes and {len(edges)} relationships as {format}"
        + (f" to {output}" if output != "-" else ""))


def push(
    to: Annotated[str, typer.Option("--to", help="The Neo4j to copy into: bolt://host:7687 or neo4j://…",
                                    show_default=False)],
    store: StoreOption = None,
) -> None:
    """Copy a store (the embedded file by default) into Neo4j, a page of rows per transaction.

    Idempotent: pushing again changes nothing, and a push that was interrupted is finished by
    running it again.
    """
    from casegraph.graph import is_neo4j, resolve
    from casegraph.interchange.push import Pushed
    from casegraph.interchange.push import push as copy

    if not is_neo4j(to):
        raise fail(f"--to {to}: not a bolt:// or neo4j:// address", 2)
    if resolve(store) == to:
        raise fail("--to is the store itself", 2)
    source = open_graph(store)
    target = open_graph(to)

    def progress(done: Pushed) -> None:
        if err.is_terminal:
            err.print(f"{done.nodes} nodes, {done.edges} relationships", end="\r", markup=False, highlight=False)

    try:
        done = copy(source, target, progress=progress)
    except Exception as error:
        raise fail(f"push to {target!r} stopped: {type(error).__name__}: {error}".splitlines()[0]
                   + " (run it again to finish)", 1) from None
    finally:
        source.close()
        target.close()
    say(f"pushed {done.nodes} nodes and {done.edges} relationships from {source!r} to {target!r} "
        f"in {done.batches} transaction(s)")


def register(app: typer.Typer) -> None:
    command(app, "casegraph export --format ttl -o graph.ttl",
            "casegraph export --format graphml --around FTX --depth 2 -o ftx.graphml")(export)
    command(app, "casegraph push --store casegraph.db --to bolt://127.0.0.1:7687")(push)
