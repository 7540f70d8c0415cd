"""Defaults of the search plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    "SEARCH_INDEX": True,  # build the Pagefind index at the end of every full build
    "SEARCH_BUILD_BUNDLE": True,  # False: mark pages, leave Pagefind to another build (a sub-site)
    "SEARCH_BUNDLE_DIR": "pagefind",  # where the index and pagefind.js go, under OUTPUT_PATH
    # parts of an indexed page left out of the index: heading links ("#") and a narrative's
    # provenance box, which would fill the results' excerpts
    "SEARCH_EXCLUDE_SELECTORS": [".heading-anchor", ".narrative-facts"],
    # the output a build into a fresh folder will update (preview/ sets it): its bundle is
    # kept when the pages are those it was made from, so an unchanged site rewrites no file
    "SEARCH_PREVIOUS_OUTPUT": None,
    # Page kinds (PageMeta.kind) that are indexed, with the type readers filter by. Lists of
    # news and campaigns are left out: their items are indexed themselves.
    "SEARCH_TYPES": {
        "home": "Office page",
        "page": "Office page",
        "article": "News",
        "campaign": "Campaign",
        "country": "Country",
        "narrative": "Country",
        "countries": "Country",
        "region": "Region",
        "report": "Report year",
        "reports": "Report year",
        "data": "Data",
        "feeds": "Data",
    },
}
