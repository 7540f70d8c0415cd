"""The URLs of the pages the countries plugin writes, for templates and other plugins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins._common.tipdata import Country, Region


@dataclass(frozen=True)
class Links:
    """Build site-relative URLs (no leading slash) from the ``COUNTRIES_*_URL`` settings."""

    settings: dict[str, Any]

    def _get(self, name: str, **fields: object) -> str:
        return self.settings[f"COUNTRIES_{name}"].format(**fields)

    def country(self, country: Country) -> str:
        """Return the URL of a country's page."""
        return self._get("PAGE_URL", slug=country.slug)

    def country_save_as(self, country: Country) -> str:
        """Return the output path of a country's page."""
        return self._get("PAGE_SAVE_AS", slug=country.slug)

    def narrative(self, country: Country, year: int) -> str:
        """Return the URL of a country's narrative for one report year."""
        return self._get("NARRATIVE_URL", slug=country.slug, year=year)

    def narrative_save_as(self, country: Country, year: int) -> str:
        """Return the output path of a country's narrative for one report year."""
        return self._get("NARRATIVE_SAVE_AS", slug=country.slug, year=year)

    def region(self, region: Region) -> str:
        """Return the URL of a region's page."""
        return self._get("REGION_URL", slug=region.slug)

    def region_save_as(self, region: Region) -> str:
        """Return the output path of a region's page."""
        return self._get("REGION_SAVE_AS", slug=region.slug)

    def report(self, year: int) -> str:
        """Return the URL of a report year's page."""
        return self._get("REPORT_URL", year=year)

    def report_save_as(self, year: int) -> str:
        """Return the output path of a report year's page."""
        return self._get("REPORT_SAVE_AS", year=year)

    @property
    def countries(self) -> str:
        """Return the URL of the country index."""
        return self._get("INDEX_URL")

    @property
    def reports(self) -> str:
        """Return the URL of the page of all report years."""
        return self._get("REPORTS_URL")

    @property
    def data(self) -> str:
        """Return the URL of the open-data page."""
        return self._get("DATA_URL")

    @property
    def csv(self) -> str:
        """Return the URL of the CSV download."""
        return self._get("DOWNLOAD_CSV")

    @property
    def json(self) -> str:
        """Return the URL of the JSON download."""
        return self._get("DOWNLOAD_JSON")
