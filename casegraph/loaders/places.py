"""Countries and places: the states a text can name, and the words of place that are never a party.

``countries.json`` holds the jurisdictions with their words in each language; every other country
of the world comes from rigour's territory list under its English short name, so "Mozambique" or
"the Republic of Mozambique" is a state and never a firm, whether or not anyone listed it.
"""

from __future__ import annotations

from functools import cache

from rigour.territories import get_territories

from casegraph.loaders.lexicon import data, languages, lexicon

# Country names that are also common given names or words: read only where a list names them.
AMBIGUOUS = {"Jordan", "Chad", "Georgia", "Jersey", "Guernsey", "Niger", "Guinea", "Dominica", "Turkey"}


@cache
def world() -> dict[str, list[str]]:
    """ISO code -> names of the countries ``countries.json`` does not list (rigour's short and full name)."""
    listed = set(data("countries")["countries"])
    out: dict[str, list[str]] = {}
    for territory in get_territories():
        code = territory.code.upper()
        if not territory.is_country or territory.is_historical or len(code) != 2 or code in listed:
            continue
        names = [n for n in dict.fromkeys([territory.name, territory.full_name]) if n and n not in AMBIGUOUS]
        if names:
            out[code] = [*names, f"Republic of {names[0]}"]
    return out


def country_name(code: str) -> str:
    """The canonical Government name of a country code."""
    listed = data("countries")["countries"]
    return listed.get(code) or (world().get(code) or [code])[0]


@cache
def never_names() -> frozenset[str]:
    """Lower-cased words of place that never name a firm or a person on their own: country names and
    adjectives in every language ("Russian", "Bahamaanse", "Mozambique") and the cities of each
    language's ``places`` list ("Moscow", "Londen")."""
    words: set[str] = set()
    for code in languages():
        lex = lexicon(code)
        words.update(n.lower() for names in lex["countries"].values() for n in names)
        words.update(p.lower() for p in lex.get("places", []))
    for adjectives in data("countries")["adjectives"].values():
        words.update(adjectives)
    words.update(n.lower() for names in world().values() for n in names)
    return frozenset(words)
