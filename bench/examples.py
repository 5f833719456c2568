"""The examples ×100 into each store: facts per second of the whole load path (issue 2's figure).

    python -m bench.examples [--copies 100]

Each copy of each example becomes a new document (its own id and document hash) naming the same
parties, so the load merges into shared party nodes the way real filings do.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.stores import neo4j_available, neo4j_uri, open_store, reset
from casegraph.graph import write_extractions
from casegraph.loaders.result import Loaded
from casegraph.schemas import parse_line

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "ftx-case.jsonl"


def copies(count: int) -> list[Loaded]:
    lines = [line for line in EXAMPLES.read_text().splitlines() if line.strip()]
    items = []
    for copy in range(count):
        for line in lines:
            record = json.loads(line)
            record["id"] = f"{record['id']}#{copy}"
            record["document"]["id"] = f"{record['document']['id'][:56]}{copy:08x}"
            items.append(Loaded(record["id"], parse_line(json.dumps(record))))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()
    targets = [("embedded", str(Path(tempfile.mkdtemp()) / "examples.db"))]
    why = neo4j_available(neo4j_uri())
    targets += [("neo4j", neo4j_uri())] if why is None else []
    for kind, target in targets:
        items = copies(args.copies)  # parsed before the clock: the figure is the store's load path
        facts = sum(len(i.extraction.facts) for i in items)
        reset(kind, target)
        store = open_store(kind, target)
        started = time.perf_counter()
        report = write_extractions(store, items)
        seconds = time.perf_counter() - started
        store.close()
        rate = facts / seconds
        print(f"{kind}: {report.documents} documents, {facts} facts in {seconds:.2f} s = {rate:,.0f} facts/s")
    if why is not None:
        print(f"neo4j: skipped ({why})")


if __name__ == "__main__":
    main()
