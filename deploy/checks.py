"""The site checks a publish runs on a build before anything is deployed.

- links: every internal URL of every page (href, src, srcset, a refresh, the share card and
  address in ``og:``/``twitter:`` metadata), stylesheet (``url()``, ``@import``) and of the
  sitemap leads to a file of the build, and every ``#fragment`` to an id on that page;
  nothing points outside SITEURL on its own host;
- inline code: no inline script, event handler, ``javascript:`` URL, ``<style>`` or
  ``style=`` attribute, which the site's Content-Security-Policy would block;
- HTML: the Nu HTML Checker (vnu.jar, pinned in package.json) finds no error.

Each check returns readable problems ("news/index.html: <a href=x> -> missing file x").
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from plugins._common.urls import PageIds, Site, element_ids, resolve, served_file

URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
# <meta> whose content is an address of the site: share cards and the page's own address.
URL_META = frozenset({"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image"})
DATA_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json", "importmap"})
IMPLICIT_FRAGMENTS = frozenset({"", "top"})
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)["']?\s*\)|@import\s+["']([^"']+)["']""")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
VNU_JAR = Path("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
VNU_INSTALL = "apt-get install default-jre-headless, then npm ci --ignore-scripts"


@dataclass
class LinkChecker:
    """Resolve the URLs found in a build served at ``siteurl`` to its files, and record problems.

    It resolves with the build's own resolver (:mod:`plugins._common.urls`), so a publish
    and the build's link check agree on what every link means.
    """

    output: Path
    siteurl: str
    problems: list[str] = field(default_factory=list)
    ids: PageIds = field(default_factory=PageIds)

    def __post_init__(self) -> None:
        self.site = Site.from_siteurl(self.siteurl)

    def check(self, source: Path, url: str, label: str) -> None:
        """Record a problem if ``url``, found in ``source``, is internal and leads nowhere."""
        page = source.relative_to(self.output).as_posix()
        target = resolve(self.site, page, url)
        if target is None:
            return
        where = f"{page}: {label}"
        if target.outside:
            self.problems.append(f"{where} -> outside the site {self.siteurl}")
            return
        file = served_file(self.output, target.path)
        if not file.is_file():
            missing = file.relative_to(self.output).as_posix()
            self.problems.append(f"{where} -> missing file {missing}")
            return
        if (
            file.suffix == ".html"
            and target.fragment not in IMPLICIT_FRAGMENTS
            and target.fragment not in self.ids.of(file)
        ):
            name = file.relative_to(self.output).as_posix()
            self.problems.append(f"{where} -> no id {target.fragment!r} in {name}")


def page_references(root: lxml_html.HtmlElement) -> Iterator[tuple[str, str]]:
    """Yield (label, URL) for every URL a page references."""
    for tag, attributes in URL_ATTRIBUTES.items():
        for element in root.iter(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value is None:
                    continue
                urls = srcset_urls(value) if attribute == "srcset" else [value]
                for url in urls:
                    yield f"<{tag} {attribute}={url}>", url
    for meta in root.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name") or ""
        if key in URL_META:
            yield f"<meta {key}={meta.get('content')}>", str(meta.get("content"))
    for meta in root.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh')='refresh']"):
        match = _REFRESH_URL.search(meta.get("content", ""))
        if match:
            yield f"<meta refresh {match.group(1)}>", match.group(1)


def srcset_urls(value: str) -> list[str]:
    """Return the URLs of a srcset ("a.png 1x, b.png 2x" -> ["a.png", "b.png"])."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


def css_references(css: str) -> list[str]:
    """Return the URLs a stylesheet loads (``url()``, ``@import``), but data: and fragments."""
    urls = [match.group(1) or match.group(2) for match in _CSS_URL.finditer(css)]
    return [url for url in urls if not url.startswith(("data:", "#"))]


def inline_code(name: str, root: lxml_html.HtmlElement) -> list[str]:
    """Return what a strict Content-Security-Policy would block in one page."""
    problems = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if script.get("src") is None and kind not in DATA_SCRIPT_TYPES:
            problems.append(f"{name}: inline <script>")
    problems += [f"{name}: <style> element" for _ in root.iter("style")]
    for element in root.iter(etree.Element):
        for attribute, value in element.attrib.items():
            if attribute == "style" or attribute.startswith("on"):
                problems.append(f"{name}: <{element.tag} {attribute}=...>")
            elif attribute in ("href", "src") and value.strip().lower().startswith("javascript:"):
                problems.append(f"{name}: <{element.tag} {attribute}=javascript:...>")
    return problems


def check_links(output: Path, siteurl: str) -> list[str]:
    """Check every internal URL of the pages, stylesheets and sitemap of a build."""
    checker = LinkChecker(output, siteurl)
    for page in sorted(output.rglob("*.html")):
        root = lxml_html.parse(str(page)).getroot()
        checker.ids.remember(page, element_ids(root))
        for label, url in page_references(root):
            checker.check(page, url, label)
    for css in sorted(output.rglob("*.css")):
        for url in css_references(css.read_text(encoding="utf-8")):
            checker.check(css, url, f"url({url})")
    sitemap = output / "sitemap.xml"
    if sitemap.is_file():
        for loc in etree.parse(str(sitemap)).iter("{*}loc"):
            checker.check(sitemap, (loc.text or "").strip(), f"<loc>{loc.text}</loc>")
    return checker.problems


def check_inline_code(output: Path) -> list[str]:
    """Check that no page carries code a strict Content-Security-Policy would block."""
    problems: list[str] = []
    for page in sorted(output.rglob("*.html")):
        root = lxml_html.parse(str(page)).getroot()
        problems += inline_code(page.relative_to(output).as_posix(), root)
    return problems


def start_html_check(output: Path, project: Path) -> subprocess.Popen[str] | str:
    """Start the Nu HTML Checker on every page; return the process, or why it cannot run."""
    java = shutil.which("java")
    jar = project / VNU_JAR
    if java is None or not jar.is_file():
        return f"the HTML checker cannot run (java or {VNU_JAR} is missing): {VNU_INSTALL}"
    command = [java, "-jar", str(jar), "--format", "json", "--stdout", "--skip-non-html"]
    return subprocess.Popen(
        [*command, str(output)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish_html_check(started: subprocess.Popen[str] | str, output: Path) -> list[str]:
    """Wait for the HTML checker and return its errors ("file:line: message")."""
    if isinstance(started, str):
        return [started]
    stdout, stderr = started.communicate()
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError:
        return [f"the HTML checker gave no report (exit {started.returncode}): {stderr[-500:]}"]
    problems = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        file = str(message.get("url", "")).removeprefix("file:")
        file = file.removeprefix(str(output.resolve())).removeprefix(str(output)).lstrip("/")
        line = message.get("lastLine")
        where = f"{file}:{line}" if line else file
        problems.append(f"{where}: {message.get('message', '')}")
    return problems


def check_site(output: Path, siteurl: str, project: Path) -> list[str]:
    """Run every check on the build in ``output``; return the problems (none: it may go out)."""
    html_check = start_html_check(output, project)  # runs while the other checks do
    try:
        problems = check_links(output, siteurl) + check_inline_code(output)
    except BaseException:
        if not isinstance(html_check, str):
            html_check.kill()
        raise
    return problems + finish_html_check(html_check, output)
