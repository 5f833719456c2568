"""The one post-processing both stores' raw rows go through: parsed evidence, display text, order.

Neo4j and the embedded store hand over rows of the same raw shape (the RETURN clause of each
.cypher file); everything after that is shared here, so equal raw rows give equal answers.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

DISPLAY = ("display_amount", "evidence_sentence", "document_title")
ACTION_LABELS = ("AssetFreeze", "Investigation", "Charge", "Bankruptcy", "WithdrawalSuspension")


def amount_text(amount: float | None, currency: str | None) -> str:
    """175000000.0, 'USD' -> '175,000,000 USD'; no amount -> ''."""
    if amount is None:
        return ""
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{number} {currency}" if currency else number


def evidence(items: list[Any] | None) -> list[dict[str, Any]]:
    """Stored evidence (canonical JSON strings) as dicts, in stored order."""
    return [json.loads(x) if isinstance(x, str) else dict(x) for x in items or []]


def display(raw: dict[str, Any]) -> dict[str, Any]:
    """The display columns a raw row carries (graph/display.py): short amount, one sentence, its document."""
    return {k: raw.get(k) for k in DISPLAY}


def review(raw: dict[str, Any]) -> str:
    """A fact's review status (casegraph/review): proposed until an analyst decides."""
    return raw.get("review") or "proposed"


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _hop(raw: dict[str, Any]) -> dict[str, Any]:
    amount = _number(raw.get("amount"))
    return {"from_id": raw["from_id"], "from": raw.get("from"), "to_id": raw["to_id"], "to": raw.get("to"),
            "amount": amount, "currency": raw.get("currency"), "amount_text": amount_text(amount, raw.get("currency")),
            "kind": raw.get("kind"), "as_of": raw.get("as_of"), "review": review(raw), **display(raw),
            "evidence": evidence(raw.get("evidence")), "sources": sorted(raw.get("sources") or [])}


def chains(raw: Iterable[dict[str, Any]], direction: str) -> Iterator[dict[str, Any]]:
    """Chain rows, in the store's order; amount/currency are the hop that touches ``party`` (its own
    exposure when in)."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}  # a hub's edge is on many chains: finish it once
    for r in raw:
        hops = [seen.get((h["from_id"], h["to_id"])) or seen.setdefault((h["from_id"], h["to_id"]), _hop(h))
                for h in r["hops"]]
        if len(seen) > 100_000:  # streaming every chain of a hub: memory stays bounded
            seen.clear()
        edge = hops[0] if direction == "in" else hops[-1]
        names = [hops[0]["from"] or hops[0]["from_id"]] + [h["to"] or h["to_id"] for h in hops]
        yield {
            "party_id": r["party_id"], "party": r["party"], "target_id": r["target_id"], "target": r["target"],
            "via_group": bool(r["via_group"]), "depth": int(r["depth"]), "direction": direction,
            "amount": edge["amount"], "currency": edge["currency"], "amount_text": edge["amount_text"],
            "review": edge["review"], "path": " → ".join(names), "hops": hops,
        }


def chain_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Largest amount first (unknown last), then depth, party id and the ids along the chain: the
    order both stores sort in, so a top N is the same N on either."""
    ids = "|" + "|".join([row["hops"][0]["from_id"], *(h["to_id"] for h in row["hops"])]) + "|"
    return (row["amount"] is None, -(row["amount"] or 0.0), row["depth"], row["party_id"], ids)


def exposure(raw: Iterable[dict[str, Any]], direction: str) -> list[dict[str, Any]]:
    return sorted(chains(raw, direction), key=chain_order)


TOTAL_KINDS = ("summary", "currency", "depth", "target", "counterparty")


def totals(raw: Iterable[dict[str, Any]], ids: list[str], names: dict[str, Any]) -> list[dict[str, Any]]:
    """Store-computed totals (exposure_totals_*.cypher's rows) as rows for people and scripts.

    ``names``: id -> {name} of the targets and counterparties."""
    out = []
    for r in raw:
        key, kind = r["key"], r["kind"]
        target = key if kind == "target" else key.split("|", 1)[0] if kind == "counterparty" else None
        counterparty = key.split("|", 1)[1] if kind == "counterparty" else None
        total = None if r["total"] is None else round(float(r["total"]), 2)
        currency = r["currency"] or None
        out.append({
            "kind": kind, "depth": int(key) if kind == "depth" else None,
            "target_id": target, "target": (names.get(target) or {}).get("name") if target else None,
            "via_group": target not in ids if target else None,
            "counterparty_id": counterparty,
            "counterparty": (names.get(counterparty) or {}).get("name") if counterparty else None,
            "currency": currency, "total": total, "total_text": amount_text(total, currency),
            **{k: int(r[k] or 0) for k in ("chains", "parties", "counterparties", "relationships",
                                           "unknown_amounts")},
        })
    return sorted(out, key=_total_order)


def _total_order(row: dict[str, Any]) -> tuple[Any, ...]:
    return (TOTAL_KINDS.index(row["kind"]), row["currency"] or "", row["total"] is None, -(row["total"] or 0.0),
            row["depth"] or 0, row["target_id"] or "", row["counterparty_id"] or "")


def summarise(rows: Iterable[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The raw totals the stores compute, from finished chain rows (``--all``): the reference the
    store-side aggregation is tested against."""
    groups: dict[tuple[str, Any, str | None], dict[str, Any]] = {}
    for row in rows:
        edge = row["hops"][0] if row["direction"] == "in" else row["hops"][-1]
        cp = row["hops"][-1]["from_id"] if row["direction"] == "in" else row["hops"][0]["to_id"]
        keys = [("summary", None, None), ("currency", "", row["currency"]), ("depth", row["depth"], row["currency"]),
                ("target", row["target_id"], row["currency"]),
                ("counterparty", f"{row['target_id']}|{cp}", row["currency"])]
        for key in keys:
            g = groups.setdefault(key, {"chains": 0, "parties": set(), "cps": set(), "edges": {}})
            g["chains"] += 1
            g["parties"].add(row["party_id"])
            g["cps"].add(cp)
            g["edges"][(edge["from_id"], edge["to_id"])] = edge["amount"]
    raw = []
    for (kind, key, currency), g in groups.items():
        amounts = [a for a in g["edges"].values() if a is not None]
        raw.append({"kind": kind, "key": key, "currency": currency, "chains": g["chains"],
                    "parties": len(g["parties"]), "counterparties": len(g["cps"]),
                    "relationships": len(g["edges"]), "unknown_amounts": len(g["edges"]) - len(amounts),
                    "total": None if kind == "summary" or not amounts else sum(amounts)})
    raw.sort(key=lambda r: (r["total"] is None, -(r["total"] or 0.0), str(r["key"])))
    kept: dict[str | None, int] = defaultdict(int)
    out = []
    for r in raw:
        if r["kind"] == "counterparty":
            kept[r["currency"]] += 1
            if kept[r["currency"]] > limit:
                continue
        out.append(r)
    return out


def exposure_totals(chains: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per party and currency: the sum over the distinct relationships that touch the party on its chains.

    A relationship on several chains (Gemini -> Genesis, then on to two group members) counts once.
    """
    edges: dict[str, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    info: dict[str, dict[str, Any]] = {}
    for row in chains:
        hop = row["hops"][0] if row["direction"] == "in" else row["hops"][-1]
        edges[row["party_id"]][(hop["from_id"], hop["to_id"])] = hop
        seen = info.setdefault(row["party_id"], {"party": row["party"], "chains": 0, "min_depth": row["depth"],
                                                 "direct": False, "via_group_only": True})
        seen["chains"] += 1
        seen["min_depth"] = min(seen["min_depth"], row["depth"])
        seen["via_group_only"] = seen["via_group_only"] and row["via_group"]
    out = []
    for party_id, found in edges.items():
        sums: dict[str, float] = defaultdict(float)
        unknown = 0
        for hop in found.values():
            if hop["amount"] is None:
                unknown += 1
            else:
                sums[hop["currency"] or ""] += hop["amount"]
        base = {"party_id": party_id, "party": info[party_id]["party"], "chains": info[party_id]["chains"],
                "relationships": len(found), "unknown_amounts": unknown, "min_depth": info[party_id]["min_depth"],
                "via_group_only": info[party_id]["via_group_only"]}
        for currency in sorted(sums) or [None]:
            total = sums[currency] if currency is not None else None
            out.append({**base, "currency": currency or None, "total": total,
                        "total_text": amount_text(total, currency or None)})
    return sorted(out, key=lambda x: ((x["party"] or "").casefold(), x["party_id"], x["currency"] or ""))


def _date_key(date: str | None) -> tuple[bool, str]:
    return (date is None, date or "")


def actions(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in raw:
        amount = _number(r.get("amount"))
        rows.append({
            "event_id": r["event_id"], "event": r["event"], "date": r.get("date"), "kind": r.get("kind"),
            "status": r.get("status"), "review": review(r), "amount": amount, "currency": r.get("currency"),
            "amount_text": amount_text(amount, r.get("currency")),
            "authority_id": r.get("authority_id"), "authority": r.get("authority"),
            "subject_id": r["subject_id"], "subject": r.get("subject"), "subject_label": r.get("subject_label"),
            "relation": r["relation"],
            "officer_of": sorted(({"org_id": o["org_id"], "org": o.get("org"), "role": o.get("role")}
                                  for o in r.get("officer_of") or []), key=lambda o: (o["org_id"], o["role"] or "")),
            "evidence": evidence(r.get("evidence")), "sources": sorted(r.get("sources") or []), **display(r),
        })
    return sorted(rows, key=lambda x: (_date_key(x["date"]), x["event"], x["subject_id"], x["event_id"]))


def timeline(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in raw:
        amount = _number(r.get("amount"))
        documents = sorted(({k: d.get(k) for k in ("id", "source", "title", "url", "date")}
                            for d in r.get("documents") or []), key=lambda d: (_date_key(d["date"]), d["id"]))
        rows.append({
            "date": r["date"], "date_from": r["date_from"], "event_id": r["event_id"], "event": r["event"],
            "kind": r.get("kind"), "status": r.get("status"), "review": review(r), "amount": amount,
            "currency": r.get("currency"), "amount_text": amount_text(amount, r.get("currency")),
            "actor_id": r.get("actor_id"), "actor": r.get("actor"), "subject_id": r["subject_id"],
            "subject": r.get("subject"), "documents": documents, "evidence": evidence(r.get("evidence")),
            **display(r),
        })
    return sorted(rows, key=lambda x: (x["date"], x["event"], x["event_id"]))


EVENT_TOTAL_KINDS = ("summary", "event", "year", "currency")


def event_totals(raw: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store-computed counts over every actions or timeline row (*_totals.cypher's rows): kind,
    key, rows (for a currency: the distinct events with an amount in it) and, per currency, total."""
    rows = [{"kind": r["kind"], "key": None if r["key"] is None else str(r["key"]), "rows": int(r["rows"]),
             "total": None if r["total"] is None else round(float(r["total"]), 2)} for r in raw]
    for row in rows:
        row["total_text"] = amount_text(row["total"], row["key"]) if row["kind"] == "currency" else ""
    return sorted(rows, key=lambda r: (EVENT_TOTAL_KINDS.index(r["kind"]), r["key"] is None, r["key"] or ""))


def node_text(node: dict[str, Any]) -> str:
    """A party by name; an event by label, kind and date."""
    if node.get("name"):
        return node["name"]
    parts = [node.get("label") or "event", node.get("kind"), node.get("date")]
    return " ".join(str(p) for p in parts if p)


_SAYS = {
    "EXPOSED_TO": "{a} is exposed to {b}",
    "SUBSIDIARY_OF": "{a} is a subsidiary of {b}",
    "OFFICER_OF": "{a} is {role} of {b}",
    "ISSUED": "{a} issued {b}",
    "INITIATED": "{a} initiated {b}",
    "CONCERNS": "{a} concerns {b}",
}


def hop_text(rel: dict[str, Any], src: dict[str, Any], dst: dict[str, Any]) -> str:
    text = _SAYS.get(rel["type"], "{a} " + rel["type"] + " {b}").format(
        a=node_text(src), b=node_text(dst), role=rel.get("role") or "an officer")
    money = amount_text(_number(rel.get("amount")), rel.get("currency"))
    return f"{text} ({money})" if money else text


def path(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The overall shortest paths (several start or end ids may give several lengths), hop by hop."""
    if not raw:
        return []
    shortest = min(int(r["length"]) for r in raw)
    rows = []
    for r in raw:
        if int(r["length"]) != shortest:
            continue
        nodes = [{k: n.get(k) for k in ("id", "name", "label", "date", "kind", "status")} for n in r["nodes"]]
        by_id = {n["id"]: n for n in nodes}
        hops = []
        for i, rel in enumerate(r["rels"]):
            amount = _number(rel.get("amount"))
            hops.append({
                "from_id": nodes[i]["id"], "to_id": nodes[i + 1]["id"], "type": rel["type"],
                "direction": "forward" if rel["from_id"] == nodes[i]["id"] else "backward",
                "amount": amount, "currency": rel.get("currency"), "role": rel.get("role"), "kind": rel.get("kind"),
                "text": hop_text(rel, by_id[rel["from_id"]], by_id[rel["to_id"]]),
                "evidence": evidence(rel.get("evidence")), **display(rel),
            })
        arrows = [node_text(nodes[0])]
        for hop, node in zip(hops, nodes[1:], strict=True):
            arrow = f"-[{hop['type']}]->" if hop["direction"] == "forward" else f"<-[{hop['type']}]-"
            arrows += [arrow, node_text(node)]
        rows.append({"length": shortest, "from_id": nodes[0]["id"], "to_id": nodes[-1]["id"],
                     "text": " ".join(arrows), "nodes": nodes, "hops": hops})
    # by nodes, then types, then directions: two relationships of one type between the same two
    # nodes differ only in direction, so the order is total (not the store's order of reading them)
    return sorted(rows, key=lambda x: (tuple(n["id"] for n in x["nodes"]), tuple(h["type"] for h in x["hops"]),
                                       tuple(h["direction"] for h in x["hops"])))


def entity(raw: list[dict[str, Any]], scores: dict[str, tuple[float, str]]) -> list[dict[str, Any]]:
    rows = []
    for r in raw:
        neighbours = sorted(({k: n.get(k) for k in ("type", "direction", "other_id", "other", "other_label", "date",
                                                     "amount", "currency", "role")} for n in r.get("neighbours") or []),
                            key=lambda n: (n["type"], n["direction"], n["other_id"]))
        for n in neighbours:
            n["amount"] = _number(n["amount"])
        brief = []
        for n in neighbours:
            other = n["other"] or " ".join(x for x in (n["other_label"], n["date"]) if x)
            arrow = "→" if n["direction"] == "out" else "←"
            money = amount_text(n["amount"], n["currency"])
            brief.append(f"{n['type']} {arrow} {other}" + (f" ({money})" if money else ""))
        count = int(r.get("neighbour_count") or 0)
        if count > len(neighbours):
            brief.append(f"… {count - len(neighbours):,} more")
        score, key = scores.get(r["id"], (None, None))
        rows.append({
            "id": r["id"], "name": r.get("name"), "display_name": r.get("display_name"), "label": r.get("label"),
            "score": score, "matched_key": key,
            "aliases": sorted(r.get("aliases") or []), "kind": r.get("kind"), "jurisdiction": r.get("jurisdiction"),
            "lei": r.get("lei"), "documents": int(r.get("documents") or 0), "neighbours": neighbours,
            "neighbour_count": count, "brief": "; ".join(brief),
        })
    return sorted(rows, key=lambda x: (-(x["score"] or 0), x["id"]))


def group(raw: list[dict[str, Any]], acted: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group members (the party first), each with the actions against it from the actions rows."""
    order = {"party": 0, "subsidiary": 1, "parent": 2, "affiliate": 3}
    rows = []
    for r in raw:
        against = [{"event_id": a["event_id"], "event": a["event"], "date": a["date"], "kind": a["kind"],
                    "authority_id": a["authority_id"], "authority": a["authority"]}
                   for a in acted if a["subject_id"] == r["id"]]
        rows.append({"id": r["id"], "name": r.get("name"), "label": r.get("label"), "relation": r["relation"],
                     "actions": against})
    return sorted(rows, key=lambda x: (order.get(x["relation"], 9), (x["name"] or "").casefold(), x["id"]))


def documents(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({k: r.get(k) for k in ("id", "source", "title", "url", "date")} for r in raw), key=lambda d: d["id"])
