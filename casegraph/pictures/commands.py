"""casegraph show: a party's exposure map as one offline HTML page (and a PNG); --html on the query commands."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from casegraph.console import StoreOption, err, fail, open_graph
from casegraph.pictures.page import render
from casegraph.pictures.picture import path_picture, picture
from casegraph.pictures.png import screenshot
from casegraph.queries import DEPTH_DEFAULT, DEPTH_MAX, NoParty
from casegraph.schemas.names import slug

HtmlOption = Annotated[Path | None, typer.Option("--html", help="Also write the picture as one offline HTML file.",
                                                 show_default=False, dir_okay=False)]


def _drawn(store: str | None, draw: Callable[[Any], dict[str, Any]], reviewed: bool = False) -> dict[str, Any]:
    graph = open_graph(store)  # never creates a store, and says so in one line
    try:
        if reviewed:  # only the facts an analyst accepted, corrected or added
            from casegraph.review.view import reviewed as reviewed_view

            graph = reviewed_view(graph)
        return draw(graph)
    except NoParty as missing:
        raise fail(str(missing), 1) from None
    except (ValueError, OSError) as error:
        raise fail(str(error), 2) from None
    finally:
        graph.close()


def write_page(data: dict[str, Any], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data), encoding="utf-8")
    return out


def save(store: str | None, draw: Callable[[Any], dict[str, Any]], html: Path | None = None,
         png: Path | None = None, reviewed: bool = False) -> None:
    """Write the page ``draw`` makes from the store (and the PNG of it); errors as one line, exit 1 or 2."""
    with tempfile.TemporaryDirectory(prefix="casegraph-show-") as scratch:
        page = html or Path(scratch) / "page.html"
        write_page(_drawn(store, draw, reviewed), page)
        if html:
            err.print(f"wrote {html} (open it in a browser; it works offline)", highlight=False)
        if png:
            try:
                screenshot(page, png)
            except (OSError, TimeoutError) as error:
                raise fail(str(error), 2) from None
            err.print(f"wrote {png}", highlight=False)


def show(
    name: Annotated[str, typer.Argument(help="Party name or alias (any case, accents, legal form) or party id.")],
    depth: Annotated[int, typer.Option(min=1, max=DEPTH_MAX, help="Longest exposure chain, in hops.")] = DEPTH_DEFAULT,
    out: Annotated[Path | None, typer.Option("--out", help="HTML file to write [default: NAME.html]",
                                             show_default=False, dir_okay=False)] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Also render the page to this PNG (needs chromium).",
                                             show_default=False, dir_okay=False)] = None,
    store: StoreOption = None,
    reviewed: Annotated[bool, typer.Option("--reviewed", help="Only facts an analyst accepted, corrected or "
                                                              "added (casegraph review).")] = False,
) -> None:
    """Draw a party's exposure map: group, exposure chains both ways, actions, timeline; one offline HTML file."""
    page = out or (None if png else Path(f"{slug(name) or 'party'}.html"))
    save(store, lambda graph: picture(graph, name, depth), page, png, reviewed)


def save_party(store: str | None, name: str, depth: int, html: Path | None, reviewed: bool = False) -> None:
    """--html on exposure, actions and timeline: the party's picture."""
    if html:
        save(store, lambda graph: picture(graph, name, depth), html, reviewed=reviewed)


def save_path(store: str | None, a: str, b: str, html: Path | None, reviewed: bool = False) -> None:
    """--html on path: the shortest connections drawn."""
    if html:
        save(store, lambda graph: path_picture(graph, a, b), html, reviewed=reviewed)


EXAMPLE = ("casegraph show FTX --out ftx.html", "casegraph show FTX --depth 2 --png docs/exposure-ftx.png")
