"""Every feed of the site, written with feedgen: Atom, RSS 2.0 and JSON Feed 1.1.

Adds a generator that writes a feed of the whole site (news articles and campaigns), of each
news category, tag and campaign (the campaign and the news naming it), and of each country (the
news naming it, plus one entry per TIP Report placement dated by that report's release date
from ``content/data/report_releases.csv``; a year without a sourced date has no entry). Each
entry has a tag-URI id made from its source file (or country and year), never its URL; dates
with their time zone; its authors and categories; its summary and full HTML with every URL
absolute, sanitized with nh3; and its page's share card as ``media:thumbnail`` once the
share_cards plugin provides ``context["share_cards"]``. A feed's date is its newest entry's,
never the build's, so the same content writes the same bytes. It also writes the ``feeds/``
page listing every feed, and the feed icon and logo. Pelican's own feed settings are turned off
(one writer).

Context it adds: ``feed_catalog`` (:class:`~.catalog.FeedCatalog`): ``feed_catalog.site``,
``feed_catalog.own(campaign=, country=, tag=, category=)`` for a page's own feed, and the lists
``categories``, ``tags``, ``campaigns``, ``countries`` for the feeds page.

Signals: ``initialized``, ``get_generators``.
Settings read (defaults in :mod:`.settings`):
``FEEDS_ALL_SAVE_AS`` ("feeds/all.{ext}"), ``FEEDS_CATEGORY_SAVE_AS`` / ``FEEDS_TAG_SAVE_AS`` /
``FEEDS_COUNTRY_SAVE_AS`` / ``FEEDS_CAMPAIGN_SAVE_AS`` ("feeds/<kind>/{slug}.{ext}"; None
writes none), ``FEEDS_FORMATS`` (("atom", "rss", "json")), ``FEEDS_MAX_ENTRIES`` (50),
``FEEDS_TAG_AUTHORITY`` ("state.gov,2010"), ``FEEDS_RELEASES_PATH``
("data/report_releases.csv"), ``FEEDS_ICON_SAVE_AS`` ("feeds/icon.png"), ``FEEDS_LOGO_SAVE_AS``
("feeds/logo.png"), ``FEEDS_WEBSUB_HUB`` (None), ``FEEDS_CACHE_PATH`` (None:
``<CACHE_PATH>/feeds``, where each rendered document is kept under the hash of its entries),
``FEEDS_PAGE_URL`` ("feeds/"), ``FEEDS_PAGE_SAVE_AS`` ("feeds/index.html"); and Pelican's
``SITEURL``, ``SITENAME``, ``AUTHOR``, ``TIMEZONE``, ``DEFAULT_LANG``, ``INDEX_URL``,
``CACHE_PATH``, ``MARKDOWN`` (the toc extension's permalink class, whose links entries leave
out), ``SITE_DEPARTMENT``, ``COUNTRIES_DATA_CREDIT``.
"""

from __future__ import annotations

from pelican import signals

from plugins._common.settings import apply_defaults

from .generator import FeedsGenerator
from .settings import DEFAULTS, check


def add_defaults(pelican) -> None:
    """Merge the plugin's defaults into the settings and check them."""
    apply_defaults(pelican.settings, DEFAULTS)
    check(pelican.settings)


def get_generators(pelican) -> type[FeedsGenerator]:
    """Return the feeds generator."""
    return FeedsGenerator


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
