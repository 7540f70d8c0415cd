"""Build each other language's sub-site, in this process, once the default language is written.

A sub-site is a Pelican build of the same settings as the first (as they were before any
plugin added to them), with its language as ``DEFAULT_LANG``, its folder of the output as
``OUTPUT_PATH`` and of the address as ``SITEURL``. It reads its language's content, the
pages and campaigns (so every ``{filename}`` link resolves), and of the articles only those
it shows, translates or links; it writes its language's; it writes no campaign (campaigns are
not translated, their links go to the English pages),
no news list when it has no news, and none of the files about the whole site (robots.txt,
the host's files, the 404 page, the search index), which the first build writes for all.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .model import SITE, Languages

logger = logging.getLogger(__name__)
PRISTINE = "_LANGUAGES_PRISTINE"  # the first build's settings before plugins added to them
MISSING = "_LANGUAGES_MISSING"  # URLs the default language has and this one has not
MISSING_PREFIXES = "_LANGUAGES_MISSING_PREFIXES"  # whole sections this language has not
_NEWS_TEMPLATES = ("index", "categories", "tags", "authors", "archives")
# What only the site's root has: written by the first build, for every language.
_ROOT_ONLY = {
    "SEARCH_BUILD_BUNDLE": False,
    "SEO_ROBOTS_SAVE_AS": "",
    "SEO_HEADERS_SAVE_AS": "",
    "SEO_REDIRECTS_SAVE_AS": "",
    "SEO_404_SAVE_AS": "",
    "DELETE_OUTPUT_DIRECTORY": False,
    "CAMPAIGNS_INDEX_SAVE_AS": "",
    "CAMPAIGNS_PAGE_SAVE_AS": "",
}


def subsite_settings(
    root: Mapping[str, Any],
    site: Languages,
    code: str,
    article_files: list[str] | None = None,
) -> dict[str, Any]:
    """Return the settings of language ``code``'s build, from the first build's ``root``."""
    pristine = root[PRISTINE]
    settings = {key: value for key, value in pristine.items() if not key.startswith("_")}
    root_url = site.root_siteurl.rstrip("/")
    site = dataclasses.replace(site, current=code)
    own = site.pages.get(code, set())
    has_news = root["INDEX_URL"] in own
    settings.update(_ROOT_ONLY)
    settings.update(pristine.get("LANGUAGES_SUBSITE_SETTINGS") or {})
    settings.update(
        {
            "DEFAULT_LANG": code,
            "SITEURL": f"{root_url}/{code}",
            "OUTPUT_PATH": str(Path(site.root_output) / code),
            "CACHE_PATH": str(Path(pristine["CACHE_PATH"]) / code),
            # Campaigns are read (links to them resolve) but not written: they are English.
            "CAMPAIGNS_INDEX_URL": site.prefix(site.default) + root["CAMPAIGNS_INDEX_URL"],
            **{
                f"CAMPAIGNS_{kind}{lang}_{key}": site.prefix(site.default)
                + root[f"CAMPAIGNS_{kind}_URL"]
                if key == "URL"
                else ""
                for kind in ("PAGE", "DRAFT")
                for lang in ("", "_LANG")
                for key in ("URL", "SAVE_AS")
            },
            # Static files are in the default language; each sub-site copies the ones it uses.
            "STATIC_LANG_URL": root["STATIC_URL"],
            "STATIC_LANG_SAVE_AS": root["STATIC_SAVE_AS"],
            # only the articles this language shows, translates or links (None: all)
            **({"ARTICLE_PATHS": article_files} if article_files is not None else {}),
            "DIRECT_TEMPLATES": [
                t for t in pristine["DIRECT_TEMPLATES"] if has_news or t not in _NEWS_TEMPLATES
            ],
            SITE: site,
            MISSING: sorted(site.pages.get(site.default, set()) - own),
            MISSING_PREFIXES: [root["CAMPAIGNS_INDEX_URL"]],
        }
    )
    return settings


def build_subsites(
    settings: Mapping[str, Any],
    site: Languages,
    article_files: Mapping[str, list[str]],
    partial: bool,
) -> None:
    """Build the sub-site of every language but the default, one after another."""
    from pelican import Pelican

    for code in site.codes[1:]:
        subsite = subsite_settings(settings, site, code, article_files.get(code))
        if partial:
            subsite["WRITER_CHANGED_SOURCES"] = settings.get("WRITER_CHANGED_SOURCES", [])
        Path(subsite["CACHE_PATH"]).mkdir(parents=True, exist_ok=True)
        logger.info("languages: building the %s sub-site into %s", code, subsite["OUTPUT_PATH"])
        Pelican(subsite).run()
