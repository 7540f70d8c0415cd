"""Make an entry's HTML safe and self-standing for a feed reader, in one pass with nh3.

A feed reader shows an entry away from the site, so every URL becomes absolute (against the
entry's page), and the HTML is sanitized with nh3 (the ammonia sanitizer): no script, style,
event handler, ``javascript:`` URL, frame or form can reach a reader through a feed, whatever
a content file holds. The headings' own permalinks (the ``#`` after each heading) are dropped:
outside the page they point nowhere useful.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import nh3

from plugins._common.images import expand

URL_ATTRIBUTES = frozenset({"href", "src", "cite", "poster"})


def feed_html(html: str, base: str, permalink_class: str = "", site_root: str = "") -> str:
    """Return ``html`` sanitized, with each URL resolved against the absolute URL ``base``.

    ``site_root`` (the absolute SITEURL) stands in for responsive images' ``[[site]]``.
    """
    if not html:
        return ""
    html = expand(html, site_root)
    if permalink_class:
        html = _permalinks(permalink_class).sub("", html)

    def absolute(tag: str, attribute: str, value: str) -> str:
        if attribute in URL_ATTRIBUTES and value.strip():
            return urljoin(base, value.strip())
        return value

    return nh3.clean(html, attribute_filter=absolute)


def _permalinks(css_class: str) -> re.Pattern[str]:
    # The toc extension writes them itself, always in this form: <a ... class="X" ...>#</a>
    return re.compile(rf'<a\b[^>]*\bclass="{re.escape(css_class)}"[^>]*>[^<]*</a>')


def is_absolute(url: str) -> bool:
    """Tell whether ``url`` names its scheme (http:, https:, mailto:, ...)."""
    return bool(urlsplit(url.strip()).scheme)
