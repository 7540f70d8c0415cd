"""Check the links a content file wrote against the site as it was written.

Each content object carries the links its Markdown wrote (``content.prose``, collected by
the markup plugin while converting it), so nothing here parses a whole page: a page is read
(never rewritten) only when a link asks for one of its ``#fragments``.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from plugins._common.images import SITE_ROOT
from plugins._common.prose import prose_of
from plugins._common.urls import PageIds, Site, page_file, resolve, served_file

_PLACEHOLDERS = ("{filename}", "{static}", "{attach}")
FIX = "link another file with {filename}/pages/<file>.md, or correct the address"


@dataclass(frozen=True)
class Problem:
    """A broken link of one content file: the link as written, what is wrong, and the fix."""

    source: str  # the content file
    href: str
    problem: str
    fix: str = FIX


@dataclass
class SiteIndex:
    """What a link may point at: the build's content and static files, and its output folder."""

    output: Path
    site: Site
    generated: Mapping[str, Any]  # relative source path -> content object
    static: Mapping[str, Any]
    ids: PageIds = field(default_factory=PageIds)


def problems_of(contents: Iterable[Any], index: SiteIndex) -> Iterator[Problem]:
    """Yield every broken link of the written ``contents`` (articles, pages, campaigns...)."""
    for content in contents:
        prose = prose_of(content)
        page = page_of(content)
        if prose is None or not page:
            continue  # not Markdown, or not written (a draft of a publish build)
        for href in prose.links:
            problem = _problem(content, page, href, prose.ids, index)
            if problem:
                yield Problem(str(content.source_path), href, problem)


def _problem(content: Any, page: str, href: str, own_ids: frozenset[str], index: SiteIndex) -> str:
    """Return what is wrong with one link of ``content`` (written at ``page``), or ""."""
    if href.startswith(_PLACEHOLDERS):
        return _placeholder_problem(content, href, index)
    if href.startswith("#") and unquote(href[1:]) in own_ids:
        return ""  # a footnote, a heading of its own: Markdown made both ends
    if href.startswith(SITE_ROOT):
        return _site_file_problem(href.removeprefix(SITE_ROOT).lstrip("/"), index)
    if href.startswith("/"):
        return ""  # content_checks reports it before the build, with its line
    target = resolve(index.site, page, href)
    if target is None:
        return ""
    if target.outside:
        return "leaves the site (it climbs above the site's folder or outside SITEURL's path)"
    file = served_file(index.output, target.path)
    if not file.is_file():
        return "points at a page or file that does not exist"
    return _fragment_problem(file, target.fragment, index)


def _site_file_problem(path: str, index: SiteIndex) -> str:
    """Check an image version's address, written from the site's root (``[[site]]/...``)."""
    if (index.output / path).is_file():
        return ""
    return "points at a page or file that does not exist"


def _placeholder_problem(content: Any, href: str, index: SiteIndex) -> str:
    """Check a ``{filename}``/``{static}``/``{attach}`` link as Pelican resolves it."""
    what, _, rest = href[1:].partition("}")
    parts = urlsplit(rest)
    linked = _linked(content, unquote(parts.path), what, index)
    if linked is None:
        base = Path(content.settings["PATH"]) if rest.startswith("/") else None
        file = (base or Path(content.source_path).parent) / unquote(parts.path).lstrip("/")
        if file.exists():  # a missing file is reported by content_checks, with its line
            return "names a file the site does not publish as a page"
        return ""
    page = page_of(linked)
    if not page and getattr(linked, "lang", None) not in (None, content.settings["DEFAULT_LANG"]):
        return ""  # another language's page: its own language's build writes and checks it
    if not page:
        return "names a draft, which this build does not publish"
    if not parts.fragment:
        return ""
    prose = prose_of(linked)
    if prose is not None and unquote(parts.fragment) in prose.ids:
        return ""
    return _fragment_problem(served_file(index.output, page), unquote(parts.fragment), index)


def page_of(content: Any) -> str:
    """Return the output file that shows ``content``, or "" when the build does not write it.

    The file is the one its URL serves: a country narrative, say, is shown on its country's
    page (its URL), not at a page of its own.
    """
    if not getattr(content, "save_as", ""):
        return ""
    return page_file(str(getattr(content, "url", "") or ""))


def _linked(content: Any, path: str, what: str, index: SiteIndex) -> Any | None:
    """Return the content or static file a placeholder names (Pelican's own lookup)."""
    if path.startswith("/"):
        key = path[1:]
    else:
        folder = posixpath.dirname(str(content.relative_source_path).replace(os.sep, "/"))
        key = posixpath.normpath(posixpath.join(folder, path))
    if what == "filename":
        return index.generated.get(key) or index.static.get(key)
    return index.static.get(key)


def _fragment_problem(file: Path, fragment: str, index: SiteIndex) -> str:
    if not fragment or fragment == "top" or file.suffix != ".html" or not file.is_file():
        return ""
    if fragment in index.ids.of(file):
        return ""
    return f"points at #{fragment}, which is not on that page"


def line_of(source: str, href: str) -> int | None:
    """Return the first line of ``source`` that holds ``href``, when one does."""
    try:
        lines = Path(source).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    needle = href.split("#")[0] or href
    return next((n for n, text in enumerate(lines, start=1) if needle and needle in text), None)
