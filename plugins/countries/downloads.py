"""The open-data downloads: every placement as CSV and JSON, one row per country and year."""

from __future__ import annotations

import csv
import io
import json

from plugins._common.tipdata import TipData

FIELD_MEANINGS = {
    "country": "Country or territory, as the State Department named it about 2010-2015",
    "iso3": "ISO 3166-1 alpha-3 code (empty for Kosovo; ANT for Netherlands Antilles)",
    "region": "State Department regional bureau: AF, EAP, EUR, NEA, SCA or WHA",
    "year": "Report year: the year the TIP Report was released",
    "tier": "1, 2, 2WL (Tier 2 Watch List), 3 or special (special case)",
}
FIELDS = tuple(FIELD_MEANINGS)


def rows(data: TipData) -> list[dict[str, str | int]]:
    """Return one row per country and report year, ordered by country then year."""
    return [
        {
            "country": country.name,
            "iso3": country.iso3,
            "region": country.region.code,
            "year": placement.year,
            "tier": placement.tier.code,
        }
        for country in data.countries
        for placement in country.placements
    ]


def to_csv(data: TipData) -> str:
    """Return the placements as CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(data))
    return buffer.getvalue()


def to_json(data: TipData, credit: str) -> str:
    """Return the placements as a JSON document that carries its source."""
    document = {
        "title": "TIP Report tier placements by country and report year",
        "source": credit,
        "fields": FIELD_MEANINGS,
        "placements": rows(data),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
