"""Check every content file against its type's schema before Pelican reads it.

Each problem is one warning line: ``file:line: field: what is wrong. Fix: what to write``.
Previews go on; ``pelican --fatal warnings`` (``invoke check``, publishing) fails. A file
that cannot be read at all (not UTF-8, no metadata, no title, a date or status that does
not parse) is reported once here and left out of the build, so Pelican adds no second,
vaguer message and no traceback. Pelican's own messages for a missing ``{filename}`` target
and an empty alt text give no line; this plugin's replace them. Content types come from the
folders: ``ARTICLE_PATHS`` (news), ``PAGE_PATHS`` (pages), ``CAMPAIGNS_PATHS`` (campaigns) and
the countries plugin's narrative and report-note folders.

Signals: ``initialized`` (defaults), ``get_generators`` (the checks: by then every plugin's
settings are merged, and no content has been read).
Settings read (defaults in :mod:`.settings`): ``CONTENT_CHECKS_CATEGORIES`` (the news
categories), and Pelican's ``PATH``, ``ARTICLE_PATHS``, ``PAGE_PATHS``, ``IGNORE_FILES``
(extended with the names of unreadable news, pages and campaigns); it sets
``_CONTENT_LEFT_OUT`` (every unreadable file, for the generators that read files themselves).
"""

from __future__ import annotations

import datetime
import fnmatch
import glob
import logging
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals

from plugins._common.problems import LEFT_OUT, report
from plugins._common.settings import apply_defaults

from . import logfilter
from .checks import Build, check_file
from .schema import CAMPAIGN, COUNTRY_NARRATIVE, NEWS, PAGE, REPORT_NOTE, Schema
from .settings import DEFAULTS

logger = logging.getLogger(__name__)
PELICAN_READS = (NEWS, PAGE, CAMPAIGN)  # the types read by generators that use IGNORE_FILES


def add_defaults(pelican) -> None:
    """Merge the plugin's defaults; replace Pelican's own messages for what is checked here."""
    apply_defaults(pelican.settings, DEFAULTS)
    logfilter.install()


def check_content(pelican) -> None:
    """Report every problem of every content file; leave unreadable files out of the build."""
    settings = pelican.settings
    build = Build(
        content_root=Path(settings["PATH"]),
        categories=settings["CONTENT_CHECKS_CATEGORIES"],
        now=None
        if settings.get("WITH_FUTURE_DATES", True)
        else datetime.datetime.now(ZoneInfo(settings["TIMEZONE"])),
    )
    settings[LEFT_OUT] = set()
    for path, schema in _content_files(settings):
        problems = check_file(path, schema, build)
        for problem in problems:
            where = f"{problem.field}: " if problem.field else ""
            report(logger, path, where + problem.problem, problem.fix, line=problem.line)
        if any(problem.fatal for problem in problems):
            settings[LEFT_OUT].add(path.resolve())
            if schema in PELICAN_READS:  # Pelican's generators skip by file name only
                settings["IGNORE_FILES"] = [*settings["IGNORE_FILES"], glob.escape(path.name)]


def _content_files(settings: dict) -> Iterator[tuple[Path, Schema]]:
    root = Path(settings["PATH"])
    folders = [
        (settings["ARTICLE_PATHS"], NEWS),
        (settings["PAGE_PATHS"], PAGE),
        (settings.get("CAMPAIGNS_PATHS", []), CAMPAIGN),
        (settings.get("COUNTRIES_NARRATIVE_PATHS", []), COUNTRY_NARRATIVE),
        (settings.get("COUNTRIES_REPORT_NOTE_PATHS", []), REPORT_NOTE),
    ]
    ignored = settings["IGNORE_FILES"]
    for paths, schema in folders:
        for folder in paths:
            for path in sorted((root / folder).rglob("*.md")):
                if not any(fnmatch.fnmatch(path.name, pattern) for pattern in ignored):
                    yield path, schema


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(check_content)
