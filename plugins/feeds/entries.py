"""One feed entry, built from a Pelican article or page, or from a country's report placement."""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from plugins._common.i18n import N_, gettext
from plugins._common.labels import LABEL, NOTE, is_illustrative, labelled_title
from plugins._common.pages import day
from plugins._common.text import plain_text
from plugins._common.tipdata import Country, Placement

from .cards import Image, share_card
from .releases import Release
from .sanitize import feed_html

_TAG_SAFE = "/:@!$&'()*+,;=-._~"
# The first line of a sample's entry (in <p>): %(label)s is LABEL, %(note)s is NOTE.
SAMPLE_MESSAGE = N_("<strong>%(label)s:</strong> %(note)s.")
SAMPLE_LINE = f"<p>{SAMPLE_MESSAGE % {'label': LABEL, 'note': NOTE}}</p>\n"  # in English


@dataclass(frozen=True)
class Site:
    """What every entry needs to know about the site: its address, id authority and zone."""

    url: str  # absolute SITEURL, no trailing slash
    authority: str  # RFC 4151 tagging entity, e.g. "state.gov,2010"
    timezone: datetime.tzinfo
    author: str
    permalink_class: str = ""  # the class of the headings' own links, left out of entries
    cards: Mapping[str, Any] = field(default_factory=dict)
    # The build's settings: the entries' words are in its language (English without them).
    settings: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], context: Mapping[str, Any]) -> Site:
        """Return the site as the settings and (for share cards) the context describe it."""
        zone = settings.get("TIMEZONE") or "UTC"
        return cls(
            url=str(settings["SITEURL"]).rstrip("/"),
            authority=settings["FEEDS_TAG_AUTHORITY"],
            timezone=ZoneInfo(zone),
            author=settings.get("AUTHOR") or settings["SITENAME"],
            permalink_class=_permalink_class(settings),
            cards=context.get("share_cards") or {},
            settings=settings,
        )

    def translator(self) -> Callable[[str], str]:
        """Return the function that translates a message into the build's language."""
        return gettext(self.settings)

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


def _permalink_class(settings: Mapping[str, Any]) -> str:
    """Return the class the toc extension gives each heading's link to itself, if it adds one."""
    configs = (settings.get("MARKDOWN") or {}).get("extension_configs", {})
    toc = configs.get("markdown.extensions.toc", {})
    return str(toc.get("permalink_class", "headerlink")) if toc.get("permalink") else ""


def newest(site: Site, items: Iterable[Any], limit: int) -> list[Any]:
    """Return the ``limit`` newest of a feed's items, in the order of its entries.

    Newest first; items of the same moment by entry id, so the order is stable. Only the
    items kept get an entry built.
    """
    keyed = [(_published(site, item), _id(site, item), item) for item in items]
    keyed.sort(key=lambda key: key[1])
    keyed.sort(key=lambda key: key[0], reverse=True)
    return [item for _, _, item in keyed[:limit]]


def _published(site: Site, item: Any) -> datetime.datetime:
    release = getattr(item, "release", None)
    if release is not None:  # a report placement, dated by its report's release
        return datetime.datetime.combine(release.released, datetime.time(), site.timezone)
    return site.aware(item.date)


def _id(site: Site, item: Any) -> str:
    if getattr(item, "release", None) is not None:
        return placement_id(site, item.country, item.placement)
    return content_id(site, item)


def placement_id(site: Site, country: Country, placement: Placement) -> str:
    """Return the id of a country's placement in one report year."""
    return site.tag(f"tip-report/{placement.year}/{country.iso3 or country.slug}")


def content_id(site: Site, content: Any) -> str:
    """Return the id of an article or page: its source file under PATH, without the suffix."""
    source = PurePosixPath(str(content.relative_source_path).replace("\\", "/"))
    return site.tag(str(source.with_suffix("")))


def from_content(site: Site, content: Any) -> Entry:
    """Build the entry of a Pelican article, page or campaign (a sample says it is one)."""
    url = site.absolute(content.url)
    published = site.aware(content.date)
    modified = getattr(content, "modified", None)
    authors = tuple(a.name for a in getattr(content, "authors", None) or ()) or (site.author,)
    categories = []
    if getattr(content, "category", None):
        categories.append(content.category.name)
    categories += [tag.name for tag in getattr(content, "tags", None) or ()]
    summary = feed_html(content.get_summary(site.url), url, site.permalink_class, site.url)
    body = feed_html(content.get_content(site.url), url, site.permalink_class, site.url)
    title = content.title
    if is_illustrative(content):
        _ = site.translator()
        title = labelled_title(title, site.settings)
        categories.insert(0, _(LABEL))
        words = {"label": html.escape(_(LABEL)), "note": html.escape(_(NOTE))}
        line = f"<p>{_(SAMPLE_MESSAGE) % words}</p>\n"
        summary, body = line + summary, line + body
    return Entry(
        id=content_id(site, content),
        title=title,
        url=url,
        published=published,
        updated=site.aware(modified) if modified else published,
        authors=authors,
        categories=tuple(dict.fromkeys(categories)),
        summary_html=summary,
        content_html=body,
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
    _ = site.translator()
    released = datetime.datetime.combine(release.released, datetime.time(), site.timezone)
    name = html.escape(country.name)
    tier, label = placement.tier, _(placement.tier.label)
    country_url = site.absolute(links.country)
    change = html.escape(_change(country, placement, _))
    placed = _(
        "The %(year)s Trafficking in Persons Report, released on %(day)s, placed %(country)s "
        "on %(tier)s."
    ) % {
        "year": placement.year,
        "day": html.escape(day(site.settings, release.released)),
        "country": f'<a href="{html.escape(country_url)}">{name}</a>',
        "tier": f"<strong>{html.escape(label)}</strong>",
    }
    meaning = _("%(tier)s: %(meaning)s") % {"tier": label, "meaning": _(tier.meaning)}
    link_text = html.escape(_("open data"))
    open_data = f'<a href="{html.escape(site.absolute(links.data))}">{link_text}</a>'
    source = _("Source: %(credit)s (%(open_data)s).") % {
        "credit": html.escape(credit.rstrip(".")),
        "open_data": open_data,
    }
    release_date = _("Release date: %(source)s.") % {"source": html.escape(release.source)}
    content = (
        f"<p>{placed}{f' {change}' if change else ''}</p>\n"
        f"<p>{html.escape(meaning)}</p>\n"
        f"<p>{source} {release_date}</p>"
    )
    words = {"country": country.name, "tier": label, "year": placement.year}
    summary = html.escape(_("%(country)s: %(tier)s in the %(year)s report.") % words)
    return Entry(
        id=placement_id(site, country, placement),
        title=_("%(country)s: %(tier)s in the %(year)s TIP Report") % words,
        url=site.absolute(links.report),
        published=released,
        updated=released,
        authors=(author,),
        categories=(_("TIP Report %(year)s") % {"year": placement.year}, label),
        summary_html=f"<p>{summary} {change}</p>",
        content_html=content,
        image=share_card(site.cards, links.country_save_as, site.url),
    )


def _change(country: Country, placement: Placement, _: Callable[[str], str] | None = None) -> str:
    """Say how the placement compares with the country's report before it."""
    _ = _ or gettext({})
    index = country.placements.index(placement)
    if index == 0:
        return _("It was the first report to include %(country)s.") % {"country": country.name}
    before = country.placements[index - 1]
    words = {"tier": _(before.tier.label), "year": before.year}
    move = country.movement_in(placement.year)
    if move == "upgraded":
        return _("Upgraded from %(tier)s in %(year)s.") % words
    if move == "downgraded":
        return _("Downgraded from %(tier)s in %(year)s.") % words
    if move == "unchanged":
        return _("Unchanged since %(year)s.") % words
    return _("%(tier)s in %(year)s.") % words
