"""A page as a PNG, for reports: Debian's chromium, headless, on the file itself (no server, no network)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# Flags for a headless chromium that talks to nobody: no first-run, no background networking.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-extensions", "--disable-sync", "--disable-component-update", "--disable-default-apps",
         "--hide-scrollbars", "--mute-audio")
NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str | None:
    """The chromium binary: $CASEGRAPH_CHROMIUM, else the first of NAMES on PATH."""
    found = os.environ.get("CASEGRAPH_CHROMIUM") or next(filter(None, map(shutil.which, NAMES)), None)
    return found if found and Path(found).exists() else None


def screenshot(page: Path, out: Path, width: int = 1600, height: int = 1000, timeout: float = 120) -> Path:
    """Render ``page`` (a local HTML file) into ``out``; raises OSError with chromium's last words."""
    binary = chromium()
    if binary is None:
        raise OSError("no chromium to render the PNG with (apt-get install chromium, or set CASEGRAPH_CHROMIUM)")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casegraph-chromium-") as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                   "--virtual-time-budget=15000", f"--screenshot={out}", page.resolve().as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise OSError(f"{out}: chromium could not render {page}: {last}")
    return out
