"""Audit a whole build: the checks a publish runs, plus what only the tests ask of a page.

:func:`audit` returns an :class:`Audit` holding, per check, a list of readable problems
("news/index.html: <img src=x.png> -> missing file images/x.png"); the tests in
``test_site.py`` assert that each list is empty. Broken links and inline code come from the
publish checks themselves (``deploy/checks.py``), so the tests hold the site to exactly what
a deploy refuses; landmarks, language, skip link, third-party requests, ``noopener`` and
page weight are checked here. Keeping parsed pages out of memory lets the audit run on a
site of any size.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from htmlcheck import (
    Reference,
    SiteMap,
    first_focusable,
    is_fetched,
    references,
    rel_values,
)
from sitebuild import BuildResult

from deploy.checks import check_inline_code, check_links, css_references

MAIN_ID = "main-content"


@dataclass
class Audit:
    """Problems found in one build, one list per check, and each page's weight in bytes.

    A page's weight is what a first visit transfers: its HTML and the stylesheets it links,
    each gzip-compressed as every static host serves text.
    """

    pages: list[Path] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    main: list[str] = field(default_factory=list)
    skip_link: list[str] = field(default_factory=list)
    inline_code: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    noopener: list[str] = field(default_factory=list)
    weight: dict[Path, int] = field(default_factory=dict)


@dataclass
class _Auditor:
    """Walk a build's output page by page (links and inline code: ``deploy.checks``)."""

    output: Path
    sitemap: SiteMap
    result: Audit = field(default_factory=Audit)

    def name(self, file: Path) -> str:
        return file.relative_to(self.output).as_posix()

    def internal_file(self, source: Path, url: str) -> Path | None:
        """Return the existing output file an internal URL leads to, if any."""
        target = self.sitemap.resolve(source, url)
        if target.kind == "internal" and target.file is not None and target.file.is_file():
            return target.file
        return None

    def check_reference(self, page: Path, ref: Reference) -> Path | None:
        label = f"<{ref.tag} {ref.attribute}={ref.url}>"
        target = self.sitemap.resolve(page, ref.url)
        if target.kind == "external":
            if is_fetched(ref):
                self.result.third_party.append(
                    f"{self.name(page)}: {label} loads from another host"
                )
            elif (
                ref.tag == "a"
                and ref.element is not None
                and "noopener" not in rel_values(ref.element)
            ):
                self.result.noopener.append(f"{self.name(page)}: {label} has no rel=noopener")
            return None
        return self.internal_file(page, ref.url)

    def check_structure(self, page: Path, soup: BeautifulSoup) -> None:
        name = self.name(page)
        html = soup.find("html")
        if not isinstance(html, Tag) or not str(html.get("lang", "")).strip():
            self.result.lang.append(f"{name}: <html> has no lang")
        h1_count = len(soup.find_all("h1"))
        if h1_count != 1:
            self.result.h1.append(f"{name}: {h1_count} <h1> elements")
        mains = {id(el): el for el in soup.find_all("main")}
        mains.update({id(el): el for el in soup.find_all(attrs={"role": "main"})})
        ids = [el.get("id") for el in mains.values()]
        if ids != [MAIN_ID]:
            self.result.main.append(f"{name}: main landmarks with ids {ids}")
        first = first_focusable(soup)
        target = self.sitemap.resolve(page, str(first.get("href", ""))) if first else None
        if (
            first is None
            or first.name != "a"
            or target is None
            or target.file != page
            or target.fragment != MAIN_ID
        ):
            shown = str(first)[:120] if first else "nothing"
            self.result.skip_link.append(f"{name}: first focusable element is {shown}")

    def check_page(self, page: Path) -> None:
        raw = page.read_bytes()
        soup = BeautifulSoup(raw, "lxml")
        self.check_structure(page, soup)
        weight = transferred(raw)
        for ref in references(soup):
            target = self.check_reference(page, ref)
            if (
                target is not None
                and ref.tag == "link"
                and ref.element is not None
                and "stylesheet" in rel_values(ref.element)
            ):
                weight += transferred(target.read_bytes())
        self.result.weight[page] = weight

    def check_stylesheet(self, css: Path) -> None:
        for url in css_references(css.read_text(encoding="utf-8")):
            if url.startswith(("data:", "#")):
                continue
            if self.sitemap.resolve(css, url).kind == "external":
                self.result.third_party.append(
                    f"{self.name(css)}: url({url}) loads from another host"
                )


def audit(build: BuildResult) -> Audit:
    """Run every check on every HTML page and stylesheet of ``build``."""
    auditor = _Auditor(build.output, SiteMap(build.output, build.siteurl))
    pages = sorted(build.output.rglob("*.html"))
    auditor.result.pages = pages
    for page in pages:
        auditor.check_page(page)
    for css in sorted(build.output.rglob("*.css")):
        auditor.check_stylesheet(css)
    auditor.result.broken = check_links(build.output, build.siteurl)
    auditor.result.inline_code = check_inline_code(build.output)
    return auditor.result


def transferred(data: bytes) -> int:
    """Return the bytes ``data`` takes gzip-compressed (level 6, as hosts commonly serve)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))
