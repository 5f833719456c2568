"""Sentence starts of a tokenised text, written once into the Doc.

The same decisions as a line-break rule followed by spaCy's ``Sentencizer``, computed over arrays of
word ids instead of Token objects (which spaCy creates anew at every step of a Python loop): a line
break starts a sentence (headlines and captions carry no full stop), and so does the first word
after sentence-final punctuation, or a capitalised word after an abbreviation that swallowed the
full stop ("lost $38m." / "Vela BV." / "Hanzebank N.V.").
"""

from __future__ import annotations

import bisect
from functools import cache

import numpy
from spacy.attrs import IDX, IS_PUNCT, ORTH, SENT_START
from spacy.pipeline.sentencizer import Sentencizer
from spacy.strings import hash_string
from spacy.tokens import Doc

PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)


def split_sentences(
    doc: Doc, text: str, closers: frozenset[str] = frozenset(), name_words: frozenset[str] = frozenset()
) -> Doc:
    """Mark the sentence starts of ``doc``, the tokens of ``text``. ``closers`` are abbreviations
    that end a sentence too when a capitalised word follows ("... Hanzebank Zwolle N.V. Klanten"),
    unless that word goes on with the name (``name_words``: "Inc. B.V.", "N.V. Bankiers")."""
    n = len(doc)
    if not n:
        return doc
    array = doc.to_array([ORTH, IS_PUNCT, IDX])
    orths, punct, idx = (array[:, k].tolist() for k in range(3))
    strings = doc.vocab.strings
    starts = [False] * n
    position = 0
    while (position := text.find("\n", position) + 1) > 0:
        index = bisect.bisect_left(idx, position)
        while index < n and text[idx[index]].isspace():
            index += 1
        if 0 < index < n:
            starts[index] = True
    guesses = [False] * n
    guesses[0] = True
    start, seen_period = 0, False
    closer_ids, final_ids = _ids(closers), _ids(PUNCT_CHARS)  # word ids: no string made per token
    for i in range(n):
        orth = orths[i]
        if orth in closer_ids and i + 1 < n:
            following = strings[orths[i + 1]]
            if following[:1].isupper() and following not in name_words:
                starts[i + 1] = True
        is_final = orth in final_ids
        if seen_period and not punct[i] and not is_final:
            guesses[start] = True
            start, seen_period = i, False
        elif is_final:
            seen_period = True
    guesses[start] = True
    values = [1 if s or g else -1 for s, g in zip(starts, guesses, strict=True)]
    doc.from_array([SENT_START], numpy.array(values, dtype="int32").astype("uint64").reshape(-1, 1))
    return doc


@cache
def _ids(words: frozenset[str]) -> frozenset[int]:
    """The ids spaCy gives ``words`` (a word's id is the hash of its text)."""
    return frozenset(hash_string(w) for w in words)
