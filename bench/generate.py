"""Seeded generator of realistic case graphs, as Extraction JSON lines.

Why lines and not rows: the load benchmark must go through casegraph's real path (parse, validate,
``to_graph``, store). The shape follows how case data arrives:

- *group profiles*: a parent firm, its subsidiaries, officers and sometimes a token, one document
  per group;
- *creditor schedules*: a debtor's creditors with amounts, at most ``SCHEDULE_FACTS`` per document
  (bankruptcy filings list creditors in pages);
- *enforcement news*: one to three events (freeze, investigation, charge, bankruptcy, suspension,
  acquisition) with the authority that acted.

The exposure network is heavy-tailed on purpose: groups cluster in *ecosystems* (a case, a lending
circle) where debtors are drawn with Zipf weights; a few global hubs (exchanges, big lenders)
take deposits from many small creditors across ecosystems. ``size`` counts the case relationships
the graph will hold (every type but the MENTIONS provenance links).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

SCHEDULE_FACTS = 40
GROUPS_PER_ECOSYSTEM = 40
SYLLABLES = ("ka", "lo", "mi", "ra", "ve", "to", "si", "no", "be", "du", "fa", "gi", "ho", "ju", "ke", "ly",
             "ma", "ne", "po", "qu", "re", "sa", "ti", "vo", "xe", "za", "bri", "cor", "dal", "fen", "gar", "hal")
FIRM_KINDS = ("lender", "broker", "fund", "bank", "market maker", "custodian", "trading firm")
HUB_KINDS = ("exchange", "exchange", "lender", "bank")
SUB_WORDS = ("Markets", "Digital", "Trading", "Custody", "Europe", "Bahamas", "Asia", "US", "Capital",
             "Ventures", "Payments", "Labs")
LEGAL = ("Ltd.", "LLC", "Inc.", "AG", "B.V.", "S.A.", "GmbH", "plc", "")
ROLES = ("CEO", "CFO", "founder", "co-founder", "COO", "general counsel", "director", "chairman")
JURISDICTIONS = ("US", "BS", "KY", "VG", "GB", "NL", "SG", "HK", "CH", "DE", "JP", "AE", "MT", "CY")
AUTHORITIES = [
    ("Securities and Exchange Commission", "Regulator", ["SEC"], "US"),
    ("Commodity Futures Trading Commission", "Regulator", ["CFTC"], "US"),
    ("Securities Commission of The Bahamas", "Regulator", ["SCB"], "BS"),
    ("Financial Conduct Authority", "Regulator", ["FCA"], "GB"),
    ("Autoriteit Financiële Markten", "Regulator", ["AFM"], "NL"),
    ("De Nederlandsche Bank", "Regulator", ["DNB"], "NL"),
    ("Monetary Authority of Singapore", "Regulator", ["MAS"], "SG"),
    ("Securities and Futures Commission", "Regulator", ["SFC"], "HK"),
    ("Swiss Financial Market Supervisory Authority", "Regulator", ["FINMA"], "CH"),
    ("Federal Financial Supervisory Authority", "Regulator", ["BaFin"], "DE"),
    ("Financial Services Agency", "Regulator", ["JFSA"], "JP"),
    ("Cayman Islands Monetary Authority", "Regulator", ["CIMA"], "KY"),
    ("Department of Justice", "Prosecutor", ["DOJ"], "US"),
    ("US Attorney for the Southern District of New York", "Prosecutor", ["SDNY"], "US"),
    ("Openbaar Ministerie", "Prosecutor", ["OM"], "NL"),
    ("Bankruptcy Court for the District of Delaware", "Court", ["Delaware bankruptcy court"], "US"),
    ("Supreme Court of The Bahamas", "Court", [], "BS"),
    ("Grand Court of the Cayman Islands", "Court", [], "KY"),
    ("Eastern Caribbean Supreme Court", "Court", ["BVI court"], "VG"),
    ("Rechtbank Amsterdam", "Court", [], "NL"),
]
EVENT_TYPES = ("asset_freeze", "investigation", "charge", "bankruptcy", "withdrawal_suspension", "acquisition")
EVENT_WEIGHTS = (2, 4, 5, 2, 1, 1)
CHARGE_KINDS = ("fine", "lawsuit", "criminal_charge", "civil_charge")


def word(index: int) -> str:
    """A unique pronounceable word per index (base-32 syllables), so names never collide."""
    parts = []
    index += 32 * 33  # at least three syllables
    while index:
        index, digit = divmod(index, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


@dataclass
class Party:
    name: str
    type: str
    kind: str | None = None
    jurisdiction: str | None = None
    aliases: list[str] = field(default_factory=list)
    issuer: str | None = None

    def entity(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        for key in ("aliases", "kind", "jurisdiction", "issuer"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


@dataclass
class Generated:
    """The lines and what the query benchmark needs to know about them."""

    lines: list[str]
    relationships: int
    exposures: list[tuple[str, str]]
    hubs: list[str]
    ordinary: list[str]
    seed: int
    counts: dict[str, int]

    def in_degrees(self) -> Counter[str]:
        return Counter(debtor for _, debtor in self.exposures)


class _Builder:
    def __init__(self, size: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed, self.size = seed, size
        self.names = itertools.count()
        self.docs = itertools.count()
        self.lines: list[str] = []
        self.rels = 0
        self.counts: Counter[str] = Counter()
        self.authorities = [Party(n, t, None, j, list(a)) for n, t, a, j in AUTHORITIES]

    # -- documents -----------------------------------------------------------------------

    def emit(self, parties: list[Party], facts: list[dict[str, Any]], title: str) -> None:
        number = next(self.docs)
        doc_id = hashlib.sha256(f"bench:{self.seed}:{number}".encode()).hexdigest()
        seen: dict[str, Party] = {}
        for party in parties:
            seen.setdefault(party.name, party)
        year = 2019 + number % 5
        record = {
            "id": f"bench-{self.seed}-{number}",
            "document": {"id": doc_id, "source": f"bench-{self.seed}-{number}", "title": title,
                         "date": f"{year}-{1 + number % 12:02d}", "lang": "en" if number % 4 else "nl"},
            "entities": [p.entity() for p in seen.values()],
            "facts": facts,
        }
        self.lines.append(json.dumps(record, ensure_ascii=False))

    def evidence(self, sentence: str) -> list[dict[str, Any]]:
        start = self.rng.randrange(0, 1800)
        return [{"sentence": sentence, "start": start, "end": start + len(sentence),
                 "extractor": "bench", "confidence": round(self.rng.uniform(0.6, 1.0), 2)}]

    # -- parties -------------------------------------------------------------------------

    def firm(self, kind: str, jurisdiction: str, stem: str | None = None, suffix: str = "") -> Party:
        stem = stem or word(next(self.names))
        name = " ".join(x for x in (stem, suffix, self.rng.choice(LEGAL)) if x)
        aliases = [f"{stem} {suffix}".strip()] if self.rng.random() < 0.5 else []
        return Party(name, "Firm", kind, jurisdiction, aliases)

    def person(self) -> Party:
        first, last = word(next(self.names)), word(next(self.names))
        return Party(f"{first} {last}", "Person", aliases=[last] if self.rng.random() < 0.3 else [])


def _zipf_cum(n: int, alpha: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** alpha) for rank in range(1, n + 1)))


def generate(size: int, seed: int = 7) -> Generated:
    """About ``size`` case relationships (±2%), deterministic for ``seed``."""
    b = _Builder(size, seed)
    rng = b.rng
    n_groups = max(20, size // 25)
    n_hubs = max(3, n_groups // 200)
    groups: list[list[Party]] = []
    officers: list[tuple[Party, Party]] = []

    # Group profiles: parent, subsidiaries, officers, sometimes a token.
    for g in range(n_groups):
        jur = rng.choice(JURISDICTIONS)
        kind = HUB_KINDS[g % len(HUB_KINDS)] if g < n_hubs else rng.choice(FIRM_KINDS)
        stem = word(next(b.names))
        parent = b.firm(kind, jur, stem, "Holdings" if rng.random() < 0.5 else "")
        subs = [b.firm(kind, rng.choice(JURISDICTIONS), stem, w)
                for w in rng.sample(SUB_WORDS, min(len(SUB_WORDS), int(rng.expovariate(0.5))))]
        people = [b.person() for _ in range(1 + int(rng.expovariate(0.6)))]
        facts: list[dict[str, Any]] = []
        for sub in subs:
            facts.append({"type": "subsidiary", "child": sub.name, "parent": parent.name,
                          "evidence": b.evidence(f"{sub.name} is a wholly owned subsidiary of {parent.name}.")})
        members = [parent, *subs]
        for person in people:
            org = rng.choice(members)
            role = rng.choice(ROLES)
            officers.append((person, org))
            facts.append({"type": "officer", "person": person.name, "org": org.name, "role": role,
                          "evidence": b.evidence(f"{person.name}, {role} of {org.name}, said on Tuesday.")})
        extra: list[Party] = []
        if g < n_hubs or rng.random() < 0.08:
            token = Party(f"{stem.upper()[:4]}{g}", "Token", issuer=parent.name)
            extra.append(token)
            b.rels += 1
            b.counts["ISSUED"] += 1
        b.rels += len(facts)
        b.counts["SUBSIDIARY_OF"] += len(subs)
        b.counts["OFFICER_OF"] += len(people)
        groups.append(members)
        b.emit([*members, *people, *extra], facts, f"Group profile of {parent.name}")

    # Enforcement news: hubs draw most actions, then a sparse tail over everyone.
    def actor_for(kind: str) -> Party | None:
        types = {"bankruptcy": ("Court",), "charge": ("Regulator", "Prosecutor"),
                 "acquisition": ()}.get(kind, ("Regulator",))
        pool = [a for a in b.authorities if a.type in types]
        return rng.choice(pool) if pool else None

    def event(subject: Party) -> tuple[list[Party], dict[str, Any]]:
        kind = rng.choices(EVENT_TYPES, EVENT_WEIGHTS)[0]
        if subject.type == "Person":
            kind = rng.choice(("charge", "investigation"))
        actor = actor_for(kind)
        role = {"asset_freeze": ("authority", "target"), "investigation": ("authority", "subject"),
                "charge": ("authority", "subject"), "bankruptcy": ("court", "firm"),
                "withdrawal_suspension": ("authority", "firm"), "acquisition": ("acquirer", "target")}[kind]
        fact: dict[str, Any] = {"type": kind, role[1]: subject.name}
        parties = [subject]
        if kind == "acquisition":
            acquirer = rng.choice(rng.choice(groups))
            if acquirer.name == subject.name:
                return [], {}
            fact["acquirer"] = acquirer.name
            fact["status"] = rng.choice(("proposed", "failed", "completed"))
            parties.append(acquirer)
        elif kind == "withdrawal_suspension":
            pass  # the firm itself suspends: no actor
        elif actor:
            fact[role[0]] = actor.name
            parties.append(actor)
        if kind == "charge":
            fact["kind"] = rng.choice(CHARGE_KINDS)
        if kind in ("asset_freeze", "charge") and rng.random() < 0.6:
            fact["amount"] = float(rng.randrange(1, 5000) * 100_000)
            fact["currency"] = "USD"
        fact["date"] = f"{rng.randrange(2019, 2025)}-{rng.randrange(1, 13):02d}"
        fact["status"] = fact.get("status") or rng.choice(("announced", "pending", "closed"))
        fact["evidence"] = b.evidence(f"{kind.replace('_', ' ').title()} concerning {subject.name} was reported.")
        return parties, fact

    n_events = max(10, n_groups // 2)
    subjects = [g[0] for g in groups[:n_hubs] for _ in range(4)]
    subjects += [rng.choice(rng.choice(groups)) for _ in range(n_events * 3 // 4)]
    subjects += [rng.choice(officers)[0] for _ in range(n_events - len(subjects) + n_hubs * 4)]
    for start in range(0, len(subjects), 2):
        parties: list[Party] = []
        facts = []
        for subject in subjects[start:start + 2]:
            ps, fact = event(subject)
            if fact:
                parties += ps
                facts.append(fact)
                edges = 2 if len(ps) > 1 else 1
                b.rels += edges
                b.counts["INITIATED"] += edges - 1
                b.counts["CONCERNS"] += 1
        if facts:
            b.emit(parties, facts, f"Enforcement news {start // 2}")

    # Exposure network: fill up to ``size``.
    exposures = _exposures(b, groups, n_hubs, max(0, size - b.rels))
    b.counts["EXPOSED_TO"] = len(exposures)
    b.rels += len(exposures)

    degree = Counter(debtor.name for _, debtor, _ in exposures)
    hubs = [name for name, _ in degree.most_common(5)]
    firms = [m.name for g in groups for m in g]
    candidates = sorted(n for n in firms if 2 <= degree.get(n, 0) <= 6)
    ordinary = rng.sample(candidates, min(20, len(candidates)))
    return Generated(b.lines, b.rels, [(c.name, d.name) for c, d, _ in exposures], hubs, ordinary, seed,
                     dict(b.counts))


def _exposures(b: _Builder, groups: list[list[Party]], n_hubs: int, total: int) -> list[tuple[Party, Party, float]]:
    """Creditor -> debtor pairs: ecosystems with Zipf debtors, hubs with many small creditors."""
    rng = b.rng
    hubs = [g[0] for g in groups[:n_hubs]]
    eco_members: list[list[Party]] = []
    rest = groups[n_hubs:]
    for start in range(0, len(rest), GROUPS_PER_ECOSYSTEM):
        members = [m for g in rest[start:start + GROUPS_PER_ECOSYSTEM] for m in g]
        rng.shuffle(members)
        eco_members.append(members)
    eco_cum = {len(m): _zipf_cum(len(m), 1.1) for m in eco_members}
    hub_cum = _zipf_cum(len(hubs), 1.0)
    seen: set[tuple[str, str]] = set()
    out: list[tuple[Party, Party, float]] = []

    def add(creditor: Party, debtor: Party) -> None:
        if creditor.name == debtor.name or (creditor.name, debtor.name) in seen:
            return
        seen.add((creditor.name, debtor.name))
        amount = round(rng.paretovariate(1.2) * 50_000, -3)
        out.append((creditor, debtor, amount))

    # About 30% between firms of one ecosystem, 5% firm -> hub, the rest small creditors.
    mid_target, hub_target = int(total * 0.30), int(total * 0.05)
    while len(out) < mid_target:
        members = rng.choice(eco_members)
        creditor = rng.choice(members)
        debtor = rng.choices(members, cum_weights=eco_cum[len(members)])[0]
        add(creditor, debtor)
    while len(out) < mid_target + hub_target:
        add(rng.choice(rng.choice(eco_members)), rng.choices(hubs, cum_weights=hub_cum)[0])
    while len(out) < total:
        creditor = b.firm(rng.choice(("fund", "trust", "company", "family office", "dao")), rng.choice(JURISDICTIONS))
        for _ in range(1 + int(rng.expovariate(1.5))):
            if rng.random() < 0.25:
                debtor = rng.choices(hubs, cum_weights=hub_cum)[0]
            else:
                members = rng.choice(eco_members)
                debtor = rng.choices(members, cum_weights=eco_cum[len(members)])[0]
            add(creditor, debtor)
    out = out[:total]

    # Creditor schedules: per debtor, pages of SCHEDULE_FACTS creditors.
    by_debtor: dict[str, list[tuple[Party, Party, float]]] = {}
    for item in out:
        by_debtor.setdefault(item[1].name, []).append(item)
    for name in sorted(by_debtor, key=lambda n: (len(by_debtor[n]), n)):
        items = by_debtor[name]
        for start in range(0, len(items), SCHEDULE_FACTS):
            page = items[start:start + SCHEDULE_FACTS]
            debtor = page[0][1]
            facts = [{"type": "exposure", "exposed": c.name, "counterparty": d.name, "amount": amount,
                      "currency": "USD", "kind": rng.choice(("deposit", "loan", "locked funds", "investment")),
                      "as_of": "2022-11",
                      "evidence": b.evidence(f"{c.name} is owed {amount:,.0f} USD by {d.name}.")}
                     for c, d, amount in page]
            title = f"Creditor schedule of {name}, page {start // SCHEDULE_FACTS + 1}"
            b.emit([debtor, *(c for c, _, _ in page)], facts, title)
    return out

