"""Report a writer's mistake in one line: the file, the line where known, what is wrong, the fix.

Every plugin reports content problems through :func:`report`, so writers see one format and
``pelican --fatal warnings`` (``invoke check``, publish builds) fails on any of them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import NoReturn

from .header import parse
from .text import NotUtf8Error, read_text

_PROJECT_ROOT = Path(__file__).resolve().parents[2]
# A key in Pelican's settings: the content files that cannot be read (reported once), as
# resolved paths, for the generators that read files themselves (Pelican's own use
# IGNORE_FILES, which matches file names only: every country has a 2010.md).
LEFT_OUT = "_CONTENT_LEFT_OUT"


def display_path(path: str | os.PathLike[str]) -> str:
    """Return ``path`` relative to the project root when it lies inside it."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(_PROJECT_ROOT))
    except ValueError:
        return str(path)


def report(
    logger: logging.Logger,
    path: str | os.PathLike[str],
    problem: str,
    fix: str,
    *,
    line: int | None = None,
) -> None:
    """Log a content problem as ``file:line: problem. Fix: fix`` at warning level."""
    where = display_path(path) if line is None else f"{display_path(path)}:{line}"
    logger.warning("%s: %s. Fix: %s", where, problem.rstrip("."), fix)


def metadata_line(path: str | os.PathLike[str], field: str) -> int | None:
    """Return the line of a metadata field in a Markdown file's header, if it is there."""
    try:
        entry = parse(read_text(Path(path))).get(field)
    except (OSError, NotUtf8Error):
        return None
    return entry.line if entry else None


class BuildStopped(SystemExit):
    """The build cannot go on; the reason was already logged as one line (no traceback).

    Pelican logs any exception from a plugin with its traceback, which buries the one line
    a writer needs; a ``SystemExit`` passes through and ends the build with exit status 1.
    """


def stop(logger: logging.Logger, message: str) -> NoReturn:
    """Log ``message`` as an error and end the build."""
    logger.error("%s", message)
    raise BuildStopped(1)
