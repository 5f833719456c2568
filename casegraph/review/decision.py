"""A review decision as data: what was decided about which fact, by whom, when and why.

A fact's key is what stays the same when its document is reloaded or read again by a newer
extractor: for a relationship its type and its two parties' ids (``EXPOSED_TO|firm:a|firm:b``),
for an event its id, which is built from its type, its parties' ids and its kind (graph.rows.event_id);
never a sentence offset or a row number. A merge is keyed by the party merged away (``party|firm:b``).
The stores merge each fact from every document that states it, so a decision is about that fact.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casegraph.graph.rows import EdgeRow
from casegraph.schemas import EVENT_FACTS, RELATION_FACTS, EventFact, RelationFact

Action = Literal["accept", "reject", "correct", "add", "merge", "split"]
FACT_ACTIONS = ("accept", "reject", "correct", "add")
PARTY_ACTIONS = ("merge", "split")
# The status a fact has after each action; a fact nobody decided on is proposed.
STATUS = {"accept": "accepted", "reject": "rejected", "correct": "corrected", "add": "manual"}
STATUSES = ("proposed", "accepted", "rejected", "corrected", "manual")
REVIEWED = ("accepted", "corrected", "manual")
RELATIONS: dict[str, type[RelationFact]] = {f.rel: f for f in RELATION_FACTS}
EVENTS: dict[str, type[EventFact]] = {f.label: f for f in EVENT_FACTS}
BY_TYPE: dict[str, type[RelationFact] | type[EventFact]] = {
    f.model_fields["type"].default: f for f in (*RELATION_FACTS, *EVENT_FACTS)}


def relation_key(row: EdgeRow | Any) -> str:
    return f"{row.type}|{row.src}|{row.dst}"


def event_label(event_id: str) -> str:
    """An event's label from its id (graph.rows.event_id: ``assetfreeze:…`` is an AssetFreeze)."""
    prefix = event_id.split(":", 1)[0]
    return next(label for label in EVENTS if label.lower() == prefix)


def party_key(party_id: str) -> str:
    return f"party|{party_id}"


def short_id(key: str) -> str:
    """The id an analyst types: ten hex digits of the key's hash."""
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (a container without one)
        return "unknown"


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action
    key: str = Field(min_length=1, description="The fact's key, or party|ID for merge and split.")
    by: str = Field(default_factory=login)
    at: str = Field(default_factory=now, description="UTC, ISO 8601.")
    note: str | None = None
    values: dict[str, Any] = Field(default_factory=dict, description="Corrected values; add: the fact; merge: into.")
    snapshot: dict[str, Any] | None = Field(None, description="The rows a reject or merge took away, for undoing it.")
    id: str = Field("", description="Hash of the decision without its snapshot: the same decision in every store.")

    @model_validator(mode="after")
    def _id(self) -> Decision:
        if not self.id:
            content = self.model_dump(include={"action", "key", "by", "at", "note", "values"})
            self.id = hashlib.sha1(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
        return self

    @property
    def status(self) -> str | None:
        return STATUS.get(self.action)

    def record(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


def effective(records: list[dict[str, Any]]) -> dict[str, Decision]:
    """The decision in force per key: the latest (split undoes a merge)."""
    latest: dict[str, Decision] = {}
    for decision in sorted((Decision.model_validate(r) for r in records), key=lambda d: (d.at, d.id)):
        latest[decision.key] = decision
    return latest
