"""One feed entry, built from a Pelican article or page, or from a country's report placement."""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from plugins._common.tipdata import Country, Placement

from .absolute import absolutize
from .cards import Image, share_card
from .releases import Release

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_TAG_SAFE = "/:@!$&'()*+,;=-._~"


@dataclass(frozen=True)
class Site:
    """What every entry needs to know about the site: its address, id authority and zone."""

    url: str  # absolute SITEURL, no trailing slash
    authority: str  # RFC 4151 tagging entity, e.g. "state.gov,2010"
    timezone: datetime.tzinfo
    author: str
    cards: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], context: Mapping[str, Any]) -> Site:
        """Return the site as the settings and (for share cards) the context describe it."""
        zone = settings.get("TIMEZONE") or "UTC"
        return cls(
            url=str(settings["SITEURL"]).rstrip("/"),
            authority=settings["FEEDS_TAG_AUTHORITY"],
            timezone=ZoneInfo(zone),
            author=settings.get("AUTHOR") or settings["SITENAME"],
            cards=context.get("share_cards") or {},
        )

    def absolute(self, url: str) -> str:
        """Return the absolute form of a site-relative URL."""
        return f"{self.url}/{url.lstrip('/')}"

    def tag(self, specific: str) -> str:
        """Return the RFC 4151 tag URI of ``specific`` under the site's authority."""
        return f"tag:{self.authority}:{quote(specific, safe=_TAG_SAFE)}"

    def aware(self, moment: datetime.datetime) -> datetime.datetime:
        """Return ``moment`` with a time zone (the site's, when it has none)."""
        return moment if moment.tzinfo else moment.replace(tzinfo=self.timezone)


@dataclass(frozen=True)
class Entry:
    """One entry of a feed, in the terms every feed format shares."""

    id: str  # a tag URI that no rebuild or URL setting changes
    title: str
    url: str  # absolute
    published: datetime.datetime  # with a time zone
    updated: datetime.datetime
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    summary_html: str  # URLs absolute
    content_html: str  # URLs absolute
    image: Image | None = None

    @property
    def summary_text(self) -> str:
        """Return the summary as plain text."""
        return plain_text(self.summary_html)


@lru_cache(maxsize=4096)  # pure, and read for every feed an entry is in
def plain_text(html: str) -> str:
    """Return the text of ``html`` with its white space folded."""
    text = BeautifulSoup(html, "html.parser").get_text()
    return re.sub(r"\s+", " ", text).strip()


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Sort entries newest first; entries of the same moment by id, so the order is stable."""
    return sorted(sorted(entries, key=lambda e: e.id), key=lambda e: e.published, reverse=True)


def content_id(site: Site, content: Any) -> str:
    """Return the id of an article or page: its source file under PATH, without the suffix."""
    source = PurePosixPath(str(content.relative_source_path).replace("\\", "/"))
    return site.tag(str(source.with_suffix("")))


def from_content(site: Site, content: Any) -> Entry:
    """Build the entry of a Pelican article, page or campaign."""
    url = site.absolute(content.url)
    published = site.aware(content.date)
    modified = getattr(content, "modified", None)
    authors = tuple(a.name for a in getattr(content, "authors", None) or ()) or (site.author,)
    categories = []
    if getattr(content, "category", None):
        categories.append(content.category.name)
    categories += [tag.name for tag in getattr(content, "tags", None) or ()]
    return Entry(
        id=content_id(site, content),
        title=content.title,
        url=url,
        published=published,
        updated=site.aware(modified) if modified else published,
        authors=authors,
        categories=tuple(dict.fromkeys(categories)),
        summary_html=absolutize(content.get_summary(site.url), url),
        content_html=absolutize(content.get_content(site.url), url),
        image=share_card(site.cards, content.save_as, site.url),
    )


@dataclass(frozen=True)
class PlacementLinks:
    """Site-relative URLs a placement entry links to."""

    country: str
    country_save_as: str
    report: str
    data: str


def from_placement(
    site: Site,
    country: Country,
    placement: Placement,
    release: Release,
    links: PlacementLinks,
    *,
    author: str,
    credit: str,
) -> Entry:
    """Build the entry of one report year's placement, dated by the report's release."""
    released = datetime.datetime.combine(release.released, datetime.time(), site.timezone)
    name = html.escape(country.name)
    tier = placement.tier
    country_url = site.absolute(links.country)
    day = f"{release.released.day} {MONTHS[release.released.month - 1]} {release.released.year}"
    change = html.escape(_change(country, placement))
    content = (
        f"<p>The {placement.year} Trafficking in Persons Report, released on {day}, placed "
        f'<a href="{html.escape(country_url)}">{name}</a> on <strong>{tier.label}</strong>.'
        f"{f' {change}' if change else ''}</p>\n"
        f"<p>{tier.label}: {html.escape(tier.meaning)}</p>\n"
        f"<p>Source: {html.escape(credit.rstrip('.'))} "
        f'(<a href="{html.escape(site.absolute(links.data))}">open data</a>). '
        f"Release date: {html.escape(release.source)}.</p>"
    )
    return Entry(
        id=site.tag(f"tip-report/{placement.year}/{country.iso3 or country.slug}"),
        title=f"{country.name}: {tier.label} in the {placement.year} TIP Report",
        url=site.absolute(links.report),
        published=released,
        updated=released,
        authors=(author,),
        categories=(f"TIP Report {placement.year}", tier.label),
        summary_html=f"<p>{name}: {tier.label} in the {placement.year} report. {change}</p>",
        content_html=content,
        image=share_card(site.cards, links.country_save_as, site.url),
    )


def _change(country: Country, placement: Placement) -> str:
    """Say how the placement compares with the country's report before it."""
    index = country.placements.index(placement)
    if index == 0:
        return f"It was the first report to include {country.name}."
    before = country.placements[index - 1]
    move = country.movement_in(placement.year)
    if move in ("upgraded", "downgraded"):
        return f"{move.capitalize()} from {before.tier.label} in {before.year}."
    if move == "unchanged":
        return f"Unchanged since {before.year}."
    return f"{before.tier.label} in {before.year}."
