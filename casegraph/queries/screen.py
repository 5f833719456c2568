"""Screening a counterparty list: match each row to parties, flag actions and exposure to acted-on parties.

Exit codes (for scheduled jobs): 0 every row clean, 3 at least one row hits (its party, group or
officers are under an action, or it has an exposure chain of depth <= 3 to a party under action),
4 no hit but some rows matched no party (review them), 2 the file, some of its rows (each named;
a hit elsewhere still exits 3) or the store could not be read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from casegraph.queries import run
from casegraph.queries.names import fuzzy, lei_ids, parties, party_ids
from casegraph.schemas import name_key

EXIT_CLEAN, EXIT_UNREAD, EXIT_HIT, EXIT_UNMATCHED = 0, 2, 3, 4
SCREEN_DEPTH = 3
MIN_SCORE = 88.0


@dataclass
class CsvRows:
    """The rows read, each with its ``row`` number, and one message per line that could not be read."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def read_csv(path: str | Path) -> CsvRows:
    """Rows with name, lei and id (headers case-insensitive; name or id required per row).

    Each line is one row, read on its own: a quote left open, a NUL or an oversized field makes that
    line unreadable (named), never swallows the rows after it. A counterparty name has no line break.
    """
    read = CsvRows()
    with open(path, newline="", encoding="utf-8-sig") as handle:
        fields: dict[str, int] | None = None
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                cells = next(csv.reader([line], strict=True))
            except csv.Error as error:
                if fields is None:
                    raise ValueError(f"{path}:{number}: cannot read the header: {error}") from None
                read.unreadable.append(f"{path}:{number}: row {len(read.rows) + len(read.unreadable) + 1} "
                                       f"not screened: {error}")
                continue
            if fields is None:
                fields = {c.strip().lower(): i for i, c in reversed(list(enumerate(cells)))}
                if "name" not in fields and "id" not in fields:
                    raise ValueError(f"{path}: needs a 'name' (or 'id') column; has {', '.join(fields) or 'none'}")
                continue
            row: dict[str, Any] = {k: (cells[fields[k]].strip() if k in fields and fields[k] < len(cells) else "")
                                   for k in ("name", "lei", "id")}
            row["row"] = len(read.rows) + len(read.unreadable) + 1
            read.rows.append(row)
    if fields is None:
        raise ValueError(f"{path}: no header line")
    return read


def match(store: Any, row: dict[str, str], min_score: float = MIN_SCORE) -> tuple[list[str], float | None, str | None]:
    """(party ids, score, how): by id, then LEI, then exact name key, then fuzzy name."""
    if row.get("id") and (found := list(parties(store, [row["id"]]))):
        return found, 100.0, "id"
    if row.get("lei") and (found := lei_ids(store, row["lei"].upper())):
        return found, 100.0, "lei"
    if row.get("name"):
        if found := party_ids(store, name_key(row["name"])):
            return found, 100.0, "name"
        best = fuzzy(store, row["name"], limit=1, cutoff=min_score, scorer=fuzz.token_sort_ratio)
        if best:
            return [best[0].id], best[0].score, "fuzzy"
    return [], None, None


def _action_brief(a: dict[str, Any]) -> str:
    who = f" by {a['authority']}" if a["authority"] else ""
    on = "" if a["relation"] == "party" else f" on {a['subject']} ({a['relation']})"
    when = f" {a['date']}" if a["date"] else ""
    return f"{a['event']}{who}{on}{when}"


def screen(store: Any, rows: Iterable[dict[str, str]], min_score: float = MIN_SCORE) -> list[dict[str, Any]]:
    acted: dict[str, list[dict[str, Any]]] = {}

    def actions_of(ids: list[str]) -> list[dict[str, Any]]:
        key = "|".join(ids)
        if key not in acted:
            acted[key] = run(store, "actions", ids=ids)
        return acted[key]

    out = []
    for number, row in enumerate(rows, 1):
        ids, score, how = match(store, row, min_score)
        result: dict[str, Any] = {"row": row.get("row", number), "name": row.get("name", ""), "lei": row.get("lei", ""),
                                  "id": row.get("id", ""), "match_ids": ids, "match": None, "label": None,
                                  "score": score, "matched_by": how, "under_action": False, "actions": [],
                                  "exposures": [], "status": "unmatched"}
        if ids:
            found = parties(store, ids)
            first = found[ids[0]]
            result.update(match=first["name"], label=first["label"])
            own = actions_of(ids)
            result["under_action"] = bool(own)
            result["actions"] = [_action_brief(a) for a in own]
            for chain in run(store, "exposure", ids=ids, depth=SCREEN_DEPTH, direction="out"):
                theirs = actions_of([chain["party_id"]])
                if theirs:
                    result["exposures"].append({"party_id": chain["party_id"], "party": chain["party"],
                                                "path": chain["path"], "depth": chain["depth"],
                                                "amount_text": chain["amount_text"],
                                                "actions": [_action_brief(a) for a in theirs]})
            result["status"] = "hit" if result["under_action"] or result["exposures"] else "clean"
        out.append(result)
    return out


def exit_code(results: list[dict[str, Any]], unreadable: int = 0) -> int:
    """3 a hit; else 2 when some rows could not be read (they may hide one); else 4 unmatched; else 0."""
    statuses = {r["status"] for r in results}
    if "hit" in statuses:
        return EXIT_HIT
    if unreadable:
        return EXIT_UNREAD
    return EXIT_UNMATCHED if "unmatched" in statuses else EXIT_CLEAN
