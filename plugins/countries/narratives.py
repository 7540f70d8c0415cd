"""Read the narratives: ``countries/<slug>/<year>.md`` per country and report year, and the
notes on a report year, ``reports/<year>.md``.

A country narrative summarises what one year's TIP Report says about the country, under
the report's own headings (:data:`SECTIONS`, in that order). Its fields (checked for their
form by content_checks) say which report year it covers, the tier that report gave, when it
was written and what it was written from; here they are checked against the tier data: a
narrative whose tier is not the data's is an error naming both.
"""

from __future__ import annotations

import difflib
import fnmatch
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.contents import Page

from plugins._common.problems import LEFT_OUT, metadata_line, report
from plugins._common.sources import Source, SourceError, sources_of
from plugins._common.text import NotUtf8Error, read_text
from plugins._common.tipdata import Country, Placement, TipData

from .links import Links

logger = logging.getLogger(__name__)

SECTIONS = (
    "Trafficking profile",
    "Tier rationale",
    "Prioritized recommendations",
    "Prosecution",
    "Protection",
    "Prevention",
)


@dataclass(frozen=True)
class Narrative:
    """What a country narrative states about itself, checked against the tier data."""

    country: Country
    year: int
    placement: Placement
    written: str  # YYYY-MM-DD
    sources: tuple[Source, ...]
    url: str
    save_as: str


def read_country_narratives(
    generator, folders: list[str], data: TipData, links: Links
) -> dict[str, list[Page]]:
    """Return each country's narratives (``page.narrative`` set), newest report year first."""
    found: dict[str, list[Page]] = {}
    for folder in folders:
        root = Path(generator.path, folder)
        if not root.is_dir():
            continue
        for path in sorted(root.glob("*.md")):
            _report_old_layout(path, folder)
        for country_dir in sorted(p for p in root.iterdir() if p.is_dir()):
            country = data.by_slug.get(country_dir.name)
            for path in sorted(country_dir.glob("*.md")):
                if _left_out(generator.settings, path):
                    continue  # unreadable: content_checks has said why
                if country is None:
                    _report_unknown_country(path, country_dir.name, data)
                    continue
                page = _read(generator, path)
                if page is None:
                    continue
                narrative = _narrative(page, path, country, data, links)
                if narrative is not None:
                    page.narrative = narrative
                    page.override_url = narrative.url  # where {filename} links lead
                    found.setdefault(country.slug, []).append(page)
    for pages in found.values():
        pages.sort(key=lambda page: page.narrative.year, reverse=True)
    return found


def read_notes(generator, folders: list[str], years: set[str]) -> dict[str, Page]:
    """Return the report-year notes, ``<folder>/<year>.md``, by year; report unknown years."""
    found: dict[str, Page] = {}
    for folder in folders:
        for path in sorted(Path(generator.path, folder).glob("*.md")):
            if _left_out(generator.settings, path):
                continue
            if path.stem not in years:
                _report_unknown_year(path, years)
                continue
            page = _read(generator, path)
            if page is not None:
                found[path.stem] = page
    return found


def _read(generator, path: Path) -> Page | None:
    """Read one file as a Page; None for a draft when drafts are not shown."""
    page = generator.readers.read_file(
        base_path=generator.path,
        path=str(path.relative_to(generator.path)),
        content_class=Page,
        context=generator.context,
    )
    if page.status == "draft" and not generator.settings.get("SHOW_DRAFTS"):
        return None
    return page


def _narrative(
    page: Page, path: Path, country: Country, data: TipData, links: Links
) -> Narrative | None:
    """Return the narrative's facts, or None (reported) when they cannot be used."""
    year_text = str(page.metadata.get("report_year", ""))
    if not year_text.isdigit() or year_text != path.stem:
        return None  # content_checks has named the field and the fix
    year = int(year_text)
    placement = country.placement_in(year)
    if placement is None:
        years = ", ".join(str(p.year) for p in country.placements)
        report(
            logger,
            path,
            f"Report_year: the tier data has no {year} placement for {country.name}",
            f"write a narrative for a year the data has ({years}), or add the placement to "
            "the data",
            line=metadata_line(str(path), "report_year"),
        )
        return None
    tier = str(page.metadata.get("tier", ""))
    if tier != placement.tier.code:
        report(
            logger,
            path,
            f"Tier: the narrative says {tier or 'nothing'}, but the tier data places "
            f"{country.name} on {placement.tier.label} ({placement.tier.code}) in {year}",
            "correct Tier: (and the text that states it), or the tier data if it is wrong, "
            "with its source",
            line=metadata_line(str(path), "tier"),
        )
        return None
    try:
        sources = tuple(sources_of(page.metadata.get("sources", ())))
    except SourceError:
        return None  # content_checks has named the line
    if not sources:
        return None
    return Narrative(
        country=country,
        year=year,
        placement=placement,
        written=str(page.metadata.get("written", "")),
        sources=sources,
        url=links.narrative(country, year),
        save_as=links.narrative_save_as(country, year),
    )


def check_sections(path: str, ordered: tuple[str, ...] = SECTIONS) -> None:
    """Report a country narrative's headings that are unknown or out of the report's order."""
    try:
        lines = read_text(Path(path)).splitlines()
    except (OSError, NotUtf8Error):
        return
    last = -1
    for number, line in enumerate(lines, start=1):
        if not line.startswith("## "):
            continue
        heading = line[3:].strip().rstrip("#").strip()
        if heading not in ordered:
            _report_heading(path, number, f"the section {heading!r} is not a report section")
        elif ordered.index(heading) < last:
            _report_heading(path, number, f"the section {heading!r} is out of order")
        else:
            last = ordered.index(heading)


def _report_heading(path: str, line: int, problem: str) -> None:
    fix = (
        f"use these ## headings, in order (leave out any you cannot source): {', '.join(SECTIONS)}"
    )
    report(logger, path, problem, fix, line=line)


def _left_out(settings: dict[str, Any], path: Path) -> bool:
    """Return whether the file is unreadable (reported) or matches the site's IGNORE_FILES."""
    if path.resolve() in settings.get(LEFT_OUT, ()):
        return True
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in settings["IGNORE_FILES"])


def _report_old_layout(path: Path, folder: str) -> None:
    report(
        logger,
        path,
        "a country narrative is now one file per report year, in the country's folder",
        f"move it to content/{folder}/{path.stem}/<year>.md (e.g. {path.stem}/2010.md) and "
        "add its Report_year, Tier, Written and Sources fields",
    )


def _report_unknown_country(path: Path, slug: str, data: TipData) -> None:
    guesses = difflib.get_close_matches(slug, sorted(data.by_slug), n=1, cutoff=0.8)
    hint = f"rename the folder {guesses[0]}" if guesses else "name the folder after a country"
    report(
        logger,
        path,
        f"{slug!r} is not a country of the tier data",
        f"{hint} (its page's address, as in countries/<slug>/)",
    )


def _report_unknown_year(path: Path, years: set[str]) -> None:
    guesses = difflib.get_close_matches(path.stem, sorted(years), n=1, cutoff=0.8)
    hint = f"rename it {guesses[0]}.md" if guesses else "name it after a report year"
    report(logger, path, f"{path.stem!r} is not a report year of the tier data", hint)


__all__: list[str] = [
    "SECTIONS",
    "Narrative",
    "check_sections",
    "read_country_narratives",
    "read_notes",
]
