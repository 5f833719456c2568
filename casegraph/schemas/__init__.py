"""The typed model every part of casegraph shares."""

from casegraph.schemas.entities import AUTHORITIES, Entity, PartyType, party_id
from casegraph.schemas.evidence import Document, Evidence, content_id
from casegraph.schemas.extraction import Extraction, parse_line
from casegraph.schemas.facts import (
    EVENT_FACTS,
    RELATION_FACTS,
    Acquisition,
    AssetFreeze,
    Bankruptcy,
    Charge,
    EventFact,
    Exposure,
    Fact,
    Investigation,
    Officer,
    RelationFact,
    Subsidiary,
    WithdrawalSuspension,
)
from casegraph.schemas.names import name_key

__all__ = [
    "AUTHORITIES", "EVENT_FACTS", "RELATION_FACTS", "Acquisition", "AssetFreeze", "Bankruptcy",
    "Charge", "Document", "Entity", "EventFact", "Evidence", "Exposure", "Extraction", "Fact",
    "Investigation", "Officer", "PartyType", "RelationFact", "Subsidiary", "WithdrawalSuspension",
    "content_id", "name_key", "parse_line", "party_id",
]
