"""Evidence and documents: where every fact in the graph comes from."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

from casegraph.schemas.values import ContentId, Short, Text


class Evidence(BaseModel):
    """One sentence of one document that supports a node or relationship."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: str | None = Field(None, description="Document id (content hash); filled in when stored.")
    sentence: str = ""
    start: int = Field(0, ge=0, description="Character offset of the sentence in the document text.")
    end: int = Field(0, ge=0)
    extractor: str = Field("manual", description="The rule or loader that produced the fact.")
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class Document(BaseModel):
    """A loaded source text; its id is the hash of its content, so a reload finds it again."""

    model_config = ConfigDict(extra="allow")

    id: ContentId = Field(description="sha256 of the document text (hex).")
    source: Text | None = Field(None, description="Where it came from: corpus id or file path.")
    url: Text | None = None
    title: Text | None = None
    date: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    lang: Short | None = None
    # Provenance of a record from a data set (FollowTheMoney): its id there, the data sets that
    # publish it, when they first and last saw it.
    ftm_id: Text | None = None
    datasets: Text | None = Field(None, description="Comma-separated data set names.")
    first_seen: Text | None = None
    last_seen: Text | None = None


def content_id(text: str) -> str:
    """Document id: sha256 of the text, so the same text gets the same id wherever it is read."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
