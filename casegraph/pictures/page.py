"""A picture's data inlined, with cytoscape.js, into one HTML file that needs nothing else."""

from __future__ import annotations

import html
import json
from typing import Any

from casegraph.pictures import CYTOSCAPE, PAGE


def _script(text: str) -> str:
    """Text safe inside <script>: no '</' can close the element early."""
    return text.replace("</", "<\\/")


def render(data: dict[str, Any]) -> str:
    title = f"{data['title']}: exposure, actions and timeline"
    page = PAGE.read_text()
    # Replace the data last: nothing in it is read as a placeholder.
    for key, value in (("__TITLE__", html.escape(title)), ("__CYTOSCAPE__", _script(CYTOSCAPE.read_text()))):
        page = page.replace(key, value)
    return page.replace("__DATA__", _script(json.dumps(data, ensure_ascii=False, sort_keys=True)))
