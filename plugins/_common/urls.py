"""The one URL resolver: map a URL found in an output file to a file of the output folder.

The build's link check (``plugins/links``), the publish checks (``deploy/checks.py``) and the
tests all resolve links with :func:`resolve` and read a page's ids with :class:`PageIds`, so
they agree on what a link means: a relative URL is taken from the page that holds it, an
absolute one must stay under SITEURL's path, and a folder URL serves its ``index.html``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html

_NOT_PAGES = ("mailto:", "tel:", "data:", "javascript:", "sms:")


@dataclass(frozen=True)
class Site:
    """Where the site lives: the host and path prefix of ``SITEURL``."""

    host: str
    prefix: str  # "" or "/tip"

    @classmethod
    def from_siteurl(cls, siteurl: str) -> Site:
        """Return the site served at ``siteurl`` (relative or empty: any host, the root)."""
        parts = urlsplit(siteurl or "")
        return cls(host=parts.netloc.lower(), prefix=parts.path.rstrip("/"))

    def is_external(self, href: str) -> bool:
        """Tell whether ``href`` points at another host."""
        parts = urlsplit(href.strip())
        if parts.scheme in ("http", "https") or href.strip().startswith("//"):
            return parts.netloc.lower() != self.host
        return False


@dataclass(frozen=True)
class Target:
    """A link resolved inside the output folder: a file and an optional fragment."""

    path: str  # relative to the output folder, "/" separated; "a/" is served by a/index.html
    fragment: str
    outside: bool = False  # it climbs above the site's folder or leaves SITEURL's path


def resolve(site: Site, page: str, href: str) -> Target | None:
    """Resolve ``href`` written in output file ``page``; None when it is not a file of the site.

    ``page`` is relative to the output folder ("news/2010/a/index.html"). Links to other hosts,
    ``mailto:`` and the like, and unresolved ``{filename}`` placeholders give None.
    """
    href = href.strip()
    if not href or href.startswith(_NOT_PAGES) or href.startswith("{") or site.is_external(href):
        return None
    if href.startswith("#"):
        return Target(page, unquote(href[1:]))
    if not href.startswith(("http:", "https:", "/")):
        above = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
        if above == ".." or above.startswith("../"):
            return Target(above, "", outside=True)
    parts = urlsplit(urljoin(f"https://{site.host or 'site'}/{page}", href))
    if parts.scheme not in ("http", "https"):
        return None
    path = unquote(parts.path)
    if site.prefix and href.startswith(("http:", "https:", "/")):
        if path != site.prefix and not path.startswith(site.prefix + "/"):
            return Target(path.lstrip("/"), unquote(parts.fragment), outside=True)
        path = path[len(site.prefix) :]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return Target(posixpath.normpath(path.lstrip("/")), unquote(parts.fragment))


def page_file(url: str) -> str:
    """Return the output file that serves a site-relative URL (``a/`` -> ``a/index.html``)."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url


def served_file(output: Path, path: str) -> Path:
    """Return the file a host serves for ``path`` (a folder serves its ``index.html``)."""
    file = output / path
    if path in ("", ".") or path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file


def element_ids(root: lxml_html.HtmlElement) -> set[str]:
    """Return every id of a parsed page, and the names of its ``<a name>`` anchors."""
    return {str(v) for v in root.xpath("//@id")} | {str(v) for v in root.xpath("//a/@name")}


@dataclass
class PageIds:
    """The fragments each page of an output folder can be scrolled to, read once per page."""

    _known: dict[Path, set[str]] = field(default_factory=dict)

    def of(self, page: Path) -> set[str]:
        """Return the ids of the page at ``page`` (a read-only parse, once)."""
        if page not in self._known:
            self._known[page] = element_ids(lxml_html.parse(str(page)).getroot())
        return self._known[page]

    def remember(self, page: Path, ids: set[str]) -> None:
        """Record the ids of a page already parsed by the caller."""
        self._known[page] = ids
