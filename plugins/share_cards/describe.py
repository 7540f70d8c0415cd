"""Turn the context a page is rendered with into what its card and its metadata say.

:func:`describe` reads the objects Pelican and our generators put in a page's context
(``campaign``, ``article``, ``page``, ``country``, ``region``, ``year``, a news list) and
returns a :class:`Description`: the card's :class:`~.model.CardSpec`, the page's
description, its Open Graph type and the sentence that describes the card (og:image:alt).
A page of no known kind gets a provisional title that the plugin replaces with the page's
``<h1>`` once it is written (``provisional``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from plugins._common.tiers import TIERS

from .model import CardSpec, Cell
from .text import RTL_LANGUAGES, clean


@dataclass(frozen=True)
class Site:
    """The facts about the site every card needs (read from the settings once)."""

    name: str
    department: str
    mission: str
    nav: tuple[tuple[str, tuple[str, ...]], ...]  # (label, URL prefixes) of each section
    date_format: str


@dataclass(frozen=True)
class Description:
    """What a page's card shows and what its head says about it."""

    spec: CardSpec
    description: str
    og_type: str  # "article" for news and campaigns, "website" otherwise
    published: str = ""  # ISO date of an article
    provisional: bool = False  # the title is a guess until the page's <h1> is known

    @property
    def alt(self) -> str:
        """Return the sentence that describes the card."""
        return alt_text(self.spec)


def site_from_settings(settings: Mapping[str, Any]) -> Site:
    """Return the site's facts from Pelican's settings."""
    nav = []
    for item in settings.get("NAV_ITEMS", ()):
        label, url, *more = item
        nav.append((label, (url, *(more[0] if more else ()))))
    return Site(
        name=settings["SITENAME"],
        department=settings.get("SITE_DEPARTMENT", ""),
        mission=settings.get("SITE_MISSION", ""),
        nav=tuple(nav),
        date_format=settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"),
    )


def plain(value: object) -> str:
    """Return text without tags or entities, on one line (titles and summaries hold HTML)."""
    return clean(Markup(str(value or "")).striptags())


def page_path(output_file: str) -> str:
    """Return the site-relative URL of a page from its output path (``a/index.html`` -> ``a/``)."""
    return output_file.removesuffix("index.html")


def section(site: Site, url: str) -> str:
    """Return the label of the navigation section whose URL prefix is the longest start of url."""
    best, length = "", -1
    for label, prefixes in site.nav:
        for prefix in prefixes:
            if url.startswith(prefix) and len(prefix) > length:
                best, length = label, len(prefix)
    return best


def describe(context: Mapping[str, Any], site: Site, photo: str = "") -> Description:
    """Return the card and metadata of the page rendered with ``context``."""
    output_file = str(context.get("output_file") or "index.html")
    url = page_path(output_file)
    brand = {"brand_department": site.department, "brand_name": site.name}
    item = _content(context)
    explicit = plain(context.get("description"))
    summary = plain(getattr(item, "summary", "")) if item is not None else ""
    description = explicit or summary
    if context.get("campaign") is not None and item is context.get("campaign"):
        spec = _campaign(item, site, brand)
        og_type = "article"
    elif context.get("article") is not None and item is context.get("article"):
        spec = _article(item, site, brand)
        og_type = "article"
    elif item is not None:
        spec = _page(item, site, brand, url, output_file)
        og_type = "website"
    else:
        found = _data_page(context, site, brand, url)
        if found is not None:
            return Description(
                found[0], explicit or _fallback(context, site), "website", provisional=found[1]
            )
        listing = _is_list(context)
        spec = CardSpec(
            kind="list" if listing else "page",
            title=plain(context.get("list_title")) or site.name,
            kicker=section(site, url),
            subtitle=_list_subtitle(context),
            deck="" if listing else explicit,
            **brand,
        )
        return Description(spec, explicit or _fallback(context, site), "website", provisional=True)
    if photo:
        spec = replace(spec, photo=photo, photo_alt=plain(item.metadata.get("image_alt", "")))
    language = str(getattr(item, "lang", "") or "").split("-")[0].lower()
    if language in RTL_LANGUAGES:
        spec = replace(spec, rtl=True)
    published = item.date.isoformat() if og_type == "article" and _has_date(item) else ""
    return Description(spec, description or _fallback(context, site), og_type, published)


def _content(context: Mapping[str, Any]) -> Any | None:
    for key in ("campaign", "article", "page"):
        item = context.get(key)
        if item is not None and hasattr(item, "metadata") and hasattr(item, "title"):
            return item
    return None


def _has_date(item: Any) -> bool:
    return isinstance(getattr(item, "date", None), datetime.date)


def _fallback(context: Mapping[str, Any], site: Site) -> str:
    """Describe a page that has no description of its own."""
    title = plain(context.get("list_title"))
    if title:
        return f"{title}: news from the {site.name}."
    return site.mission or site.name


def _article(article: Any, site: Site, brand: dict[str, str]) -> CardSpec:
    category = getattr(article, "category", None)
    kicker = "News" + (f" · {category.name}" if category and category.name != "News" else "")
    campaign = getattr(article, "campaign", None)  # set by the campaigns plugin
    hashtag = _hashtag(getattr(article, "hashtag", "") or getattr(campaign, "hashtag", ""))
    return CardSpec(
        kind="article",
        title=plain(article.title),
        kicker=kicker,
        subtitle=plain(getattr(article, "locale_date", "")),
        hashtag=hashtag,
        **brand,
    )


def _campaign(campaign: Any, site: Site, brand: dict[str, str]) -> CardSpec:
    start, end = getattr(campaign, "start", None), getattr(campaign, "end", None)
    dates = ""
    if isinstance(start, datetime.date) and isinstance(end, datetime.date):
        dates = f"{start.strftime(site.date_format)} – {end.strftime(site.date_format)}"
    return CardSpec(
        kind="campaign",
        title=plain(campaign.title),
        kicker="Campaign",
        subtitle=dates,
        hashtag=_hashtag(getattr(campaign, "hashtag", "")),
        **brand,
    )


def _page(page: Any, site: Site, brand: dict[str, str], url: str, output_file: str) -> CardSpec:
    title = plain(page.title)
    if output_file == "index.html" or getattr(page, "template", "") == "home":
        return CardSpec(
            kind="home",
            title=title or site.name,
            deck=site.mission or plain(page.metadata.get("summary", "")),
            **brand,
        )
    kicker = section(site, url)
    return CardSpec(
        kind="page",
        title=title,
        kicker="" if kicker.casefold() == title.casefold() else kicker,
        deck=plain(page.metadata.get("summary", "")),
        **brand,
    )


def _data_page(
    context: Mapping[str, Any], site: Site, brand: dict[str, str], url: str
) -> tuple[CardSpec, bool] | None:
    """Return the spec of a country, region or report-year page, and if its title is a guess."""
    tip = context.get("tip")
    country = context.get("country")
    if country is not None and hasattr(country, "placements"):
        latest = country.latest
        years = tuple(getattr(tip, "years", ())) or tuple(p.year for p in country.placements)
        cells = []
        for year in years:
            placement = country.placement_in(year)
            if placement is None:
                cells.append(Cell("–", str(year), None))
            else:
                cells.append(Cell(placement.tier.short, str(year), placement.tier.code))
        spec = CardSpec(
            kind="country",
            title=plain(country.name),
            kicker="TIP Report · Country",
            subtitle=country.region.name,
            badge=latest.tier.label,
            badge_tier=latest.tier.code,
            badge_caption=f"in the {latest.year} report",
            cells=tuple(cells),
            cells_caption=f"Tier in each report, {years[0]}–{years[-1]}" if years else "",
            **brand,
        )
        return spec, False
    region = context.get("region")
    if region is not None and hasattr(region, "bureau"):
        countries = list(context.get("region_countries") or ())
        counts = _count_tiers(country.latest.tier.code for country in countries)
        spec = CardSpec(
            kind="region",
            title=region.name,
            kicker="TIP Report · Region",
            subtitle=region.bureau,
            cells=counts,
            cells_caption=f"Latest tier of its {len(countries)} countries and territories",
            **brand,
        )
        return spec, False
    year = context.get("year")
    placements = context.get("placements")
    if isinstance(year, int) and placements is not None:
        counts = _count_tiers(placement.tier.code for _, placement in placements)
        spec = CardSpec(
            kind="report",
            title=f"The {year} TIP Report",
            kicker=section(site, url) or "TIP Report",
            subtitle=f"{len(placements)} countries and territories",
            cells=counts,
            cells_caption="Countries on each tier",
            **brand,
        )
        return spec, True
    return None


def _count_tiers(codes: Sequence[str] | Any) -> tuple[Cell, ...]:
    counted: dict[str, int] = dict.fromkeys(TIERS, 0)
    for code in codes:
        counted[code] = counted.get(code, 0) + 1
    return tuple(Cell(str(counted[code]), tier.label, code) for code, tier in TIERS.items())


def _is_list(context: Mapping[str, Any]) -> bool:
    return bool(context.get("articles_page") or context.get("list_title"))


def _list_subtitle(context: Mapping[str, Any]) -> str:
    """Return how many articles a news list holds ("12 articles")."""
    paginator = context.get("articles_paginator")
    if paginator is None:
        return ""
    return f"{paginator.count} article{'s' if paginator.count != 1 else ''}"


def _hashtag(value: object) -> str:
    tag = plain(value).replace(" ", "")
    return "" if not tag else tag if tag.startswith("#") else f"#{tag}"


def alt_text(spec: CardSpec) -> str:
    """Return one sentence that says what the card shows, for og:image:alt."""
    if spec.kind == "country":
        first, last = (spec.cells[0].caption, spec.cells[-1].caption) if spec.cells else ("", "")
        text = f"Card for {spec.title}, {spec.subtitle}: {spec.badge} {spec.badge_caption}"
        if spec.cells:
            text += f", with its tier in every report from {first} to {last}"
    elif spec.kind == "home":
        text = f"Card with the title “{spec.title}” on the site's colours"
    else:
        text = f"Card with the title “{spec.title}”"
        phrase = _phrase(spec)
        if phrase:
            text += f", {phrase}"
        if spec.subtitle and spec.kind in ("article", "campaign", "list"):
            text += f", {spec.subtitle}"
        if spec.hashtag:
            text += f", hashtag {spec.hashtag}"
    if spec.photo:
        text += f", over a photo: {spec.photo_alt}" if spec.photo_alt else ", over a photo"
    return f"{text}, under the name of the {spec.brand_name}."


def _phrase(spec: CardSpec) -> str:
    """Return what kind of card it is, in a few words."""
    if spec.kind == "article":
        category = spec.kicker.partition(" · ")[2]
        return f"news ({category})" if category else "news"
    if spec.kind == "campaign":
        return "a campaign"
    if spec.kind == "region":
        return f"{spec.subtitle}, with the latest tier of its countries"
    if spec.kind == "report":
        return "with the number of countries on each tier"
    return spec.kicker
