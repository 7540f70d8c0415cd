"""Map the URLs found in a written page to files in the output folder."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

_NOT_PAGES = ("mailto:", "tel:", "data:", "javascript:", "sms:")


@dataclass(frozen=True)
class Site:
    """Where the site lives: the host and path prefix of ``SITEURL``."""

    host: str
    prefix: str  # "" or "/tip"

    @classmethod
    def from_siteurl(cls, siteurl: str) -> Site:
        parts = urlsplit(siteurl or "")
        return cls(host=parts.netloc.lower(), prefix=parts.path.rstrip("/"))

    def is_external(self, href: str) -> bool:
        """Tell whether ``href`` points at another host."""
        parts = urlsplit(href)
        if parts.scheme in ("http", "https") or href.startswith("//"):
            return parts.netloc.lower() != self.host
        return False


@dataclass(frozen=True)
class Target:
    """A link resolved inside the output folder: a file and an optional fragment."""

    path: str  # relative to the output folder, "/" separated
    fragment: str
    outside: bool = False  # an absolute link that leaves SITEURL's path (e.g. /news/ for /tip)


def resolve(site: Site, page: str, href: str) -> Target | None:
    """Resolve ``href`` written in output file ``page``; None when it is not a site file."""
    href = href.strip()
    if not href or href.startswith(_NOT_PAGES) or site.is_external(href):
        return None
    if href.startswith("{"):
        return None  # an unresolved {filename} or {static}: reported where it is written
    if href.startswith("#"):
        return Target(page, unquote(href[1:]))
    if not href.startswith(("http:", "https:", "/")):
        above = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
        if above == ".." or above.startswith("../"):
            return Target(above, "", outside=True)  # climbs above the site's root folder
    parts = urlsplit(urljoin(f"https://{site.host or 'site'}/{page}", href))
    if parts.scheme not in ("http", "https"):
        return None
    path = unquote(parts.path)
    if site.prefix and href.startswith(("http:", "https:", "/")):
        if path != site.prefix and not path.startswith(site.prefix + "/"):
            return Target(path.lstrip("/"), parts.fragment, outside=True)
        path = path[len(site.prefix) :]
    if path == "" or path.endswith("/"):
        path += "index.html"
    path = posixpath.normpath(path.lstrip("/"))
    return Target(path, unquote(parts.fragment))
