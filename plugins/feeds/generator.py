"""The feeds generator: puts the catalog in the context; writes each feed and the feeds page."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from plugins._common import text as text_module
from plugins._common.cache import ContentCache, cache_folder, digest
from plugins._common.i18n import gettext
from plugins._common.output import is_partial, write_bytes
from plugins._common.pages import PageMeta, site_name, top_page
from plugins._common.problems import stop

from . import entries as entries_module
from . import render
from .catalog import Feed, FeedCatalog, PlacementItem
from .entries import Entry, PlacementLinks, Site, from_content, from_placement, newest
from .releases import ReleasesError, load_releases

logger = logging.getLogger(__name__)
_RENDERING = (render, entries_module, text_module)
IMAGES = Path(__file__).resolve().parent / "images"


class FeedsGenerator(Generator):
    """Add ``feed_catalog`` to the context; write each feed in each format, and ``feeds/``."""

    def generate_context(self) -> None:
        """Read the report release dates and make the catalog templates ask."""
        path = Path(self.path, self.settings["FEEDS_RELEASES_PATH"])
        try:
            releases = load_releases(path)
        except ReleasesError as error:
            stop(logger, str(error))
        self.context["feed_catalog"] = FeedCatalog(self.settings, self.context, releases)

    def generate_output(self, writer) -> None:
        """Write every feed, the feed images and the page that lists the feeds."""
        if not is_partial(self.settings):  # a partial build's feeds would miss entries
            self._write_feeds()
            for name in ("ICON", "LOGO"):
                save_as = self.settings[f"FEEDS_{name}_SAVE_AS"]
                if save_as:
                    image = (IMAGES / f"{name.lower()}.png").read_bytes()
                    write_bytes(Path(self.output_path, save_as), image)
        if self.settings["FEEDS_PAGE_SAVE_AS"]:
            writer.write_file(
                self.settings["FEEDS_PAGE_SAVE_AS"],
                self.get_template("feeds"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=self.settings["FEEDS_PAGE_URL"],
                page_url=self.settings["FEEDS_PAGE_URL"],
                max_entries=self.settings["FEEDS_MAX_ENTRIES"],
                page_meta=self._page_meta(),
            )

    def _page_meta(self) -> PageMeta:
        """Describe the page that lists every feed."""
        _ = gettext(self.settings)
        description = _(
            "Every feed of the %(site)s: the news, each category, topic, campaign and "
            "country, in Atom, RSS and JSON Feed, and how to subscribe."
        ) % {"site": site_name(self.settings)}
        heading = _("Feeds: follow the news, a topic or a country")
        url = self.settings["FEEDS_PAGE_URL"]
        return top_page(self.settings, "feeds", heading, description, url, crumb=_("Feeds"))

    def _write_feeds(self) -> None:
        """Write each feed with its newest entries; an entry is built once, for its first feed."""
        self._cache = ContentCache(
            cache_folder(self.settings, self.settings["FEEDS_CACHE_PATH"], "feeds")
        )
        # A change to the code that turns entries into documents renders every feed again:
        # the renderer, the entries' derived text (summary_text) and the text helper it uses.
        self._code = digest(*(Path(module.__file__).read_bytes() for module in _RENDERING))
        catalog: FeedCatalog = self.context["feed_catalog"]
        site = Site.from_settings(self.settings, self.context)
        built: dict[int, Entry] = {}
        for feed in catalog.all():
            entries = []
            for item in newest(site, feed.items, self.settings["FEEDS_MAX_ENTRIES"]):
                if id(item) not in built:
                    built[id(item)] = self._entry(site, item)
                entries.append(built[id(item)])
            self._write_feed(site, feed, entries)

    def _entry(self, site: Site, item: Any) -> Entry:
        if not isinstance(item, PlacementItem):
            return from_content(site, item)
        links = self.context["country_links"]
        return from_placement(
            site,
            item.country,
            item.placement,
            item.release,
            PlacementLinks(
                country=links.country(item.country),
                country_save_as=links.country_save_as(item.country),
                report=links.report(item.placement.year),
                data=links.data,
            ),
            author=self.settings.get("SITE_DEPARTMENT") or self.settings["SITENAME"],
            credit=self.settings.get("COUNTRIES_DATA_CREDIT") or "US Department of State",
        )

    def _write_feed(self, site: Site, feed: Feed, entries: list[Entry]) -> None:
        image = {
            name: site.absolute(self.settings[f"FEEDS_{name.upper()}_SAVE_AS"])
            if self.settings[f"FEEDS_{name.upper()}_SAVE_AS"]
            else None
            for name in ("icon", "logo")
        }
        info = render.FeedInfo(
            id=site.tag(f"feeds/{feed.kind}/{feed.key}".rstrip("/")),
            title=feed.title,
            subtitle=feed.subtitle,
            page_url=site.absolute(feed.page_url),
            self_urls=tuple((file.format, site.absolute(file.url)) for file in feed.files),
            language=self.settings.get("DEFAULT_LANG") or "en",
            author=self.settings["SITENAME"],
            icon=image["icon"],
            logo=image["logo"],
            hub=self.settings["FEEDS_WEBSUB_HUB"],
        )
        for file in feed.files:
            key = digest(self._code, file.format, repr(info), repr(entries))
            data = self._cache.get(key, ".xml")
            if data is None:
                document = render.document(file.format, info, tuple(entries))
                data = document.encode("utf-8") if isinstance(document, str) else document
                self._cache.put(key, ".xml", data)
            write_bytes(Path(self.output_path, file.url), data)
