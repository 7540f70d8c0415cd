"""Defaults of the countries plugin's settings (URLs follow Pelican's *_URL / *_SAVE_AS)."""

from __future__ import annotations

DEFAULTS = {
    "COUNTRIES_DATA_PATH": "data/tier_history.csv",  # relative to PATH
    # other names readers type (iso3,name,source), beside pycountry's and CLDR's; optional
    "COUNTRIES_ALIASES_PATH": "data/country_aliases.csv",
    "COUNTRIES_REPORT_YEARS": (2001, 2015),  # first and last report year the data may hold
    "COUNTRIES_NARRATIVE_PATHS": ["countries"],  # content/countries/<slug>/<year>.md
    "COUNTRIES_REPORT_NOTE_PATHS": ["reports"],  # content/reports/<year>.md
    "COUNTRIES_INDEX_URL": "countries/",
    "COUNTRIES_INDEX_SAVE_AS": "countries/index.html",
    "COUNTRIES_PAGE_URL": "countries/{slug}/",
    "COUNTRIES_PAGE_SAVE_AS": "countries/{slug}/index.html",
    "COUNTRIES_NARRATIVE_URL": "countries/{slug}/{year}/",
    "COUNTRIES_NARRATIVE_SAVE_AS": "countries/{slug}/{year}/index.html",
    "COUNTRIES_REGION_URL": "regions/{slug}/",
    "COUNTRIES_REGION_SAVE_AS": "regions/{slug}/index.html",
    "COUNTRIES_REPORTS_URL": "reports/",
    "COUNTRIES_REPORTS_SAVE_AS": "reports/index.html",
    "COUNTRIES_REPORT_URL": "reports/{year}/",
    "COUNTRIES_REPORT_SAVE_AS": "reports/{year}/index.html",
    "COUNTRIES_DATA_URL": "data/",
    "COUNTRIES_DATA_SAVE_AS": "data/index.html",
    "COUNTRIES_DOWNLOAD_CSV": "data/tier-placements.csv",
    "COUNTRIES_DOWNLOAD_JSON": "data/tier-placements.json",
    # Where readers find the reports themselves, for countries with no narrative here yet.
    "COUNTRIES_OFFICIAL_REPORTS_URL": "https://www.state.gov/trafficking-in-persons-report/",
    "COUNTRIES_DATA_CREDIT": (
        "Tier data: US Department of State TIP Reports, as compiled by Judith G. Kelley "
        "(github.com/andrewheiss/scorecard-diplomacy, MIT)"
    ),
}
