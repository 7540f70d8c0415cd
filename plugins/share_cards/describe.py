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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from plugins._common.i18n import SOURCE_LANGUAGE, gettext, language, number, translations
from plugins._common.labels import CARD_BAND
from plugins._common.pages import PageMeta, day, meta_of, nav_item
from plugins._common.text import plain_text
from plugins._common.tiers import TIERS

from .model import CardSpec, Cell
from .text import RTL_LANGUAGES

LISTS = frozenset({"news", "category", "tag", "author", "period"})
Translate = Callable[[str], str]


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
    alt_sentence: str = ""  # the sentence that describes the card, in the build's language

    @property
    def alt(self) -> str:
        """Return the sentence that describes the card."""
        return self.alt_sentence or alt_text(self.spec)


def site_from_settings(settings: Mapping[str, Any]) -> Site:
    """Return the site's facts from Pelican's settings, its words in the build's language."""
    _ = gettext(settings)

    def words(key: str) -> str:
        text = str(settings.get(key) or "")
        return _(text) if text else text

    return Site(
        name=words("SITENAME"),
        department=words("SITE_DEPARTMENT"),
        mission=words("SITE_MISSION"),
        date_format=settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"),
    )


def page_path(output_file: str) -> str:
    """Return the site-relative URL of a page from its output path (``a/index.html`` -> ``a/``)."""
    return output_file.removesuffix("index.html")


def describe(context: Mapping[str, Any], site: Site, photo: str = "") -> Description:
    """Return the card and metadata of the page rendered with ``context``.

    The card's words are in the build's language (the context's ``DEFAULT_LANG``).
    """
    _ = gettext(context)
    meta = meta_of(context)
    brand = {"brand_department": site.department, "brand_name": site.name}
    section = (nav_item(context, meta.url) or ("", ""))[0]
    section = _(section) if section else section
    item = _content(context, meta)
    if meta.kind == "campaign":
        spec, og_type = _campaign(item, meta, context, site, brand), "article"
    elif meta.kind == "article":
        spec, og_type = _article(item, meta, brand, _), "article"
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
    # A page's card is in its content's language, else the build's (a country in Arabic).
    language = str(getattr(item, "lang", "") or context.get("DEFAULT_LANG") or "")
    language = language.split("-")[0].lower()
    if language in RTL_LANGUAGES:
        spec = replace(spec, rtl=True)
    if meta.illustrative:
        spec = replace(spec, band=_(CARD_BAND))
    published = item.date.isoformat() if og_type == "article" and _has_date(item) else ""
    return Description(spec, meta.description, og_type, published, alt_text(spec, context))


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


def _article(article: Any, meta: PageMeta, brand: dict[str, str], _: Translate = str) -> CardSpec:
    category = getattr(article, "category", None)
    news = _("News")
    shown = category and category.name not in ("News", news)
    kicker = news + (f" · {category.name}" if shown else "")
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


def _day(settings: Mapping[str, Any], site: Site, value: datetime.date) -> str:
    """Return a day as the site writes it: ``DEFAULT_DATE_FORMAT`` in English, else CLDR's."""
    if language(settings) == SOURCE_LANGUAGE:
        return value.strftime(site.date_format)
    return day(settings, value)


def _campaign(
    campaign: Any, meta: PageMeta, settings: Mapping[str, Any], site: Site, brand: dict[str, str]
) -> CardSpec:
    _ = gettext(settings)
    start, end = getattr(campaign, "start", None), getattr(campaign, "end", None)
    dates = ""
    if isinstance(start, datetime.date) and isinstance(end, datetime.date):
        dates = _("%(start)s – %(end)s") % {
            "start": _day(settings, site, start),
            "end": _day(settings, site, end),
        }
    return CardSpec(
        kind="campaign",
        title=meta.heading,
        kicker=_("Campaign"),
        subtitle=dates,
        hashtag=_hashtag(getattr(campaign, "hashtag", "")),
        **brand,
    )


def _data_page(
    context: Mapping[str, Any], meta: PageMeta, brand: dict[str, str], section: str
) -> CardSpec | None:
    """Return the spec of a country, narrative, region or report-year page."""
    _ = gettext(context)
    ngettext = translations(context).ngettext
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
                cells.append(Cell(_(placement.tier.short), str(year), placement.tier.code))
        caption = ""
        if years:
            caption = _("Tier in each report, %(first)s–%(last)s") % {
                "first": years[0],
                "last": years[-1],
            }
        return CardSpec(
            kind="country",
            title=meta.heading,
            kicker=_("TIP Report · Country"),
            subtitle=_(country.region.name),
            badge=_(latest.tier.label),
            badge_tier=latest.tier.code,
            badge_caption=_("in the %(year)s report") % {"year": latest.year},
            cells=tuple(cells),
            cells_caption=caption,
            **brand,
        )
    if meta.kind == "narrative":
        facts = context["narrative"].narrative
        return CardSpec(
            kind="narrative",
            title=meta.heading,
            kicker=_("TIP Report %(year)s · What it says") % {"year": facts.year},
            subtitle=_(facts.country.region.name),
            deck=plain_text(context["narrative"].metadata.get("summary", "")),
            badge=_(facts.placement.tier.label),
            badge_tier=facts.placement.tier.code,
            badge_caption=_("in the %(year)s report") % {"year": facts.year},
            **brand,
        )
    if meta.kind == "region":
        region = context["region"]
        countries = list(context.get("region_countries") or ())
        caption = ngettext(
            "Latest tier of its %(count)s country or territory",
            "Latest tier of its %(count)s countries and territories",
            len(countries),
        )
        return CardSpec(
            kind="region",
            title=meta.heading,
            kicker=_("TIP Report · Region"),
            subtitle=_(region.bureau),
            cells=_count_tiers((country.latest.tier.code for country in countries), _),
            cells_caption=caption % {"count": len(countries)},
            **brand,
        )
    if meta.kind == "report":
        placements = context.get("placements") or ()
        subtitle = ngettext(
            "%(count)s country or territory",
            "%(count)s countries and territories",
            len(placements),
        )
        return CardSpec(
            kind="report",
            title=meta.heading,
            kicker=section or _("TIP Report"),
            subtitle=subtitle % {"count": len(placements)},
            cells=_count_tiers((placement.tier.code for _country, placement in placements), _),
            cells_caption=_("Countries on each tier"),
            **brand,
        )
    return None


def _count_tiers(codes: Sequence[str] | Any, _: Translate = str) -> tuple[Cell, ...]:
    counted: dict[str, int] = dict.fromkeys(TIERS, 0)
    for code in codes:
        counted[code] = counted.get(code, 0) + 1
    return tuple(Cell(str(counted[code]), _(tier.label), code) for code, tier in TIERS.items())


def _list_subtitle(context: Mapping[str, Any]) -> str:
    """Return how many articles a news list holds ("12 articles")."""
    paginator = context.get("articles_paginator")
    if paginator is None:
        return ""
    count = paginator.count
    phrase = translations(context).ngettext("%(count)s article", "%(count)s articles", count)
    return phrase % {"count": number(context, count)}


def _hashtag(value: object) -> str:
    tag = plain_text(value).replace(" ", "")
    return "" if not tag else tag if tag.startswith("#") else f"#{tag}"


def alt_text(spec: CardSpec, settings: Mapping[str, Any] | None = None) -> str:
    """Return one sentence that says what the card shows, for og:image:alt.

    In the language of ``settings`` (or a page context), English without them. The sentence
    is its main clause followed by the clauses the card calls for, each a message that starts
    with its comma.
    """
    _ = gettext(settings or {})
    if spec.kind == "country":
        first, last = (spec.cells[0].caption, spec.cells[-1].caption) if spec.cells else ("", "")
        text = _("Card for %(title)s, %(region)s: %(tier)s %(caption)s") % {
            "title": spec.title,
            "region": spec.subtitle,
            "tier": spec.badge,
            "caption": spec.badge_caption,
        }
        if spec.cells:
            text += _(", with its tier in every report from %(first)s to %(last)s") % {
                "first": first,
                "last": last,
            }
    elif spec.kind == "home":
        text = _("Card with the title “%(title)s” on the site's colours") % {"title": spec.title}
    else:
        text = _("Card with the title “%(title)s”") % {"title": spec.title}
        phrase = _phrase(spec, _)
        if phrase:
            text += f", {phrase}"
        if spec.subtitle and spec.kind in ("article", "campaign", "list"):
            text += f", {spec.subtitle}"
        if spec.hashtag:
            text += _(", hashtag %(hashtag)s") % {"hashtag": spec.hashtag}
    if spec.photo:
        if spec.photo_alt:
            text += _(", over a photo: %(photo)s") % {"photo": spec.photo_alt}
        else:
            text += _(", over a photo")
    if spec.band:
        text += _(", marked “%(band)s”") % {"band": spec.band}
    return _("%(card)s, under the name of the %(site)s.") % {"card": text, "site": spec.brand_name}


def _phrase(spec: CardSpec, _: Translate = str) -> str:
    """Return what kind of card it is, in a few words."""
    if spec.kind == "article":
        category = spec.kicker.partition(" · ")[2]
        return _("news (%(category)s)") % {"category": category} if category else _("news")
    if spec.kind == "campaign":
        return _("a campaign")
    if spec.kind == "region":
        return _("%(bureau)s, with the latest tier of its countries") % {"bureau": spec.subtitle}
    if spec.kind == "report":
        return _("with the number of countries on each tier")
    return spec.kicker
