"""Copies of the project to run its invoke tasks on, as a writer or a publisher would.

:func:`project_copy` copies the project with the ``minimal`` fixture site as its content;
:func:`invoke` runs a task of a project's ``tasks.py`` in a new process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import CARD_CACHE, PROJECT, SITES

COPY_PATTERNS = (
    ".git",
    ".venv",
    "node_modules",
    "output",
    ".output-*",
    "__pycache__",
    ".*_cache",
    ".cache",
    "tests",
)


def invoke(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run ``invoke <args>`` on the tasks.py of ``root`` and return what it printed."""
    command = [sys.executable, "-m", "invoke", "--search-root", str(root), *args]
    environment = {**os.environ, **(env or {})}
    environment.pop("SITEURL", None)
    return subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=900, check=False
    )


def project_copy(base: Path) -> Path:
    """Copy the project with the ``minimal`` fixture site as its content (and its settings).

    The deploy tasks run on it as on the real project, in a few seconds; a test may plant
    mistakes in the copy.
    """
    copy = base / "project"
    shutil.copytree(PROJECT, copy, ignore=shutil.ignore_patterns("content", *COPY_PATTERNS))
    shutil.copytree(SITES / "minimal" / "content", copy / "content")
    settings = (SITES / "minimal" / "settings.py").read_text(encoding="utf-8")
    with (copy / "pelicanconf.py").open("a", encoding="utf-8") as pelicanconf:
        pelicanconf.write(f"\n# The minimal fixture site's own settings\n{settings}")
        pelicanconf.write(f"SHARE_CARDS_CACHE_PATH = {str(CARD_CACHE)!r}\n")
    (copy / "node_modules").symlink_to(PROJECT / "node_modules")
    return copy


def processes_naming(path: Path) -> list[str]:
    """Return the command lines of the running processes that name ``path`` (from /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(path) in args:
            found.append(args)
    return found
