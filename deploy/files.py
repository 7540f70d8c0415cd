"""What a host must know about each output file: its Content-Type and Cache-Control.

The cache lifetimes are the seo plugin's (``SEO_CACHE_CONTROL``), so an S3 bucket sends the
same ones as ``_headers`` on Netlify and the nginx and Apache snippets of docs/hosting.md.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from plugins.seo.policy import cache_control

# Longest suffix first: feeds are XML with their own types.
SUFFIX_TYPES: tuple[tuple[str, str], ...] = (
    (".atom.xml", "application/atom+xml"),
    (".rss.xml", "application/rss+xml"),
    (".html", "text/html; charset=utf-8"),
    (".css", "text/css; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
    (".json", "application/json"),
    (".xml", "application/xml"),
    (".txt", "text/plain; charset=utf-8"),
    (".csv", "text/csv; charset=utf-8"),
    (".md", "text/markdown; charset=utf-8"),
    (".svg", "image/svg+xml"),
    (".png", "image/png"),
    (".jpg", "image/jpeg"),
    (".jpeg", "image/jpeg"),
    (".gif", "image/gif"),
    (".webp", "image/webp"),
    (".avif", "image/avif"),
    (".ico", "image/vnd.microsoft.icon"),
    (".woff2", "font/woff2"),
    (".woff", "font/woff"),
    (".ttf", "font/ttf"),
    (".otf", "font/otf"),
    (".pdf", "application/pdf"),
    (".webmanifest", "application/manifest+json"),
)
# Host files without an extension (Netlify, Cloudflare Pages).
NAME_TYPES = {"_headers": "text/plain; charset=utf-8", "_redirects": "text/plain; charset=utf-8"}


@dataclass(frozen=True)
class SiteFile:
    """One file of the output: its path there, its bytes on disk, and how to serve it."""

    path: str  # "news/index.html", "/" separated
    file: Path
    content_type: str
    cache_control: str


def content_type(path: str) -> str:
    """Return the Content-Type to serve ``path`` with (UTF-8 for text)."""
    name = path.rsplit("/", 1)[-1]
    if name in NAME_TYPES:
        return NAME_TYPES[name]
    lower = name.lower()
    for suffix, value in SUFFIX_TYPES:
        if lower.endswith(suffix):
            return value
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def upload_order(paths: Iterable[str]) -> list[str]:
    """Sort paths so that pages come last: a page goes up only after what it links to."""
    return sorted(paths, key=lambda path: (path.endswith(".html"), path))


def site_files(output: Path, rules: Sequence[Sequence[str]]) -> list[SiteFile]:
    """Return every file of ``output`` in upload order, with its Content-Type and Cache-Control."""
    paths = [f.relative_to(output).as_posix() for f in output.rglob("*") if f.is_file()]
    return [
        SiteFile(path, output / path, content_type(path), cache_control(path, rules))
        for path in upload_order(paths)
    ]
