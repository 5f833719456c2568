"""One document's text -> one Extraction: language, parties, facts, each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from casegraph.loaders.dates import leading_date
from casegraph.loaders.facts import Draft, find_facts
from casegraph.loaders.language import detect, supported
from casegraph.loaders.layout import Layout
from casegraph.loaders.money import find_money
from casegraph.loaders.pipeline import pipeline
from casegraph.loaders.recognize import Party, Recognition, recognize
from casegraph.schemas import Document, Entity, Evidence, Extraction, content_id, name_key
from casegraph.schemas.facts import EVENT_FACTS, RELATION_FACTS

FACT_TYPES = {cls.model_fields["type"].default: cls for cls in (*EVENT_FACTS, *RELATION_FACTS)}
MAX_EVIDENCE = 5  # mentions kept as evidence per entity


@dataclass(frozen=True)
class Meta:
    """What is known of a document besides its text."""

    id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    lang: str | None = None


def extract(text: str, meta: Meta) -> Extraction:
    """The parties and facts ``text`` states, in the exchange format."""
    date, body = leading_date(text)
    if date:
        text = body
    date = meta.date or date
    lang = supported(meta.lang) or detect(text)
    pipe = pipeline(lang)
    doc = pipe.parse(text)
    rec = recognize(pipe, doc, text)
    drafts = find_facts(rec, pipe.lex, find_money(text, lang), date, lang)
    entities = [_entity(p, text, rec.layout) for p in rec.parties.values()]
    known = {name_key(form) for entity in entities for form in entity.forms}
    for entity in entities:  # a token's issuer is kept when the text names it too
        if entity.issuer and name_key(entity.issuer) not in known:
            entity.issuer = None
    facts = _facts(drafts, rec)
    document = Document(id=content_id(text), source=meta.source, url=meta.url, title=meta.title, date=date, lang=lang)
    return Extraction(id=meta.id, document=document, entities=entities, facts=facts)


def _entity(party: Party, text: str, layout: Layout) -> Entity:
    key = name_key(party.name, person=party.type.value == "Person")
    aliases = [f for f in party.forms if (f != party.name and name_key(f) != key) or (f != party.name and f in text)]
    aliases = list(dict.fromkeys(a for a in aliases if a != party.name))
    return Entity(
        name=party.name,
        type=party.type,
        aliases=aliases,
        kind=party.kind,
        jurisdiction=party.jurisdiction,
        issuer=party.issuer,
        evidence=[  # ``Token.sent`` walks the whole document each time: look the sentence up instead
            _evidence(layout, layout.sent(m.start), m.rule, m.confidence) for m in party.mentions[:MAX_EVIDENCE]
        ],
    )


def _evidence(layout: Layout, sent: Span, rule: str, confidence: float) -> Evidence:
    """The sentence and its character span in the document, the rule that fired, how sure it is."""
    start, end = layout.idx[sent.start], layout.ends[sent.end - 1]
    return Evidence(sentence=layout.source[start:end], start=start, end=end, extractor=rule, confidence=confidence)


def _facts(drafts: list[Draft], rec: Recognition) -> list:
    """Drafts -> fact models; one fact per type and parties, the most confident first."""
    out = []
    seen: dict[tuple, int] = {}
    for draft in sorted(drafts, key=lambda d: -d.confidence):
        key = (draft.type, *sorted(draft.roles.items()))
        names = {role: rec.parties[k].name for role, k in draft.roles.items()}
        evidence = _evidence(rec.layout, draft.sentence, draft.rule, draft.confidence)
        if key in seen:
            fact = out[seen[key]]
            if len(fact.evidence) < MAX_EVIDENCE:
                fact.evidence.append(evidence)
            if getattr(fact, "amount", None) is None and draft.attrs.get("amount") is not None:
                fact.amount, fact.currency = draft.attrs["amount"], draft.attrs.get("currency")
            continue
        seen[key] = len(out)
        out.append(FACT_TYPES[draft.type](**names, **draft.attrs, evidence=[evidence]))
    return out
