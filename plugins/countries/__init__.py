"""Country, region, report-year and open-data pages, from the one tier model.

Adds a generator that loads ``content/data/tier_history.csv`` once (a broken row stops the
build with the file, line and allowed values), links each article's ``Countries:`` metadata
to the model (an unknown country is reported with the article's file and line), reads the
country narratives ``content/countries/<slug>/<year>.md`` (checked against the tier data)
and the report-year notes ``content/reports/<year>.md``, and writes ``countries/``,
``countries/<slug>/`` (with its newest narrative), ``countries/<slug>/<year>/`` (each
narrative), ``regions/<code>/``, ``reports/``, ``reports/<year>/`` (linking that year's
narratives), ``data/`` and the downloads ``data/tier-placements.{csv,json}``.

Context it adds, for every template and later plugin: ``tip`` (:class:`TipData`), ``tiers``,
``regions``, ``country_links`` (:class:`~.links.Links`), ``country_articles`` (the
articles and campaigns that name each country, by slug:
:class:`~plugins._common.mentions.Mentions`), ``country_narratives`` (by slug, newest first,
each with ``narrative``: :class:`~.narratives.Narrative`), ``report_narratives`` (by year),
``report_notes``, ``tier_map(siteurl, id_prefix)`` (the latest report's world map as inline
SVG, each country a link); and ``article.countries``.

Signals: ``initialized``, ``get_generators``.
Settings read (defaults in :mod:`.settings`): ``COUNTRIES_DATA_PATH``
("data/tier_history.csv"), ``COUNTRIES_ALIASES_PATH`` ("data/country_aliases.csv": names
readers type, with their sources; each country is also found by pycountry's and CLDR's),
``COUNTRIES_REPORT_YEARS`` ((2001, 2015)),
``COUNTRIES_NARRATIVE_PATHS`` (["countries"]), ``COUNTRIES_REPORT_NOTE_PATHS`` (["reports"]),
``COUNTRIES_*_URL`` / ``COUNTRIES_*_SAVE_AS`` for each page, ``COUNTRIES_DOWNLOAD_CSV`` and
``COUNTRIES_DOWNLOAD_JSON``, ``COUNTRIES_DATA_CREDIT``, ``COUNTRIES_OFFICIAL_REPORTS_URL``
(the State Department's TIP Report page, linked where a country has no narrative yet).
"""

from __future__ import annotations

from pelican import signals

from plugins._common.settings import apply_defaults

from .generator import CountriesGenerator
from .settings import DEFAULTS


def add_defaults(pelican) -> None:
    """Merge the plugin's defaults into the settings."""
    apply_defaults(pelican.settings, DEFAULTS)


def get_generators(pelican) -> type[CountriesGenerator]:
    """Return the countries generator."""
    return CountriesGenerator


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
