"""Run the transforms over each written page and check the site's links once it is written."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plugins._common.problems import report
from plugins._common.settings import apply_defaults

from .cache import PageCache, image_sources, page_key, with_images
from .page import Options, PageResult, enhance_html
from .settings import DEFAULTS
from .urls import Site, Target, resolve

logger = logging.getLogger(__name__)
STATE = "_ENHANCE_STATE"  # a key in Pelican's settings (shared with the build's context)


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
    unresolved: list[tuple[str, str, str]] = field(default_factory=list)  # (source, href, file)


def start(pelican) -> None:
    """Merge the defaults and give this build a fresh link registry."""
    apply_defaults(pelican.settings, DEFAULTS)
    pelican.settings[STATE] = SiteLinks()


def enhance_page(path: str, context: dict[str, Any]) -> None:
    """Enhance one written HTML file in place and record its links, ids and problems."""
    if not path.endswith(".html") or STATE not in context:
        return
    output = Path(context["OUTPUT_PATH"])
    page = Path(path).resolve().relative_to(output.resolve()).as_posix()
    site = Site.from_siteurl(context["SITEURL"])
    content = context.get("article") or context.get("page")
    source = getattr(content, "source_path", None)
    text = Path(path).read_text(encoding="utf-8")
    options = Options(
        context["ENHANCE_LAZY_IMAGES"],
        context["ENHANCE_HEADING_ANCHORS"],
        tuple(context["ENHANCE_HEADING_LEVELS"]),
    )

    def image_file(target: Target) -> Path | None:
        return _image_file(target, context)

    cache = _cache(context)
    key = page_key(text, page, context["SITEURL"], source, options)
    images = [resolve(site, page, src) for src in image_sources(text)]
    key = with_images(key, [image_file(t) if t else None for t in images])
    result = cache.load(key) if cache else None
    if result is None:
        content_html = content.content if content is not None else None
        result = enhance_html(text, page, site, content_html, options, image_file)
        if cache:
            cache.store(key, result)
    Path(path).write_text(result.html, encoding="utf-8")
    _record(context[STATE], result, page, source)


def _cache(context: dict[str, Any]) -> PageCache | None:
    if not context["ENHANCE_CACHE"]:
        return None
    folder = context["ENHANCE_CACHE_PATH"] or Path(context["CACHE_PATH"], "enhance")
    return PageCache(Path(folder))


def _record(state: SiteLinks, result: PageResult, page: str, source: str | None) -> None:
    """Add the page's ids and links to the build's registry; report its problems."""
    state.ids[page] = set(result.ids)
    for found in result.links:
        if found.unresolved:
            state.unresolved.append((source or page, found.href, found.path))
            continue
        origin = source if found.from_content else None
        target = Target(found.path, found.fragment, found.outside)
        state.links.append(Link(page, found.href, target, origin))
    for problem, fix in result.problems:
        report(logger, source or page, problem, fix)


def check_links(pelican) -> None:
    """Report every recorded link whose file or anchor does not exist in the output."""
    state: SiteLinks | None = pelican.settings.get(STATE)
    if state is None or not pelican.settings["ENHANCE_CHECK_LINKS"]:
        return
    output = Path(pelican.settings["OUTPUT_PATH"])
    _report_unresolved(state, Path(pelican.settings["PATH"]))
    theme_problems: dict[str, list[str]] = {}
    for link in state.links:
        problem = _link_problem(link.target, output, state.ids)
        if problem is None or (link.source and link.href.startswith("/")):
            continue  # content_checks reports a content link starting with /, with its line
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


def _report_unresolved(state: SiteLinks, content_root: Path) -> None:
    """Report {filename} links to files that exist but that the site does not publish.

    A link to a missing file is reported by content_checks, with its line, before the build.
    """
    for source, href, target in sorted(set(state.unresolved)):
        base = content_root if target.startswith("/") else Path(source).parent
        if (base / target.lstrip("/")).exists():
            report(
                logger,
                source,
                f"the link {href!r} names a file the site does not publish as a page",
                "link a page, post, campaign, country narrative or image instead",
                line=_line_of(source, href),
            )


def _link_problem(target: Target, output: Path, ids: dict[str, set[str]]) -> str | None:
    if target.outside:
        return "leaves the site (it climbs above the site's folder or outside SITEURL's path)"
    file = output / target.path
    if file.is_dir():
        file = file / "index.html"
        target = Target(f"{target.path}/index.html", target.fragment)
    if not file.is_file():
        return "points at a page or file that does not exist"
    if target.fragment and target.path in ids and target.fragment not in ids[target.path]:
        return f"points at #{target.fragment}, which is not on that page"
    return None


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
