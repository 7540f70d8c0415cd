"""The facts of each page the countries plugin writes: heading, title, description, trail."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugins._common.i18n import N_, gettext
from plugins._common.pages import Crumb, PageMeta, document_title, top_page, trail
from plugins._common.text import plain_text
from plugins._common.tipdata import Country, Region, TipData

from .links import Links
from .narratives import Narrative

REPORTS = N_("Tiers by report year")


def _span(data: TipData) -> str:
    return f"{data.years[0]}–{data.latest_year}"


def countries_meta(settings: Mapping[str, Any], data: TipData, links: Links) -> PageMeta:
    """Describe the country index."""
    _ = gettext(settings)
    description = _(
        "Every country in the Trafficking in Persons Report, %(span)s, with its latest "
        "tier, A–Z and by region."
    ) % {"span": _span(data)}
    heading = _("Countries in the TIP Report")
    return top_page(
        settings, "countries", heading, description, links.countries, crumb=_("Countries")
    )


def country_meta(settings: Mapping[str, Any], country: Country, links: Links) -> PageMeta:
    """Describe a country's page."""
    _ = gettext(settings)
    latest, url = country.latest, links.country(country)
    region = _(country.region.name)
    return PageMeta(
        kind="country",
        heading=country.name,
        title=document_title(
            settings, _("%(country)s: TIP Report tiers") % {"country": country.name}
        ),
        description=_(
            "%(country)s in the TIP Report: %(tier)s in %(year)s, with its tier in every "
            "report from %(first)s."
        )
        % {
            "country": country.name,
            "tier": _(latest.tier.label),
            "year": latest.year,
            "first": country.placements[0].year,
        },
        url=url,
        trail=(
            *trail(
                (_("Countries"), links.countries),
                (region, links.region(country.region)),
                settings=settings,
            ),
            Crumb(country.name, url),
        ),
    )


def region_meta(settings: Mapping[str, Any], region: Region, links: Links) -> PageMeta:
    """Describe a region's page."""
    _ = gettext(settings)
    url, name = links.region(region), _(region.name)
    return PageMeta(
        kind="region",
        heading=name,
        title=document_title(settings, _("%(region)s: TIP Report tiers") % {"region": name}),
        description=_(
            "Countries of the State Department's %(bureau)s in the TIP Report, with their "
            "latest tiers."
        )
        % {"bureau": _(region.bureau)},
        url=url,
        trail=(
            *trail((_("Countries"), links.countries), settings=settings),
            Crumb(name, url),
        ),
    )


def reports_meta(settings: Mapping[str, Any], data: TipData, links: Links) -> PageMeta:
    """Describe the page of every report year."""
    _ = gettext(settings)
    span = {"span": _span(data)}
    return PageMeta(
        kind="reports",
        heading=_("Tiers by report year, %(span)s") % span,
        title=document_title(settings, _("TIP Report tiers by year, %(span)s") % span),
        description=_(
            "How many countries the Trafficking in Persons Report placed on each tier, every "
            "year from %(first)s to %(last)s."
        )
        % {"first": data.years[0], "last": data.latest_year},
        url=links.reports,
        trail=(*trail(settings=settings), Crumb(_(REPORTS), links.reports)),
    )


def report_meta(settings: Mapping[str, Any], year: int, links: Links) -> PageMeta:
    """Describe one report year's page."""
    _ = gettext(settings)
    heading, url = (
        _("The %(year)s TIP Report: tier placements") % {"year": year},
        links.report(year),
    )
    return PageMeta(
        kind="report",
        heading=heading,
        title=document_title(settings, heading),
        description=_(
            "Every country's tier in the %(year)s Trafficking in Persons Report, with the "
            "number on each tier and the countries that moved."
        )
        % {"year": year},
        url=url,
        trail=(
            *trail((_(REPORTS), links.reports), settings=settings),
            Crumb(_("%(year)s report") % {"year": year}, url),
        ),
    )


def data_meta(settings: Mapping[str, Any], data: TipData, links: Links) -> PageMeta:
    """Describe the open-data page."""
    _ = gettext(settings)
    heading = _("Open data: TIP Report tier placements")
    return PageMeta(
        kind="data",
        heading=heading,
        title=document_title(settings, heading),
        description=_(
            "Download every TIP Report tier placement, %(span)s, as CSV or JSON, with the "
            "columns explained and the sources credited."
        )
        % {"span": _span(data)},
        url=links.data,
        trail=(
            *trail((_(REPORTS), links.reports), settings=settings),
            Crumb(_("Open data"), links.data),
        ),
    )


def narrative_meta(
    settings: Mapping[str, Any], facts: Narrative, page: Any, links: Links
) -> PageMeta:
    """Describe a country narrative's own page."""
    _ = gettext(settings)
    country, year, url = facts.country, facts.year, facts.url
    heading = plain_text(page.title)
    summary = plain_text(page.metadata.get("summary", ""))
    return PageMeta(
        kind="narrative",
        heading=heading,
        title=document_title(settings, heading),
        description=summary
        or _(
            "What the %(year)s Trafficking in Persons Report says about %(country)s "
            "(%(tier)s), summarised with its sources."
        )
        % {"year": year, "country": country.name, "tier": _(facts.placement.tier.label)},
        url=url,
        trail=(
            *trail(
                (_("Countries"), links.countries),
                (_(country.region.name), links.region(country.region)),
                (country.name, links.country(country)),
                settings=settings,
            ),
            Crumb(_("%(year)s report") % {"year": year}, url),
        ),
        listed=getattr(page, "status", "published") == "published",
    )
