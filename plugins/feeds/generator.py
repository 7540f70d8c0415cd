"""The feeds generator: puts the catalog in the context; writes each feed and the feeds page."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from plugins._common.problems import stop

from . import render
from .catalog import Feed, FeedCatalog, PlacementItem
from .entries import Entry, PlacementLinks, Site, from_content, from_placement, newest_first
from .releases import ReleasesError, load_releases

logger = logging.getLogger(__name__)
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
        catalog: FeedCatalog = self.context["feed_catalog"]
        site = Site.from_settings(self.settings, self.context)
        built: dict[int, Entry] = {}
        for feed in catalog.all():
            entries = [built.setdefault(id(item), self._entry(site, item)) for item in feed.items]
            entries = newest_first(entries)[: self.settings["FEEDS_MAX_ENTRIES"]]
            self._write_feed(site, feed, entries)
        for name in ("ICON", "LOGO"):
            save_as = self.settings[f"FEEDS_{name}_SAVE_AS"]
            if save_as:
                target = Path(self.output_path, save_as)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(IMAGES / f"{name.lower()}.png", target)
        if self.settings["FEEDS_PAGE_SAVE_AS"]:
            writer.write_file(
                self.settings["FEEDS_PAGE_SAVE_AS"],
                self.get_template("feeds"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=self.settings["FEEDS_PAGE_URL"],
                page_url=self.settings["FEEDS_PAGE_URL"],
                max_entries=self.settings["FEEDS_MAX_ENTRIES"],
            )

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
            document = render.document(file.format, info, tuple(entries))
            target = Path(self.output_path, file.url)
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(document, str):
                target.write_text(document, encoding="utf-8")
            else:
                target.write_bytes(document)
