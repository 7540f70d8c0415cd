"""The facts of each page the countries plugin writes: heading, title, description, trail."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugins._common.pages import Crumb, PageMeta, document_title, trail
from plugins._common.text import plain_text
from plugins._common.tipdata import Country, Region, TipData

from .links import Links
from .narratives import Narrative

REPORTS = "Tiers by report year"


def _span(data: TipData) -> str:
    return f"{data.years[0]}–{data.latest_year}"


def countries_meta(settings: Mapping[str, Any], data: TipData, links: Links) -> PageMeta:
    """Describe the country index."""
    heading = "Countries in the TIP Report"
    return PageMeta(
        kind="countries",
        heading=heading,
        title=document_title(settings, heading),
        description=(
            f"Every country in the Trafficking in Persons Report, {_span(data)}, with its "
            "latest tier, A–Z and by region."
        ),
        url=links.countries,
        trail=(*trail(), Crumb("Countries", links.countries)),
    )


def country_meta(settings: Mapping[str, Any], country: Country, links: Links) -> PageMeta:
    """Describe a country's page."""
    latest, url = country.latest, links.country(country)
    return PageMeta(
        kind="country",
        heading=country.name,
        title=document_title(settings, f"{country.name}: TIP Report tiers"),
        description=(
            f"{country.name} in the TIP Report: {latest.tier.label} in {latest.year}, with "
            f"its tier in every report from {country.placements[0].year}."
        ),
        url=url,
        trail=(
            *trail(
                ("Countries", links.countries), (country.region.name, links.region(country.region))
            ),
            Crumb(country.name, url),
        ),
    )


def region_meta(settings: Mapping[str, Any], region: Region, links: Links) -> PageMeta:
    """Describe a region's page."""
    url = links.region(region)
    return PageMeta(
        kind="region",
        heading=region.name,
        title=document_title(settings, f"{region.name}: TIP Report tiers"),
        description=(
            f"Countries of the State Department's {region.bureau} in the TIP Report, with "
            "their latest tiers."
        ),
        url=url,
        trail=(*trail(("Countries", links.countries)), Crumb(region.name, url)),
    )


def reports_meta(settings: Mapping[str, Any], data: TipData, links: Links) -> PageMeta:
    """Describe the page of every report year."""
    return PageMeta(
        kind="reports",
        heading=f"Tiers by report year, {_span(data)}",
        title=document_title(settings, f"TIP Report tiers by year, {_span(data)}"),
        description=(
            "How many countries the Trafficking in Persons Report placed on each tier, every "
            f"year from {data.years[0]} to {data.latest_year}."
        ),
        url=links.reports,
        trail=(*trail(), Crumb(REPORTS, links.reports)),
    )


def report_meta(settings: Mapping[str, Any], year: int, links: Links) -> PageMeta:
    """Describe one report year's page."""
    heading, url = f"The {year} TIP Report: tier placements", links.report(year)
    return PageMeta(
        kind="report",
        heading=heading,
        title=document_title(settings, heading),
        description=(
            f"Every country's tier in the {year} Trafficking in Persons Report, with the "
            "number on each tier and the countries that moved."
        ),
        url=url,
        trail=(*trail((REPORTS, links.reports)), Crumb(f"{year} report", url)),
    )


def data_meta(settings: Mapping[str, Any], data: TipData, links: Links) -> PageMeta:
    """Describe the open-data page."""
    heading = "Open data: TIP Report tier placements"
    return PageMeta(
        kind="data",
        heading=heading,
        title=document_title(settings, heading),
        description=(
            f"Download every TIP Report tier placement, {_span(data)}, as CSV or JSON, with "
            "the columns explained and the sources credited."
        ),
        url=links.data,
        trail=(*trail((REPORTS, links.reports)), Crumb("Open data", links.data)),
    )


def narrative_meta(
    settings: Mapping[str, Any], facts: Narrative, page: Any, links: Links
) -> PageMeta:
    """Describe a country narrative's own page."""
    country, year, url = facts.country, facts.year, facts.url
    heading = plain_text(page.title)
    summary = plain_text(page.metadata.get("summary", ""))
    return PageMeta(
        kind="narrative",
        heading=heading,
        title=document_title(settings, heading),
        description=summary
        or (
            f"What the {year} Trafficking in Persons Report says about {country.name} "
            f"({facts.placement.tier.label}), summarised with its sources."
        ),
        url=url,
        trail=(
            *trail(
                ("Countries", links.countries),
                (country.region.name, links.region(country.region)),
                (country.name, links.country(country)),
            ),
            Crumb(f"{year} report", url),
        ),
        listed=getattr(page, "status", "published") == "published",
    )
