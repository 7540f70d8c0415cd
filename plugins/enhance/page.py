"""The work done on one page: transform its HTML and collect its ids, links and problems.

:func:`enhance_html` is a pure function of the page's text and a few settings, so its result
can be cached under a hash of those inputs (:mod:`.cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image, UnidentifiedImageError

from plugins._common.text import HTML5_MINIMAL

from .transforms import anchor_headings, lazy_load_images, mark_external_links, wrap_tables
from .urls import Site, Target, resolve

_LINKING = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"))


@dataclass(frozen=True)
class Options:
    """The settings that change what happens to a page."""

    lazy_images: bool
    heading_anchors: bool
    heading_levels: tuple[str, ...]


@dataclass(frozen=True)
class Found:
    """An internal link of the page; ``from_content`` when the content file wrote it."""

    href: str
    path: str
    fragment: str
    from_content: bool
    outside: bool = False
    unresolved: bool = False  # a {filename}/{static} link that Pelican could not resolve


@dataclass
class PageResult:
    """What one page became and what it holds."""

    html: str
    ids: list[str] = field(default_factory=list)
    links: list[Found] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (problem, fix)


def enhance_html(
    text: str,
    page: str,
    site: Site,
    content_html: str | None,
    options: Options,
    image_file: Callable[[Target], Path | None],
) -> PageResult:
    """Transform the page ``text`` written at output path ``page``; collect what it holds."""
    soup = BeautifulSoup(text, "html.parser")
    mark_external_links(soup, site)
    wrap_tables(soup)
    if options.lazy_images:
        lazy_load_images(soup)
    if options.heading_anchors:
        anchor_headings(soup, options.heading_levels)
    problems = _size_images(soup, page, site, image_file)
    result = PageResult(soup.decode(formatter=HTML5_MINIMAL), problems=problems)
    result.ids = sorted(tag["id"] for tag in soup.find_all(id=True))
    result.links = _links(soup, page, site, _hrefs(content_html))
    return result


def _hrefs(content_html: str | None) -> set[str]:
    """Return the link targets that the content file itself wrote (not the theme)."""
    if not content_html:
        return set()
    soup = BeautifulSoup(content_html, "html.parser")
    return {tag.get("href") or tag.get("src") for tag in soup.find_all(["a", "img"])}


def _links(soup: BeautifulSoup, page: str, site: Site, content_hrefs: set[str]) -> list[Found]:
    found = []
    for tag, attr in _LINKING:
        for element in soup.find_all(tag, attrs={attr: True}):
            if tag == "link" and "canonical" in (element.get("rel") or []):
                continue  # a canonical URL names a page that may be built after this one
            href = element[attr]
            if href.startswith(("{filename}", "{static}", "{attach}")):
                target_file = href.split("}", 1)[1].split("#")[0]
                found.append(Found(href, target_file, "", True, unresolved=True))
                continue
            target = resolve(site, page, href)
            if target is not None:
                found.append(
                    Found(href, target.path, target.fragment, href in content_hrefs, target.outside)
                )
    return found


def _size_images(
    soup: BeautifulSoup, page: str, site: Site, image_file: Callable[[Target], Path | None]
) -> list[tuple[str, str]]:
    """Give local images their width and height; return the images without alt text."""
    problems = []
    for image in soup.find_all("img"):
        if image.get("alt") is None:
            problems.append(
                (
                    f"the image {image.get('src')!r} has no alt text",
                    'describe it: <img alt="what the picture shows" ...>, or ![what it shows](...)',
                )
            )
        if image.get("width") and image.get("height"):
            continue
        target = resolve(site, page, image.get("src", ""))
        file = image_file(target) if target else None
        size = image_size(file) if file else None
        if size:
            image["width"], image["height"] = (str(n) for n in size)
    return problems


def image_size(file: Path) -> tuple[int, int] | None:
    """Return an image file's width and height, or None when it is not an image."""
    try:
        with Image.open(file) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None
