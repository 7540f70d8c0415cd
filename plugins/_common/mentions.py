"""Link articles to the countries their ``Countries:`` metadata names, and report unknown names."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable

from plugins._common.problems import metadata_line, report
from plugins._common.tipdata import Country, TipData

logger = logging.getLogger(__name__)


def link_articles(data: TipData, articles: Iterable) -> dict[str, list]:
    """Set ``article.countries`` and return the articles that name each country, by slug."""
    by_country: dict[str, list] = {country.slug: [] for country in data.countries}
    for article in articles:
        article.countries = _countries_of(data, article)
        for country in article.countries:
            by_country[country.slug].append(article)
    return by_country


def _countries_of(data: TipData, article) -> list[Country]:
    references = getattr(article, "countries", None) or article.metadata.get("countries", "")
    if not isinstance(references, str):
        return list(references)
    found: list[Country] = []
    separator = ";" if ";" in references else ","  # as Pelican splits authors and tags
    for reference in filter(None, (part.strip() for part in references.split(separator))):
        country = data.lookup(reference)
        if country is None:
            _report_unknown(data, article.source_path, reference)
        elif country not in found:
            found.append(country)
    return found


def _report_unknown(data: TipData, path: str, reference: str) -> None:
    names = [country.name for country in data.countries]
    found = difflib.get_close_matches(reference, names, n=2, cutoff=0.75)
    guesses = [data.lookup(name).iso3 or name if "," in name else name for name in found]
    hint = f"did you mean {' or '.join(guesses)}? " if guesses else ""
    report(
        logger,
        path,
        f"Countries names {reference!r}, which is not a country in the tier data",
        f"{hint}write ISO 3166-1 alpha-3 codes or names from content/data/tier_history.csv, "
        "separated by commas (e.g. Countries: USA, Burma), or by semicolons when a name "
        "has a comma",
        line=metadata_line(path, "countries"),
    )
