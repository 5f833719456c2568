"""What every command shares: standard error, the one-line error, the common options.

Rich markup is off on every console: names, file names and store paths are user data, printed as
they are ("[/red]" is a name, not a tag).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from casegraph.graph import Store

err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)

# Help is written for rich markup (set on the app): square brackets would be read as markup, so none here.
StoreOption = Annotated[str | None, typer.Option(
    "--store", metavar="PATH|URI", show_default=False,
    help="The embedded SQLite file, or a Neo4j at bolt://host:7687 or neo4j://…. "
         "Default: $NEO4J_URI if set, else $CASEGRAPH_STORE, else ./casegraph.db. "
         "Neo4j also reads $NEO4J_USERNAME, $NEO4J_PASSWORD and $NEO4J_DATABASE.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def out() -> Console:
    """Standard output for tables: markup off, like ``err``."""
    return Console(markup=False, highlight=False)


F = TypeVar("F", bound=Callable[..., None])


def command(app: typer.Typer, *examples: str) -> Callable[[F], F]:
    """Register a command whose --help reads like a man page: the docstring's paragraphs, reflowed
    (rich markup would keep the source's line breaks), then its examples."""

    def register(function: F) -> F:
        app.command(help=reflow(function.__doc__ or ""), epilog=example(*examples))(function)
        return function

    return register


def reflow(doc: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n"))


def example(*lines: str) -> str:
    """An epilog of examples, one per line."""
    return "\n\n".join(["[bold]Example[/bold]", *(f"  $ {line}" for line in lines)])


def report(message: str) -> None:
    """``error: message`` on one line of standard error; the batch goes on."""
    err.print(Text.assemble(("error:", "red"), " ", message), soft_wrap=True)


def say(message: str) -> None:
    """A line of information on standard error, printed as it is (no markup)."""
    err.print(message, markup=False, highlight=False, soft_wrap=True)


def fail(message: str, code: int) -> typer.Exit:
    """Report, and give the Exit to raise with ``code``."""
    report(message)
    return typer.Exit(code)


def open_graph(store: str | None, create: bool = False) -> Store:
    """The store the options point at. Only ``load`` and ``init`` create one: a query on a missing
    embedded file says so instead of answering from a new empty store."""
    from casegraph.graph import StoreUnavailable, check, is_neo4j, open_store, redact, resolve

    target = resolve(store)
    try:
        check(target, store)
    except ValueError as error:
        raise fail(str(error), 2) from None
    if not (create or is_neo4j(target) or Path(target).exists()):
        shown = target if Path(target).is_absolute() or target.startswith(".") else f"./{target}"
        raise fail(f"no store at {shown} (load documents first, or --store)", 2)
    try:
        return open_store(store)
    except StoreUnavailable as error:
        raise fail(str(error), 2) from None
    except Exception as error:
        raise fail(f"{redact(target)}: cannot open store: {error}", 2) from None
