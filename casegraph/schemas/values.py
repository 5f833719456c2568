"""The value types every store can hold alike: bounded text, finite amounts, content-hash ids.

Both stores take exactly these, so a value one refuses the other refuses too: Neo4j's index keys
hold at most 8 kB, and JSON has no NaN or Infinity.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from casegraph.schemas.names import name_key

NAME_MAX = 1_000  # characters: 4 kB of UTF-8 at most, inside Neo4j's 8 kB index key
TEXT_MAX = 10_000

# A name or other short text: indexed (names, ids) or shown in one table cell.
Short = Annotated[str, Field(max_length=NAME_MAX)]
# Free text stored as a property (titles, URLs, sources), never indexed.
Text = Annotated[str, Field(max_length=TEXT_MAX)]
# Money: a finite, non-negative number; never a boolean or a numeric string.
Amount = Annotated[float, Field(ge=0, allow_inf_nan=False, strict=True)]
_HEX64 = re.compile(r"[0-9a-f]{64}")


def _content_id(value: str) -> str:
    if not _HEX64.fullmatch(value):
        raise ValueError("must be the sha256 of the document's text (64 hex digits), so no other node has it")
    return value


# A document's id is the sha256 of its content, so it can never be another node's id.
ContentId = Annotated[str, AfterValidator(_content_id)]


def _keyed(name: str) -> str:
    """A name that normalises to nothing ("🚀") would share the id ``firm:`` with every other such name."""
    if not name_key(name):
        raise ValueError("has no letter or digit to key it by")
    return name


# A party name: short, and with a name key (so it gets an id and can be looked up).
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX), AfterValidator(_keyed)]
