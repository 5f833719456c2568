"""casegraph browser: how to style the configured Neo4j's Browser and play the guide (optionally serving both)."""

from __future__ import annotations

import contextlib
import functools
import http.server
from typing import Annotated
from urllib.parse import urlparse

import typer

from casegraph.browser import GRASS, GUIDE, HERE


class _CorsHandler(http.server.SimpleHTTPRequestHandler):
    """The Browser fetches guides and styles cross-origin: allow it."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


def instructions(store: str, port: int) -> str:
    from casegraph.graph import is_neo4j, resolve

    target = resolve(store)
    if is_neo4j(target):
        host = urlparse(target).hostname or "127.0.0.1"
        browser = f"http://{host}:7474/browser/ (the HTTP port scripts/neo4j uses; NEO4J_HTTP_PORT if changed)"
        where = f"Neo4j at {target}"
    else:
        browser = "http://127.0.0.1:7474/browser/ once Neo4j runs (scripts/neo4j start)"
        where = f"{target} is an embedded store: load the same data into Neo4j first (casegraph load … --store bolt://…)"
    base = f"http://127.0.0.1:{port}"
    return f"""casegraph in the Neo4j Browser — {where}
  open     {browser}
  serve    casegraph browser --serve --port {port}   (serves the style and the guide at {base}/, with CORS)
  style    :style {base}/casegraph.grass
           (or drag {GRASS} onto the Browser window)
  guide    :play {base}/guide.html
           (localhost is on the Browser's default allow list; for another host set
            browser.remote_content_hostname_whitelist in neo4j.conf)
  params   :param ids => ['firm:ftx']          party ids, as casegraph entity NAME shows them
           :param depth => 3                   exposure chain length, 1..6
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
