"""Defaults of the feeds plugin's settings, and the one check they get at ``initialized``."""

from __future__ import annotations

import logging
import re
from typing import Any

from plugins._common.problems import stop

logger = logging.getLogger(__name__)

FORMATS = ("atom", "rss", "json")

DEFAULTS: dict[str, Any] = {
    # Where each family of feeds is written; {ext} is atom.xml, rss.xml or json. None: not written.
    "FEEDS_ALL_SAVE_AS": "feeds/all.{ext}",
    "FEEDS_CATEGORY_SAVE_AS": "feeds/category/{slug}.{ext}",
    "FEEDS_TAG_SAVE_AS": "feeds/tag/{slug}.{ext}",
    "FEEDS_COUNTRY_SAVE_AS": "feeds/country/{slug}.{ext}",
    "FEEDS_CAMPAIGN_SAVE_AS": "feeds/campaign/{slug}.{ext}",
    "FEEDS_FORMATS": FORMATS,  # any of "atom", "rss", "json" (JSON Feed 1.1)
    "FEEDS_MAX_ENTRIES": 50,  # newest entries kept in each feed
    # RFC 4151 tagging entity of every entry and feed id: a domain (or email) and a date
    # when the owner held it. Never change it: readers would see every entry as new.
    "FEEDS_TAG_AUTHORITY": "state.gov,2010",
    "FEEDS_RELEASES_PATH": "data/report_releases.csv",  # relative to PATH; may be absent
    "FEEDS_ICON_SAVE_AS": "feeds/icon.png",  # square image, copied from the plugin
    "FEEDS_LOGO_SAVE_AS": "feeds/logo.png",  # 2:1 image, copied from the plugin
    "FEEDS_WEBSUB_HUB": None,  # e.g. "https://pubsubhubbub.appspot.com/"
    # Rendered feed documents, named by the hash of their entries (None: <CACHE_PATH>/feeds).
    "FEEDS_CACHE_PATH": None,
    "FEEDS_PAGE_URL": "feeds/",
    "FEEDS_PAGE_SAVE_AS": "feeds/index.html",
}

# Pelican's own feed writer: the plugin turns these off so that feeds come from one writer.
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)
FAMILIES = ("ALL", "CATEGORY", "TAG", "COUNTRY", "CAMPAIGN")
_AUTHORITY = re.compile(
    r"^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|[^@\s]+@[^@\s]+),\d{4}(?:-\d\d){0,2}$"
)


def check(settings: dict[str, Any]) -> None:
    """Stop the build on a setting the plugin cannot work with; turn Pelican's feeds off."""
    formats = settings["FEEDS_FORMATS"]
    if not formats or any(name not in FORMATS for name in formats):
        stop(logger, f"feeds: FEEDS_FORMATS is {formats!r}. Fix: list some of {FORMATS}")
    entries = settings["FEEDS_MAX_ENTRIES"]
    if not isinstance(entries, int) or isinstance(entries, bool) or entries < 1:
        stop(logger, f"feeds: FEEDS_MAX_ENTRIES is {entries!r}. Fix: write a whole number above 0")
    if not _AUTHORITY.match(str(settings["FEEDS_TAG_AUTHORITY"])):
        stop(
            logger,
            f"feeds: FEEDS_TAG_AUTHORITY is {settings['FEEDS_TAG_AUTHORITY']!r}, not an RFC 4151 "
            "tagging entity. Fix: a domain and a date it was held, e.g. 'state.gov,2010'",
        )
    for family in FAMILIES:
        pattern = settings[f"FEEDS_{family}_SAVE_AS"]
        needs = ("{ext}",) if family == "ALL" else ("{ext}", "{slug}")
        if pattern and not all(part in pattern for part in needs):
            stop(
                logger,
                f"feeds: FEEDS_{family}_SAVE_AS is {pattern!r}. Fix: include {' and '.join(needs)} "
                "(or set it to None to write no such feeds)",
            )
    for name in PELICAN_FEED_SETTINGS:
        if settings.get(name):
            logger.warning(
                "feeds: Pelican's %s is set (%r), so two writers would write feeds; the plugin "
                "turns it off. Fix: set %s = None in the settings",
                name,
                settings[name],
                name,
            )
            settings[name] = None
