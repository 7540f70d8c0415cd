"""Old addresses of moved pages: read from each content file's metadata and checked.

A content file lists the addresses it had before (``Old_URLs: news/2010/old-slug/``,
relative to the site root, comma-separated). Each becomes a :class:`Redirect`: a small page
at the old address and a line of ``_redirects``. Mistakes are reported with the file and line.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from plugins._common.problems import metadata_line, report

logger = logging.getLogger(__name__)
FIX = "write each old address relative to the site root, e.g. news/2010/old-slug/"
_SEPARATORS = re.compile(r"[,\s]+")


@dataclass(frozen=True)
class Redirect:
    """A moved page: its old address, where the redirect page goes, and its content now."""

    old_url: str  # relative to the site root: "news/2010/old-slug/"
    save_as: str  # "news/2010/old-slug/index.html"
    target: Any  # the Pelican content object (its .url is the new address)


def parse_old_url(entry: str) -> tuple[str, str] | str:
    """Return (old URL, file to write) for one entry, or the reason it is not usable."""
    if "://" in entry or entry.startswith("//"):
        return f"{entry!r} is a full address, not a path on this site"
    if any(char in entry for char in "?#"):
        return f"{entry!r} has a query or fragment, which a static host cannot redirect"
    path = entry.lstrip("/")
    parts = path.split("/")
    if not path or any(part in ("..", ".") for part in parts):
        return f"{entry!r} is not a page address"
    if path.endswith("/"):
        return path, f"{path}index.html"
    if posixpath.splitext(path)[1].lower() in (".html", ".htm"):
        return path, path
    return f"{path}/", f"{path}/index.html"


def collect(contents: Iterable[Any], field: str, taken: set[str]) -> list[Redirect]:
    """Return the redirects that ``contents`` ask for; report the ones that cannot be made.

    ``taken`` holds the output files of every page, so an old address never replaces one.
    """
    redirects: dict[str, Redirect] = {}
    for content in sorted(contents, key=lambda c: str(getattr(c, "source_path", ""))):
        value = (getattr(content, "metadata", None) or {}).get(field)
        if not value or getattr(content, "status", "published") == "draft":
            continue
        if not getattr(content, "save_as", ""):
            continue  # not written by this build (another language's, say): no old address
        source = content.source_path
        line = metadata_line(source, field)
        for entry in (item for item in _SEPARATORS.split(str(value)) if item):
            parsed = parse_old_url(entry)
            if isinstance(parsed, str):
                report(logger, source, f"the old address {parsed}", FIX, line=line)
                continue
            old_url, save_as = parsed
            if save_as == content.save_as or save_as in taken:
                report(
                    logger,
                    source,
                    f"the old address {entry!r} is the address of a page the site has now",
                    "remove it from the list: only addresses that no longer exist redirect",
                    line=line,
                )
                continue
            if save_as in redirects:
                other = redirects[save_as].target.source_path
                report(
                    logger,
                    source,
                    f"the old address {entry!r} is also listed by {other}",
                    "list each old address in one file only",
                    line=line,
                )
                continue
            redirects[save_as] = Redirect(old_url, save_as, content)
    return sorted(redirects.values(), key=lambda r: r.save_as)


def redirects_file(redirects: Iterable[Redirect], prefix: str, status: str) -> str:
    """Return a ``_redirects`` file (Netlify, Cloudflare Pages): one line per old address."""
    lines = ["# Moved pages, written by the seo plugin from each page's Old_URLs field."]
    for redirect in redirects:
        lines.append(f"{prefix}/{redirect.old_url} {prefix}/{redirect.target.url} {status}")
    return "\n".join(lines) + "\n"
