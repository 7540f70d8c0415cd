"""Read the optional narratives: ``countries/<slug>.md`` and ``reports/<year>.md``.

A country narrative follows the report's structure; its second-level headings must be among
:data:`SECTIONS`, in that order.
"""

from __future__ import annotations

import difflib
import fnmatch
import logging
import re
from pathlib import Path

from pelican.contents import Page

from plugins._common.problems import report
from plugins._common.text import NotUtf8Error, read_text

logger = logging.getLogger(__name__)

SECTIONS = (
    "Tier rationale",
    "Prioritized recommendations",
    "Prosecution",
    "Protection",
    "Prevention",
    "Trafficking profile",
)
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


def read_narratives(generator, folders: list[str], known: set[str], what: str) -> dict[str, Page]:
    """Read ``<folder>/<key>.md`` files keyed by file stem; report stems not in ``known``."""
    found: dict[str, Page] = {}
    for folder in folders:
        for path in sorted(Path(generator.path, folder).glob("*.md")):
            if _ignored(path.name, generator.settings["IGNORE_FILES"]):
                continue  # e.g. unreadable: content_checks has said why
            key = path.stem
            if key not in known:
                _report_unknown_key(path, key, known, what)
                continue
            page = generator.readers.read_file(
                base_path=generator.path,
                path=str(path.relative_to(generator.path)),
                content_class=Page,
                context=generator.context,
            )
            if page.status == "draft" and not generator.settings.get("SHOW_DRAFTS"):
                continue
            found[key] = page
    return found


def _ignored(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def check_sections(path: str, ordered: tuple[str, ...] = SECTIONS) -> None:
    """Report a country narrative's headings that are unknown or out of the report's order."""
    try:
        lines = read_text(Path(path)).splitlines()
    except (OSError, NotUtf8Error):
        return
    last = -1
    for number, line in enumerate(lines, start=1):
        match = _HEADING.match(line)
        if not match:
            continue
        heading = match.group(1)
        if heading not in ordered:
            _report(path, number, f"the section {heading!r} is not a report section", ordered)
        elif ordered.index(heading) < last:
            _report(path, number, f"the section {heading!r} is out of order", ordered)
        else:
            last = ordered.index(heading)


def _report(path: str, line: int, problem: str, ordered: tuple[str, ...]) -> None:
    report(
        logger, path, problem, f"use these ## headings, in order: {', '.join(ordered)}", line=line
    )


def _report_unknown_key(path: Path, key: str, known: set[str], what: str) -> None:
    guesses = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.8)
    hint = f"rename it {guesses[0]}.md" if guesses else f"name it after a {what}"
    report(logger, path, f"{key!r} is not a {what} of the tier data", hint)


__all__: list[str] = ["SECTIONS", "check_sections", "read_narratives"]
