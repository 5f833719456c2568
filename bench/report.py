"""Targets of issue 5, judged on a result, and the rich tables printed at the end of a run."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _largest(result: dict[str, Any], kind: str, section: str) -> tuple[str, dict[str, Any]] | None:
    sizes = [(s, r[kind][section]) for s, r in result["sizes"].items() if section in r.get(kind, {})]
    return max(sizes, key=lambda x: result["sizes"][x[0]]["generated"]["relationships"]) if sizes else None


def _target(name: str, value: float | None, limit: float, higher: bool, where: str, unit: str) -> dict[str, Any]:
    met = None if value is None else (value >= limit if higher else value <= limit)
    return {"target": name, "value": value, "limit": limit, "unit": unit, "where": where, "met": met}


# Issue 11: p95 limits in ms at the largest size, per store: (hub, ordinary) for exposure; entity, path.
EXPOSURE_P95 = {"embedded": (100.0, 20.0), "neo4j": (150.0, 30.0)}
OTHER_P95 = {"entity": 50.0, "path": 50.0}
FACTS_PER_S = {"100k": 50_000, "1m": 30_000}


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for kind, limit in (("neo4j", 0.7), ("embedded", 0.5)):
        found = _largest(result, kind, "load")
        if found and "ratio" in found[1]:
            out.append(_target(f"{kind} load / baseline", found[1]["ratio"], limit, True, found[0], "×"))
    for size, res in result["sizes"].items():  # 50,000 facts/s up to 100k, 30,000 at 1m
        load = res.get("embedded", {}).get("load")
        if load:
            out.append(_target("embedded load facts/s", load["facts_per_s"], FACTS_PER_S.get(size, 50_000), True,
                               size, "facts/s"))
    for kind in ("embedded", "neo4j"):
        found = _largest(result, kind, "queries")
        if not found:
            continue
        size, queries = found
        name = "exposure" if "exposure" in queries["canned_available"] else "traverse"
        for cls, limit in zip(("hub", "ordinary"), EXPOSURE_P95[kind], strict=True):
            row = queries["results"].get(f"{name}/{cls}", {})
            out.append(_target(f"{kind} {name} (totals + top 50) {cls} p95", row.get("p95_ms"), limit, False, size,
                               "ms"))
        for name, limit in OTHER_P95.items():
            for cls in ("hub", "ordinary"):
                row = queries["results"].get(f"{name}/{cls}", {})
                out.append(_target(f"{kind} {name} {cls} p95", row.get("p95_ms"), limit, False, size, "ms"))
    extract = result.get("extract", {}).get("casegraph", {})
    if extract or "extract" in result:
        docs = extract.get("docs_per_s")
        out.append(_target("extraction docs/s", docs and round(docs, 1), 200, True, "dev corpus ×", "docs/s"))
    found = _largest(result, "embedded", "memory")
    if found:
        for cls in ("hub", "ordinary", "entity"):
            if cls in found[1]:
                peak = round(found[1][cls]["peak_rss_mb"], 1)
                query = "entity" if cls == "entity" else found[1]["query"]
                out.append(_target(f"embedded query peak RSS ({query}, {cls})", peak, 300, False, found[0], "MB"))
    return out


def print_tables(result: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console(width=150)
    load = Table(title="Load (facts = relationships + event nodes written)")
    for col in ("size", "store", "facts", "casegraph facts/s", "baseline facts/s", "ratio", "parse/graph/write/keep s",
                "peak RSS MB"):
        load.add_column(col, justify="right")
    query = Table(title="Queries (p50 / p95 ms, rows read or db hits)")
    for col in ("size", "store", "query", "hub p50/p95", "hub read", "ordinary p50/p95", "ordinary read"):
        query.add_column(col, justify="right")
    for size, res in result["sizes"].items():
        for kind in ("embedded", "neo4j"):
            sec = res.get(kind, {})
            if "load" in sec:
                ld, cg = sec["load"], sec["load"]["casegraph"]
                load.add_row(size, kind, f"{ld['facts']:,}", f"{ld['facts_per_s']:,}",
                             f"{ld.get('baseline_facts_per_s', 0):,}", str(ld.get("ratio", "")),
                             f"{cg['parse_s']:.1f}/{cg['graph_s']:.1f}/{cg['write_s']:.1f}/{cg.get('keep_s', 0):.1f}",
                             f"{cg['peak_rss_mb']:.0f}")
            for key, row in sec.get("queries", {}).get("results", {}).items():
                name, cls = key.split("/")
                if cls != "hub":
                    continue
                other = sec["queries"]["results"].get(f"{name}/ordinary", {})
                query.add_row(size, kind, name, _lat(row), _read(row), _lat(other), _read(other))
    console.print(load)
    console.print(query)
    extract = result.get("extract")
    if extract:
        cg, sp = extract.get("casegraph", {}), extract.get("spacy_blank", {})
        console.print(f"Extraction: {extract.get('documents')} docs; casegraph "
                      f"{cg.get('docs_per_s', 0):,.0f} docs/s {cg.get('chars_per_s', 0):,.0f} chars/s "
                      f"{cg.get('error', '')}; spacy.blank tokenizer {sp.get('docs_per_s', 0):,.0f} docs/s; "
                      f"ratio {extract.get('ratio', '—')}")
    jobs = result.get("jobs")
    if jobs:
        console.print(f"load --jobs: {jobs.get('documents')} docs; " + "; ".join(
            f"{k.replace('_', ' ')}: {v['docs_per_s']} docs/s ({v['seconds']} s)" for k, v in jobs.items()
            if k.startswith("jobs_")) + f" {jobs.get('error', '')}")
    mem = Table(title="Peak RSS MB (child process)")
    for col in ("size", "store", "load", "exposure hub", "exposure ordinary", "entity", "before query"):
        mem.add_column(col, justify="right")
    for size, res in result["sizes"].items():
        for kind in ("embedded", "neo4j"):
            m = res.get(kind, {}).get("memory")
            if m:
                entity = m.get("entity", {}).get("peak_rss_mb")
                mem.add_row(size, kind, f"{m['load_peak_rss_mb'] or 0:.0f}", f"{m['hub']['peak_rss_mb']:.0f}",
                            f"{m['ordinary']['peak_rss_mb']:.0f}", f"{entity:.0f}" if entity else "",
                            f"{m['hub']['rss_before_mb']:.0f}")
    console.print(mem)
    tt = Table(title="Targets (issues 5, 11)")
    for col in ("target", "limit", "value", "at", "met"):
        tt.add_column(col)
    for t in result.get("targets", []):
        met = "—" if t["met"] is None else ("[green]met" if t["met"] else "[red]NOT met")
        tt.add_row(t["target"], f"{t['limit']:,} {t['unit']}", f"{t['value']}", t["where"], met)
    console.print(tt)


def _lat(row: dict[str, Any]) -> str:
    if "error" in row:
        return f"error: {row['error'][:40]}"
    return f"{row.get('p50_ms', '')}/{row.get('p95_ms', '')}" if row else ""


def _read(row: dict[str, Any]) -> str:
    if "rows_read" in row:
        return f"{row['rows_read']:,} rows"
    if "db_hits" in row:
        return f"{row['db_hits']:,} hits"
    return ""


def markdown(result: dict[str, Any]) -> str:
    """The tables as Markdown, for bench/README.md."""
    m = result["machine"]
    lines = [f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, Python {m['python']}.", "",
             "### Load", "", "| size | store | facts | casegraph facts/s | baseline facts/s | ratio "
             "| parse / graph / write / keep s | baseline s | peak RSS MB |",
             "|---|---|---:|---:|---:|---:|---|---:|---:|"]
    for size, res in result["sizes"].items():
        for kind in ("embedded", "neo4j"):
            ld = res.get(kind, {}).get("load")
            if ld:
                cg = ld["casegraph"]
                lines.append(f"| {size} | {kind} | {ld['facts']:,} | {ld['facts_per_s']:,} | "
                             f"{ld.get('baseline_facts_per_s', 0):,} | {ld.get('ratio', '')} | "
                             f"{cg['parse_s']:.1f} / {cg['graph_s']:.1f} / {cg['write_s']:.1f} / "
                             f"{cg.get('keep_s', 0):.1f} | "
                             f"{ld.get('baseline', {}).get('seconds', 0):.1f} | {cg['peak_rss_mb']:.0f} |")
    lines += ["", "### Queries (ms; read = embedded rows read, Neo4j db hits; chains/rows = result size)", "",
              "| size | store | query | hub p50 / p95 | hub read | hub rows | ordinary p50 / p95 | ordinary read |",
              "|---|---|---|---:|---:|---:|---:|---:|"]
    for size, res in result["sizes"].items():
        for kind in ("embedded", "neo4j"):
            rows = res.get(kind, {}).get("queries", {}).get("results", {})
            for key, hub in rows.items():
                name, cls = key.split("/")
                if cls == "hub":
                    other = rows.get(f"{name}/ordinary", {})
                    lines.append(f"| {size} | {kind} | {name} | {_lat(hub)} | {_read(hub)} | "
                                 f"{hub.get('result_rows', '')} | {_lat(other)} | {_read(other)} |")
    lines += ["", "### Peak RSS (MB, child process)", "",
              "| size | store | load | exposure hub | exposure ordinary | entity | store open, before query |",
              "|---|---|---:|---:|---:|---:|---:|"]
    for size, res in result["sizes"].items():
        for kind in ("embedded", "neo4j"):
            mem = res.get(kind, {}).get("memory")
            if mem:
                ent = mem.get("entity", {}).get("peak_rss_mb")
                cells = [mem["load_peak_rss_mb"] or 0, mem["hub"]["peak_rss_mb"], mem["ordinary"]["peak_rss_mb"]]
                lines.append(f"| {size} | {kind} | " + " | ".join(f"{c:.0f}" for c in cells)
                             + f" | {f'{ent:.0f}' if ent else ''} | {mem['hub']['rss_before_mb']:.0f} |")
    extract = result.get("extract")
    if extract and "docs_per_s" in extract.get("casegraph", {}):
        cg, sp = extract["casegraph"], extract["spacy_blank"]
        lines += ["", "### Extraction", "", "| documents | casegraph docs/s | chars/s | spacy.blank docs/s | ratio |",
                  "|---:|---:|---:|---:|---:|",
                  f"| {extract['documents']:,} | {cg['docs_per_s']:,.0f} | {cg['chars_per_s']:,.0f} | "
                  f"{sp['docs_per_s']:,.0f} | {extract['ratio']:.3f} |"]
    lines += ["", "### Targets", "", "| target | limit | value | at | met |", "|---|---|---:|---|---|"]
    for t in result.get("targets", []):
        met = "—" if t["met"] is None else ("met" if t["met"] else "**not met**")
        lines.append(f"| {t['target']} | {t['limit']:,} {t['unit']} | {t['value']} | {t['where']} | {met} |")
    return "\n".join(lines) + "\n"


def merge(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Runs of different sizes or sections (e.g. a long 1m run apart) as one result; later wins."""
    out: dict[str, Any] = {**results[0], "sizes": {}, "runs": []}
    for result in results:
        out["runs"].append({"started": result.get("started"), "sections": result.get("sections"),
                            "sizes": list(result.get("sizes", {}))})
        for size, section in result.get("sizes", {}).items():
            out["sizes"][size] = _deep(out["sizes"].get(size, {}), section)
        if "extract" in result:
            out["extract"] = result["extract"]
    order = sorted(out["sizes"], key=lambda s: out["sizes"][s]["generated"]["relationships"])
    out["sizes"] = {s: out["sizes"][s] for s in order}
    out["targets"] = targets(out)
    return out


def _deep(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``new`` over ``old``, nested dicts merged, a None never hiding a figure."""
    out = dict(old)
    for key, value in new.items():
        if key == "results":  # one row per query and class: a newer row replaces the older whole
            out[key] = {**out.get(key, {}), **value}
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep(out[key], value)
        elif value is not None or key not in out:
            out[key] = value
    return out


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.report A.json B.json --out latest.json``: merge runs, print the tables."""
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m bench.report")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out")
    parser.add_argument("--markdown", help="also write the tables as Markdown to this file")
    args = parser.parse_args(argv)
    result = merge([json.loads(Path(f).read_text()) for f in args.files])
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1, default=str) + "\n")
    if args.markdown:
        Path(args.markdown).write_text(markdown(result))
    print_tables(result)


if __name__ == "__main__":
    main()
