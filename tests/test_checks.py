"""The checks that test_site.py runs on the real site, tried on hand-written output folders.

Each test writes a few files, audits them as a site served at https://example.org/tip and
asserts that the one mistake it planted is found (and that a correct page passes), so a
green test_site.py means the real site is clean, not that the checks are blind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from htmlcheck import SiteMap
from siteaudit import Audit, audit, transferred
from sitebuild import PUBLISH_SITEURL, BuildResult

from deploy.checks import css_references, srcset_urls

SITE = PUBLISH_SITEURL
HEAD = f'<head><title>T</title><link rel="stylesheet" href="{SITE}/theme/site.css"></head>'
START = '<a class="skip" href="#main-content">Skip to content</a>'


def page(main: str = "<p>Text.</p>", *, before: str = START, lang: str = ' lang="en"') -> str:
    """Return a correct page whose <main> holds ``main``, after ``before``."""
    return (
        f"<!DOCTYPE html><html{lang}>{HEAD}<body>{before}"
        f'<main id="main-content"><h1>Title</h1>{main}</main></body></html>'
    )


def run(tmp_path: Path, files: dict[str, str]) -> Audit:
    """Write ``files`` (with a stylesheet and an about page) and audit them."""
    output = tmp_path / "output"
    defaults = {
        "theme/site.css": "body { margin: 0; }",
        "about/index.html": page('<h2 id="team">Team</h2>'),
        "images/pixel.png": "png",
    }
    for name, text in {**defaults, **files}.items():
        file = output / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return audit(BuildResult(output=output, warnings=[], settings={"SITEURL": SITE}))


def test_correct_page_passes(tmp_path: Path) -> None:
    """Links of every form that resolve, and a well-formed page, give no problem."""
    main = (
        f'<a href="{SITE}/about/#team">abs</a> <a href="about/">rel</a> <a href="#main-content">'
        f'top</a> <img alt="" src="images/pixel.png" srcset="{SITE}/images/pixel.png 2x">'
        '<a rel="noopener" href="https://www.unodc.org/">UNODC</a> <a href="mailto:a@b.c">m</a>'
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        '<link rel="canonical" href="https://elsewhere.example/">'
    )
    found = run(tmp_path, {"index.html": page(main)})
    problems = [
        found.broken,
        found.lang,
        found.h1,
        found.main,
        found.skip_link,
        found.inline_code,
        found.third_party,
        found.noopener,
    ]
    assert problems == [[]] * 8
    # the weight is the page's transfer plus its stylesheet's
    assert found.weight[tmp_path / "output" / "index.html"] > transferred(page(main).encode())


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f'<a href="{SITE}/missing/">x</a>', "missing file missing/index.html"),
        ('<a href="about/#nobody">x</a>', "no id 'nobody' in about/index.html"),
        ('<a href="#nowhere">x</a>', "no id 'nowhere' in index.html"),
        ('<a href="/about/">x</a>', "outside the site"),
        ('<img alt="" src="images/pixel.png" srcset="big.png 2x">', "big.png"),
        ('<link rel="stylesheet" href="theme/gone.css">', "theme/gone.css"),
    ],
    ids=["file", "id-elsewhere", "id-here", "outside", "srcset", "stylesheet"],
)
def test_broken_reference_is_found(tmp_path: Path, html: str, expected: str) -> None:
    """A reference to a missing file, id or a path outside SITEURL is reported."""
    found = run(tmp_path, {"index.html": page(html)})
    assert len(found.broken) == 1, found.broken
    assert expected in found.broken[0]


def test_stylesheet_references_are_checked(tmp_path: Path) -> None:
    """A CSS url() to a missing file, and an @import from another host, are reported."""
    css = '@import "https://fonts.example.com/a.css"; a { background: url(../img/gone.svg); }'
    found = run(tmp_path, {"index.html": page(), "theme/site.css": css})
    assert found.broken == ["theme/site.css: url(../img/gone.svg) -> missing file img/gone.svg"]
    assert len(found.third_party) == 1


@pytest.mark.parametrize(
    ("file", "check"),
    [
        (page(lang=""), "lang"),
        (page("<h1>Second</h1>"), "h1"),
        (page().replace('id="main-content"', 'id="content"'), "main"),
        (page("<div role='main'></div>"), "main"),
        (page(before='<a href="/">Home</a>' + START), "skip_link"),
        (page(before=""), "skip_link"),
    ],
    ids=["lang", "two-h1", "main-id", "two-mains", "skip-link-late", "no-skip-link"],
)
def test_structure_problem_is_found(tmp_path: Path, file: str, check: str) -> None:
    """A missing lang, a second h1, a wrong main or a late skip link is reported."""
    found = run(tmp_path, {"index.html": page(), "other.html": file})
    assert [p.split(":")[0] for p in getattr(found, check)] == ["other.html"]


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<style>p { color: red; }</style>",
        '<p style="color: red">x</p>',
        '<button onclick="go()">x</button>',
        '<a href="javascript:go()">x</a>',
    ],
    ids=["script", "style", "style-attribute", "event-handler", "javascript-url"],
)
def test_inline_code_is_found(tmp_path: Path, html: str) -> None:
    """Anything a strict Content Security Policy blocks is reported."""
    assert len(run(tmp_path, {"index.html": page(html)}).inline_code) == 1


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.com/x.js"></script>',
        '<img alt="" src="https://images.example.com/x.png">',
        '<link rel="stylesheet" href="//fonts.example.com/css">',
        '<link rel="preconnect" href="https://fonts.example.com">',
    ],
    ids=["script", "image", "protocol-relative", "preconnect"],
)
def test_third_party_request_is_found(tmp_path: Path, html: str) -> None:
    """A resource loaded from another host is reported."""
    assert len(run(tmp_path, {"index.html": page(html)}).third_party) == 1


def test_external_link_without_noopener_is_found(tmp_path: Path) -> None:
    """A link to another host without rel=noopener is reported."""
    found = run(tmp_path, {"index.html": page('<a href="https://www.unodc.org/">x</a>')})
    assert len(found.noopener) == 1


def test_sitemap_resolves_under_the_site_path(tmp_path: Path) -> None:
    """Directory URLs map to index.html; other hosts are external; the fragment is kept."""
    sitemap = SiteMap(tmp_path, SITE)
    source = tmp_path / "news" / "index.html"
    target = sitemap.resolve(source, "../about/#team")
    assert (target.kind, target.file, target.fragment) == (
        "internal",
        tmp_path / "about" / "index.html",
        "team",
    )
    assert sitemap.resolve(source, "https://www.unodc.org/").kind == "external"
    assert sitemap.resolve(source, "/other/").kind == "outside"
    assert sitemap.resolve(source, "mailto:x@example.org").kind == "other"


def test_srcset_and_css_parsing() -> None:
    """URLs are picked out of srcset lists and of CSS url() and @import (data: is no request)."""
    assert srcset_urls("a.png 1x, b.png 2x,c.png 300w") == ["a.png", "b.png", "c.png"]
    css = "@import 'x.css'; a { b: url(\"y.woff2\") url(z.svg) url(data:image/png;base64,AA) }"
    assert css_references(css) == ["x.css", "y.woff2", "z.svg"]
