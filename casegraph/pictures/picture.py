"""What a picture shows, as plain data: the party's neighbourhood from the canned queries' rows.

    picture(store, "FTX", depth=3) -> {"focus", "title", "nodes", "edges", "timeline", "legend"}

Store-agnostic (it reads only ``queries.run``), so Neo4j and the embedded store draw the same picture.
The page (page.py) draws this data; nothing here knows about HTML.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from casegraph.graph.display import display_type, short_amount
from casegraph.queries import DEPTH_DEFAULT, resolve, run

# Party colours by type, events by shape; the legend lists those a picture uses.
COLOURS = {"Firm": "#4C8EDA", "Regulator": "#8E44AD", "Prosecutor": "#6C3483", "Court": "#5D6D7E",
           "Government": "#1ABC9C", "Person": "#57C7E3", "Token": "#F79767"}
EVENT_COLOURS = {"AssetFreeze": "#C0392B", "Investigation": "#D4AC0D", "Charge": "#E74C3C", "Bankruptcy": "#2C3E50",
                 "WithdrawalSuspension": "#E67E22", "Acquisition": "#27AE60"}
PARTY_TYPES = ("EXPOSED_TO", "SUBSIDIARY_OF", "OFFICER_OF", "ISSUED")


def _evidence(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for e in items:
        if e.get("sentence"):
            seen.setdefault((e.get("doc") or "", e["sentence"]), {"sentence": e["sentence"], "doc": e.get("doc")})
    return list(seen.values())


def edge_width(amount: float | None) -> float:
    """Wider for larger amounts (log scale, 1M -> 2px, 1B -> 8px); unknown amounts thin."""
    if not amount or amount <= 0:
        return 1.5
    return round(max(1.5, min(12.0, 2 + 2 * math.log10(amount / 1e6))), 2)


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def party(self, party_id: str | None, name: str | None) -> None:
        if party_id and party_id not in self.nodes:
            self.nodes[party_id] = {"id": party_id, "name": name or party_id, "label": name or party_id,
                                    "type": None, "group": "party", "props": {}, "evidence": []}

    def event(self, row: dict[str, Any]) -> None:
        node = self.nodes.setdefault(row["event_id"], {
            "id": row["event_id"], "type": row["event"], "group": "event", "evidence": [],
            "colour": EVENT_COLOURS.get(row["event"], "#999999")})
        node["date"] = row.get("date") or node.get("date")
        node["label"] = " ".join(x for x in (display_type(row["event"]), node["date"]) if x)
        node["name"] = display_type(row["event"])
        node["props"] = {k: row.get(k) for k in ("date", "kind", "status") if row.get(k)}
        if row.get("amount") is not None:
            node["props"]["amount"] = short_amount(row["amount"], row.get("currency"))
        node["evidence"] = _evidence([*node["evidence"], *row.get("evidence", [])])

    def edge(self, src: str, type_: str, dst: str, **data: Any) -> None:
        edge = self.edges.setdefault((src, type_, dst), {"id": f"{src}|{type_}|{dst}", "source": src, "target": dst,
                                                         "type": type_, "label": "", "width": 1.5, "evidence": []})
        evidence = data.pop("evidence", [])
        edge.update({k: v for k, v in data.items() if v is not None})
        edge["evidence"] = _evidence([*edge["evidence"], *evidence])


def _finish(store: Any, b: _Builder, focus_ids: list[str], title: str, depth: int) -> dict[str, Any]:
    """Party details, citations, focus, timeline and legend, for any set of nodes and edges."""
    parties = [n for n in b.nodes.values() if n["group"] == "party"]
    for row in run(store, "entity", ids=[n["id"] for n in parties]):
        node = b.nodes[row["id"]]
        node.update(type=row["label"], colour=COLOURS.get(row["label"], "#A5ABB6"),
                    label=row.get("display_name") or row["name"] or row["id"])
        node["props"] = {k: v for k, v in (("name", row["name"]), ("kind", row["kind"]),
                                           ("jurisdiction", row["jurisdiction"]), ("lei", row["lei"]),
                                           ("aliases", ", ".join(row["aliases"])), ("documents", row["documents"]))
                         if v}
        for n in row["neighbours"]:
            other = n["other_id"]
            if (n["type"] not in PARTY_TYPES or n["direction"] != "out" or other not in b.nodes
                    or (row["id"], n["type"], other) in b.edges):  # the chains' edges carry more already
                continue
            if n["type"] == "EXPOSED_TO":
                b.edge(row["id"], n["type"], other, amount=n["amount"], currency=n["currency"],
                       label=short_amount(n["amount"], n["currency"]) or "exposed", width=edge_width(n["amount"]))
            else:
                b.edge(row["id"], n["type"], other,
                       label={"SUBSIDIARY_OF": "subsidiary of", "ISSUED": "issued"}.get(n["type"], n.get("role")))
    _cite(store, [*b.nodes.values(), *b.edges.values()])
    for node_id in focus_ids:
        if node_id in b.nodes:
            b.nodes[node_id]["focus"] = True
    timeline = sorted(({"id": n["id"], "date": n["date"], "label": n["label"], "colour": n["colour"]}
                       for n in b.nodes.values() if n["group"] == "event" and n.get("date")),
                      key=lambda t: (t["date"], t["label"]))
    used = {n["type"] for n in b.nodes.values()}
    legend = ([{"type": t, "colour": c, "shape": "ellipse", "text": t} for t, c in COLOURS.items() if t in used]
              + [{"type": t, "colour": c, "shape": "diamond", "text": display_type(t)}
                 for t, c in EVENT_COLOURS.items() if t in used])
    focus = next((i for i in focus_ids if i in b.nodes), None)
    return {"focus": focus, "title": title, "depth": depth, "nodes": list(b.nodes.values()),
            "edges": list(b.edges.values()), "timeline": timeline, "legend": legend}


def path_picture(store: Any, a: str, b_name: str) -> dict[str, Any]:
    """The shortest connections between two parties, with the events on them."""
    b = _Builder()
    rows = run(store, "path", a=a, b=b_name)
    for row in rows:
        for node in row["nodes"]:
            if node["label"] in EVENT_COLOURS:
                b.event({"event_id": node["id"], "event": node["label"], **node})
            else:
                b.party(node["id"], node["name"])
        for hop in row["hops"]:
            src, dst = (hop["from_id"], hop["to_id"]) if hop["direction"] == "forward" else (hop["to_id"],
                                                                                             hop["from_id"])
            b.edge(src, hop["type"], dst, amount=hop["amount"], currency=hop["currency"],
                   label=short_amount(hop["amount"], hop["currency"]) or hop["role"] or hop["type"].lower(),
                   width=edge_width(hop["amount"]) if hop["type"] == "EXPOSED_TO" else 1.5, evidence=hop["evidence"])
    ends = [rows[0]["from_id"], rows[0]["to_id"]] if rows else []
    return _finish(store, b, ends, f"{a} … {b_name}", 0)


def picture(store: Any, name: str, depth: int = DEPTH_DEFAULT) -> dict[str, Any]:
    """The party, its group, exposure chains both ways up to ``depth``, actions against it and its timeline."""
    ids = resolve(store, name)
    b = _Builder()
    for member in run(store, "group", ids=ids):
        b.party(member["id"], member["name"])
    for direction in ("in", "out"):
        for chain in run(store, "exposure", ids=ids, depth=depth, direction=direction):
            for hop in chain["hops"]:
                b.party(hop["from_id"], hop["from"])
                b.party(hop["to_id"], hop["to"])
                b.edge(hop["from_id"], "EXPOSED_TO", hop["to_id"], amount=hop["amount"], currency=hop["currency"],
                       kind=hop["kind"], label=short_amount(hop["amount"], hop["currency"]) or hop["kind"] or "exposed",
                       width=edge_width(hop["amount"]), evidence=hop["evidence"])
    events = run(store, "actions", ids=ids) + run(store, "timeline", ids=ids)
    for row in events:
        b.event(row)
        actor, subject = row.get("authority_id") or row.get("actor_id"), row["subject_id"]
        actor_name = row.get("authority") or row.get("actor")
        b.party(subject, row.get("subject"))
        b.edge(row["event_id"], "CONCERNS", subject, label="concerns")
        if actor:
            b.party(actor, actor_name)
            b.edge(actor, "INITIATED", row["event_id"], label="initiated")
        for office in row.get("officer_of") or []:
            b.edge(subject, "OFFICER_OF", office["org_id"], label=office.get("role") or "officer")
    title = name
    for row in run(store, "entity", ids=ids[:1]):
        title = row["name"] or name
    return _finish(store, b, ids, title, depth)


def _cite(store: Any, items: list[dict[str, Any]]) -> None:
    """Each evidence sentence gets its document's title and link (url, else the source path)."""
    docs = {d["id"]: d for d in run(store, "documents", ids=[e["doc"] for i in items for e in i["evidence"]
                                                             if e.get("doc")])}
    for item in items:
        for e in item["evidence"]:
            doc = docs.get(e.get("doc") or "", {})
            e["title"] = doc.get("title") or doc.get("source") or e.get("doc")
            e["link"] = doc.get("url") or doc.get("source")
            e["date"] = doc.get("date")
