"""Pictures in a real headless chromium: casegraph show's offline page, and the Neo4j Browser as the README says.

Both need Debian's chromium (scripts/setup-test-tools installs it; .ci/run calls it). Without it they
skip loudly, and fail under CI=true. Screenshots go to $CASEGRAPH_SCREENSHOTS (default: the test's
tmp folder); each test prints where.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from conftest import EXAMPLES, NEO4J_URI
from typer.testing import CliRunner

from casegraph.cli import app
from casegraph.pictures.png import chromium

FTX = EXAMPLES / "ftx-case.jsonl"
ERROR_FRAMES = ("InvalidGrassError", "not allowed according to server allowlist", "No guide by that name",
                "CORS", "Failed to fetch", "NetworkError")


@pytest.fixture
def browser_binary() -> str:
    found = chromium()
    if not found:
        message = "no chromium: run scripts/setup-test-tools (apt-get install chromium) for the picture tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        warnings.warn(f"PICTURE TESTS SKIPPED: {message}", stacklevel=1)
        pytest.skip(f"PICTURE TESTS SKIPPED: {message}")
    return found


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CASEGRAPH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _say(capsys, text: str) -> None:
    with capsys.disabled():
        print(f"\n{text}")


def test_offline_page_of_the_ftx_example(browser_binary, tmp_path, capsys):
    from cdp import page

    db, html, png = tmp_path / "ftx.db", tmp_path / "ftx.html", _shots(tmp_path) / "show-ftx.png"
    runner = CliRunner()
    assert runner.invoke(app, ["load", str(FTX), "--store", str(db)]).exit_code == 0
    done = runner.invoke(app, ["show", "FTX", "--store", str(db), "--out", str(html), "--png", str(png)])
    assert done.exit_code == 0, done.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert "<script src" not in html.read_text() and "cytoscape" in html.read_text()

    with page(tmp_path / "profile") as tab:
        tab.navigate(html.as_uri())
        tab.until("document.body.dataset.ready === '1'", 60)
        data = tab.evaluate("JSON.stringify(window.CASEGRAPH)")
        drawn = tab.evaluate("cy.nodes().length")
        tab.evaluate("cy.getElementById('firm:genesis-global-trading|EXPOSED_TO|firm:ftx').emit('tap'); 1")
        shown = tab.evaluate("document.getElementById('info').innerText")
        tab.pump(1)
        shot = tab.screenshot(_shots(tmp_path) / "show-ftx-cdp.png")
        requests, errors = list(tab.requests), list(tab.errors)
    _say(capsys, f"screenshots: {png} (casegraph show --png), {shot} (clicked the Genesis -> FTX exposure)")

    assert requests and all(u.startswith(("file://", "data:", "about:")) for u in requests), requests
    assert errors == []
    data = json.loads(data)
    parties = {n["props"].get("name") for n in data["nodes"] if n["group"] == "party"}
    assert {"FTX", "FTX Digital Markets", "FTX US", "Alameda Research", "BlockFi", "Genesis Global Trading",
            "Securities Commission of The Bahamas"} <= parties
    assert drawn == len(data["nodes"])
    exposures = {(e["source"], e["target"]): e for e in data["edges"] if e["type"] == "EXPOSED_TO"}
    genesis = exposures[("firm:genesis-global-trading", "firm:ftx")]
    assert (genesis["amount"], genesis["label"]) == (175_000_000, "USD 175M")
    assert exposures[("firm:ftx-us", "firm:blockfi")]["label"] == "USD 400M"
    assert exposures[("firm:blockfi", "firm:ftx")]["label"] == "funds on platform"  # no amount: its kind
    assert genesis["width"] > exposures[("firm:blockfi", "firm:ftx")]["width"]
    assert data["focus"] == "firm:ftx" and {"Firm", "Court", "Bankruptcy"} <= {x["type"] for x in data["legend"]}
    assert [t["date"] for t in data["timeline"]] == sorted(t["date"] for t in data["timeline"])
    assert "2022-11-10" in {t["date"] for t in data["timeline"]}
    # an arrow's panel: its amount and kind, the sentence and its document's title (not its hash)
    sentence = genesis["evidence"][0]
    assert sentence["sentence"] and sentence["title"] and not sentence["title"].startswith(sentence["doc"][:8])
    assert "USD 175M" in shown and "locked funds" in shown and sentence["title"] in shown
    assert " ".join(sentence["sentence"].split()[:6]) in " ".join(shown.split())


def test_picture_data_and_html_options_without_a_browser(tmp_path):
    """The same picture from `show` and from --html on the query commands; path draws its hops."""
    db = tmp_path / "ftx.db"
    runner = CliRunner()
    assert runner.invoke(app, ["load", str(FTX), "--store", str(db)]).exit_code == 0
    pages = {}
    for command in (["show", "FTX", "--out"], ["exposure", "FTX", "--html"], ["actions", "FTX", "--html"],
                    ["timeline", "FTX", "--html"], ["path", "Gemini", "Sam Bankman-Fried", "--html"]):
        out = tmp_path / f"{command[0]}.html"
        done = runner.invoke(app, [*command, str(out), "--store", str(db)])
        assert done.exit_code == 0, done.output
        text = out.read_text()
        start = text.index('type="application/json">') + len('type="application/json">')
        pages[command[0]] = json.loads(text[start:text.index("</script>", start)].replace("<\\/", "</"))
    assert pages["show"] == pages["exposure"] == pages["actions"] == pages["timeline"]
    show, path = pages["show"], pages["path"]
    events = {n["label"] for n in show["nodes"] if n["group"] == "event"}
    assert {"Asset freeze 2022-11-10", "Bankruptcy 2022-11-11"} <= events
    assert {n["id"] for n in path["nodes"]} >= {"firm:gemini", "person:sam-bankman-fried"}
    assert path["focus"] == "firm:gemini" and path["edges"]
    missing = runner.invoke(app, ["show", "Nobody Holdings", "--store", str(db), "--out", str(tmp_path / "x.html")])
    assert missing.exit_code == 1 and "no party named" in missing.output and not (tmp_path / "x.html").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _type_and_run(tab, text: str) -> None:
    tab.evaluate("document.querySelector('.monaco-editor textarea').focus()")
    tab.send("Input.insertText", text=text)
    tab.pump(0.3)
    tab.evaluate("document.querySelector('[data-testid=\"editor-Run\"]').click()")
    tab.pump(2)


@pytest.mark.neo4j
def test_neo4j_browser_as_the_readme_says(browser_binary, neo4j_store, tmp_path, capsys):
    """Open the Browser, connect, :style and :play as the README writes them, run the first exposure picture."""
    from cdp import page
    from test_queries_case import load

    from casegraph.browser.commands import http_port

    load(neo4j_store, [x for x in FTX.read_text().splitlines() if x.strip()])
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "casegraph", "browser", "--serve", "--port", str(port),
                               "--store", NEO4J_URI], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        said = ""
        while server.stdout and not said.rstrip().endswith(".html"):  # the last line names the guide file
            said += server.stdout.readline()
        style, guide = (next(line.split(None, 1)[1].strip() for line in said.splitlines()
                             if line.strip().startswith(word)) for word in ("style", "guide"))
        assert style == f":style http://127.0.0.1:{port}/casegraph.grass" and guide.startswith(":play ")
        browser = f"http://{NEO4J_URI.split('//')[1].split(':')[0]}:{http_port()}/browser/"
        assert browser in said
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        with page(tmp_path / "profile") as tab:
            tab.navigate(browser)
            tab.until("!!document.querySelector('[data-testid=\"connect\"]')", 60)
            tab.evaluate("document.querySelector('[data-testid=\"connect\"]').click()")
            tab.until("document.body.innerText.includes('You have a working connection') || "
                      "document.body.innerText.includes('You are connected')", 60)
            tab.pump(3)  # the Browser reads the server's settings (the allowlist) after connecting
            _type_and_run(tab, style)
            _type_and_run(tab, guide)
            tab.until("document.body.innerText.includes('Who is exposed to a failing firm')", 30)
            # slide 1: :param ids; slide 2: :param depth, then the picture (the guide's first exposure query)
            for block in (":param ids", None, ":param depth", "OPTIONAL MATCH e = (:Party)-[:EXPOSED_TO"):
                if block is None:
                    tab.evaluate("[...document.querySelectorAll('[data-testid=nextSlide], "
                                 "[data-testid=guideNextSlide]')].filter(b => b.offsetParent)[0]?.click()")
                    tab.pump(1)
                    continue
                tab.until(f"""(() => {{
                    const pre = [...document.querySelectorAll('pre.runnable')]
                        .find(p => p.offsetParent !== null && p.innerText.includes({json.dumps(block)}));
                    if (!pre) return false; pre.click(); return true; }})()""", 60)
                tab.pump(1)
                tab.evaluate("document.querySelector('[data-testid=\"editor-Run\"]').click()")
                tab.pump(3)
            tab.until("[...document.querySelectorAll('svg text')].some(t => t.textContent.includes('USD 175M'))", 180)
            text = tab.evaluate("document.body.innerText")
            captions = tab.evaluate("[...document.querySelectorAll('svg text')].map(t => t.textContent)")
            tab.pump(2)
            shot = tab.screenshot(_shots(tmp_path) / "neo4j-browser-exposure.png")
            outgoing = sorted({u.split("?")[0] for u in tab.requests
                               if not u.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:"))})
    finally:
        server.terminate()
        server.wait(timeout=20)
    _say(capsys, f"screenshot: {shot}")
    assert not [e for e in ERROR_FRAMES if e in text], text[:2000]
    assert outgoing == []  # no fonts, analytics, crash reports or feedback widget
    assert "USD 175M" in " ".join(captions) and any("Genesis" in c for c in captions), captions
