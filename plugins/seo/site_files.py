"""The files about the whole site, written once it is complete: sitemap, robots, host files."""

from __future__ import annotations

import logging
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from plugins._common.output import is_partial, write_text

from .policy import content_security_policy, headers_file
from .redirects import redirects_file
from .sitemap import MAX_URLS, Entry, robots_txt, sitemap_xml
from .state import SeoState, state_of
from .urls import absolute, page_url, site_prefix

logger = logging.getLogger(__name__)


def write_site_files(pelican) -> None:
    """Write sitemap.xml, robots.txt, _headers and _redirects into the output folder."""
    settings = pelican.settings
    state = state_of(settings)
    if state is None or is_partial(settings):
        return  # a partial build's pages are not the whole site
    output = Path(settings["OUTPUT_PATH"])
    prefix = site_prefix(settings)
    files: dict[str, str] = {}
    if settings["SEO_SITEMAP_SAVE_AS"]:
        entries = sitemap_entries(state, settings)
        if len(entries) > MAX_URLS:
            logger.warning(
                "seo: the sitemap lists %d pages, more than the %d one file may hold. Fix: "
                "exclude pages with SEO_SITEMAP_EXCLUDE",
                len(entries),
                MAX_URLS,
            )
        files[settings["SEO_SITEMAP_SAVE_AS"]] = sitemap_xml(entries)
    if settings["SEO_ROBOTS_SAVE_AS"]:
        sitemap_url = absolute(settings, settings["SEO_SITEMAP_SAVE_AS"] or "sitemap.xml")
        files[settings["SEO_ROBOTS_SAVE_AS"]] = robots_txt(
            [sitemap_url, *(absolute(settings, name) for name in language_sitemaps(settings))],
            prefix,
            settings["SEO_ROBOTS_DISALLOW"],
        )
    if settings["SEO_HEADERS_SAVE_AS"]:
        files[settings["SEO_HEADERS_SAVE_AS"]] = headers_file(
            prefix,
            content_security_policy(settings["SEO_CSP"]),
            settings["SEO_SECURITY_HEADERS"],
            settings["SEO_CACHE_CONTROL"],
        )
    if settings["SEO_REDIRECTS_SAVE_AS"]:
        files[settings["SEO_REDIRECTS_SAVE_AS"]] = redirects_file(
            state.redirects, prefix, settings["SEO_REDIRECTS_STATUS"]
        )
    for name, text in files.items():
        if write_text(output / name, text):
            logger.info('Writing "%s"', output / name)


def sitemap_entries(state: SeoState, settings: dict[str, Any]) -> list[Entry]:
    """Return an entry for every public page the build wrote, sorted by address."""
    patterns = list(settings["SEO_SITEMAP_EXCLUDE"])
    names = sorted(state.written, key=page_url)
    return [
        Entry(
            absolute(settings, page_url(name)),
            state.lastmod.get(name),
            state.alternates.get(name, ()),
        )
        for name in names
        if name not in state.excluded and not any(fnmatchcase(name, p) for p in patterns)
    ]


def language_sitemaps(settings: dict[str, Any]) -> list[str]:
    """Return the sitemaps of the other languages' sub-sites (plugins/languages), if any."""
    name = settings["SEO_SITEMAP_SAVE_AS"]
    own = settings.get("DEFAULT_LANG")
    return [f"{lang}/{name}" for lang in settings.get("LANGUAGES") or () if name and lang != own]
