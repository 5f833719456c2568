"""The Browser guide (guide.html), built from the canned .cypher files so the two never drift.

    python -m casegraph.browser.guide > casegraph/browser/guide.html

A test checks that the shipped guide.html is what build() makes and that every block runs.
"""

from __future__ import annotations

import html

from casegraph.queries.cypher import canned

SLIDES: list[tuple[str, str, list[str]]] = [
    ("casegraph", "Who is exposed to a failing firm, through whom and for how much, and who acted against whom. "
     "Parties carry a name and aliases; <code>NameKey</code> nodes index them lower-case, accent- and legal-form-free; "
     "events (freezes, investigations, charges, ...) sit between the authority that INITIATED them and the "
     "party they CONCERN. Start by finding a party: set its name, then look up its id.",
     [":param name => 'FTX'",
      "MATCH (:NameKey {key: toLower($name)})-[:NAMES]->(p:Party)\n"
      "RETURN p.id AS id, p.name AS name, [l IN labels(p) WHERE l <> 'Party'][0] AS label",
      ":param ids => ['firm:ftx']"]),
    ("Exposure to a party", "Who is exposed to the party or its group (subsidiaries, parents, siblings), with "
     "every hop's amount. A chain stops at the first group member; <code>via_group</code> marks chains that reach "
     "the group through another member. First as a picture, then the canned query.",
     [":param depth => 3", ":param limit => 50", ":param probe => 200",
      "MATCH (t:Party) WHERE t.id IN $ids\nMATCH g = (t)-[:SUBSIDIARY_OF*0..4]-(m:Party)\n"
      "OPTIONAL MATCH e = (:Party)-[:EXPOSED_TO*1..6]->(m) WHERE length(e) <= $depth\nRETURN g, e",
      canned("exposure_in").body]),
    ("Exposure totals", "Totals over every chain, computed in the database: per currency, depth, group member and "
     "direct counterparty (the $limit largest), each relationship counted once.",
     [canned("exposure_totals_in").body]),
    ("Exposure of a party", "To whom the party or its group is exposed, directly or through chains.",
     [canned("exposure_out").body]),
    ("Actions", "Freezes, investigations, charges, bankruptcies and suspensions against the party, its group and "
     "its officers, with the authority that initiated each one.",
     ["MATCH (t:Party) WHERE t.id IN $ids\nMATCH g = (t)-[:SUBSIDIARY_OF*0..4]-(m:Party)\n"
      "OPTIONAL MATCH o = (:Person)-[:OFFICER_OF]->(m)\n"
      "OPTIONAL MATCH a = (:Party)-[:INITIATED]->(:Event)-[:CONCERNS]->(m)\nRETURN g, o, a",
      canned("actions").body]),
    ("Timeline", "Every dated event of the party and its group in date order, with its source documents.",
     [canned("timeline").body]),
    ("Path", "The shortest connections between two parties, through case events too.",
     [":param from_ids => ['person:sam-bankman-fried']", ":param to_ids => ['firm:gemini']",
      "MATCH (a:Party) WHERE a.id IN $from_ids\nMATCH (b:Party) WHERE b.id IN $to_ids AND a <> b\n"
      "MATCH p = allShortestPaths(\n"
      "  (a)-[:EXPOSED_TO|SUBSIDIARY_OF|OFFICER_OF|ISSUED|INITIATED|CONCERNS*..10]-(b))\n"
      "RETURN p",
      canned("path").body]),
    ("Entity", "A party with its names and its neighbourhood in brief (the first $neighbours relationships).",
     [":param neighbours => 25", ":param scan => 10000", canned("entity").body]),
]


def build() -> str:
    slides = []
    for title, lead, blocks in SLIDES:
        pres = "\n".join(f'        <pre class="pre-scrollable code runnable">{html.escape(b, quote=False)}</pre>'
                         for b in blocks)
        slides.append(f"""    <slide class="row-fluid">
      <div class="col-sm-3">
        <h3>{html.escape(title)}</h3>
        <p class="lead">{lead}</p>
      </div>
      <div class="col-sm-9">
{pres}
      </div>
    </slide>""")
    body = "\n".join(slides)
    return f"""<!-- casegraph Browser guide: made by python -m casegraph.browser.guide; play with :play <url> -->
<article class="guide">
  <carousel class="deck container-fluid">
{body}
  </carousel>
</article>
"""


def blocks(text: str) -> list[str]:
    """The runnable blocks of a guide, unescaped, in order."""
    import re

    return [html.unescape(b) for b in re.findall(r'<pre class="[^"]*runnable[^"]*">(.*?)</pre>', text, re.S)]


if __name__ == "__main__":
    print(build(), end="")
