"""What every command shares: standard error, the one-line error, the common options."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True, soft_wrap=True)

StoreOption = Annotated[str | None, typer.Option(
    "--store", help="SQLite file, or bolt://… / neo4j://… [default: $NEO4J_URI, $CASEGRAPH_STORE, ./casegraph.db]",
    show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def report(message: str) -> None:
    """``error: message`` on one line of standard error; the batch goes on."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)


def say(message: str) -> None:
    """A line of information on standard error, printed as it is (no markup)."""
    err.print(message, markup=False, highlight=False, soft_wrap=True)


def fail(message: str, code: int) -> typer.Exit:
    """Report, and give the Exit to raise with ``code``."""
    report(message)
    return typer.Exit(code)
