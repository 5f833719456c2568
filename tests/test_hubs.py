"""Big names on a generated graph of 10k relationships (the bench's generator): exposure totals are
computed in the store and equal the sums over every chain streamed with --all, on both stores; the
stores agree on totals, top chains, a hub's entity brief and paths through hubs. Small tangled
graphs (cycles, a party on two routes, relationships to oneself, mixed and missing currencies,
unknown amounts, a group of four) check the same at every depth and both directions."""

from __future__ import annotations

import json
import random

import pytest
from test_queries_case import load

from bench.generate import generate, word
from casegraph.queries import LIMIT_DEFAULT, run, stream_exposure
from casegraph.queries.cypher import canned
from casegraph.queries.embedded import PATH_TYPES
from casegraph.queries.finish import chain_order, summarise, totals
from casegraph.queries.names import parties, resolve
from casegraph.schemas import name_key


@pytest.fixture(scope="module")
def graph():
    return generate(10_000, seed=5)


def tangled(seed: int, firms: int, exposures: int) -> tuple[list[str], list[str]]:
    """Extraction lines of a dense random exposure graph around a group (firm 0 with subsidiaries 1
    and 2, and 3 under 1), and the firms' names. Most exposures point at the group, so chains to it
    cross, loop and share relationships; a fifth have no amount, some no currency."""
    rng = random.Random(seed)
    names = [f"{word(100 + i + 50 * seed).title()} {rng.choice(['Ltd', 'AG', 'LLC', 'SA'])}" for i in range(firms)]
    lines: list[str] = []

    def document(facts: list[dict]) -> None:
        number = len(lines) + 1
        parties = [x for f in facts for x in (f.get("exposed") or f["child"], f.get("counterparty") or f["parent"])]
        lines.append(json.dumps({
            "id": f"tangled-{seed}-{number}",
            "document": {"id": f"{seed:04x}{number:060x}", "source": "tangled", "title": f"Note {number}",
                         "date": "2023-05", "lang": "en"},
            "entities": [{"name": x, "type": "Firm"} for x in dict.fromkeys(parties)], "facts": facts}))

    def evidence(text: str) -> list[dict]:
        return [{"sentence": text, "start": 0, "end": len(text), "extractor": "test", "confidence": 0.9}]

    for child, parent in ((1, 0), (2, 0), (3, 1)):
        document([{"type": "subsidiary", "child": names[child], "parent": names[parent],
                   "evidence": evidence(f"{names[child]} belongs to {names[parent]}.")}])
    pairs: set[tuple[int, int]] = set()
    facts = []
    while len(pairs) < exposures:
        a = rng.randrange(firms)
        b = a if rng.random() < 0.02 else rng.choice([0, 0, 1, 2, 3, rng.randrange(firms), rng.randrange(firms)])
        if (a, b) in pairs:
            continue
        pairs.add((a, b))
        fact = {"type": "exposure", "exposed": names[a], "counterparty": names[b],
                "evidence": evidence(f"{names[a]} lent money to {names[b]}.")}
        if rng.random() < 0.8:
            fact["amount"] = float(rng.choice([1, 2, 3, 5]) * 1000 * rng.randrange(1, 40))
        if (c := rng.random()) < 0.85:
            fact["currency"] = "USD" if c < 0.55 else "EUR"
        facts.append(fact)
    for start in range(0, len(facts), 10):
        document(facts[start:start + 10])
    return lines, names


def _reference(store, params: dict, limit: int) -> list[dict]:
    """The totals recomputed in Python from every streamed chain."""
    ids = resolve(store, params["name"])
    raw = summarise(stream_exposure(store, **params), limit)
    keys = {part for r in raw if r["kind"] in ("target", "counterparty") for part in r["key"].split("|")}
    return totals(raw, ids, parties(store, sorted(keys)))


@pytest.mark.parametrize("direction", ["in", "out"])
def test_totals_equal_the_sum_over_every_chain(store, graph, direction):
    load(store, graph.lines)
    hub = graph.hubs[0]
    party = hub if direction == "in" else graph.ordinary[0]
    params = {"name": party, "depth": 3, "direction": direction}
    found = run(store, "totals", **params, limit=10)
    assert found == _reference(store, params, 10)
    every = list(stream_exposure(store, **params))
    summary = found[0]
    assert summary["kind"] == "summary" and summary["chains"] == len(every)
    assert summary["parties"] == len({c["party_id"] for c in every})
    if direction == "in":
        assert summary["chains"] > 500  # a hub: the totals cover far more than the chains shown
        by_currency = [t for t in found if t["kind"] == "currency"]
        firsts = {(c["hops"][0]["from_id"], c["hops"][0]["to_id"]): c["amount"] for c in every}
        assert sum(t["total"] for t in by_currency) == pytest.approx(sum(a for a in firsts.values() if a))
        assert len([t for t in found if t["kind"] == "counterparty"]) <= 10 * len(by_currency)
    top = run(store, "exposure", **params, limit=LIMIT_DEFAULT)
    assert top == sorted(every, key=chain_order)[:LIMIT_DEFAULT] == every[:LIMIT_DEFAULT]


@pytest.mark.neo4j
def test_stores_agree_on_totals_and_top_chains(embedded_store, neo4j_store, graph):
    for store in (embedded_store, neo4j_store):
        load(store, graph.lines)
    for party, direction in ((graph.hubs[0], "in"), (graph.hubs[1], "in"), (graph.ordinary[0], "out")):
        params = {"name": party, "depth": 3, "direction": direction}
        assert run(embedded_store, "totals", **params) == run(neo4j_store, "totals", **params)
        assert run(embedded_store, "exposure", **params, limit=50) == run(neo4j_store, "exposure", **params, limit=50)
    for a, b in ((graph.hubs[0], graph.ordinary[0]), (graph.ordinary[1], graph.ordinary[2])):
        assert run(embedded_store, "path", a=a, b=b) == run(neo4j_store, "path", a=a, b=b)
    assert run(embedded_store, "entity", text=graph.hubs[0]) == run(neo4j_store, "entity", text=graph.hubs[0])


def test_entity_lists_the_first_neighbours_of_a_hub_and_counts_all(store, graph):
    load(store, graph.lines)
    [hub] = [r for r in run(store, "entity", text=graph.hubs[0]) if r["name"] == graph.hubs[0]]
    assert len(hub["neighbours"]) == 25 < hub["neighbour_count"]
    exposed = run(store, "totals", name=graph.hubs[0], depth=1)
    assert hub["neighbour_count"] >= exposed[0]["parties"]  # every direct creditor is a neighbour
    order = [(n["type"], n["direction"], n["other_id"]) for n in hub["neighbours"]]
    assert order == sorted(order) and f"{hub['neighbour_count'] - 25:,} more" in hub["brief"]


def _neighbours(store, node_id: str) -> list[tuple[str, str, str]]:
    """(type, direction, other id) of every relationship but MENTIONS touching the node, in the store."""
    if hasattr(store, "driver"):
        rows = store.run("MATCH (p:Party {id: $id})-[r]-(n) WHERE type(r) IN $types "
                         "RETURN type(r) AS t, CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS d, n.id AS o",
                         id=node_id, types=list(PATH_TYPES))
        return sorted((r["t"], r["d"], r["o"]) for r in rows)
    return sorted((e.type, "out" if e.src == node_id else "in", e.dst if e.src == node_id else e.src)
                  for e in store.edges([node_id], PATH_TYPES))


def test_entity_counts_lists_and_names_as_the_store_holds_them(store, graph):
    """Hubs and ordinary parties: the count is every relationship, the listed ones are the first by
    (type, direction, other id) with the other end's name, and documents is the party's sources."""
    load(store, graph.lines)
    ids = resolve(store, graph.hubs[0]) + resolve(store, graph.hubs[3]) + [
        i for name in graph.ordinary[:4] for i in resolve(store, name)]
    rows = run(store, "entity", ids=ids)
    assert sorted(r["id"] for r in rows) == sorted(ids)
    nodes = store.nodes([*ids, *(n["other_id"] for r in rows for n in r["neighbours"])])
    for r in rows:
        every = _neighbours(store, r["id"])
        assert r["neighbour_count"] == len(every)
        assert [(n["type"], n["direction"], n["other_id"]) for n in r["neighbours"]] == every[:25]
        assert [n["other"] for n in r["neighbours"]] == [nodes[n["other_id"]].props.get("name")
                                                        for n in r["neighbours"]]
        assert r["documents"] == len(nodes[r["id"]].props["sources"]) > 0


@pytest.mark.neo4j
def test_stores_agree_on_the_entity_of_hubs_and_ordinary_parties(embedded_store, neo4j_store, graph):
    for store in (embedded_store, neo4j_store):
        load(store, graph.lines)
    ids = [i for name in [*graph.hubs, *graph.ordinary[:5]] for i in resolve(embedded_store, name)]
    assert run(embedded_store, "entity", ids=ids) == run(neo4j_store, "entity", ids=ids)
    for name in graph.ordinary[:3]:  # the fuzzy candidates may differ; the party itself is found alike
        [mine] = [r for r in run(embedded_store, "entity", text=name) if r["score"] == 100.0]
        assert mine in run(neo4j_store, "entity", text=name)


@pytest.mark.neo4j
@pytest.mark.parametrize("seed", [1, 2])
def test_stores_agree_on_the_entity_of_tangled_graphs(embedded_store, neo4j_store, seed):
    """Relationships to oneself, a party with most of the graph's exposures (Neo4j walks its id index
    for those), and that walk cut short (``scan``) so the relationships are sorted after all."""
    lines, names = tangled(seed, firms=120, exposures=900)
    for store in (embedded_store, neo4j_store):
        load(store, lines)
    ids = [i for name in names for i in resolve(embedded_store, name)]

    def others(rows: list[dict]) -> list[tuple]:
        """Every neighbour but the party itself: the embedded store lists a relationship to oneself
        both ways, Neo4j once (out)."""
        return [(r["id"], [n for n in r["neighbours"] if n["other_id"] != r["id"]]) for r in rows]

    every = run(embedded_store, "entity", ids=ids, neighbours=1_000)
    assert others(every) == others(run(neo4j_store, "entity", ids=ids, neighbours=1_000))
    parties = neo4j_store.run("MATCH (x:Party) RETURN count(x) AS n")[0]["n"]
    head = max(len(embedded_store.edges([i], ["EXPOSED_TO"], "in")) for i in ids)
    assert head * head > 75 * parties  # the group's head has its creditors found through the index
    text = canned("entity").text
    walked = neo4j_store.run(text, ids=ids, neighbours=7, scan=10_000)
    assert [r["neighbours"] for r in walked] == [
        sorted(r["neighbours"], key=lambda n: (n["type"], n["direction"], n["other_id"]))[:7]
        for r in neo4j_store.run(text, ids=ids, neighbours=1_000, scan=10_000)]
    for scan in (0, 5, 40):  # cut short: found in the index, sorted after all, or some of each
        assert neo4j_store.run(text, ids=ids, neighbours=7, scan=scan) == walked


def test_embedded_keys_containing_a_name_are_those_like_finds(embedded_store, graph):
    """The keys containing a typed key, found through its rarest trigrams then checked, are the ones
    the trigram index's own LIKE gives, in its order and cut at the limit (a common word included)."""
    load(embedded_store, graph.lines)
    db = embedded_store.db
    typed = [name_key(n) for n in [*graph.hubs[:2], *graph.ordinary[:6]]]
    typed += ["holdings", "lo ho", "capital", "zzzq", "olo"]
    common = dict(db.execute("SELECT term, doc FROM name_grams_vocab"))
    for key in typed:
        grams = [key[i:i + 3] for i in range(len(key) - 2)]
        for limit in (3, 200):
            like = db.execute("SELECT key FROM name_grams WHERE key LIKE ? LIMIT ?", (f"%{key}%", limit)).fetchall()
            assert embedded_store._containing(key, grams, common, limit) == like, key
    grams = ["hol", "old", "ldi", "din", "ing", "ngs"]
    assert len(embedded_store._containing("holdings", grams, common, 200)) > 100  # many keys hold the word


def test_exposure_all_streams_json_lines_and_csv(tmp_path, graph):
    from typer.testing import CliRunner

    from casegraph.cli import app
    from casegraph.graph.embedded import EmbeddedStore

    db = tmp_path / "g.db"
    store = EmbeddedStore(db)
    load(store, graph.lines)
    store.close()
    runner = CliRunner()
    hub = graph.hubs[0]
    lines = runner.invoke(app, ["exposure", hub, "--all", "--store", str(db)]).stdout.splitlines()
    chains = [json.loads(x) for x in lines]
    shown = json.loads(runner.invoke(app, ["exposure", hub, "--json", "--limit", "5", "--store", str(db)]).stdout)
    assert shown["rows"] == chains[:5]
    assert shown["totals"][0]["chains"] == len(chains) > 5
    csv = runner.invoke(app, ["exposure", hub, "--all", "--csv", "--store", str(db)]).stdout.splitlines()
    assert csv[0].startswith("party_id,party,amount") and len(csv) == len(chains) + 1


@pytest.mark.parametrize("seed", [1, 2])
def test_totals_and_top_chains_on_tangled_graphs(store, seed):
    """Every depth, both directions, from a group member, a member's parent, and outsiders: the
    store's totals are the sums over --all, and its top N the first N of --all."""
    lines, names = tangled(seed, firms=14, exposures=80)
    load(store, lines)
    for name in (names[0], names[3], names[6], names[9]):
        for depth in (1, 2, 3, 4, 5):
            for direction in ("in", "out"):
                params = {"name": name, "depth": depth, "direction": direction}
                every = list(stream_exposure(store, **params))
                assert every == sorted(every, key=chain_order)
                assert run(store, "totals", **params, limit=4) == _reference(store, params, 4)
                for limit in (1, 7, 40):
                    assert run(store, "exposure", **params, limit=limit) == every[:limit]


@pytest.mark.neo4j
def test_stores_agree_on_every_chain_of_tangled_graphs(embedded_store, neo4j_store):
    lines, names = tangled(3, firms=14, exposures=80)
    for store in (embedded_store, neo4j_store):
        load(store, lines)
    for name in (names[0], names[7]):
        for direction in ("in", "out"):
            params = {"name": name, "depth": 4, "direction": direction}
            assert list(stream_exposure(embedded_store, **params)) == list(stream_exposure(neo4j_store, **params))


@pytest.mark.neo4j
@pytest.mark.parametrize("probe_max", [10_000, 30])
def test_neo4j_top_chains_asked_again_on_ties(neo4j_store, monkeypatch, probe_max):
    """Neo4j orders in full only the chains largest by amount (probe): with no margin every tie at
    the cut is asked again, and past PROBE_MAX every chain is read in order; the first N are the same."""
    import casegraph.queries as queries

    monkeypatch.setattr(queries, "PROBE_MARGIN", 0)
    monkeypatch.setattr(queries, "PROBE_MAX", probe_max)
    lines, names = tangled(4, firms=14, exposures=80)
    load(neo4j_store, lines)
    for name in (names[0], names[5]):
        for direction in ("in", "out"):
            params = {"name": name, "depth": 4, "direction": direction}
            every = list(stream_exposure(neo4j_store, **params))
            for limit in (1, 3, 12):
                assert run(neo4j_store, "exposure", **params, limit=limit) == every[:limit]
