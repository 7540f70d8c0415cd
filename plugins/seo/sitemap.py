"""sitemap.xml and robots.txt, as text (sitemaps.org protocol 0.9; RFC 9309)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000  # per sitemap file (the protocol's limit)


@dataclass(frozen=True)
class Entry:
    """One page of the sitemap: its absolute address and when its content last changed."""

    loc: str
    lastmod: datetime.datetime | datetime.date | None = None


def sitemap_xml(entries: Iterable[Entry]) -> str:
    """Return a <urlset> listing ``entries`` in the order given."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}">']
    for entry in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(entry.loc)}</loc>")
        if entry.lastmod is not None:
            lines.append(f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str, prefix: str, disallow: Sequence[str]) -> str:
    """Return a robots.txt that lets every crawler in, but for ``disallow``, and names the sitemap.

    Crawlers read robots.txt only at the root of a host: under a path (``prefix``), the
    host's own robots.txt must carry the Sitemap line (docs/hosting.md).
    """
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}/{path.lstrip('/')}" for path in disallow]
    lines += [f"Allow: {prefix}/", "", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
