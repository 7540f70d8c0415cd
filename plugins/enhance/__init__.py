"""Enhance every written HTML page and check its links, in one BeautifulSoup pass per page.

Adds what Markdown cannot: ``rel="noopener"`` on links that leave the site, a labelled,
keyboard-scrollable region around each table, image dimensions with lazy loading, and a
link beside each section heading. Records every internal link and element id so that, once
the whole site is written, a link to a missing page or anchor is reported with the content
file it came from.

Signals: ``initialized``, ``content_written``, ``finalized``.
Settings read (defaults in :mod:`.settings`): ``ENHANCE_HEADING_ANCHORS`` (True),
``ENHANCE_HEADING_LEVELS`` (("h2", "h3"), inside ``.prose``), ``ENHANCE_LAZY_IMAGES``
(True), ``ENHANCE_CHECK_LINKS`` (True), ``ENHANCE_CACHE`` (True: keep each page's result under a
hash of its inputs, so a rebuild redoes only changed pages), ``ENHANCE_CACHE_PATH`` (None:
``<CACHE_PATH>/enhance``), and Pelican's ``SITEURL``, ``OUTPUT_PATH``, ``CACHE_PATH``.
"""

from __future__ import annotations

from pelican import signals

from .pipeline import check_links, enhance_page, start


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.content_written.connect(enhance_page)
    signals.finalized.connect(check_links)
