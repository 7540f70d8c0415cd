"""The responsive versions of a content image: which widths and formats, and what they are named.

One rule, shared by the Markdown that writes ``<picture>``/``srcset`` (plugins/markup) and
the generator that writes the files (plugins/images): an image gets a version at each width
of ``IMAGES_WIDTHS`` below its own (never enlarged), plus its own width when it is narrower
than the widest, in WebP and in its own format, named ``<name>-<width>w.<ext>`` beside it.

Their addresses are written from the site's root as ``[[site]]/images/a-800w.jpg``: Pelican
rewrites only some attributes (not ``srcset``), so the writer replaces :data:`SITE_ROOT`
with the page's own way to the root when it writes a page, and feeds with SITEURL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

SITE_ROOT = "[[site]]"  # stands for the site's root in a page's HTML, until it is written
RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ORIENTATION = 0x0112  # the EXIF tag of a camera's rotation


@dataclass(frozen=True)
class Version:
    """One derived file of an image: its width and height, format and site-relative path."""

    width: int
    height: int
    format: str  # a Pillow format name: JPEG, PNG, WEBP
    path: str  # "images/photo-800w.webp", from the site's root

    @property
    def url(self) -> str:
        """Return its address as a page's HTML holds it until written."""
        return f"{SITE_ROOT}/{self.path}"


@dataclass(frozen=True)
class Rules:
    """The settings that decide every image's versions."""

    widths: tuple[int, ...]  # e.g. (480, 800, 1200)
    sizes: str  # the ``sizes`` attribute: how wide the image shows at each viewport

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Rules | None:
        """Return the rules, or None when the site writes no responsive images."""
        widths = tuple(sorted(int(w) for w in settings.get("IMAGES_WIDTHS") or ()))
        return cls(widths, str(settings.get("IMAGES_SIZES", "100vw"))) if widths else None


def image_size(file: Path) -> tuple[int, int] | None:
    """Return an image's width and height as shown (a camera's rotation applied), or None."""
    try:
        with Image.open(file) as image:
            width, height = image.size
            turned = image.getexif().get(ORIENTATION) in (5, 6, 7, 8)
    except (OSError, UnidentifiedImageError):
        return None
    return (height, width) if turned else (width, height)


def versions(path: str, size: tuple[int, int], rules: Rules) -> list[Version]:
    """Return the versions of the image saved at site path ``path`` whose size is ``size``.

    None for a format the site does not derive (SVG, GIF: drawn or animated as they are).
    """
    stem, extension = posixpath.splitext(path)
    own = RASTER.get(extension.lower())
    if own is None:
        return []
    width, height = size
    widths = [w for w in rules.widths if w < width]
    if width < rules.widths[-1] or not widths:
        widths.append(width)
    found = []
    for target in widths:
        scaled = max(1, round(height * target / width))
        for fmt in ("WEBP", own) if own != "WEBP" else ("WEBP",):
            found.append(Version(target, scaled, fmt, f"{stem}-{target}w.{EXTENSIONS[fmt]}"))
    return found


def srcset(found: Sequence[Version], fmt: str) -> str:
    """Return a ``srcset`` of the versions in ``fmt``, narrowest first."""
    return ", ".join(f"{v.url} {v.width}w" for v in found if v.format == fmt)


def expand(html: str, root: str) -> str:
    """Replace :data:`SITE_ROOT` with ``root`` (``..``, or the absolute SITEURL)."""
    return html.replace(SITE_ROOT, root.rstrip("/") or ".") if SITE_ROOT in html else html
