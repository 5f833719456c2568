"""Amounts of money in the forms news texts use: "$1.8 billion", "US$6 billion", "$700M",
"175 miljoen dollar", "€3,3 mln", "16.900 dollar", "eighty-five million patacas", "elf miljoen euro"
-> (amount, ISO currency, span).

One regular expression per language, built from the currency symbols (currencies.json) and the
language's number and currency words, so the decimal comma of Dutch is read right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from casegraph.loaders.lexicon import data, lexicon
from casegraph.loaders.places import world


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    start: int
    end: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def counts(lang: str) -> dict[str, int]:
    """Numbers written out, 1 to 100, from the language's ``count_words`` and how it joins tens and units
    (``count_compound``: "eighty-five", "vijfentwintig", "tweeëntwintig")."""
    lex = lexicon(lang)
    words = {k.lower(): v for k, v in lex["count_words"].items()}
    units = {w: n for w, n in words.items() if 1 <= n <= 9 and " " not in w and len(w) > 1}
    tens = {w: n for w, n in words.items() if n in range(20, 100, 10)}
    out = dict(words)
    for t, tn in tens.items():
        for u, un in units.items():
            form = lex["count_compound"].format(tens=t, unit=u)
            out[form] = tn + un
            if u.endswith("e") and "{unit}en" in lex["count_compound"]:
                out[form.replace(u + "en", u[:-1] + "eën", 1)] = tn + un  # "tweeëntwintig"
    return out


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    currencies = data("currencies")
    symbols = _alternation(list(currencies["symbols"]))
    codes = _alternation(currencies["codes"])
    scale = _alternation(list(lex["number_words"]))
    words = _alternation(list(lex["currency_words"]))
    number = r"\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    before = rf"(?P<sym>{symbols}|(?:{codes})\s?)\s?(?P<n1>{number})(?:\s?(?P<s1>{scale})\b)?"
    after = rf"(?P<n2>{number})(?:\s?(?P<s2>{scale})\b)?\s?(?P<word>{words}|{codes})\b"
    return re.compile(rf"(?<![\w$€£¥])(?:{before}|{after})", re.IGNORECASE)


@cache
def _written_pattern(lang: str) -> re.Pattern[str]:
    """A scale and a currency with no figure before them ("... million euros"): the number written out
    is read backwards from there, so no word of the text is tried against every number word."""
    lex = lexicon(lang)
    scale = _alternation(list(lex["number_words"]))
    words = _alternation(list(lex["currency_words"]) + data("currencies")["codes"])
    return re.compile(rf"(?<=[^\W\d_])\s(?P<s3>{scale})\s(?P<word3>{words})\b", re.IGNORECASE)


_SPELT_BEFORE = re.compile(r"(?<![\w$€£¥])((?:(?:a|one)\s)?[^\W\d_]+(?:-[^\W\d_]+)?)$", re.IGNORECASE)


def parse_number(text: str, decimal_comma: bool) -> float:
    """'16.900' (nl) -> 16900, '3,3' (nl) -> 3.3, '1,000' (en) -> 1000, '1.8' -> 1.8."""
    text = text.replace(" ", "").replace(" ", "")
    thousands, decimal = (".", ",") if decimal_comma else (",", ".")
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+(?:{re.escape(decimal)}\d+)?", text):
        text = text.replace(thousands, "")
    elif re.fullmatch(rf"\d{{1,3}}(?:{re.escape(decimal)}\d{{3}})+", text) and text.count(decimal) > 1:
        text = text.replace(decimal, "")
    return float(text.replace(decimal, "."))


@cache
def compound_number(word: str, lang: str) -> float | None:
    """A number written as one word with its hundreds and thousands ("driehonderdduizend",
    "vijftigduizend", "tweehonderd"), where the language joins them (``compound_hundred``)."""
    lex, word = lexicon(lang), word.lower()
    hundred, thousand = lex.get("compound_hundred"), lex.get("compound_thousand")
    if not hundred or word in (hundred, thousand):
        return None
    spelt = counts(lang)
    half = next((h for h in lex.get("compound_half", []) if word.endswith(h) and word[: -len(h)] in spelt), None)
    if half:  # "drieënhalf miljoen": three and a half
        return spelt[word[: -len(half)]] + 0.5

    def below_thousand(part: str) -> float | None:
        if hundred not in part:
            return spelt.get(part)
        head, rest = part.split(hundred, 1)
        rest = rest.removeprefix("en")
        if (head and head not in spelt) or (rest and rest not in spelt):
            return None
        return (spelt[head] if head else 1) * 100 + (spelt[rest] if rest else 0)

    if thousand and word.endswith(thousand):
        value = below_thousand(word[: -len(thousand)])
        return value * 1000 if value else None
    return below_thousand(word) if hundred in word else None


@cache
def _compound_pattern(lang: str) -> re.Pattern[str]:
    """A one-word number ending in hundreds or thousands before a currency ("driehonderdduizend dollar")."""
    lex = lexicon(lang)
    ends = _alternation([w for w in (lex.get("compound_hundred"), lex.get("compound_thousand")) if w] or ["(?!)"])
    words = _alternation(list(lex["currency_words"]))
    return re.compile(rf"(?<![\w])(?P<n>[^\W\d_]+(?:{ends}))\s(?P<word>{words})\b", re.IGNORECASE)


def find_money(text: str, lang: str) -> list[Money]:
    """Every amount of money in ``text`` with its character span."""
    lex = lexicon(lang)
    scales = {k.lower(): v for k, v in lex["number_words"].items()}
    words = {k.lower(): v for k, v in lex["currency_words"].items()}
    symbols, shared = data("currencies")["symbols"], data("currencies")["shared_words"]
    found = []
    spelt = counts(lang)
    for match in _pattern(lang).finditer(text):
        number = match["n1"] or match["n2"]
        scale = (match["s1"] or match["s2"] or "").lower()
        if match["sym"]:
            sym = match["sym"].strip()
            currency = symbols.get(sym) or symbols.get(sym.upper()) or sym.upper()
        else:
            word = match["word"].lower()
            currency = words.get(word) or word.upper()
            if word in shared:
                currency = _named_country_currency(text, shared[word], lang)
        try:
            # rounded to the cent: "$4.1 million" is 4,100,000, not 4,099,999.9999999995
            amount = round(parse_number(number, lex["decimal_comma"]) * scales.get(scale, 1), 2)
        except ValueError:
            continue
        found.append(Money(amount, currency, match.start(), match.end()))
    for match in _written_pattern(lang).finditer(text):  # "eleven million euros", "a hundred million"
        before = _SPELT_BEFORE.search(text, max(0, match.start() - 24), match.start())
        value = None if before is None else spelt.get(before[1].lower()) or compound_number(before[1], lang)
        whole = _and_fraction(text, before, lang) if before is not None and value is None else None
        if whole is not None:  # "three and a half million dollars"
            value, before = whole
        if before is None or value is None:
            continue  # "tweehonderd miljoen euro": hundreds joined in one word
        word = match["word3"].lower()
        amount = round(value * scales.get(match["s3"].lower(), 1), 2)
        head = text[max(0, before.start(1) - 32) : before.start(1)].lower()  # "half a million", "a quarter of a"
        begin = before.start(1)
        if (hundreds := _hundreds(lang).search(head)) and hundreds["h"] in spelt:  # "eight hundred and forty
            amount += spelt[hundreds["h"]] * 100 * scales.get(match["s3"].lower(), 1)  # thousand dollars"
            begin -= len(head) - hundreds.start()
        elif part := next(((f, v) for f, v in lex["fractions"].items() if head.endswith(f"{f} ")), None):
            amount *= part[1]
            begin -= len(part[0]) + 1
        found.append(Money(round(amount, 2), words.get(word) or word.upper(), begin, match.end()))
    for match in _compound_pattern(lang).finditer(text) if lex.get("compound_hundred") else ():
        if (value := compound_number(match["n"], lang)) is not None:
            word = match["word"].lower()
            found.append(Money(round(float(value), 2), words.get(word) or word.upper(), match.start(), match.end()))
    for match in _implied_pattern(lang).finditer(text) if lex["implied_sums"] else ():  # "zes ton", "vier ton kwijt"
        before = _SPELT_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if before is None or before[1].lower() not in spelt or " " in before[1]:
            continue
        value, currency = lex["implied_sums"][match["s4"].lower()]
        found.append(Money(round(spelt[before[1].lower()] * value, 2), currency, before.start(1), match.end()))
    return sorted(found, key=lambda m: m.start)


def _and_fraction(text: str, part: re.Match[str], lang: str) -> tuple[float, re.Match[str]] | None:
    """ "three and a half", "two and three-quarter": a counted number, 'and' and a fraction of one
    (``and_fractions``); the value and the match of the counted word."""
    fraction = lexicon(lang).get("and_fractions", {}).get(part[1].lower())
    if fraction is None:
        return None
    spelt = counts(lang)
    whole = _SPELT_BEFORE.search(text, max(0, part.start(1) - 24), max(0, part.start(1) - len(" and ")))
    ands = text[whole.end() : part.start(1)].lower().strip() if whole is not None else ""
    if whole is None or ands not in lexicon(lang).get("coordinators", []) or whole[1].lower() not in spelt:
        return None
    return spelt[whole[1].lower()] + fraction, whole


def _named_country_currency(text: str, candidates: list[str], lang: str) -> str:
    """Of the currencies a word may be ("kroner"), the one whose country the text names most by its
    adjective or name ("Danish", "Denemarken"); the first when none is named or two tie."""
    tally = [(len(_country_words(code, lang).findall(text)), code) for code in candidates]
    best = max(n for n, _ in tally)
    leaders = [code for n, code in tally if n == best]
    return leaders[0] if best and len(leaders) == 1 else candidates[0]


@cache
def _country_words(currency: str, lang: str) -> re.Pattern[str]:
    """The adjectives and names of the country issuing ``currency``, in ``lang``."""
    country = data("currencies")["issuers"][currency]
    adjectives = [a for a, code in data("countries")["adjectives"][lang].items() if code == country]
    names = lexicon(lang)["countries"].get(country) or world(lang).get(country, [])
    return re.compile(rf"\b(?:{_alternation([*adjectives, *names])})\b", re.IGNORECASE)


@cache
def _hundreds(lang: str) -> re.Pattern[str]:
    """ "eight hundred and " closing the text before a written number: its hundreds."""
    words = lexicon(lang)["hundred_words"] or ["(?!)"]
    return re.compile(rf"\b(?P<h>[^\W\d_]+)\s(?:{'|'.join(words)})\s(?:and\s)?$")


@cache
def _implied_pattern(lang: str) -> re.Pattern[str]:
    """A written number and a scale that is a sum by itself, before a pause or a word of money
    ("zes ton.", "vier ton kwijt"): not before a noun ("zes ton staal" weighs)."""
    lex = lexicon(lang)
    scales = _alternation([k for k in lex["implied_sums"] if not k.startswith("_")])
    after = _alternation(lex["implied_sum_after"])
    # the scale first, the written number before it read back from there (as for "... million euros")
    return re.compile(rf"(?<=[^\W\d_])\s(?P<s4>{scales})(?=\s*(?:[.,;:)!?]|$)|\s(?:{after})\b)", re.IGNORECASE)


@cache
def _unit_pattern(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    currencies = data("currencies")
    symbols = _alternation(list(currencies["symbols"]) + currencies["codes"])
    scale = _alternation(list(lex["number_words"]))
    words = _alternation(list(lex["currency_words"]) + currencies["codes"])
    before = rf"(?P<sym>{symbols})\s?(?P<s1>{scale})\b"
    after = rf"\b(?P<s2>{scale})\s(?P<word>{words})\b"
    return re.compile(rf"(?<![\w$€£¥])(?:{before}|{after})(?!\s?\d)", re.IGNORECASE)


def find_unit(text: str, lang: str) -> tuple[float, str] | None:
    """The unit a table's header gives its bare figures: "(US$ million)", "EUR m", "in miljoenen euro"
    -> (1e6, currency); None where the text has a figure after it, or no unit."""
    match = _unit_pattern(lang).search(text)
    if match is None:
        return None
    lex = lexicon(lang)
    scale = {k.lower(): v for k, v in lex["number_words"].items()}.get((match["s1"] or match["s2"]).lower())
    if match["sym"]:
        sym = match["sym"]
        currency = data("currencies")["symbols"].get(sym) or sym.upper()
    else:
        word = match["word"].lower()
        currency = {k.lower(): v for k, v in lex["currency_words"].items()}.get(word) or word.upper()
    return (scale, currency) if scale else None


@cache
def _value_gap(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    words, approx = _alternation(lex["coin_value_words"]), _alternation(lex["approximations"])
    return re.compile(rf"(?:^\s*[,(—–-]|[,(—–-]?\s*\b(?:{words}))\s*(?:(?:{approx})\s+)?$", re.IGNORECASE)


def fiat_for_coins(text: str, money: list[Money], lang: str) -> list[Money]:
    """ "900 ether, then worth about $2.9m", "410 ether bij X, goed voor 1,3 miljoen dollar": the fiat
    value told after a sum in coins is the sum at risk; told right after the coins it stands for
    them, told later it is read where the coins stand."""
    coins = set(data("currencies")["coins"])
    value = _value_gap(lang)
    out: list[Money] = []
    told = None
    for m, after in pairwise([*money, None]):
        if m is told:
            continue
        if (m.currency in coins and after is not None and after.currency not in coins
                and ";" not in (gap := text[m.end : after.start]) and (found := value.search(gap))):
            if found.start() == 0:
                continue  # the value follows the coins: it stands for them where it is
            m, told = Money(after.amount, after.currency, m.start, m.end), after
        out.append(m)
    return out
