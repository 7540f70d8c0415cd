"""Make every URL in a piece of HTML absolute, so that it works in a feed reader."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from plugins._common.text import HTML5_MINIMAL

URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action")


@lru_cache(maxsize=4096)  # pure; live reload rebuilds in one process and reuses the results
def absolutize(html: str, base: str) -> str:
    """Return ``html`` with each relative URL resolved against the absolute URL ``base``."""
    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str) and value.strip():
                element[name] = urljoin(base, value.strip())
        for name in ("srcset", "imagesrcset"):
            value = element.get(name)
            if isinstance(value, str) and value.strip():
                element[name] = _srcset(value, base)
    return soup.decode(formatter=HTML5_MINIMAL)


def _srcset(value: str, base: str) -> str:
    candidates = []
    for candidate in value.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        if url:
            candidates.append(f"{urljoin(base, url)} {descriptor.strip()}".strip())
    return ", ".join(candidates)


def is_absolute(url: str) -> bool:
    """Tell whether ``url`` names its scheme (http:, https:, mailto:, ...)."""
    return bool(urlsplit(url.strip()).scheme)
