"""What a page tells the search index about itself: whether it is indexed, and its filters.

:func:`search_facts` works them out from the page's :class:`~plugins._common.pages.PageMeta`
and the objects it is rendered with (the country, the article), never from its HTML; the theme
writes them as Pagefind's ``data-pagefind-*`` attributes. Filters: ``type``, ``region``,
``tier`` (the latest report's), ``tier-<year>`` (a country's tier in each report year, so
"Tier 3 in 2010" is one filter), ``category`` and ``year`` of news; ``date`` sorts news.
The filters' names are keys; their values, which readers see, are in the build's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plugins._common.i18n import gettext
from plugins._common.pages import PageMeta, day, meta_of

Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SearchFacts:
    """The page's part in the search index."""

    indexed: bool = False
    filters: Pairs = ()
    meta: Pairs = ()  # shown with a result: the tier badge of a country, the date of news
    sort: Pairs = ()


NOT_INDEXED = SearchFacts()


def search_facts(context: Mapping[str, Any]) -> SearchFacts:
    """Return the search facts of the page rendered with ``context``."""
    settings = context.get("SEARCH_SETTINGS") or {}
    if not settings.get("SEARCH_INDEX", True):
        return NOT_INDEXED
    meta = meta_of(context)
    kind = settings.get("SEARCH_TYPES", {}).get(meta.kind)
    if kind is None or not meta.listed or _is_draft(context, meta):
        return NOT_INDEXED
    # Filter values are the same English words in every language (the search page's form
    # sends them, search.js sorts by them); what a result shows is in the page's language.
    _ = gettext(context)
    filters: list[tuple[str, str]] = [("type", kind)]
    shown: list[tuple[str, str]] = [("kind", _(kind))]
    sort: list[tuple[str, str]] = []
    country = context.get("country")
    if meta.kind == "country" and country is not None:
        filters += _country_filters(country)
        tier = country.latest.tier
        shown += [("tier", _(tier.label)), ("tier_css", tier.css)]
        sort.append(("name", country.name))
    elif meta.kind == "region" and context.get("region") is not None:
        filters.append(("region", context["region"].name))
    item = context.get("article") if meta.kind == "article" else context.get("campaign")
    if meta.kind in ("article", "campaign") and item is not None:
        filters += _dated_filters(item)
        shown.append(("date", getattr(item, "locale_date", "") or day(context, item.date)))
        sort.append(("date", item.date.date().isoformat()))
    return SearchFacts(True, tuple(filters), tuple(shown), tuple(sort))


def _is_draft(context: Mapping[str, Any], meta: PageMeta) -> bool:
    item = context.get("article") or context.get("page") or context.get("campaign")
    return getattr(item, "status", "published") == "draft" or meta.url.startswith("drafts/")


def _country_filters(country: Any) -> list[tuple[str, str]]:
    found = [("region", country.region.name), ("tier", country.latest.tier.label)]
    found += [(f"tier-{p.year}", p.tier.label) for p in country.placements]
    return found


def _dated_filters(item: Any) -> list[tuple[str, str]]:
    found = [("year", str(item.date.year))]
    category = getattr(item, "category", None)
    if category:
        found.append(("category", str(category)))
    return found
