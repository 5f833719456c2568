"""casegraph browser: how to style the configured Neo4j's Browser and play the guide (optionally serving both)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
from typing import Annotated
from urllib.parse import urlparse

import typer

from casegraph.browser import GRASS, GUIDE, HERE


class _CorsHandler(http.server.SimpleHTTPRequestHandler):
    """The Browser fetches guides and styles cross-origin, after a preflight (OPTIONS): allow both."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers",
                         self.headers.get("Access-Control-Request-Headers") or "Content-Type")
        self.send_header("Access-Control-Max-Age", "600")
        super().end_headers()

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


def http_port() -> int:
    """The Browser's port: scripts/neo4j's NEO4J_HTTP_PORT, 7474 by default."""
    value = os.environ.get("NEO4J_HTTP_PORT", "").strip()
    return int(value) if value.isdigit() else 7474


def instructions(store: str | None, port: int) -> str:
    from casegraph.graph import is_neo4j, redact, resolve

    target = redact(resolve(store))
    if is_neo4j(target):
        host = urlparse(target).hostname or "127.0.0.1"
        browser = f"http://{host}:{http_port()}/browser/ (NEO4J_HTTP_PORT, as scripts/neo4j uses it)"
        where = f"Neo4j at {target}"
    else:
        browser = f"http://127.0.0.1:{http_port()}/browser/ once Neo4j runs (scripts/neo4j start)"
        where = f"{target} is an embedded store: load the same data into Neo4j first (casegraph load … --store bolt://…)"
    base = f"http://127.0.0.1:{port}"
    return f"""casegraph in the Neo4j Browser — {where}
  open     {browser}
  serve    casegraph browser --serve --port {port}   (serves the style and the guide at {base}/, with CORS)
  style    :style {base}/casegraph.grass
           (or drag {GRASS} onto the Browser window)
  guide    :play {base}/guide.html
           (scripts/neo4j allows 127.0.0.1 and localhost; another Neo4j needs
            browser.remote_content_hostname_whitelist=127.0.0.1,localhost in neo4j.conf)
  params   :param ids => ['firm:ftx']          party ids, as casegraph entity NAME shows them
           :param depth => 3                   exposure chain length, 1..6
           :param limit => 50  :param probe => 200   exposure chains shown, read by amount first
           :param from_ids => ['person:sam-bankman-fried']
           :param to_ids => ['firm:gemini']
  queries  {HERE.parent / 'queries'}/*.cypher — paste one after the :param lines
  guide    file {GUIDE}"""


EXAMPLE = ("casegraph browser --serve --store bolt://127.0.0.1:7687",)


def browser(
    store: Annotated[str | None, typer.Option("--store", metavar="URI", show_default=False,
                                              help="The Neo4j to show, bolt://… Default: $NEO4J_URI.")] = None,
    serve: Annotated[bool, typer.Option("--serve", help="Serve the style and guide over HTTP until Ctrl-C.")] = False,
    port: Annotated[int, typer.Option(help="Port for --serve.")] = 8001,
) -> None:
    """Print how to apply the casegraph style and guide to the Neo4j Browser (:style, :param, :play)."""
    typer.echo(instructions(store, port))
    if serve:
        handler = functools.partial(_CorsHandler, directory=str(HERE))
        with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
            typer.echo(f"serving {HERE} at http://127.0.0.1:{port}/ — Ctrl-C to stop", err=True)
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
