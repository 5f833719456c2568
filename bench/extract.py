"""Extraction throughput: the ``casegraph extract`` path against the bare spaCy tokenizer.

The corpus is the shared dev corpus repeated (with fresh ids) to at least ``MIN_DOCS`` documents,
so the figure is per document of the real ~2 KB news excerpts, not of synthetic text.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

DEV_DOCS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "docs.jsonl"
MIN_DOCS = 5_000


def corpus(min_docs: int = MIN_DOCS, source: Path = DEV_DOCS) -> list[dict[str, Any]]:
    base = [json.loads(x) for x in source.read_text().splitlines() if x.strip()]
    out = []
    for copy in range(-(-min_docs // len(base))):
        out += [{**doc, "id": f"{doc['id']}-{copy}"} for doc in base]
    return out


def bench_extract(min_docs: int = MIN_DOCS) -> dict[str, Any]:
    if not DEV_DOCS.exists():
        return {"error": f"{DEV_DOCS} is missing"}
    docs = corpus(min_docs)
    chars = sum(len(d["text"]) for d in docs)
    out: dict[str, Any] = {"documents": len(docs), "characters": chars}
    out["spacy_blank"] = _spacy(docs, chars)
    try:
        from casegraph.loaders.documents import extract_bytes  # noqa: F401  (exists once the extractor lands)
    except ImportError as error:
        out["casegraph"] = {"error": f"casegraph.loaders.documents.extract_bytes not available ({error})"}
        return out
    from casegraph.loaders import load_bytes

    data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
    start = time.perf_counter()
    results = list(load_bytes(data, "bench-corpus.jsonl"))
    seconds = time.perf_counter() - start
    errors = sum(1 for r in results if r.error)
    out["casegraph"] = {"seconds": seconds, "docs_per_s": len(docs) / seconds, "chars_per_s": chars / seconds,
                        "extracted": len(results) - errors, "errors": errors}
    out["ratio"] = out["casegraph"]["docs_per_s"] / out["spacy_blank"]["docs_per_s"]
    return out


def _spacy(docs: list[dict[str, Any]], chars: int) -> dict[str, Any]:
    """The same texts through ``spacy.blank(lang)``'s tokenizer: the floor any spaCy pipeline pays."""
    import spacy

    tokenizers = {lang: spacy.blank(lang).tokenizer for lang in {d.get("lang") or "en" for d in docs}}
    start = time.perf_counter()
    tokens = sum(len(tokenizers[d.get("lang") or "en"](d["text"])) for d in docs)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "docs_per_s": len(docs) / seconds, "chars_per_s": chars / seconds, "tokens": tokens}
