"""Name normalisation: one key per party, however a text spells it.

"FTX", "FTX Ltd." and "ftx" share a key, so reloading and merging across documents need no
clean-up pass. Legal forms and prefixes are stripped by rigour's maintained tables, not ours.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.names import remove_org_prefixes, remove_org_types, remove_person_prefixes
from rigour.text import ascii_text

_NON_WORD = re.compile(r"[^a-z0-9]+")


# Bounded so that a long stream's memory stays flat (about 250 bytes an entry: 1 MB); what repeats
# is a document's own names and a batch's hubs, not the millionth name. A miss costs ~10 µs of rigour.
# At 32,768 entries it filled between 10k and 100k FtM entities, +26 MB of peak load memory (bench/README.md).
@lru_cache(maxsize=1 << 12)
def name_key(name: str, person: bool = False) -> str:
    """Case-, accent-, punctuation- and legal-form-insensitive key of a party name."""
    text = name.replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = remove_person_prefixes(text) if person else remove_org_types(remove_org_prefixes(text))
    key = _NON_WORD.sub(" ", ascii_text(text).lower()).strip()
    if not key:  # a name that is nothing but a legal form still needs a key
        key = _NON_WORD.sub(" ", ascii_text(name).lower()).strip()
    return key


def slug(key: str) -> str:
    """Key as an id fragment: words joined by hyphens."""
    return key.replace(" ", "-")
