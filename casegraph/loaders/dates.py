"""Dates of facts: explicit ("June 27", "12 november 2022") and relative ("vrijdag", "last month")
phrases, resolved against the document date.

Candidate phrases come from one regular expression per language built from its month, weekday and
relative-date words; only those go to dateparser, which is slow, and its answers are cached.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from casegraph.loaders.lexicon import lexicon

LEADING_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*\n?", re.IGNORECASE)


def leading_date(text: str) -> tuple[str | None, str]:
    """A leading ``date YYYY-MM[-DD]`` line: (the date, the text after it); else (None, text)."""
    match = LEADING_DATE.match(text)
    if not match:
        return None, text
    return match[1], text[match.end() :]


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    months = "|".join(sorted(lex["months"], key=len, reverse=True))
    weekdays = "|".join(lex["weekdays"])
    relative = "|".join(re.escape(r) for r in sorted(lex["relative_dates"], key=len, reverse=True))
    day_month = rf"\d{{1,2}}\s+(?:{months})\.?(?:\s+\d{{4}})?"
    month_day = rf"(?:{months})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    explicit = rf"(?:{day_month}|{month_day}|(?:{months})\s+\d{{4}})"
    return re.compile(rf"\b(?:{explicit}|{relative}|{weekdays})\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # one sentence holds several facts, and each asks
def find_date(sentence: str, lang: str, base: str | None) -> str | None:
    """The first date phrase of a sentence as YYYY-MM-DD (or YYYY-MM), None when there is none
    or it cannot be resolved (a weekday without a document date)."""
    match = _pattern(lang).search(sentence)
    if not match:
        return None
    return resolve(match[0].lower(), lang, base)


@lru_cache(maxsize=8192)
def resolve(phrase: str, lang: str, base: str | None) -> str | None:
    import datetime

    import dateparser

    settings: dict = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        parts = [int(p) for p in base.split("-")] + [1, 1]
        settings["RELATIVE_BASE"] = datetime.datetime(parts[0], parts[1], parts[2])
    elif not re.search(r"\d{4}", phrase):
        return None  # "Monday" or "June 27" without a year or document date says nothing certain
    parsed = dateparser.parse(phrase, languages=[lang], settings=settings)
    if parsed is None:
        return None
    if re.fullmatch(r"[^\d]*\d{4}", phrase) and not re.search(r"\d{1,2}\s", phrase):
        return parsed.strftime("%Y-%m")
    return parsed.strftime("%Y-%m-%d")
