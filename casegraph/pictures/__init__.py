"""Pictures an analyst can use offline: one self-contained HTML page per party, and a PNG of it.

cytoscape.js is vendored in vendor/ (pinned, with its licence; scripts/vendor-cytoscape) and inlined
into every page, so a page makes no request at all.
"""

from pathlib import Path

HERE = Path(__file__).parent
PAGE = HERE / "page.html"
CYTOSCAPE = HERE / "vendor" / "cytoscape.min.js"
