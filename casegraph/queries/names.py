"""From what a user types to party ids: exact by name key, fuzzy (rapidfuzz) for search and hints.

Both stores keep the same name keys (casegraph.schemas.name_key of every name and alias: the
embedded ``names`` table, Neo4j's ``(:NameKey {key})-[:NAMES]->(:Party)``), so resolution gives the same ids on both.
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


def name_keys(store: Any) -> dict[str, list[str]]:
    """Every name key -> party ids (the whole name index: fuzzy matching needs it)."""
    if is_neo4j(store):
        return {r["key"]: sorted(r["ids"]) for r in store.run(canned("name_keys").text)}
    return store.name_index()


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


def fuzzy(store: Any, text: str, limit: int = 10, cutoff: float = 60.0, scorer: Any = fuzz.WRatio,
          index: dict[str, list[str]] | None = None) -> list[Match]:
    """Parties whose name keys are closest to ``text``, best first; an exact key scores 100."""
    query = name_key(text)
    index = name_keys(store) if index is None else index
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
