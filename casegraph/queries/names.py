"""From what a user types to party ids: exact by name key, fuzzy (rapidfuzz) for search and hints.

Both stores keep the same name keys (casegraph.schemas.name_key of every name and alias: the
embedded ``names`` table, Neo4j's ``(:NameKey {key})-[:NAMES]->(:Party)``), so resolution gives the same ids on both.
Fuzzy search asks each store's own index for candidates (FTS5 trigrams; a Neo4j full-text index) and
ranks them here, so on a large graph the two may propose different near misses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from casegraph.graph.rows import PARTY_LABELS
from casegraph.queries.cypher import canned
from casegraph.schemas import name_key


class NoParty(LookupError):
    """No party has this name; ``suggestions`` holds the closest names in the graph."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no party named {name!r}{hint}")


def is_neo4j(store: Any) -> bool:
    return hasattr(store, "driver") and hasattr(store, "run")


def party_ids(store: Any, key: str) -> list[str]:
    """Ids of the parties with a name or alias of this key (exact, indexed)."""
    if not key:
        return []
    if is_neo4j(store):
        return [r["id"] for r in store.run(canned("party_ids").text, key=key)]
    return store.find_names(key)


CANDIDATES = 200  # name keys a fuzzy search ranks with rapidfuzz


def candidates(store: Any, key: str, limit: int = CANDIDATES, enough: int = 10) -> dict[str, list[str]]:
    """Name keys near ``key`` -> party ids, through the store's fuzzy-lookup index (SQLite FTS5
    trigrams, a Neo4j full-text index): a few hundred keys, never every name in the graph."""
    if not key:
        return {}
    if is_neo4j(store):
        rows = store.run(canned("name_candidates").text, search=lucene(key), limit=limit)
        return {r["key"]: sorted(r["ids"]) for r in rows}
    return store.name_candidates(key, limit, enough)


def lucene(key: str) -> str:
    """A full-text query for a name key: each word exact (boosted), as a prefix and within 1-2 edits."""
    terms = []
    for word in key.split():
        terms += [f"{word}^2", f"{word}*"]
        if len(word) >= 3:
            terms.append(f"{word}~{1 if len(word) <= 5 else 2}")
    return " ".join(terms)


def resolve(store: Any, name: str) -> list[str]:
    """Party ids for a name (case-, accent-, legal-form-insensitive, through aliases) or a party id."""
    ids = party_ids(store, name_key(name))
    if not ids and ":" in name:  # a party id as casegraph entity prints it
        ids = list(parties(store, [name.strip()]))
    if not ids:
        raise NoParty(name, suggest(store, name))
    return ids


@dataclass(frozen=True)
class Match:
    id: str
    key: str
    score: float


def fuzzy(store: Any, text: str, limit: int = 10, cutoff: float = 60.0, scorer: Any = fuzz.WRatio) -> list[Match]:
    """Parties whose name keys are closest to ``text``, best first; an exact key scores 100.

    The store's index finds the candidates; rapidfuzz ranks them."""
    query = name_key(text)
    index = candidates(store, query, enough=limit)
    if not query or not index:
        return []
    best: dict[str, Match] = {}
    for key, score, _ in process.extract(query, list(index), scorer=scorer, limit=limit * 3, score_cutoff=cutoff):
        score = 100.0 if key == query else round(float(score), 1)
        for node_id in index[key]:
            if node_id not in best or score > best[node_id].score:
                best[node_id] = Match(node_id, key, score)
    return sorted(best.values(), key=lambda m: (-m.score, m.id))[:limit]


def suggest(store: Any, name: str, limit: int = 5) -> list[str]:
    """The closest party names, for a "no party named X" message."""
    matches = fuzzy(store, name, limit=limit, cutoff=50.0)
    found = parties(store, [m.id for m in matches])
    return list(dict.fromkeys(found[m.id]["name"] or m.id for m in matches if m.id in found))


def parties(store: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, label} for the ids that are parties."""
    if not ids:
        return {}
    if is_neo4j(store):
        return {r["id"]: r for r in store.run(canned("parties").text, ids=list(ids))}
    return {i: {"id": i, "name": n.props.get("name"), "label": n.label}
            for i, n in sorted(store.nodes(ids).items()) if n.label in PARTY_LABELS}


def lei_ids(store: Any, lei: str) -> list[str]:
    """Parties with this LEI."""
    if is_neo4j(store):
        return [r["id"] for r in store.run(canned("lei_ids").text, lei=lei)]
    return store.lei_ids(lei)
