"""The review loop in a terminal: each fact's sentence with its parties highlighted, the fact in
words, and one key for what to do with it."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.console import Console
from rich.prompt import Prompt
from rich.text import Text

from casegraph.review.decision import BY_TYPE
from casegraph.review.facts import FIELDS, Fact

KEYS = {"a": "accept", "r": "reject", "c": "correct", "s": "skip", "q": "quit"}


def sentence(fact: Fact) -> Text:
    """The first evidence sentence with every name of the fact's parties in bold colour."""
    first = next((e for e in fact.evidence if e.get("sentence")), None)
    if first is None:
        return Text("(no sentence: a fact without evidence)", style="dim")
    text = Text(first["sentence"])
    for forms in fact.aliases.values():
        for form in sorted(set(forms), key=len, reverse=True):
            text.highlight_regex(re.compile(re.escape(form), re.IGNORECASE), style="bold yellow")
    return text


def correctable(fact: Fact) -> list[str]:
    model = BY_TYPE[fact.type]
    return [*model.roles, *(f for f in FIELDS if f in model.model_fields)]


def loop(facts: list[Fact], console: Console, decide: Callable[[Fact, str, dict[str, str]], str | None]) -> int:
    """Ask about each fact in turn; ``decide(fact, action, {field: value})`` makes the decision and
    returns an error to show, or None. Returns the number of decisions made."""
    made = 0
    for number, fact in enumerate(facts, 1):
        console.rule(Text(f"{number}/{len(facts)}  {fact.type}  {fact.id}  {fact.status}, "
                          f"confidence {fact.confidence:.2f}"))
        console.print(sentence(fact))
        console.print(Text(fact.words(), style="bold"))
        while True:
            key = Prompt.ask(Text("(a)ccept (r)eject (c)orrect (s)kip (q)uit"), console=console, choices=list(KEYS),
                             show_choices=False)
            action = KEYS[key]
            if action == "quit":
                return made
            if action == "skip":
                break
            values: dict[str, str] = {}
            if action == "correct":
                name = Prompt.ask(Text("field"), console=console, choices=correctable(fact))
                values[name] = Prompt.ask(Text(f"new {name}"), console=console)
            problem = decide(fact, action, values)
            if problem is None:
                made += 1
                console.print(f"{STATUS_SAID[action]} {fact.id}")
                break
            console.print(Text(f"error: {problem}", style="red"))
    return made


STATUS_SAID = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
