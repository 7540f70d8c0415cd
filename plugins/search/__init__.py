"""Site search with Pagefind: an index of every published page, built at the end of a build.

Adds the template function ``search_facts()`` (:class:`~.facts.SearchFacts`: whether the page
is indexed, its filters, the facts a result shows, its sort keys), which the theme writes as
``data-pagefind-body`` on ``<main>`` and ``data-pagefind-filter``/``-meta``/``-sort``
attributes, and, once every page is written, runs Pagefind over the output
(:func:`~.indexer.index_site`) into ``pagefind/``. The theme's ``search/`` page and its
``js/search.js`` query it; the header's search box is a plain GET form to ``search/?q=``.

A partial build (the live preview's first step) is not indexed: the full build after it is.
Pagefind failing is an error (strict builds stop); the pages are written either way.

Signals: ``initialized`` (defaults), ``generator_init`` (the template function),
``finalized`` (the index).
Settings read (defaults in :mod:`.settings`): ``SEARCH_INDEX`` (True),
``SEARCH_BUILD_BUNDLE`` (True; a language's sub-site leaves the indexing of its pages to the
root's build), ``SEARCH_BUNDLE_DIR``
("pagefind"), ``SEARCH_TYPES`` (the indexed page kinds and the type each is filtered as),
``SEARCH_EXCLUDE_SELECTORS`` ([".heading-anchor", ".narrative-facts"]: left out of the index),
``SEARCH_PREVIOUS_OUTPUT`` (None: the output folder a build made elsewhere will update, whose
bundle is kept when the pages are the same), and Pelican's ``OUTPUT_PATH`` and
``CACHE_PATH`` (where it records what the last index was made from).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from plugins._common.output import is_partial
from plugins._common.settings import apply_defaults

from .facts import SearchFacts, search_facts
from .indexer import SearchIndexError, index_site
from .settings import DEFAULTS

log = logging.getLogger(__name__)
RECORD = "search-index.json"  # in CACHE_PATH: the pages and the bundle of the last index


def start(pelican) -> None:
    """Merge the defaults."""
    apply_defaults(pelican.settings, DEFAULTS)


def add_template_function(generator) -> None:
    """Give the generator's templates ``search_facts()`` and the settings it reads."""
    settings = generator.settings
    generator.env.globals["SEARCH_SETTINGS"] = {
        name: settings.get(name, default) for name, default in DEFAULTS.items()
    }
    generator.env.globals["search_facts"] = pass_context(_facts)


def _facts(context) -> SearchFacts:
    return search_facts(context)


def build_index(pelican) -> None:
    """Index the finished build, unless it was a partial one."""
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX") or not settings["SEARCH_BUILD_BUNDLE"]:
        return  # no search, or a language's sub-site: the root's build indexes every language
    if is_partial(settings):
        return
    started = time.perf_counter()
    try:
        previous = settings.get("SEARCH_PREVIOUS_OUTPUT")
        done = index_site(
            Path(settings["OUTPUT_PATH"]),
            settings["SEARCH_BUNDLE_DIR"],
            Path(previous) if previous else None,
            Path(settings["CACHE_PATH"], RECORD) if settings.get("CACHE_PATH") else None,
            settings["SEARCH_EXCLUDE_SELECTORS"],
        )
    except SearchIndexError as error:
        log.error(
            "%s. Fix: if Pagefind is missing, reinstall the pinned packages (requirements.txt)",
            error,
        )
        return
    log.info(
        "Search: %d pages indexed in %.1f s (%d index files changed)",
        done.pages,
        time.perf_counter() - started,
        done.changed,
    )


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_function)
    signals.finalized.connect(build_index)
