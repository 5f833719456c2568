"""A clone without ../shared: the tests that read it skip with one reason, and fail under CI=true."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

# One test of each kind that reads ../shared: through gold_lines, and through the shared fixture.
NEEDS_SHARED = ["tests/test_stores.py::test_reload_changes_nothing[embedded]",
                "tests/test_extract_dev.py::test_seed_has_all_seven_facts"]


def _run_in_bare_clone(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    clone = tmp_path / "clone"  # its parent holds no shared/
    shutil.copytree(ROOT / "tests", clone / "tests", ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", clone)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rsf", "-p", "no:cacheprovider", *NEEDS_SHARED],
                          cwd=clone, capture_output=True, text=True, env=env, timeout=300)


def test_without_shared_the_tests_skip_with_one_reason(tmp_path: Path):
    done = _run_in_bare_clone(tmp_path, None)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "2 skipped" in done.stdout and "error" not in done.stdout.lower(), done.stdout[-2000:]
    reasons = {line.split("SHARED CORPUS ABSENT: ", 1)[1] for line in done.stdout.splitlines()
               if "SHARED CORPUS ABSENT: " in line}
    assert len(reasons) == 1 and "shared" in reasons.pop()


def test_without_shared_under_ci_the_tests_fail(tmp_path: Path):
    done = _run_in_bare_clone(tmp_path, "true")
    assert done.returncode == 1 and "2 errors" in done.stdout, done.stdout[-2000:]  # pytest.fail in a fixture
    assert done.stdout.count("(CI=true: required)") >= 2
