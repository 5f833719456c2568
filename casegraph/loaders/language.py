"""Language of a document: lingua, restricted to the languages we have word lists for (fast, and
never answers with a language we cannot read)."""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

from casegraph.loaders.lexicon import languages

SAMPLE = 1200  # characters: enough to tell Dutch from English, cheap to classify


@cache
def _detector() -> LanguageDetector:
    codes = [IsoCode639_1.from_str(code) for code in languages()]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language, ``default`` when undecided."""
    found = _detector().detect_language_of(text[:SAMPLE])
    if found is None:
        return default
    return found.iso_code_639_1.name.lower()


def supported(lang: str | None) -> str | None:
    """``lang`` when we have word lists for it, else None."""
    lang = (lang or "").lower()[:2]
    return lang if lang in languages() else None
