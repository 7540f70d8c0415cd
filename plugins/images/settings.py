"""Defaults of the images plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    # The widths of each content photo's versions (none wider than the original).
    "IMAGES_WIDTHS": (480, 800, 1200),
    # How wide a content image shows: the prose column, or the screen on a phone.
    "IMAGES_SIZES": "(min-width: 48em) 42em, 100vw",
    # Encoder quality by format (PNG is lossless).
    "IMAGES_QUALITY": {"JPEG": 82, "WEBP": 80},
    # Budgets, in bytes: one version, and a page's images at their widest. Over: a warning.
    "IMAGES_MAX_BYTES": 300 * 1024,
    "IMAGES_PAGE_MAX_BYTES": 1024 * 1024,
    # The versions, named by the hash of the original and the rules (None: <CACHE_PATH>/images).
    "IMAGES_CACHE_PATH": None,
}
