"""From what a user types to party ids: exact by name key, fuzzy (rapidfuzz) for search and hints.

Both stores keep the same name keys (casegraph.schemas.name_key of every name and alias: the
embedded ``names`` table, Neo4j's ``(:NameKey {key})-[:NAMES]->(:Party)``), so resolution gives the same ids on both.
Resolution is two steps: ``candidates`` finds the parties a name may mean (exact key, else fuzzy),
and ``choose`` — the one policy — takes one of them or says why not (NoParty, Ambiguous).
Fuzzy search asks each store's own index for near keys (FTS5 trigrams; a Neo4j full-text index) and
ranks them here with rapidfuzz, so on a large graph the two may propose different near misses.
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


class Ambiguous(LookupError):
    """Several parties fit the name equally well; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: list[Candidate]) -> None:
        self.name = name
        self.candidates = candidates
        listed = ", ".join(c.described for c in candidates)
        super().__init__(f"{name!r} may be any of {len(candidates)} parties: {listed}; "
                         "give the full name or the party id")


@dataclass(frozen=True)
class Candidate:
    """A party a typed name may mean: the name key it matched and the lookup's score (100 = exact key)."""

    id: str
    name: str
    label: str
    key: str
    score: float

    @property
    def described(self) -> str:
        return f"{self.name!r} ({self.label})"


@dataclass(frozen=True)
class Choice:
    """The party taken for a typed name, how, and the others that matched as exactly."""

    typed: str
    party: Candidate
    how: str  # "name", "id", "alias", "words" or "fuzzy"
    others: tuple[Candidate, ...] = ()

    @property
    def note(self) -> str | None:
        """What a user is told on stderr, unless the name was the party's own (or its id) and nothing else matched."""
        if self.how in ("name", "id") and not self.others:
            return None
        also = f" (also named so: {', '.join(c.described for c in self.others)})" if self.others else ""
        return f"using {self.party.described} for {self.typed!r}{also}"


CLEAR_RATIO, CLEAR_MARGIN = 90.0, 10.0  # a fuzzy match is taken only this close, and this far ahead of the next


def choose(typed: str, candidates: list[Candidate]) -> Choice:
    """The policy: which candidate a typed name means, else NoParty (nothing close) or Ambiguous.

    1. An exact name key: a party whose own name it is beats those with it as an alias; one left is
       taken, several are ambiguous.
    2. Otherwise the typed words, whole, inside one party's name or alias ("celsius" in "Celsius
       Network"): one such party is taken, several are ambiguous.
    3. Otherwise a near spelling (rapidfuzz ratio of the keys, stricter than the lookup's ranking
       score) at least CLEAR_RATIO and CLEAR_MARGIN ahead of the next party.
    """
    query = name_key(typed)
    best: dict[str, Candidate] = {}
    for c in sorted(candidates, key=lambda c: -c.score):
        best.setdefault(c.id, c)
    ranked = list(best.values())
    if typed.strip() in best:
        return Choice(typed, best[typed.strip()], "id")
    exact = [c for c in ranked if c.key == query]
    if exact:
        named = [c for c in exact if name_key(c.name) == query]
        pool = named or exact
        if len(pool) > 1:
            raise Ambiguous(typed, pool)
        return Choice(typed, pool[0], "name" if named else "alias", tuple(c for c in exact if c is not pool[0]))
    words = [c for c in ranked if any(f" {query} " in f" {k} " for k in (c.key, name_key(c.name)))]
    if len(words) > 1:
        raise Ambiguous(typed, words)
    if words:
        return Choice(typed, words[0], "words")
    close = sorted(ranked, key=lambda c: -fuzz.ratio(query, c.key))
    ratios = [fuzz.ratio(query, c.key) for c in close[:2]] + [0.0]
    if close and ratios[0] >= CLEAR_RATIO and ratios[0] - ratios[1] >= CLEAR_MARGIN:
        return Choice(typed, close[0], "fuzzy")
    raise NoParty(typed, list(dict.fromkeys(c.name for c in ranked))[:5])


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


def near_keys(store: Any, key: str, limit: int = CANDIDATES, enough: int = 10) -> dict[str, list[str]]:
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


def candidates(store: Any, name: str) -> list[Candidate]:
    """The parties a typed name may mean: those with its exact name key, else the fuzzy ones, else a party id."""
    key = name_key(name)
    ids = party_ids(store, key)
    matches = [Match(i, key, 100.0) for i in ids] if ids else fuzzy(store, name, limit=10, cutoff=50.0)
    if not ids and ":" in name:  # a party id as casegraph entity prints it
        matches += [Match(name.strip(), key, 100.0)]
    found = parties(store, [m.id for m in matches])
    return [Candidate(m.id, found[m.id]["name"] or m.id, found[m.id]["label"], m.key, m.score)
            for m in matches if m.id in found]


def pick(store: Any, name: str) -> Choice:
    """The party a name means on this store (see ``choose``)."""
    return choose(name, candidates(store, name))


def resolve(store: Any, name: str) -> list[str]:
    """Party ids for a name (case-, accent-, legal-form-insensitive, through aliases) or a party id."""
    return [pick(store, name).party.id]


@dataclass(frozen=True)
class Match:
    id: str
    key: str
    score: float


def fuzzy(store: Any, text: str, limit: int = 10, cutoff: float = 60.0, scorer: Any = fuzz.WRatio) -> list[Match]:
    """Parties whose name keys are closest to ``text``, best first; an exact key scores 100.

    The store's index finds the candidates; rapidfuzz ranks them."""
    query = name_key(text)
    index = near_keys(store, query, enough=limit)
    if not query or not index:
        return []
    best: dict[str, Match] = {}
    for key, score, _ in process.extract(query, list(index), scorer=scorer, limit=limit * 3, score_cutoff=cutoff):
        score = 100.0 if key == query else round(float(score), 1)
        for node_id in index[key]:
            if node_id not in best or score > best[node_id].score:
                best[node_id] = Match(node_id, key, score)
    return sorted(best.values(), key=lambda m: (-m.score, m.id))[:limit]


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
