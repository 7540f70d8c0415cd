"""Check every link a content file wrote, once the site is written; report its file and line.

A link to a page or file the build did not write, to an ``#id`` that is not on its page, or
out of the site (above its folder, or outside SITEURL's path) is one warning that names the
content file and line and says what to write instead; so is a ``{filename}`` link to a file
that exists but is not published. The links come from the Markdown tree (the markup plugin
collects them as ``content.prose``), so no written page is parsed but the few whose
``#fragments`` are linked, and none is rewritten. The theme's own links are checked by the
publish checks (``deploy/checks.py``) and the tests.

Signals: ``initialized`` (defaults), ``all_generators_finalized`` (what the build holds),
``finalized`` (the check).
Settings read (defaults in :mod:`.settings`): ``LINKS_CHECK`` (True); and Pelican's
``SITEURL``, ``OUTPUT_PATH``, ``PATH``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from plugins._common.output import is_partial
from plugins._common.problems import report
from plugins._common.settings import apply_defaults
from plugins._common.urls import Site

from .check import SiteIndex, line_of, problems_of
from .settings import DEFAULTS

logger = logging.getLogger(__name__)
STATE = "_LINKS_STATE"  # a key in Pelican's settings: this build's contents, once known


def start(pelican) -> None:
    """Merge the defaults and forget any earlier build's contents."""
    apply_defaults(pelican.settings, DEFAULTS)
    pelican.settings[STATE] = None


def remember_contents(generators) -> None:
    """Keep the build's content and static files for the check that runs once all is written."""
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    settings[STATE] = (context.get("generated_content", {}), context.get("static_content", {}))


def check_links(pelican) -> None:
    """Report every broken link of every written content file."""
    settings = pelican.settings
    if not settings["LINKS_CHECK"] or not settings.get(STATE) or is_partial(settings):
        return  # a partial build wrote only some pages: the full build checks
    generated, static = settings[STATE]
    index = SiteIndex(
        output=Path(settings["OUTPUT_PATH"]),
        site=Site.from_siteurl(settings["SITEURL"]),
        generated=generated,
        static=static,
    )
    contents = sorted(generated.values(), key=lambda c: str(c.source_path))
    for problem in problems_of(contents, index):
        report(
            logger,
            problem.source,
            f"the link {problem.href!r} {problem.problem}",
            problem.fix,
            line=line_of(problem.source, problem.href),
        )


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(remember_contents)
    signals.finalized.connect(check_links)
