"""sitemap.xml and robots.txt, as text (sitemaps.org protocol 0.9; RFC 9309)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"  # its <link rel="alternate" hreflang> (Google's form)
MAX_URLS = 50_000  # per sitemap file (the protocol's limit)


@dataclass(frozen=True)
class Entry:
    """One page of the sitemap: its absolute address and when its content last changed."""

    loc: str
    lastmod: datetime.datetime | datetime.date | None = None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, URL), the page's own included


def sitemap_xml(entries: Iterable[Entry]) -> str:
    """Return a <urlset> listing ``entries`` in the order given."""
    entries = list(entries)
    xhtml = f' xmlns:xhtml="{XHTML}"' if any(e.alternates for e in entries) else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}"{xhtml}>']
    for entry in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(entry.loc)}</loc>")
        if entry.lastmod is not None:
            lines.append(f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>")
        for hreflang, url in entry.alternates:
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href="{escape(url)}"/>'
            )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_urls: Sequence[str], prefix: str, disallow: Sequence[str]) -> str:
    """Return a robots.txt that lets every crawler in, but for ``disallow``, and names the
    sitemaps (one per language).

    Crawlers read robots.txt only at the root of a host: under a path (``prefix``), the
    host's own robots.txt must carry the Sitemap line (docs/hosting.md).
    """
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}/{path.lstrip('/')}" for path in disallow]
    lines += [f"Allow: {prefix}/", "", *(f"Sitemap: {url}" for url in sitemap_urls)]
    return "\n".join(lines) + "\n"
