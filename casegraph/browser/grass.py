"""A small reader for GraSS (the Neo4j Browser's graph style sheets), so tests can check ours."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RULE = re.compile(r"""([^{}]+)\{((?:[^{}'"]|'[^']*'|"[^"]*")*)\}""", re.S)
_SELECTOR = re.compile(r"^(node|relationship)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_SIZE = re.compile(r"^\d+(\.\d+)?px$")
PROPERTIES = {"diameter", "color", "border-color", "border-width", "text-color-internal", "text-color-external",
              "font-size", "caption", "shaft-width", "padding"}


@dataclass(frozen=True)
class Rule:
    kind: str  # node or relationship
    name: str | None  # label or type; None for the default rule
    props: dict[str, str]

    @property
    def caption_fields(self) -> list[str]:
        """Property names a caption shows ('{amount} {currency}' -> amount, currency)."""
        return re.findall(r"\{([^{}]+)\}", self.props.get("caption", ""))


def parse(text: str) -> list[Rule]:
    """Rules in order; raises ValueError on anything the Browser would not understand."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules, end = [], 0
    for match in _RULE.finditer(text):
        if text[end:match.start()].strip():
            raise ValueError(f"stray text before {match.group(1).strip()!r}")
        end = match.end()
        selector = match.group(1).strip()
        found = _SELECTOR.match(selector)
        if not found:
            raise ValueError(f"bad selector {selector!r}")
        props: dict[str, str] = {}
        for declaration in filter(None, (d.strip() for d in match.group(2).split(";"))):
            key, sep, value = (x.strip() for x in declaration.partition(":"))
            if not sep or key not in PROPERTIES:
                raise ValueError(f"{selector}: bad declaration {declaration!r}")
            if key == "caption":
                if len(value) < 2 or value[0] != value[-1] or value[0] not in "'\"":
                    raise ValueError(f"{selector}: caption must be quoted: {value!r}")
                value = value[1:-1]
            elif "color" in key and not _COLOR.match(value):
                raise ValueError(f"{selector}: bad colour {value!r}")
            elif key != "color" and "color" not in key and not _SIZE.match(value):
                raise ValueError(f"{selector}: bad size {value!r}")
            props[key] = value
        rules.append(Rule(found.group(1), found.group(2), props))
    if text[end:].strip():
        raise ValueError("stray text at the end")
    return rules
