"""Display properties written beside the raw ones, so the Neo4j Browser's captions and tables read well.

GraSS captions can only show properties, so these are stored: ``display_name`` on parties (a shorter
form where the name is long), ``display_type`` on events ("Asset freeze", captioned with the date),
``display_amount`` ("USD 175M") on amounts, and on facts one ``evidence_sentence`` (one line) and the
``document_title`` it came from. They are derived from the raw properties, never read back.
"""

from __future__ import annotations

import re
from typing import Any

LONG_NAME = 24  # characters a Browser node caption shows without cutting
SENTENCE = 160  # characters of a one-line evidence sentence
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def short_amount(amount: float | None, currency: str | None) -> str | None:
    """175000000, 'USD' -> 'USD 175M'; 1250000 -> '1.25M'; no amount -> None."""
    if amount is None:
        return None
    value, suffix = float(amount), ""
    for scale, letter in _SCALES:
        if abs(value) >= scale:
            value, suffix = value / scale, letter
            break
    number = f"{value:,.2f}".rstrip("0").rstrip(".") + suffix
    return f"{currency} {number}" if currency else number


def display_name(name: str, forms: list[str]) -> str:
    """The name, or where it is long its shortest other form of at least two letters ('SEC')."""
    if len(name) <= LONG_NAME:
        return name
    shorter = [f for f in forms if 2 <= len(f) < len(name) and sum(c.isalpha() for c in f) >= 2]
    return min(shorter, key=lambda f: (len(f), f)) if shorter else name


def display_type(label: str) -> str:
    """'WithdrawalSuspension' -> 'Withdrawal suspension'."""
    return re.sub(r"(?<!^)([A-Z])", lambda m: " " + m.group(1).lower(), label)


def one_line(sentence: str | None) -> str | None:
    """A sentence on one line, clipped for a table cell."""
    if not sentence:
        return None
    text = " ".join(sentence.split())
    return text if len(text) <= SENTENCE else text[:SENTENCE - 1].rstrip() + "…"


def fact_props(amount: float | None, currency: str | None, sentence: str | None, title: str | None) -> dict[str, Any]:
    """The display properties of a fact (relationship or event), the ones that have a value."""
    props = {"display_amount": short_amount(amount, currency), "evidence_sentence": one_line(sentence),
             "document_title": title}
    return {k: v for k, v in props.items() if v is not None}
