"""Where things are in one document: its sentences, the sentence of each token, the text of a
token range. Built once per document from arrays: ``Doc.sents`` walks every token on each call and
``Span.text`` joins tokens in Python, and both are asked for hundreds of times per document."""

from __future__ import annotations

import itertools

from spacy.attrs import IDX, IS_PUNCT, IS_QUOTE, LENGTH, LIKE_NUM, SENT_START
from spacy.tokens import Doc, Span


class Layout:
    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text`` is the text ``doc`` was made from, when the caller has it."""
        self.doc = doc
        self.source = doc.text if text is None else text
        n = len(doc)
        if n:
            array = doc.to_array([IDX, LENGTH, SENT_START, LIKE_NUM, IS_PUNCT, IS_QUOTE]).astype("int64")
            self.idx: list[int] = array[:, 0].tolist()
            self.ends: list[int] = (array[:, 0] + array[:, 1]).tolist()
            flags = array[:, 2].tolist()
            self.like_num: list[bool] = array[:, 3].astype(bool).tolist()  # Token.like_num, per language
            self.punct: list[bool] = array[:, 4].astype(bool).tolist()
            self.quote: list[bool] = array[:, 5].astype(bool).tolist()
            source = self.source  # a token's text is its slice of the text (spaCy keeps every character)
            self.orth: list[str] = [source[a:b] for a, b in zip(self.idx, self.ends, strict=True)]
            self.lower: list[str] = [w.lower() for w in self.orth]  # spaCy's LOWER is str.lower
        else:
            self.idx, self.ends, flags, self.orth, self.lower, self.like_num, self.punct = [], [], [], [], [], [], []
            self.quote = []
        starts = [0] + [i for i in range(1, n) if flags[i] == 1] if n else []
        bounds = [*starts, n]
        self.sents: list[Span] = [Span(doc, s, e) for s, e in itertools.pairwise(bounds)]
        self.sent_starts = set(starts)
        self.sent_of: list[int] = []
        for number, (s, e) in enumerate(itertools.pairwise(bounds)):
            self.sent_of.extend([number] * (e - s))

    def text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``, as ``doc[start:end].text`` gives it."""
        if end <= start:
            return ""
        return self.source[self.idx[start] : self.ends[end - 1]]

    def span_text(self, span: Span) -> str:
        return self.text(span.start, span.end)

    def sent(self, token: int) -> Span:
        return self.sents[self.sent_of[token]]
