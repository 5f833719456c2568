"""What every command shares: standard error, the one-line error, the common options.

Rich markup is off on every console: names, file names and store paths are user data, printed as
they are ("[/red]" is a name, not a tag).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)

StoreOption = Annotated[str | None, typer.Option(
    "--store", help="SQLite file, or bolt://… / neo4j://… [default: $NEO4J_URI, $CASEGRAPH_STORE, ./casegraph.db]",
    show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def out() -> Console:
    """Standard output for tables: markup off, like ``err``."""
    return Console(markup=False, highlight=False)


def report(message: str) -> None:
    """``error: message`` on one line of standard error; the batch goes on."""
    err.print(Text.assemble(("error:", "red"), " ", message), soft_wrap=True)


def fail(message: str, code: int) -> typer.Exit:
    """Report, and give the Exit to raise with ``code``."""
    report(message)
    return typer.Exit(code)
