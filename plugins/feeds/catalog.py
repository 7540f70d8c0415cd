"""Every feed the site has: what it follows, its files and the items it carries.

The catalog reads the context lazily, when a template or the generator first asks, because
other plugins (countries, campaigns) fill the context in their own ``generate_context``.
Templates reach it as ``feed_catalog``: ``feed_catalog.site`` and ``feed_catalog.own(...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from plugins._common.i18n import N_, gettext
from plugins._common.labels import LABEL, NOTE, is_illustrative, labelled_title
from plugins._common.tipdata import Country, Placement

from .releases import Release

# What a feed that carries samples adds to its subtitle: %(label)s is LABEL, %(note)s NOTE.
SAMPLES_MESSAGE = N_("Samples are labelled “%(label)s”: they are %(note)s.")
SAMPLES_NOTE = SAMPLES_MESSAGE % {"label": LABEL, "note": NOTE}  # in English

EXTENSIONS = {"atom": "atom.xml", "rss": "rss.xml", "json": "json"}
MIME_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}
LABELS = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}


@dataclass(frozen=True)
class FeedFile:
    """One feed in one format."""

    format: str  # atom, rss or json
    url: str  # site-relative; also where it is written

    @property
    def mime(self) -> str:
        """Return the media type, for ``<link type>``."""
        return MIME_TYPES[self.format]

    @property
    def label(self) -> str:
        """Return the format's name for readers: Atom, RSS or JSON Feed."""
        return LABELS[self.format]


@dataclass(frozen=True)
class PlacementItem:
    """A country's placement in a report whose release date is known."""

    country: Country
    placement: Placement
    release: Release


@dataclass(frozen=True)
class Feed:
    """A feed: what it follows, its files in each format and the items it carries."""

    kind: str  # site, category, tag, campaign or country
    key: str  # the slug of what it follows ("" for the site)
    name: str  # what it follows, for readers
    title: str
    subtitle: str
    page_url: str  # site-relative URL of the page it follows
    files: tuple[FeedFile, ...]
    items: tuple[Any, ...]  # articles, pages, campaigns and PlacementItems

    def file(self, format: str) -> FeedFile | None:
        """Return the file of one format, if written."""
        return next((file for file in self.files if file.format == format), None)

    @property
    def discovery(self) -> tuple[FeedFile, ...]:
        """Return the files a page advertises in its head: Atom and RSS."""
        return tuple(file for file in self.files if file.format in ("atom", "rss"))

    @property
    def placements(self) -> int:
        """Count the placement entries."""
        return sum(isinstance(item, PlacementItem) for item in self.items)


class FeedCatalog:
    """Build, on first use, every feed from the settings and the context."""

    def __init__(
        self, settings: Mapping[str, Any], context: Mapping[str, Any], releases: dict[int, Release]
    ) -> None:
        self.settings = settings
        self.context = context
        self.releases = releases

    @property
    def release_years(self) -> list[int]:
        """Return the report years whose release date is known."""
        return sorted(self.releases)

    @cached_property
    def site(self) -> Feed | None:
        """Return the feed of the whole site: every news article and campaign."""
        _ = self._translate
        items = [*self._articles, *self._campaigns]
        sitename = _(self.settings["SITENAME"])
        words = {"site": sitename}
        every = _("Every news article and campaign of the %(site)s.") % words
        return self._feed(
            "site",
            "ALL",
            {},
            sitename,
            _("%(site)s: news and campaigns") % words,
            f"{every} {self._samples_note}",
            self.settings.get("INDEX_URL") or "",
            items,
        )

    @cached_property
    def categories(self) -> list[Feed]:
        """Return one feed per news category, by name."""
        _ = self._translate
        pairs = _pairs(self.context.get("categories"))
        return [
            feed
            for category, articles in sorted(pairs, key=lambda pair: pair[0].name.casefold())
            if (
                feed := self._feed(
                    "category",
                    "CATEGORY",
                    {"slug": category.slug},
                    category.name,
                    _("%(site)s: %(name)s") % {"site": self._prefix, "name": category.name},
                    _("News in the category %(name)s.") % {"name": category.name},
                    category.url,
                    self._published(articles),
                )
            )
        ]

    @cached_property
    def tags(self) -> list[Feed]:
        """Return one feed per tag, by name."""
        _ = self._translate
        pairs = _pairs(self.context.get("tags"))
        return [
            feed
            for tag, articles in sorted(pairs, key=lambda pair: pair[0].name.casefold())
            if (
                feed := self._feed(
                    "tag",
                    "TAG",
                    {"slug": tag.slug},
                    tag.name,
                    _("%(site)s: news tagged “%(name)s”")
                    % {"site": self._prefix, "name": tag.name},
                    _("News tagged “%(name)s”.") % {"name": tag.name},
                    tag.url,
                    self._published(articles),
                )
            )
        ]

    @cached_property
    def campaigns(self) -> list[Feed]:
        """Return one feed per campaign: the campaign itself and the news about it."""
        _ = self._translate
        feeds = []
        for campaign in sorted(self._campaigns, key=lambda c: c.title.casefold()):
            articles = self._published(getattr(campaign, "articles", None) or ())
            name = campaign.title
            if is_illustrative(campaign):
                name = labelled_title(name, self.settings)
            feed = self._feed(
                "campaign",
                "CAMPAIGN",
                {"slug": campaign.slug},
                name,
                _("%(site)s: %(name)s") % {"site": self._prefix, "name": name},
                _("The campaign “%(title)s” and the news about it.") % {"title": campaign.title},
                campaign.url,
                [campaign, *articles],
            )
            if feed:
                feeds.append(feed)
        return feeds

    @cached_property
    def countries(self) -> list[Feed]:
        """Return one feed per country that has something to carry, by name."""
        data = self.context.get("tip")
        links = self.context.get("country_links")
        if data is None or links is None:
            return []
        _ = self._translate
        mentions = self.context.get("country_articles") or {}
        feeds = []
        for country in data.countries:
            placements = [
                PlacementItem(country, placement, self.releases[placement.year])
                for placement in country.placements
                if placement.year in self.releases
            ]
            feed = self._feed(
                "country",
                "COUNTRY",
                {"slug": country.slug},
                country.name,
                _("%(site)s: %(name)s") % {"site": self._prefix, "name": country.name},
                _(
                    "News and campaigns that name %(country)s, and its tier in each TIP Report "
                    "whose release date is known."
                )
                % {"country": country.name},
                links.country(country),
                [*self._published(mentions.get(country.slug, ())), *placements],
            )
            if feed:
                feeds.append(feed)
        return feeds

    def all(self) -> list[Feed]:
        """Return every feed: the site's, then categories, tags, campaigns and countries."""
        site = [self.site] if self.site else []
        return [*site, *self.categories, *self.tags, *self.campaigns, *self.countries]

    def own(
        self,
        *,
        campaign: Any = None,
        country: Country | None = None,
        tag: Any = None,
        category: Any = None,
    ) -> Feed | None:
        """Return the feed of the page's subject, the first given that has one."""
        for subject, feeds in (
            (campaign, self.campaigns),
            (country, self.countries),
            (tag, self.tags),
            (category, self.categories),
        ):
            slug = getattr(subject, "slug", None) if subject else None
            if slug:
                return next((feed for feed in feeds if feed.key == slug), None)
        return None

    @property
    def _translate(self) -> Callable[[str], str]:
        """Return the function that translates a message into the build's language."""
        return gettext(self.settings)

    @property
    def _samples_note(self) -> str:
        """Return what a feed that carries samples says about them, in the build's language."""
        _ = self._translate
        return _(SAMPLES_MESSAGE) % {"label": _(LABEL), "note": _(NOTE)}

    @property
    def _prefix(self) -> str:
        """Return the start of each feed's title: the site's short name."""
        return self._translate(self.settings.get("SITE_SHORTNAME") or self.settings["SITENAME"])

    @cached_property
    def _articles(self) -> list[Any]:
        return list(self.context.get("articles") or ())

    @cached_property
    def _campaigns(self) -> list[Any]:
        campaigns = self.context.get("campaigns") or ()
        return [c for c in campaigns if getattr(c, "status", "published") == "published"]

    @cached_property
    def _published_ids(self) -> frozenset[int]:
        return frozenset(id(item) for item in (*self._articles, *self._campaigns))

    def _published(self, items: Iterable[Any]) -> list[Any]:
        """Keep the published articles and campaigns of ``items`` (no draft or hidden one)."""
        return [item for item in items if id(item) in self._published_ids]

    def _feed(
        self,
        kind: str,
        family: str,
        fields: dict[str, str],
        name: str,
        title: str,
        subtitle: str,
        page_url: str,
        items: list[Any],
    ) -> Feed | None:
        """Describe a feed; None when its family is turned off or it has nothing to carry."""
        pattern = self.settings.get(f"FEEDS_{family}_SAVE_AS")
        if not pattern or not items:
            return None
        files = tuple(
            FeedFile(format, pattern.format(ext=EXTENSIONS[format], **fields))
            for format in self.settings["FEEDS_FORMATS"]
        )
        key = fields.get("slug", "")
        note = self._samples_note
        if note not in subtitle and any(is_illustrative(item) for item in items):
            subtitle = f"{subtitle} {note}"
        return Feed(kind, key, name, title, subtitle, page_url, files, tuple(items))


def _pairs(value: Any) -> list[tuple[Any, list[Any]]]:
    """Return Pelican's categories or tags (a list of pairs or a dict) as pairs."""
    if not value:
        return []
    return list(value.items()) if isinstance(value, Mapping) else list(value)
