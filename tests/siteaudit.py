"""Audit a whole build in one pass: every page is parsed once and every check records problems.

:func:`audit` returns an :class:`Audit` holding, per check, a list of readable problems
("news/index.html: <img src=x.png> -> missing file images/x.png"); the tests in
``test_site.py`` assert that each list is empty. Keeping parsed pages out of memory lets the
audit run on a site of any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from htmlcheck import (
    Reference,
    SiteMap,
    css_references,
    element_ids,
    first_focusable,
    is_fetched,
    is_inline_script,
    references,
    rel_values,
)
from sitebuild import BuildResult

MAIN_ID = "main-content"
# Fragments every page has without an id: the top of the document (HTML standard).
IMPLICIT_FRAGMENTS = frozenset({"", "top"})


@dataclass
class Audit:
    """Problems found in one build, one list per check, and each page's weight in bytes."""

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
    """Walk a build's output, remembering the ids of pages that links point into."""

    output: Path
    sitemap: SiteMap
    result: Audit = field(default_factory=Audit)
    _ids: dict[Path, set[str]] = field(default_factory=dict)

    def ids(self, file: Path) -> set[str]:
        if file not in self._ids:
            self._ids[file] = element_ids(BeautifulSoup(file.read_bytes(), "lxml"))
        return self._ids[file]

    def name(self, file: Path) -> str:
        return file.relative_to(self.output).as_posix()

    def check_target(self, source: Path, url: str, label: str) -> Path | None:
        """Record a problem if an internal URL leads nowhere; return the file it leads to."""
        target = self.sitemap.resolve(source, url)
        where = f"{self.name(source)}: {label}"
        if target.kind == "outside":
            self.result.broken.append(f"{where} -> outside SITEURL {self.sitemap.siteurl}")
            return None
        if target.kind != "internal" or target.file is None:
            return None
        if not target.file.is_file():
            self.result.broken.append(f"{where} -> missing file {self.name(target.file)}")
            return None
        if (
            target.file.suffix == ".html"
            and target.fragment not in IMPLICIT_FRAGMENTS
            and target.fragment not in self.ids(target.file)
        ):
            self.result.broken.append(
                f"{where} -> no id {target.fragment!r} in {self.name(target.file)}"
            )
        return target.file

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
        if ref.url.lower().startswith("javascript:"):
            self.result.inline_code.append(f"{self.name(page)}: {label} is a javascript: URL")
            return None
        return self.check_target(page, ref.url, label)

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

    def check_inline_code(self, page: Path, soup: BeautifulSoup) -> None:
        name = self.name(page)
        for script in soup.find_all("script"):
            if is_inline_script(script):
                self.result.inline_code.append(f"{name}: inline <script> {str(script)[:80]}")
        for style in soup.find_all("style"):
            self.result.inline_code.append(f"{name}: <style> element {str(style)[:80]}")
        for element in soup.find_all(True):
            for attribute in element.attrs:
                if attribute == "style" or attribute.startswith("on"):
                    self.result.inline_code.append(
                        f"{name}: <{element.name} {attribute}={element[attribute]!r}>"
                    )

    def check_page(self, page: Path) -> None:
        raw = page.read_bytes()
        soup = BeautifulSoup(raw, "lxml")
        self._ids[page] = element_ids(soup)
        self.check_structure(page, soup)
        self.check_inline_code(page, soup)
        weight = len(raw)
        for ref in references(soup):
            target = self.check_reference(page, ref)
            if (
                target is not None
                and ref.tag == "link"
                and ref.element is not None
                and "stylesheet" in rel_values(ref.element)
            ):
                weight += target.stat().st_size
        self.result.weight[page] = weight

    def check_stylesheet(self, css: Path) -> None:
        for url in css_references(css.read_text(encoding="utf-8")):
            if url.startswith(("data:", "#")):
                continue
            if self.sitemap.resolve(css, url).kind == "external":
                self.result.third_party.append(
                    f"{self.name(css)}: url({url}) loads from another host"
                )
            else:
                self.check_target(css, url, f"url({url})")


def audit(build: BuildResult) -> Audit:
    """Run every check on every HTML page and stylesheet of ``build``."""
    auditor = _Auditor(build.output, SiteMap(build.output, build.siteurl))
    pages = sorted(build.output.rglob("*.html"))
    auditor.result.pages = pages
    for page in pages:
        auditor.check_page(page)
    for css in sorted(build.output.rglob("*.css")):
        auditor.check_stylesheet(css)
    return auditor.result
