"""Helpers that read built pages: which URLs a page references and where they lead.

:class:`SiteMap` turns any URL found in a page (relative, root-relative or absolute under
SITEURL, which may carry a path such as ``/tip``) into the output file it must resolve to, or
says that it is external, with the build's own resolver (:mod:`plugins._common.urls`).
The other functions pick references out of HTML and CSS and tell which elements a keyboard
reaches.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from deploy.checks import srcset_urls
from plugins._common.urls import Site, resolve, served_file

# (element, attribute) pairs that hold one URL, and those that hold a srcset list.
URL_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
)
SRCSET_ATTRIBUTES: tuple[tuple[str, str], ...] = (("img", "srcset"), ("source", "srcset"))
# <link> relations that name a document without the browser fetching it.
NON_FETCHING_LINK_RELS = frozenset(
    {"alternate", "author", "bookmark", "canonical", "help", "license", "me", "next", "prev"}
)
_FOCUSABLE_FORM = frozenset({"button", "input", "select", "textarea"})


@dataclass(frozen=True)
class Reference:
    """One URL found in a page: the element and attribute it sits in, and its value."""

    tag: str
    attribute: str
    url: str
    element: Tag | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Target:
    """Where a URL leads: an output file (internal), another host (external) or nowhere."""

    kind: str  # "internal", "external", "outside" (our host, but not under SITEURL) or "other"
    file: Path | None = None
    fragment: str = ""
    host: str = ""


def references(soup: BeautifulSoup) -> Iterator[Reference]:
    """Yield every URL an HTML page references through the attributes listed above."""
    for tag_name, attribute in URL_ATTRIBUTES:
        for element in soup.find_all(tag_name, attrs={attribute: True}):
            yield Reference(tag_name, attribute, str(element[attribute]).strip(), element)
    for tag_name, attribute in SRCSET_ATTRIBUTES:
        for element in soup.find_all(tag_name, attrs={attribute: True}):
            for url in srcset_urls(str(element[attribute])):
                yield Reference(tag_name, attribute, url, element)


def is_fetched(reference: Reference) -> bool:
    """Tell whether a browser requests ``reference`` while loading the page (links are not)."""
    if reference.tag in ("a", "area"):
        return False
    if reference.tag == "link" and reference.element is not None:
        rels = {rel.lower() for rel in reference.element.get_attribute_list("rel") if rel}
        return not rels or not rels <= NON_FETCHING_LINK_RELS
    return True


def rel_values(element: Tag) -> set[str]:
    """Return the lower-cased tokens of an element's rel attribute."""
    return {str(rel).lower() for rel in element.get_attribute_list("rel") if rel}


def is_focusable(element: Tag) -> bool:
    """Tell whether the keyboard's Tab key stops on ``element`` (the usual HTML rules)."""
    tabindex = element.get("tabindex")
    if tabindex is not None:
        try:
            return int(str(tabindex)) >= 0
        except ValueError:
            pass
    if element.has_attr("disabled") or element.has_attr("hidden"):
        return False
    name = element.name
    if name in ("a", "area"):
        return element.has_attr("href")
    if name == "input":
        return str(element.get("type", "")).lower() != "hidden"
    if name in _FOCUSABLE_FORM or name in ("iframe", "summary"):
        return True
    if name in ("audio", "video"):
        return element.has_attr("controls")
    return str(element.get("contenteditable", "false")).lower() in ("", "true")


def first_focusable(soup: BeautifulSoup) -> Tag | None:
    """Return the first element of the body, in document order, that the keyboard reaches."""
    body = soup.body
    if body is None:
        return None
    return next((el for el in body.find_all(True) if is_focusable(el)), None)


@dataclass(frozen=True)
class SiteMap:
    """Map URLs found in the output of a build served at ``siteurl`` onto output files."""

    output: Path
    siteurl: str

    def resolve(self, source: Path, url: str) -> Target:
        """Say where ``url``, found in the output file ``source``, leads (the build's resolver)."""
        site = Site.from_siteurl(self.siteurl)
        url = url.strip()
        parts = urlsplit(url)
        if site.is_external(url):
            return Target("external", host=parts.netloc.lower())
        target = resolve(site, source.relative_to(self.output).as_posix(), url)
        if target is None:
            return Target("other")
        if target.outside:
            return Target("outside", fragment=target.fragment)
        return Target(
            "internal", file=served_file(self.output, target.path), fragment=target.fragment
        )
