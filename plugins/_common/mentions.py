"""Which news articles and campaigns name each country: a model operation every plugin shares.

An item names countries in its ``Countries:`` metadata (ISO alpha-3 codes or names, comma-
or semicolon-separated). :func:`name_countries` resolves them against the tier model, sets
``item.countries`` and reports an unknown name with the file, the line and a guess. The
plugin that reads a content type resolves its items; :class:`Mentions` then lists, for each
country, every item that names it, read from the build's context when first asked.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .problems import metadata_line, report
from .tipdata import Country, TipData

logger = logging.getLogger(__name__)
# The context lists that hold items naming countries, with their drafts.
SOURCES = (("articles", "drafts"), ("campaigns", "draft_campaigns"))


def name_countries(data: TipData, items: Iterable[Any]) -> None:
    """Set ``item.countries`` from each item's ``Countries:`` metadata; report unknown names."""
    for item in items:
        item.countries = _countries_of(data, item)


def _countries_of(data: TipData, item: Any) -> list[Country]:
    references = item.metadata.get("countries", "")
    if not isinstance(references, str):
        return list(references)
    found: list[Country] = []
    separator = ";" if ";" in references else ","  # as Pelican splits authors and tags
    for reference in filter(None, (part.strip() for part in references.split(separator))):
        country = data.lookup(reference)
        if country is None:
            _report_unknown(data, item.source_path, reference)
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


class Mentions(Mapping[str, list]):
    """A country's slug -> the published items that name it, newest first.

    Built from the context on first use, once every content type has been read; drafts are
    listed too when the build shows them (``SHOW_DRAFTS``).
    """

    def __init__(self, context: Mapping[str, Any], show_drafts: bool) -> None:
        self._context = context
        self._show_drafts = show_drafts
        self._by_country: dict[str, list] | None = None

    def _index(self) -> dict[str, list]:
        if self._by_country is None:
            by_country: dict[str, list] = {}
            for published, drafts in SOURCES:
                items = [*self._context.get(published, ())]
                if self._show_drafts:
                    items += self._context.get(drafts, ())
                for item in items:
                    for country in getattr(item, "countries", None) or ():
                        by_country.setdefault(country.slug, []).append(item)
            for found in by_country.values():
                found.sort(key=lambda item: item.date, reverse=True)
            self._by_country = by_country
        return self._by_country

    def __getitem__(self, slug: str) -> list:
        return self._index().get(slug, [])

    def __iter__(self) -> Iterator[str]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())
