"""Facts: what a document states about parties, one model per fact type of the gold format.

Events (freeze, investigation, charge, bankruptcy, suspension, acquisition) become nodes with an
actor and a subject; exposure, officer and subsidiary facts become relationships.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from casegraph.schemas.evidence import Evidence
from casegraph.schemas.values import Amount, Name, Short

PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class FactBase(BaseModel):
    model_config = ConfigDict(extra="allow")

    # Which keys name parties: (actor or source, subject or target). Set by each fact type.
    roles: ClassVar[tuple[str, ...]]
    date: PartialDate | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    def parties(self) -> list[str]:
        return [getattr(self, role) for role in self.roles if getattr(self, role)]


class EventFact(FactBase):
    """A case event; becomes a node. ``roles`` is (actor, subject); the actor may be absent."""

    label: ClassVar[str]
    # The roles whose parties identify the event (see graph.rows.event_id); all of them by default.
    identity: ClassVar[tuple[str, ...] | None] = None
    status: Short | None = None
    amount: Amount | None = None
    currency: str | None = Field(None, pattern=r"^[A-Z]{3,5}$")

    def distinct(self) -> tuple[str, ...]:
        """Values beside the parties that make two events of this type two (graph.rows.event_id)."""
        return ()


class AssetFreeze(EventFact):
    type: Literal["asset_freeze"] = "asset_freeze"
    label: ClassVar[str] = "AssetFreeze"
    roles: ClassVar[tuple[str, ...]] = ("authority", "target")
    authority: Name | None = None
    target: Name
    program: Short | None = Field(None, description="Sanctions programme, e.g. 'SDGT'.")
    end_date: PartialDate | None = None

    def distinct(self) -> tuple[str, ...]:
        """A listing under a named programme is a sanction of its own: one authority lists a party
        under two programmes, or again after a delisting. A freeze told without one (news) is its
        parties' alone, since later reports refine its date."""
        return (self.program, self.date or "") if self.program else ()


class Investigation(EventFact):
    type: Literal["investigation"] = "investigation"
    label: ClassVar[str] = "Investigation"
    roles: ClassVar[tuple[str, ...]] = ("authority", "subject")
    authority: Name | None = None
    subject: Name


class Charge(EventFact):
    type: Literal["charge"] = "charge"
    label: ClassVar[str] = "Charge"
    roles: ClassVar[tuple[str, ...]] = ("authority", "subject")
    authority: Name | None = None
    subject: Name
    kind: Literal["fine", "lawsuit", "criminal_charge", "civil_charge"] | None = None


class Bankruptcy(EventFact):
    type: Literal["bankruptcy"] = "bankruptcy"
    label: ClassVar[str] = "Bankruptcy"
    roles: ClassVar[tuple[str, ...]] = ("court", "firm")
    identity: ClassVar[tuple[str, ...]] = ("firm",)
    court: Name | None = None
    firm: Name


class WithdrawalSuspension(EventFact):
    type: Literal["withdrawal_suspension"] = "withdrawal_suspension"
    label: ClassVar[str] = "WithdrawalSuspension"
    roles: ClassVar[tuple[str, ...]] = ("authority", "firm")
    identity: ClassVar[tuple[str, ...]] = ("firm",)
    authority: Name | None = None
    firm: Name


class Acquisition(EventFact):
    type: Literal["acquisition"] = "acquisition"
    label: ClassVar[str] = "Acquisition"
    roles: ClassVar[tuple[str, ...]] = ("acquirer", "target")
    acquirer: Name
    target: Name
    status: Literal["proposed", "failed", "completed"] | None = None


class RelationFact(FactBase):
    """A fact between two parties; becomes one relationship ``roles[0] -[rel]-> roles[1]``."""

    rel: ClassVar[str]


class Exposure(RelationFact):
    """``exposed`` has money at risk with ``counterparty`` (creditor -> debtor)."""

    type: Literal["exposure"] = "exposure"
    rel: ClassVar[str] = "EXPOSED_TO"
    roles: ClassVar[tuple[str, ...]] = ("exposed", "counterparty")
    exposed: Name
    counterparty: Name
    amount: Amount | None = None
    currency: str | None = Field(None, pattern=r"^[A-Z]{3,5}$")
    kind: Short | None = Field(None, description="loan, deposit, locked funds, investment, ...")
    as_of: PartialDate | None = None


class Officer(RelationFact):
    type: Literal["officer"] = "officer"
    rel: ClassVar[str] = "OFFICER_OF"
    roles: ClassVar[tuple[str, ...]] = ("person", "org")
    person: Name
    org: Name
    role: Short | None = None


class Subsidiary(RelationFact):
    type: Literal["subsidiary"] = "subsidiary"
    rel: ClassVar[str] = "SUBSIDIARY_OF"
    roles: ClassVar[tuple[str, ...]] = ("child", "parent")
    child: Name
    parent: Name
    percentage: float | None = Field(None, ge=0, le=100)


EVENT_FACTS: tuple[type[EventFact], ...] = (
    AssetFreeze, Investigation, Charge, Bankruptcy, WithdrawalSuspension, Acquisition,
)
RELATION_FACTS: tuple[type[RelationFact], ...] = (Exposure, Officer, Subsidiary)

Fact = Annotated[
    AssetFreeze | Investigation | Charge | Bankruptcy | WithdrawalSuspension | Acquisition
    | Exposure | Officer | Subsidiary,
    Field(discriminator="type"),
]
