"""What the seo plugin learns about one build while it runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from .redirects import Redirect

STATE = "_SEO_STATE"  # a key in Pelican's settings (shared with the build's context)


@dataclass
class SeoState:
    """Pages kept out of the sitemap, each page's last change, and the redirects written."""

    written: set[str] = field(default_factory=set)  # every HTML file written, "a/index.html"
    excluded: set[str] = field(default_factory=set)  # kept out of the sitemap
    lastmod: dict[str, datetime.datetime] = field(default_factory=dict)
    alternates: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    redirects: list[Redirect] = field(default_factory=list)


def state_of(settings: dict[str, Any]) -> SeoState | None:
    """Return this build's state, or None when the plugin did not start."""
    return settings.get(STATE)
