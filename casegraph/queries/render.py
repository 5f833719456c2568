"""Output for people (rich tables) and for scripts (--json, --csv): one flat row shape per query.

JSON is the full rows under an envelope {"query", "params", "rows"} (exposure adds "totals",
screen adds "summary"); CSV is the flat columns below, lists joined with " | ". Both keep every
piece of evidence once (the same sentence found by two extractors or loads is one). A table keeps
to one short line per cell for evidence and lists, so that it stays legible at 80 columns.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.console import Console
from rich.table import Table

from casegraph.console import out

JOIN = " | "
# Cells a spreadsheet would read as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _evidence_text(items: list[dict[str, Any]]) -> str:
    return JOIN.join(dict.fromkeys(e["sentence"] for e in items if e.get("sentence")))


def unique_evidence(items: list[Any]) -> list[Any]:
    """One item per document and span (the most confident); the order of first appearance otherwise."""
    best: dict[Any, Any] = {}
    for item in items:
        if not isinstance(item, dict):
            best.setdefault(id(item), item)
            continue
        key = (item.get("doc"), item.get("start"), item.get("end"), item.get("sentence"))
        if key not in best or (item.get("confidence") or 0) > (best[key].get("confidence") or 0):
            best[key] = item
    return list(best.values())


def _deduplicated(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: unique_evidence(v) if k == "evidence" and isinstance(v, list) else _deduplicated(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_deduplicated(v) for v in value]
    return value


def _hops_text(hops: list[dict[str, Any]]) -> str:
    return JOIN.join(f"{h['from'] or h['from_id']} → {h['to'] or h['to_id']}"
                     + (f" {h['amount_text']}" if h["amount_text"] else "") for h in hops)


def flat_exposure(r: dict[str, Any]) -> dict[str, Any]:
    edge = r["hops"][0] if r["direction"] == "in" else r["hops"][-1]
    return {"party_id": r["party_id"], "party": r["party"], "amount": r["amount"], "currency": r["currency"],
            "amount_text": r["amount_text"], "review": r["review"], "depth": r["depth"], "target_id": r["target_id"],
            "target": r["target"],
            "via_group": r["via_group"], "via": r["target"] if r["via_group"] else "", "path": r["path"],
            "hops": _hops_text(r["hops"]),
            "evidence": _evidence_text(edge["evidence"]),
            "sources": JOIN.join(sorted({s for h in r["hops"] for s in h["sources"]}))}


def flat_totals(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": r["kind"], "of": totals_of(r), **{k: r[k] for k in (
        "currency", "total", "total_text", "chains", "parties", "counterparties", "relationships", "unknown_amounts",
        "depth", "target_id", "target", "via_group", "counterparty_id", "counterparty")}}


def totals_of(r: dict[str, Any]) -> str:
    """What a totals row sums: every chain, one currency, a depth, a group member or a counterparty."""
    target = (r["target"] or r["target_id"] or "") + (" (group)" if r["via_group"] else "")
    counterparty = f"{r['counterparty'] or r['counterparty_id']} → {target}"
    of = {"summary": "all chains", "currency": r["currency"] or "no amount", "depth": f"depth {r['depth']}",
          "target": target, "counterparty": counterparty}.get(r["kind"], "")
    return of + (" (no amount)" if r["kind"] in ("depth", "target", "counterparty") and not r["currency"] else "")


def flat_group(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "name": r["name"], "label": r["label"], "relation": r["relation"],
            "actions": JOIN.join(f"{a['event']}" + (f" by {a['authority']}" if a["authority"] else "")
                                 + (f" {a['date']}" if a["date"] else "") for a in r["actions"])}


def flat_actions(r: dict[str, Any]) -> dict[str, Any]:
    return {"date": r["date"], "event": r["event"], "kind": r["kind"], "status": r["status"], "review": r["review"],
            "amount_text": r["amount_text"], "authority_id": r["authority_id"], "authority": r["authority"],
            "subject_id": r["subject_id"], "subject": r["subject"], "relation": r["relation"],
            "officer_of": JOIN.join(f"{o['role'] or 'officer'} of {o['org']}" for o in r["officer_of"]),
            "event_id": r["event_id"], "evidence": _evidence_text(r["evidence"]), "sources": JOIN.join(r["sources"])}


def flat_timeline(r: dict[str, Any]) -> dict[str, Any]:
    return {"date": r["date"], "date_from": r["date_from"], "event": r["event"], "kind": r["kind"],
            "status": r["status"], "review": r["review"], "amount_text": r["amount_text"], "actor": r["actor"],
            "subject": r["subject"],
            "event_id": r["event_id"],
            "documents": JOIN.join(d["title"] or d["source"] or d["url"] or d["id"] for d in r["documents"]),
            "document_ids": JOIN.join(d["id"] for d in r["documents"]), "evidence": _evidence_text(r["evidence"])}


def flat_path(r: dict[str, Any]) -> dict[str, Any]:
    return {"length": r["length"], "from_id": r["from_id"], "to_id": r["to_id"], "path": r["text"],
            "explained": JOIN.join(h["text"] for h in r["hops"])}


def flat_entity(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "name": r["name"], "label": r["label"], "score": r["score"],
            "aliases": JOIN.join(r["aliases"]), "kind": r["kind"], "jurisdiction": r["jurisdiction"], "lei": r["lei"],
            "documents": r["documents"], "neighbourhood": r["brief"]}


def flat_screen(r: dict[str, Any]) -> dict[str, Any]:
    return {"row": r["row"], "name": r["name"], "lei": r["lei"], "id": r["id"], "status": r["status"],
            "match_ids": JOIN.join(r["match_ids"]), "match": r["match"], "label": r["label"], "score": r["score"],
            "matched_by": r["matched_by"], "under_action": r["under_action"],
            "actions": JOIN.join(r["actions"]),
            "exposed_to_actioned": JOIN.join(f"{e['path']} ({'; '.join(e['actions'])})" for e in r["exposures"])}


FLAT = {"exposure": flat_exposure, "totals": flat_totals, "group": flat_group, "actions": flat_actions,
        "timeline": flat_timeline,
        "path": flat_path, "entity": flat_entity, "screen": flat_screen}

# What a terminal table shows (the CSV has every column): (header, flat column or a function of the flat row,
# how the cell is laid out). "keep": never cut (dates, amounts); "line": one line, clipped; "list": the
# " | "-joined items one per line, each clipped, at most LIST_ITEMS ("lines": all); "wrap": words wrap (names).
Column = tuple[str, str | Callable[[dict[str, Any]], Any], str]
LIST_ITEMS, WRAP_MIN = 3, 14


def _with(main: str, extra: str, fmt: str = "{} ({})") -> Callable[[dict[str, Any]], str]:
    return lambda f: fmt.format(f[main], f[extra]) if f.get(extra) else _cell(f[main])


def _reviewed(flat: dict[str, Any]) -> str:
    """The amount, and the fact's review status once an analyst decided ("60,000,000 USD corrected")."""
    decided = flat.get("review") not in (None, "", "proposed")
    return " ".join(x for x in (flat.get("amount_text") or "", flat["review"] if decided else "") if x)


TABLE: dict[str, list[Column]] = {
    "exposure": [("party", "party", "wrap"), ("amount", _reviewed, "keep"), ("depth", "depth", "keep"),
                 ("via", "via", "wrap"), ("path", "path", "wrap"), ("evidence", "evidence", "line")],
    "group": [("name", "name", "wrap"), ("relation", "relation", "keep"), ("label", "label", "keep"),
              ("actions", "actions", "list")],
    "totals": [("of", "of", "keep"), ("total", "total_text", "keep"), ("chains", "chains", "keep"),
               ("parties", "parties", "keep")],  # counterparties, relationships, unknown amounts: --json, --csv
    "actions": [("date", "date", "keep"), ("event", _with("event", "kind", "{}: {}"), "wrap"),
                ("amount", _reviewed, "keep"), ("authority", "authority", "wrap"),
                ("subject", _with("subject", "relation"), "wrap"), ("officer of", "officer_of", "list"),
                ("evidence", "evidence", "line")],
    "timeline": [("date", "date", "keep"), ("from", "date_from", "keep"), ("event", _with("event", "kind", "{}: {}"),
                 "wrap"), ("actor", "actor", "wrap"), ("subject", "subject", "wrap"),
                 ("amount", _reviewed, "keep"), ("documents", "documents", "list")],
    "path": [("length", "length", "keep"), ("explained", "explained", "lines")],
    "entity": [("score", "score", "keep"), ("name", "name", "wrap"), ("label", "label", "keep"), ("id", "id", "line"),
               ("aliases", "aliases", "list"), ("neighbourhood", "neighbourhood", "list")],
    "screen": [("row", "row", "keep"), ("name", "name", "wrap"), ("status", "status", "keep"),
               ("match", lambda f: f["match"] and f"{f['match']} ({f['matched_by']} {_cell(f['score'])})", "wrap"),
               ("actions", "actions", "list"), ("exposed to acted-on", "exposed_to_actioned", "list")],
}


def to_csv(kind: str, rows: Iterable[dict[str, Any]]) -> str:
    return "".join(csv_lines(kind, rows))


def csv_lines(kind: str, rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The header, then one CSV line per row as the rows come (``exposure --all`` streams)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(kind), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv(v) for k, v in FLAT[kind](row).items()})
        if out.tell() > 1 << 16:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _csv(value: Any) -> Any:
    """None -> '', booleans -> true/false, whole amounts without '.0', text never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return no_formula(value)
    return value


def no_formula(text: str) -> str:
    """OWASP's rule: a cell starting = + - @ tab or CR gets a leading ' so a spreadsheet shows it as text."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def columns(kind: str) -> list[str]:
    return list(FLAT[kind](_empty(kind)))


def _empty(kind: str) -> dict[str, Any]:
    """A blank row of each shape, for CSV headers when there are no rows."""
    hop = {"from": "", "from_id": "", "to": "", "to_id": "", "amount_text": "", "evidence": [], "sources": []}
    blank: dict[str, Any] = {
        "exposure": {"direction": "in", "hops": [hop], **dict.fromkeys(
            ("party_id", "party", "amount", "currency", "amount_text", "review", "depth", "target_id", "target",
             "via_group", "path"))},
        "group": {"actions": [], **dict.fromkeys(("id", "name", "label", "relation"))},
        "totals": dict.fromkeys(("kind", "currency", "total", "total_text", "chains", "parties", "counterparties",
                                 "relationships", "unknown_amounts", "depth", "target_id", "target", "via_group",
                                 "counterparty_id", "counterparty")),
        "actions": {"officer_of": [], "evidence": [], "sources": [], **dict.fromkeys(
            ("date", "event", "kind", "status", "review", "amount_text", "authority_id", "authority", "subject_id",
             "subject", "relation", "event_id"))},
        "timeline": {"documents": [], "evidence": [], **dict.fromkeys(
            ("date", "date_from", "event", "kind", "status", "review", "amount_text", "actor", "subject", "event_id"))},
        "path": {"hops": [], **dict.fromkeys(("length", "from_id", "to_id", "text"))},
        "entity": {"aliases": [], **dict.fromkeys(("id", "name", "label", "score", "kind", "jurisdiction", "lei",
                                                   "documents", "brief"))},
        "screen": {"match_ids": [], "actions": [], "exposures": [], **dict.fromkeys(
            ("row", "name", "lei", "id", "status", "match", "label", "score", "matched_by", "under_action"))},
    }
    return blank[kind]


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(_deduplicated(document), indent=2, ensure_ascii=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def table(kind: str, rows: list[dict[str, Any]], title: str, console: Console | None = None) -> None:
    console = console or out()
    flat = [FLAT[kind](row) for row in rows]
    cells = [[_cell(get(f) if callable(get) else f[get]) for _, get, _ in TABLE[kind]] for f in flat]
    shown = [i for i, _ in enumerate(TABLE[kind]) if any(c[i] for c in cells)]  # no all-empty columns
    grid = Table(title=title, show_lines=True, title_justify="left",
                 caption="one line of evidence per row: --json or --csv give all" if any(
                     TABLE[kind][i][0] == "evidence" for i in shown) else None, caption_justify="left")
    widths = {i: _width(TABLE[kind][i], [c[i] for c in cells]) for i in shown}
    lines = [i for i in shown if TABLE[kind][i][2] in ("line", "list", "lines")]
    room = console.width - 1 - sum(w + 3 for i, w in widths.items() if i not in lines)
    for i in shown:
        header, _, how = TABLE[kind][i]
        grid.add_column(header, no_wrap=how != "wrap", overflow="fold" if how == "wrap" else "ellipsis",
                        min_width=widths[i] if how == "keep" else None,
                        max_width=max(10, room // len(lines) - 3) if i in lines else None)
    for c in cells:
        grid.add_row(*[_lines(c[i], TABLE[kind][i][2]) for i in shown])
    console.print(grid)


def _width(column: Column, cells: list[str]) -> int:
    """A kept column's full width; a wrapping one's up to WRAP_MIN (it wraps beyond)."""
    header, _, how = column
    longest = max([len(header), *(len(c) for c in cells)])
    return longest if how == "keep" else min(longest, WRAP_MIN)


def _lines(text: str, how: str) -> str:
    """A "line" cell is its first item (the rest are in --json and --csv); a "list" cell its first items."""
    if how == "line":
        return text.split(JOIN)[0]
    if how not in ("list", "lines") or not text:
        return text
    items = text.split(JOIN)
    more = len(items) - LIST_ITEMS if how == "list" else 0
    return "\n".join(items[:LIST_ITEMS] + ([f"+{more} more"] if more > 0 else []))
