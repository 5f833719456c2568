"""Countries and places: the states a text can name, and the words of place that are never a party.

``countries.json`` holds the jurisdictions with their words in each language; every other country
of the world comes from rigour's territory list with its names from CLDR (babel), so "Mozambique",
"Oezbekistan" or "the Republic of Mozambique" is a state and never a firm, whether or not anyone
listed it.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.languages import get_official_languages
from rigour.territories import get_territories

from casegraph.loaders.lexicon import data, languages, lexicon

# Country names that are also common given names or words: read only where a list names them.
AMBIGUOUS = {"Jordan", "Chad", "Georgia", "Jersey", "Guernsey", "Niger", "Guinea", "Dominica", "Turkey"}


@cache
def world(lang: str = "en") -> dict[str, list[str]]:
    """ISO code -> names of the countries ``countries.json`` does not list: the language's CLDR name
    (babel), the English one, rigour's full name and "Republic of X"."""
    listed = set(data("countries")["countries"])
    here, english = Locale.parse(lang).territories, Locale.parse("en").territories
    out: dict[str, list[str]] = {}
    for territory in get_territories():
        code = territory.code.upper()
        if not territory.is_country or territory.is_historical or len(code) != 2 or code in listed:
            continue
        short = english.get(code, territory.name)
        names = [here.get(code), short, territory.name, territory.full_name, f"Republic of {short}"]
        names = [n for n in dict.fromkeys(names) if n and n not in AMBIGUOUS and "(" not in n]
        if names:
            out[code] = names
    return out


@cache
def endonyms() -> dict[str, str]:
    """ISO code -> the country's own name in its one official language (CLDR): "Brasil", "Danmark",
    "Deutschland", as firms' units are named ("Coin Cloud Brasil Ltda."). Countries of several
    official languages are left out: their names in one of them are words of firms' names ("Suisse")."""
    out = {}
    for territory in get_territories():
        code = territory.code.upper()
        if not territory.is_country or territory.is_historical or len(code) != 2:
            continue
        official = get_official_languages(code, de_facto=True)
        if len(official) != 1:
            continue
        try:
            name = Locale.parse(official[0]).territories.get(code)
        except (ValueError, LookupError):
            continue
        if name and ord(name[0]) < 0x250 and name not in AMBIGUOUS and "(" not in name:  # Latin script
            out[code] = name
    return out


def country_name(code: str) -> str:
    """The canonical Government name of a country code."""
    listed = data("countries")["countries"]
    return listed.get(code) or (world().get(code) or [code])[0]


@cache
def adjectives() -> frozenset[str]:
    """Lower-cased adjectives of countries in every language: "swiss", "japanse"."""
    return frozenset(a for by_lang in data("countries")["adjectives"].values() for a in by_lang)


@cache
def country_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The words of every language's country names written with a capital ("Netherlands",
    "Nederland", "Hong Kong"), by first word, longest first."""
    names = {tuple(n.split()) for code in languages() for names in lexicon(code)["countries"].values()
             for n in names if n[:1].isupper()} | {tuple(n.split()) for n in endonyms().values()}
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in out.items()}


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
        # their peoples: "Americans are barred from dealing with them", "Saudis"
        words.update(a + "s" for a in adjectives if a.endswith(("an", "i")) and " " not in a)
    words.update(n.lower() for code in languages() for names in world(code).values() for n in names)
    words.update(n.lower() for n in endonyms().values())
    return frozenset(words)


@cache
def _place_stems(lang: str) -> frozenset[str]:
    """Lower-cased names of the language's places, and their last words ("den haag" -> "haag")."""
    names = [p.lower() for p in lexicon(lang).get("places", [])]
    return frozenset(names + [n.split()[-1] for n in names])


def place_adjective(word: str, lang: str) -> bool:
    """ "Rotterdamse", "Antwerpse", "Haagse": an adjective made from a place of the language's list
    with one of its ``place_adjective_endings``; such a word describes a firm, it is no part of its name."""
    lower = word.lower()
    for ending in lexicon(lang).get("place_adjective_endings", []):
        stem = lower.removesuffix(ending)
        if stem == lower or len(stem) < 4:
            continue
        stems = {stem, re.sub(r"([aeou])\1(?=[^aeiou]$)", r"\1", stem)}  # "Almeerse" from Almere
        if any(p.startswith(s) for s in stems for p in _place_stems(lang)):
            return True
    return False
