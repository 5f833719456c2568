"""The exchange format: one document with its entities and facts, as one JSON line.

Loaders produce it, stores consume it. It is the gold format of ``shared/corpus/dev`` with extra
keys: ``document`` (metadata) and ``evidence`` on entities and facts.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from casegraph.schemas.entities import Entity
from casegraph.schemas.evidence import Document
from casegraph.schemas.facts import Fact
from casegraph.schemas.names import name_key
from casegraph.schemas.values import Text


class Extraction(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: Text = Field(min_length=1, description="The document's own id: corpus id or file path.")
    document: Document | None = None
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_resolve(self) -> Extraction:
        index = self.entity_index()
        for number, fact in enumerate(self.facts, 1):
            for name in fact.parties():
                if name_key(name) not in index:
                    raise ValueError(f"fact {number} ({fact.type}) names {name!r}, which is no entity")
        for entity in self.entities:
            if entity.issuer and name_key(entity.issuer) not in index:
                raise ValueError(f"token {entity.name!r} names issuer {entity.issuer!r}, which is no entity")
        return self

    def entity_index(self) -> dict[str, Entity]:
        """Every surface form's key -> its entity (first entity wins a shared form)."""
        index: dict[str, Entity] = {}
        for entity in self.entities:
            for form in entity.forms:
                index.setdefault(name_key(form), entity)
        return index

    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=True)


ExtractionAdapter = TypeAdapter(Extraction)


def parse_line(line: str) -> Extraction:
    """One JSON line -> Extraction; raises pydantic.ValidationError with a readable message."""
    return Extraction.model_validate_json(line)
