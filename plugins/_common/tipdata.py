"""The site's one model of countries and their TIP Report tiers, loaded and checked once.

:func:`load_tip_data` reads ``tier_history.csv`` (one row per country and report year) into
frozen :class:`Country` objects. A broken row is a :class:`TipDataError` that names the file,
the line and the values allowed; a build cannot go on with wrong tiers.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pycountry

from .i18n import N_
from .names import iso_codes, names_of, uninverted
from .problems import display_path
from .text import NotUtf8Error, read_text, slug_of
from .tiers import TIERS, Tier, movement

COLUMNS = ("country", "iso3", "region", "year", "tier", "source")


@dataclass(frozen=True)
class Region:
    """A State Department regional bureau."""

    code: str
    name: str
    bureau: str

    @property
    def slug(self) -> str:
        """Return the region's URL part, e.g. ``eap``."""
        return self.code.lower()


REGIONS: dict[str, Region] = {
    region.code: region
    for region in (
        Region("AF", N_("Africa"), N_("Bureau of African Affairs")),
        Region("EAP", N_("East Asia and Pacific"), N_("Bureau of East Asian and Pacific Affairs")),
        Region("EUR", N_("Europe and Eurasia"), N_("Bureau of European and Eurasian Affairs")),
        Region("NEA", N_("Near East"), N_("Bureau of Near Eastern Affairs")),
        Region(
            "SCA", N_("South and Central Asia"), N_("Bureau of South and Central Asian Affairs")
        ),
        Region("WHA", N_("Western Hemisphere"), N_("Bureau of Western Hemisphere Affairs")),
    )
}

# Places in the data without a current ISO 3166-1 code, and why (see content/data/SOURCES.md).
ISO_EXCEPTIONS: dict[str, str] = {
    "Kosovo": "",  # no ISO 3166-1 code; the user-assigned XK is not used
    "Netherlands Antilles": "ANT",  # withdrawn in December 2010 (ISO 3166-3: ANHH)
}


class TipDataError(ValueError):
    """The tier data cannot be used: the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Placement:
    """A country's place in one report year."""

    year: int
    tier: Tier
    source: str


@dataclass(frozen=True)
class Country:
    """A country or territory with its tier in every report that ranked it."""

    name: str
    iso3: str
    slug: str
    region: Region
    placements: tuple[Placement, ...]  # ordered by year
    other_names: tuple[str, ...] = ()  # the names readers type besides the report's (names.py)

    @property
    def iso_codes(self) -> tuple[str, ...]:
        """Return the ISO 3166-1 alpha-2 and alpha-3 codes."""
        return iso_codes(self.iso3)

    @property
    def common_name(self) -> str:
        """Return the name in running text when the report's name is inverted, else ""

        The report lists "Congo, Democratic Republic of the"; readers know "Democratic
        Republic of the Congo". The site uses the report's name and shows this one beside it.
        """
        running = uninverted(self.name)
        return running if running != self.name else ""

    @property
    def latest(self) -> Placement:
        """Return the newest placement."""
        return self.placements[-1]

    @property
    def previous(self) -> Placement | None:
        """Return the placement before the newest, if any."""
        return self.placements[-2] if len(self.placements) > 1 else None

    @property
    def movement(self) -> str:
        """Describe the newest placement against the one before it."""
        previous = self.previous
        return movement(previous.tier if previous else None, self.latest.tier)

    @property
    def latest_since(self) -> int:
        """Return the first year of the unbroken run of reports that gave the newest tier."""
        since = self.latest.year
        for placement in reversed(self.placements[:-1]):
            if placement.tier != self.latest.tier or placement.year != since - 1:
                break  # another tier, or a report that left the country out
            since = placement.year
        return since

    def placement_in(self, year: int) -> Placement | None:
        """Return the placement of ``year``, or None when the report did not include it."""
        return next((p for p in self.placements if p.year == year), None)

    def movement_in(self, year: int) -> str | None:
        """Describe ``year``'s placement against the country's previous report year."""
        index = next((i for i, p in enumerate(self.placements) if p.year == year), None)
        if index is None:
            return None
        previous = self.placements[index - 1].tier if index else None
        return movement(previous, self.placements[index].tier)


@dataclass(frozen=True)
class TipData:
    """Every country of the data, with lookups by slug, ISO code and name."""

    countries: tuple[Country, ...]  # ordered by name
    years: tuple[int, ...]
    source_path: str
    _index: Mapping[str, Country] = field(default_factory=dict, repr=False, compare=False)

    @property
    def latest_year(self) -> int:
        """Return the newest report year."""
        return self.years[-1]

    @cached_property
    def by_slug(self) -> dict[str, Country]:
        """Return the countries keyed by slug."""
        return {country.slug: country for country in self.countries}

    def lookup(self, reference: str) -> Country | None:
        """Find a country by ISO 3166-1 alpha-3 code, name or slug (case does not matter)."""
        return self._index.get(reference.strip().casefold())

    def in_year(self, year: int) -> list[tuple[Country, Placement]]:
        """Return the countries the report of ``year`` included, with their placements."""
        return [(c, p) for c in self.countries if (p := c.placement_in(year)) is not None]

    def counts(self, year: int) -> dict[str, int]:
        """Count the countries on each tier in ``year`` (every tier code, zero included)."""
        counted = Counter(placement.tier.code for _, placement in self.in_year(year))
        return {code: counted.get(code, 0) for code in TIERS}

    def in_region(self, region: Region) -> list[Country]:
        """Return the countries of ``region``, by name."""
        return [country for country in self.countries if country.region == region]


def load_tip_data(
    path: Path,
    years: Iterable[int] = range(2001, 2016),
    aliases: Mapping[str, tuple[str, ...]] | None = None,
) -> TipData:
    """Read and check ``tier_history.csv``; raise :class:`TipDataError` on the first bad row.

    Each country gets its other names (:func:`~.names.names_of`, with ``aliases`` by ISO code)
    and is found by them too, where a name belongs to one country only.
    """
    allowed_years = tuple(years)
    rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
    seen: dict[tuple[str, int], int] = {}
    reader = csv_rows(path)
    _check_columns(path, reader.fieldnames)
    for row in reader:
        line = reader.line_num
        year = _check_row(path, line, row, allowed_years)
        key = (row["country"], year)
        if key in seen:
            raise _error(
                path,
                line,
                f"{row['country']} {year} appears twice (first on line {seen[key]})",
                "keep one row per country and report year",
            )
        seen[key] = line
        rows.setdefault(row["country"], []).append((line, row))
    countries = tuple(
        _country(path, name, found, aliases or {}) for name, found in sorted(rows.items())
    )
    present = sorted({p.year for c in countries for p in c.placements})
    return TipData(countries, tuple(present), str(path), _index(countries))


def csv_rows(path: Path) -> csv.DictReader:
    """Return a reader of a CSV file's rows, as editors save it (BOM, CRLF: Excel's CSV UTF-8).

    Raise :class:`TipDataError` for a file that cannot be read or is not UTF-8.
    """
    try:
        text = read_text(path)
    except NotUtf8Error as error:
        raise _error(
            path,
            error.line,
            f"the file is not UTF-8 text ({error})",
            "save it as UTF-8 (in Excel: Save As, CSV UTF-8)",
        ) from None
    except OSError as error:
        raise TipDataError(f"{display_path(path)}: cannot be read ({error.strerror})") from None
    return csv.DictReader(io.StringIO(text, newline=""))


def _error(path: Path, line: int, problem: str, fix: str) -> TipDataError:
    return TipDataError(f"{display_path(path)}:{line}: {problem}. Fix: {fix}")


def _check_columns(path: Path, found: list[str] | None) -> None:
    missing = [name for name in COLUMNS if name not in (found or [])]
    if missing:
        raise _error(
            path, 1, f"the header lacks {', '.join(missing)}", f"start with: {','.join(COLUMNS)}"
        )


def _check_row(path: Path, line: int, row: dict[str, str], years: tuple[int, ...]) -> int:
    """Check one row's values and return its year."""
    if not (row.get("country") or "").strip():
        raise _error(path, line, "the country name is empty", "write the country's name")
    if row["tier"] not in TIERS:
        raise _error(
            path,
            line,
            f"unknown tier {row['tier']!r} for {row['country']}",
            f"write one of {', '.join(TIERS)}",
        )
    if row["region"] not in REGIONS:
        raise _error(
            path,
            line,
            f"unknown region {row['region']!r} for {row['country']}",
            f"write one of {', '.join(REGIONS)}",
        )
    try:
        year = int(row["year"])
    except (TypeError, ValueError):
        year = None
    if year not in years:
        raise _error(
            path,
            line,
            f"year {row['year']!r} of {row['country']} is not a report year",
            f"write a year from {years[0]} to {years[-1]}",
        )
    _check_iso(path, line, row["country"], row["iso3"])
    return year


def _check_iso(path: Path, line: int, name: str, iso3: str) -> None:
    if name in ISO_EXCEPTIONS:
        if iso3 != ISO_EXCEPTIONS[name]:
            raise _error(
                path,
                line,
                f"{name} has the code {iso3!r}",
                f"write {ISO_EXCEPTIONS[name]!r} (documented exception)",
            )
        return
    if pycountry.countries.get(alpha_3=iso3) is None:
        raise _error(
            path,
            line,
            f"{iso3!r} is not an ISO 3166-1 alpha-3 code (country {name})",
            "write the country's three-letter code, e.g. BRA for Brazil",
        )


def _country(
    path: Path,
    name: str,
    rows: list[tuple[int, dict[str, str]]],
    aliases: Mapping[str, tuple[str, ...]],
) -> Country:
    """Build one country from its rows, which must agree on its code and region."""
    first_line, first = rows[0]
    for line, row in rows[1:]:
        for column in ("iso3", "region"):
            if row[column] != first[column]:
                raise _error(
                    path,
                    line,
                    f"{name} has {column} {row[column]!r} here but {first[column]!r} "
                    f"on line {first_line}",
                    f"use one {column} for every row of a country",
                )
    placements = sorted(
        (Placement(int(row["year"]), TIERS[row["tier"]], row["source"]) for _, row in rows),
        key=lambda placement: placement.year,
    )
    iso3 = first["iso3"]
    return Country(
        name,
        iso3,
        slug_of(name),
        REGIONS[first["region"]],
        tuple(placements),
        names_of(name, iso3, aliases),
    )


def _index(countries: Iterable[Country]) -> dict[str, Country]:
    index: dict[str, Country] = {}
    others: dict[str, set[Country]] = {}
    for country in countries:
        for key in (country.iso3, country.name, country.slug):
            if key:
                index[key.casefold()] = country
        for key in (*country.other_names, *country.iso_codes):
            others.setdefault(key.casefold(), set()).add(country)
    for key, found in others.items():
        if key not in index and len(found) == 1:  # a name two countries share finds neither
            index[key] = next(iter(found))
    return index


@dataclass(frozen=True)
class OfficeFigure:
    """A figure the office itself published, to set beside what the data says."""

    year: int
    measure: str  # tier_1, tier_2, tier_2wl, tier_3, special, ranked, or countries (all placed)
    value: int
    source: str

    def from_data(self, data: TipData) -> int:
        """Return the same measure computed from the data."""
        counts = data.counts(self.year)
        if self.measure == "countries":
            return sum(counts.values())
        if self.measure == "ranked":
            return sum(counts.values()) - counts["special"]
        return counts[self.measure.removeprefix("tier_").upper().replace("SPECIAL", "special")]


def load_office_figures(path: Path) -> tuple[OfficeFigure, ...]:
    """Read ``office_figures.csv``; raise :class:`TipDataError` on a bad row."""
    measures = {f"tier_{code.lower()}" for code in TIERS if code != "special"}
    measures |= {"special", "ranked", "countries"}
    figures = []
    reader = csv_rows(path)
    for row in reader:
        if row.get("measure") not in measures:
            raise _error(
                path,
                reader.line_num,
                f"unknown measure {row.get('measure')!r}",
                f"write one of {', '.join(sorted(measures))}",
            )
        try:
            figures.append(
                OfficeFigure(int(row["year"]), row["measure"], int(row["value"]), row["source"])
            )
        except (TypeError, ValueError):
            raise _error(
                path,
                reader.line_num,
                "year and value must be whole numbers",
                "e.g. 2010,tier_1,30",
            ) from None
    return tuple(figures)
