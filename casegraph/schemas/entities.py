"""Parties: the firms, authorities, people and tokens a case is about."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from casegraph.schemas.evidence import Evidence
from casegraph.schemas.names import name_key, slug
from casegraph.schemas.values import Name, Short


class PartyType(StrEnum):
    """Entity types of the gold format; each is a node label."""

    FIRM = "Firm"
    REGULATOR = "Regulator"
    PROSECUTOR = "Prosecutor"
    COURT = "Court"
    GOVERNMENT = "Government"
    PERSON = "Person"
    TOKEN = "Token"


AUTHORITIES = frozenset({PartyType.REGULATOR, PartyType.PROSECUTOR, PartyType.COURT, PartyType.GOVERNMENT})


class Entity(BaseModel):
    """A party as one document names it: canonical name, other surface forms, attributes."""

    model_config = ConfigDict(extra="allow")

    name: Name
    type: PartyType
    aliases: list[Name] = Field(default_factory=list)
    kind: Short | None = Field(None, description="Firm kind: exchange, lender, broker, fund, bank, ...")
    jurisdiction: Short | None = None
    lei: str | None = Field(None, pattern=r"^[A-Z0-9]{18}[0-9]{2}$")
    issuer: Name | None = Field(None, description="Token only: the firm that issued it.")
    identifiers: list[Short] = Field(default_factory=list,
                                     description="Registration numbers and codes, as 'scheme:value'.")
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return party_id(self.type, self.name)

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


@lru_cache(maxsize=1 << 12)  # bounded, as name_key's cache
def party_id(type_: PartyType | str, name: str) -> str:
    """Deterministic node id: type and normalised name, e.g. ``firm:ftx``."""
    type_ = PartyType(type_)
    return f"{type_.value.lower()}:{slug(name_key(name, person=type_ is PartyType.PERSON))}"
