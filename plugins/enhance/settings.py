"""Defaults of the enhance plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    "ENHANCE_HEADING_ANCHORS": True,
    "ENHANCE_HEADING_LEVELS": ("h2", "h3"),
    "ENHANCE_LAZY_IMAGES": True,
    "ENHANCE_CHECK_LINKS": True,
    "ENHANCE_CACHE": True,
    "ENHANCE_CACHE_PATH": None,  # None: <CACHE_PATH>/enhance
}
