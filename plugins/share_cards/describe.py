"""Turn what a page is rendered with into what its card shows.

:func:`describe` takes the page's facts (:class:`~plugins._common.pages.PageMeta`: its
heading, description and kind, the same ones its ``<title>`` and breadcrumbs use) and the
model objects in its context (``campaign``, ``article``, ``page``, ``country``, ``region``,
``year``, a news list) and returns a :class:`Description`: the card's
:class:`~.model.CardSpec`, the page's description, its Open Graph type and the sentence that
describes the card (og:image:alt).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from plugins._common.labels import CARD_BAND
from plugins._common.pages import PageMeta, meta_of, nav_item
from plugins._common.text import plain_text
from plugins._common.tiers import TIERS

from .model import CardSpec, Cell
from .text import RTL_LANGUAGES

LISTS = frozenset({"news", "category", "tag", "author", "period"})


@dataclass(frozen=True)
class Site:
    """The facts about the site every card needs (read from the settings once)."""

    name: str
    department: str
    mission: str
    date_format: str


@dataclass(frozen=True)
class Description:
    """What a page's card shows and what its head says about it."""

    spec: CardSpec
    description: str
    og_type: str  # "article" for news and campaigns, "website" otherwise
    published: str = ""  # ISO date of an article

    @property
    def alt(self) -> str:
        """Return the sentence that describes the card."""
        return alt_text(self.spec)


def site_from_settings(settings: Mapping[str, Any]) -> Site:
    """Return the site's facts from Pelican's settings."""
    return Site(
        name=settings["SITENAME"],
        department=settings.get("SITE_DEPARTMENT", ""),
        mission=settings.get("SITE_MISSION", ""),
        date_format=settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"),
    )


def page_path(output_file: str) -> str:
    """Return the site-relative URL of a page from its output path (``a/index.html`` -> ``a/``)."""
    return output_file.removesuffix("index.html")


def describe(context: Mapping[str, Any], site: Site, photo: str = "") -> Description:
    """Return the card and metadata of the page rendered with ``context``."""
    meta = meta_of(context)
    brand = {"brand_department": site.department, "brand_name": site.name}
    section = (nav_item(context, meta.url) or ("", ""))[0]
    item = _content(context, meta)
    if meta.kind == "campaign":
        spec, og_type = _campaign(item, meta, site, brand), "article"
    elif meta.kind == "article":
        spec, og_type = _article(item, meta, brand), "article"
    elif meta.kind == "home":
        spec, og_type = (
            CardSpec(kind="home", title=meta.heading, deck=site.mission, **brand),
            "website",
        )
    else:
        spec = _data_page(context, meta, brand, section) or CardSpec(
            kind="list" if meta.kind in LISTS else "page",
            title=meta.heading,
            kicker="" if section.casefold() == meta.heading.casefold() else section,
            subtitle=_list_subtitle(context) if meta.kind in LISTS else "",
            deck="" if meta.kind in LISTS else _deck(item, meta),
            **brand,
        )
        og_type = "website"
    if photo and item is not None:
        spec = replace(spec, photo=photo, photo_alt=plain_text(item.metadata.get("image_alt", "")))
    language = str(getattr(item, "lang", "") or "").split("-")[0].lower()
    if language in RTL_LANGUAGES:
        spec = replace(spec, rtl=True)
    if meta.illustrative:
        spec = replace(spec, band=CARD_BAND)
    published = item.date.isoformat() if og_type == "article" and _has_date(item) else ""
    return Description(spec, meta.description, og_type, published)


def _content(context: Mapping[str, Any], meta: PageMeta) -> Any | None:
    """Return the content object the page shows (a campaign, an article or a page), if any."""
    key = {"campaign": "campaign", "article": "article", "home": "page", "page": "page"}
    item = context.get(key.get(meta.kind, ""))
    return item if item is not None and hasattr(item, "metadata") else None


def _deck(item: Any | None, meta: PageMeta) -> str:
    """Return a page's sentence under its title: its own summary, or its description."""
    if item is not None:
        return plain_text(item.metadata.get("summary", ""))
    return meta.description


def _has_date(item: Any) -> bool:
    return isinstance(getattr(item, "date", None), datetime.date)


def _article(article: Any, meta: PageMeta, brand: dict[str, str]) -> CardSpec:
    category = getattr(article, "category", None)
    kicker = "News" + (f" · {category.name}" if category and category.name != "News" else "")
    campaign = getattr(article, "campaign", None)  # set by the campaigns plugin
    hashtag = _hashtag(getattr(article, "hashtag", "") or getattr(campaign, "hashtag", ""))
    return CardSpec(
        kind="article",
        title=meta.heading,
        kicker=kicker,
        subtitle=plain_text(getattr(article, "locale_date", "")),
        hashtag=hashtag,
        **brand,
    )


def _campaign(campaign: Any, meta: PageMeta, site: Site, brand: dict[str, str]) -> CardSpec:
    start, end = getattr(campaign, "start", None), getattr(campaign, "end", None)
    dates = ""
    if isinstance(start, datetime.date) and isinstance(end, datetime.date):
        dates = f"{start.strftime(site.date_format)} – {end.strftime(site.date_format)}"
    return CardSpec(
        kind="campaign",
        title=meta.heading,
        kicker="Campaign",
        subtitle=dates,
        hashtag=_hashtag(getattr(campaign, "hashtag", "")),
        **brand,
    )


def _data_page(
    context: Mapping[str, Any], meta: PageMeta, brand: dict[str, str], section: str
) -> CardSpec | None:
    """Return the spec of a country, narrative, region or report-year page."""
    tip = context.get("tip")
    if meta.kind == "country":
        country = context["country"]
        latest = country.latest
        years = tuple(getattr(tip, "years", ())) or tuple(p.year for p in country.placements)
        cells = []
        for year in years:
            placement = country.placement_in(year)
            if placement is None:
                cells.append(Cell("–", str(year), None))
            else:
                cells.append(Cell(placement.tier.short, str(year), placement.tier.code))
        return CardSpec(
            kind="country",
            title=meta.heading,
            kicker="TIP Report · Country",
            subtitle=country.region.name,
            badge=latest.tier.label,
            badge_tier=latest.tier.code,
            badge_caption=f"in the {latest.year} report",
            cells=tuple(cells),
            cells_caption=f"Tier in each report, {years[0]}–{years[-1]}" if years else "",
            **brand,
        )
    if meta.kind == "narrative":
        facts = context["narrative"].narrative
        return CardSpec(
            kind="narrative",
            title=meta.heading,
            kicker=f"TIP Report {facts.year} · What it says",
            subtitle=facts.country.region.name,
            deck=plain_text(context["narrative"].metadata.get("summary", "")),
            badge=facts.placement.tier.label,
            badge_tier=facts.placement.tier.code,
            badge_caption=f"in the {facts.year} report",
            **brand,
        )
    if meta.kind == "region":
        region = context["region"]
        countries = list(context.get("region_countries") or ())
        return CardSpec(
            kind="region",
            title=meta.heading,
            kicker="TIP Report · Region",
            subtitle=region.bureau,
            cells=_count_tiers(country.latest.tier.code for country in countries),
            cells_caption=f"Latest tier of its {len(countries)} countries and territories",
            **brand,
        )
    if meta.kind == "report":
        placements = context.get("placements") or ()
        return CardSpec(
            kind="report",
            title=meta.heading,
            kicker=section or "TIP Report",
            subtitle=f"{len(placements)} countries and territories",
            cells=_count_tiers(placement.tier.code for _, placement in placements),
            cells_caption="Countries on each tier",
            **brand,
        )
    return None


def _count_tiers(codes: Sequence[str] | Any) -> tuple[Cell, ...]:
    counted: dict[str, int] = dict.fromkeys(TIERS, 0)
    for code in codes:
        counted[code] = counted.get(code, 0) + 1
    return tuple(Cell(str(counted[code]), tier.label, code) for code, tier in TIERS.items())


def _list_subtitle(context: Mapping[str, Any]) -> str:
    """Return how many articles a news list holds ("12 articles")."""
    paginator = context.get("articles_paginator")
    if paginator is None:
        return ""
    return f"{paginator.count} article{'s' if paginator.count != 1 else ''}"


def _hashtag(value: object) -> str:
    tag = plain_text(value).replace(" ", "")
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
    if spec.band:
        text += f", marked “{spec.band}”"
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
