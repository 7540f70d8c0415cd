"""Defaults of the markup plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    # Content images get loading="lazy" and decoding="async" (their size is always set).
    "MARKUP_LAZY_IMAGES": True,
    # Links to another host than SITEURL's get rel="noopener" and the class "external".
    "MARKUP_EXTERNAL_LINKS": True,
    # Processes that convert a cold build's Markdown at once: 0 means one per core, 1 none.
    "MARKUP_WORKERS": 0,
}
