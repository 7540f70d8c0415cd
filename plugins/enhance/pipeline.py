"""Run the transforms over each written page and check the site's links once it is written."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from PIL import Image, UnidentifiedImageError

from plugins._common.problems import report
from plugins._common.settings import apply_defaults

from .settings import DEFAULTS
from .transforms import anchor_headings, lazy_load_images, mark_external_links, wrap_tables
from .urls import Site, Target, resolve

logger = logging.getLogger(__name__)
STATE = "_ENHANCE_STATE"  # a key in Pelican's settings (shared with the build's context)
# HTML5 output that escapes only &, < and > (bs4's "html5" formatter turns every non-ASCII
# character into a named entity) and writes void elements without "/>".
HTML5_MINIMAL = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix="",
    empty_attributes_are_booleans=True,
)


@dataclass
class Link:
    """One internal link: where it was written and which content file it came from."""

    page: str
    href: str
    target: Target
    source: str | None


@dataclass
class SiteLinks:
    """Every internal link and every element id of the pages written so far."""

    links: list[Link] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)


def start(pelican) -> None:
    """Merge the defaults and give this build a fresh link registry."""
    apply_defaults(pelican.settings, DEFAULTS)
    pelican.settings[STATE] = SiteLinks()


def enhance_page(path: str, context: dict[str, Any]) -> None:
    """Enhance one written HTML file in place and record its links and ids."""
    if not path.endswith(".html") or STATE not in context:
        return
    output = Path(context["OUTPUT_PATH"])
    page = Path(path).resolve().relative_to(output.resolve()).as_posix()
    site = Site.from_siteurl(context["SITEURL"])
    soup = BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")
    source = _source_of(context)

    mark_external_links(soup, site)
    wrap_tables(soup)
    if context["ENHANCE_LAZY_IMAGES"]:
        lazy_load_images(soup)
    if context["ENHANCE_HEADING_ANCHORS"]:
        anchor_headings(soup, tuple(context["ENHANCE_HEADING_LEVELS"]))
    _check_images(soup, page, source, context)
    _record(context[STATE], soup, page, site, source, _content_hrefs(context))

    Path(path).write_text(soup.decode(formatter=HTML5_MINIMAL), encoding="utf-8")


def check_links(pelican) -> None:
    """Report every recorded link whose file or anchor does not exist in the output."""
    state: SiteLinks | None = pelican.settings.get(STATE)
    if state is None or not pelican.settings["ENHANCE_CHECK_LINKS"]:
        return
    output = Path(pelican.settings["OUTPUT_PATH"])
    theme_problems: dict[str, list[str]] = {}
    for link in state.links:
        problem = _link_problem(link.target, output, state.ids)
        if problem is None:
            continue
        if link.source:
            report(
                logger,
                link.source,
                f"the link {link.href!r} {problem}",
                "link another file with {filename}/pages/<file>.md, or correct the address",
                line=_line_of(link.source, link.href),
            )
        else:
            theme_problems.setdefault(f"to {link.target.path!r} {problem}", []).append(link.page)
    for problem, pages in sorted(theme_problems.items()):
        logger.warning(
            "theme: the link %s on %d page(s), e.g. %s. Fix: correct the template or setting "
            "that writes it",
            problem,
            len(pages),
            pages[0],
        )


def _source_of(context: dict[str, Any]) -> str | None:
    content = context.get("article") or context.get("page")
    return getattr(content, "source_path", None)


def _content_hrefs(context: dict[str, Any]) -> set[str]:
    """Return the link targets written by the content file itself (not by the theme)."""
    content = context.get("article") or context.get("page")
    if content is None:
        return set()
    soup = BeautifulSoup(content.content or "", "html.parser")
    return {tag.get("href") or tag.get("src") for tag in soup.find_all(["a", "img"])}


def _record(
    state: SiteLinks,
    soup: BeautifulSoup,
    page: str,
    site: Site,
    source: str | None,
    content_hrefs: set[str],
) -> None:
    state.ids[page] = {tag["id"] for tag in soup.find_all(id=True)}
    for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
        for element in soup.find_all(tag, attrs={attr: True}):
            href = element[attr]
            if tag == "link" and "canonical" in (element.get("rel") or []):
                continue  # a canonical URL names a page that may be built after this one
            target = resolve(site, page, href)
            if target is not None:
                origin = source if href in content_hrefs else None
                state.links.append(Link(page, href, target, origin))


def _link_problem(target: Target, output: Path, ids: dict[str, set[str]]) -> str | None:
    file = output / target.path
    if file.is_dir():
        file = file / "index.html"
        target = Target(f"{target.path}/index.html", target.fragment)
    if not file.is_file():
        return "points at a page or file that does not exist"
    if target.fragment and target.path in ids and target.fragment not in ids[target.path]:
        return f"points at #{target.fragment}, which is not on that page"
    return None


def _check_images(
    soup: BeautifulSoup, page: str, source: str | None, context: dict[str, Any]
) -> None:
    """Warn about images without alt text; give local images their width and height."""
    site = Site.from_siteurl(context["SITEURL"])
    for image in soup.find_all("img"):
        where = source or page
        if image.get("alt") is None:
            report(
                logger,
                where,
                f"the image {image.get('src')!r} has no alt text",
                "describe it: ![what the picture shows](...), or write ![](...) if it is "
                "only decoration",
            )
        if image.get("width") and image.get("height"):
            continue
        target = resolve(site, page, image.get("src", ""))
        file = _image_file(target, context) if target else None
        size = _image_size(file) if file else None
        if size:
            image["width"], image["height"] = (str(n) for n in size)


def _image_file(target: Target, context: dict[str, Any]) -> Path | None:
    """Find an image's file: a static file of the content, the theme's, or already written."""
    for static in context.get("static_content", {}).values():
        if getattr(static, "save_as", None) == target.path:
            return Path(static.source_path)
    theme_prefix = f"{context['THEME_STATIC_DIR']}/"
    if target.path.startswith(theme_prefix):
        candidate = Path(context["THEME"], "static", target.path.removeprefix(theme_prefix))
        if candidate.is_file():
            return candidate
    written = Path(context["OUTPUT_PATH"], target.path)
    return written if written.is_file() else None


def _image_size(file: Path) -> tuple[int, int] | None:
    try:
        with Image.open(file) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None


def _line_of(source: str, href: str) -> int | None:
    """Return the first line of ``source`` that contains ``href``, when it does."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    needle = href.split("#")[0] or href
    for number, text in enumerate(lines, start=1):
        if needle and needle in text:
            return number
    return None


__all__ = ["check_links", "enhance_page", "start"]
