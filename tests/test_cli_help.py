"""Every command's --help reads like a man page: what it does, choices, the store's default and variables,
an example, and no Python type names (as typer >= 0.27 prints them)."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from casegraph.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
PYTHON_TYPES = re.compile(r"<(bool|str|int|float|path|list)\b|list\[|\{\w+\}(\.\.\.)?|NoneType|Optional\[", re.I)


def _help(*args: str) -> str:
    done = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"})
    assert done.exit_code == 0, done.output
    return done.output


def test_every_command_is_covered():
    assert {"extract", "init", "load", "stats", "exposure", "actions", "timeline", "path", "entity", "screen",
            "browser"} <= set(COMMANDS)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_reads_like_a_man_page(command: str):
    text = _help(*([command] if command else []))
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text)
    assert "Example" in text and re.search(rf"\$ casegraph {command}", text), text
    assert max(len(line) for line in text.splitlines()) <= 80
    if "--store" in text and command != "browser":
        flat = " ".join(text.replace("│", " ").split())
        assert all(v in flat for v in ("$NEO4J_URI", "$CASEGRAPH_STORE", "./casegraph.db")), flat


def test_choices_and_ranges_are_shown():
    assert "[in|out]" in _help("exposure")
    assert "[jsonl]" in _help("extract")
    assert "0<=x<=100" in _help("screen")
