"""Make an image's versions with Pillow: decoded once, at no more than the size needed.

A JPEG is decoded at a fraction of its size when that is enough (Pillow's ``draft``), so a
20 MB camera photo takes well under a second; the versions are resized from that one picture.
Neither format stores a time, so the same original gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from PIL import Image, ImageOps

from plugins._common.images import Version


def render(file: Path, versions: Sequence[Version], quality: Mapping[str, int]) -> dict[str, bytes]:
    """Return each version's encoded bytes, by its path."""
    widest = max(v.width for v in versions)
    with Image.open(file) as source:
        source.draft("RGB", (widest * 2, widest * 2))  # JPEG: decode at a reduced scale
        picture = ImageOps.exif_transpose(source)
        alpha = picture.mode in ("RGBA", "LA") or "transparency" in picture.info
        picture = picture.convert("RGBA" if alpha else "RGB")
    found = {}
    for version in versions:
        resized = picture.resize(
            (version.width, version.height), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
        found[version.path] = _encode(resized, version.format, quality)
    return found


def _encode(image: Image.Image, fmt: str, quality: Mapping[str, int]) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=quality.get("JPEG", 82), optimize=True)
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=quality.get("WEBP", 80), method=4)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
