"""The published site in a real browser: accessibility, the phone layout, the CSS under its CSP.

Eight pages of the publish build (home, an office page, a country, a report year, a campaign,
a news article, the countries index, the 404 page) are loaded in Debian's chromium through
Playwright, at 1280 x 800 CSS px and as a 320 x 640 phone (touch, viewport ``<meta>``
honoured). Each page keeps its real address under ``https://example.org/tip``: a Playwright
route answers those requests with a local server's responses, headers included, so the
build's own Content-Security-Policy applies (how and why: tests/browser.py; the server:
tests/siteserver.py).

- axe-core finds no violation of impact "serious" or "critical", at both widths;
- at 320 px nothing passes the viewport's right edge outside a horizontal scroll region, and
  every text of an inline SVG is rendered at 12 px or more;
- the Get Help call-out (``[data-help-callout]``) shows in the first screen at both widths;
- the stylesheet loads under the policy, nothing is refused by it and no request leaves for
  another host.

One browser serves the module, with one tab per width. Chromium or axe-core missing is a
failure with the install command, never a skip (as for the HTML checker).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from browser import (
    PAGE_KINDS,
    SiteTab,
    checked_pages,
    computed_style,
    measure_callouts,
    measure_overflow,
    measure_stylesheets,
    measure_svg_text,
    open_tab,
)
from playwright.sync_api import Browser
from sitebuild import BuildResult
from siteserver import SiteServer

pytestmark = pytest.mark.slow

PHONE, DESKTOP = 320, 1280
HEIGHTS = {PHONE: 640, DESKTOP: 800}
BLOCKING_IMPACTS = ("serious", "critical")
MIN_SVG_TEXT_PX = 12
CSP_MESSAGES = ("Content Security Policy", "Refused to")


@pytest.fixture(scope="module")
def paths(real_site: BuildResult) -> dict[str, str]:
    """Return each checked page's path under SITEURL."""
    return checked_pages(real_site)


@pytest.fixture(scope="module")
def server(real_site: BuildResult) -> Iterator[SiteServer]:
    """Serve the publish build from its own origin, with the headers of its _headers file."""
    with SiteServer(real_site.output, real_site.siteurl) as running:
        yield running


@pytest.fixture(scope="module")
def tabs(browser: Browser, server: SiteServer) -> Iterator[dict[int, SiteTab]]:
    """Open a desktop tab and a phone tab, reused by every test of the module."""
    opened = {
        DESKTOP: open_tab(browser, server, DESKTOP, HEIGHTS[DESKTOP]),
        PHONE: open_tab(browser, server, PHONE, HEIGHTS[PHONE], phone=True),
    }
    yield opened
    for tab in opened.values():
        tab.close()


@pytest.fixture(scope="module")
def default_font(browser: Browser) -> str:
    """Return the font-family chromium gives an unstyled page."""
    blank = browser.new_page()
    blank.set_content("<!doctype html><body>unstyled</body>")
    font = computed_style(blank, "body", "font-family")
    blank.close()
    return font


def axe_report(violations: list[dict[str, Any]]) -> str:
    """Return one line per violation: rule, impact, how many elements, the first three."""
    lines = []
    for rule in violations:
        shown = ", ".join(rule["targets"][:3])
        more = f" and {len(rule['targets']) - 3} more" if len(rule["targets"]) > 3 else ""
        lines.append(
            f"{rule['id']} ({rule['impact']}, {len(rule['targets'])}x): {shown}{more}"
            f" -- {rule['help']}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("page", PAGE_KINDS)
def test_no_serious_accessibility_violations(
    tabs: dict[int, SiteTab], paths: dict[str, str], page: str, width: int
) -> None:
    """axe-core finds no serious or critical violation."""
    tab = tabs[width]
    tab.visit(paths[page])
    blocking = [rule for rule in tab.axe_violations() if rule["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{paths[page] or '/'} at {width} px:\n{axe_report(blocking)}"


@pytest.mark.parametrize("page", PAGE_KINDS)
def test_nothing_overflows_a_phone_screen(
    tabs: dict[int, SiteTab], paths: dict[str, str], page: str
) -> None:
    """At 320 px the page does not scroll sideways, and no element passes the right edge
    unless it sits in a horizontal scroll region."""
    tab = tabs[PHONE]
    tab.visit(paths[page])
    found = measure_overflow(tab)
    listed = "\n".join(found["offenders"])
    assert found["scrollWidth"] <= PHONE and not found["offenders"], (
        f"{paths[page] or '/'} is {found['scrollWidth']} px wide at {PHONE} px; "
        f"{found['count']} element(s) pass the edge, outermost:\n{listed}"
    )


@pytest.mark.parametrize("page", PAGE_KINDS)
def test_svg_text_is_readable_on_a_phone(
    tabs: dict[int, SiteTab], paths: dict[str, str], page: str
) -> None:
    """At 320 px every visible text of an inline SVG renders at 12 CSS px or more."""
    tab = tabs[PHONE]
    tab.visit(paths[page])
    small = [text for text in measure_svg_text(tab) if text["px"] < MIN_SVG_TEXT_PX]
    listed = "\n".join(f"{t['px']} px {t['text']!r} ({t['selector']})" for t in small)
    assert not small, f"{paths[page] or '/'}: {len(small)} SVG text(s) under 12 px:\n{listed}"


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("page", PAGE_KINDS)
def test_get_help_callout_is_on_the_first_screen(
    tabs: dict[int, SiteTab], paths: dict[str, str], page: str, width: int
) -> None:
    """A visible ``[data-help-callout]`` lies wholly within the first screen, unscrolled."""
    tab = tabs[width]
    tab.visit(paths[page])
    callouts = measure_callouts(tab)
    where = f"{paths[page] or '/'} at {width} x {tab.height} px"
    assert callouts, f"{where}: no [data-help-callout] element"
    assert any(_on_first_screen(box, tab) for box in callouts), f"{where}: " + "; ".join(
        f"{box['selector']} visible={box['visible']} top={box['top']:.0f} "
        f"bottom={box['bottom']:.0f} left={box['left']:.0f} right={box['right']:.0f}"
        for box in callouts
    )


def _on_first_screen(box: dict[str, Any], tab: SiteTab) -> bool:
    inside = box["top"] >= 0 and box["bottom"] <= tab.height
    return bool(box["visible"]) and inside and box["left"] >= 0 and box["right"] <= tab.width


@pytest.mark.parametrize("page", PAGE_KINDS)
def test_css_loads_under_the_policy(
    tabs: dict[int, SiteTab], paths: dict[str, str], default_font: str, page: str
) -> None:
    """The stylesheet loads and styles the page; the Content-Security-Policy refuses nothing;
    no request is for another host."""
    tab = tabs[DESKTOP]
    tab.visit(paths[page])
    sheets = measure_stylesheets(tab)
    assert sheets, "the page links no stylesheet"
    assert all(sheet["rules"] for sheet in sheets), f"a stylesheet did not load: {sheets}"
    font = computed_style(tab.page, "body", "font-family")
    assert font != default_font, f"the body keeps the browser's own font ({font})"
    refused = [error for error in tab.log.errors if any(m in error for m in CSP_MESSAGES)]
    assert not refused, "\n".join(refused)
    assert not tab.log.refused, f"requests for other hosts: {tab.log.refused}"


def test_server_sends_the_builds_headers(server: SiteServer) -> None:
    """The local server answers as the host would: the _headers policy, 404.html for a miss."""
    with urllib.request.urlopen(server.base_url + "/") as response:
        policy = response.headers["Content-Security-Policy"]
    assert policy and "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(server.base_url + "/no-such-page/")
    assert missing.value.code == 404
    assert b"<html" in missing.value.read()


def test_the_policy_is_in_force(tabs: dict[int, SiteTab], paths: dict[str, str]) -> None:
    """An inline script added to a page is refused: the checks above see the real policy."""
    tab = tabs[DESKTOP]
    tab.visit(paths["home"])
    with tab.page.expect_console_message(lambda m: CSP_MESSAGES[0] in m.text):
        ran = tab.page.evaluate(
            """() => {
              const script = document.createElement('script');
              script.textContent = 'window.inlineRan = true';
              document.head.append(script);
              return window.inlineRan === true;
            }"""
        )
    assert not ran


@pytest.mark.parametrize(("page", "mirrored"), [("country", False), ("arabic-country", True)])
def test_charts_run_right_to_left_in_arabic(
    tabs: dict[int, SiteTab], paths: dict[str, str], page: str, mirrored: bool
) -> None:
    """On an Arabic page the tier history is mirrored: 2001 on the right of 2015, the tier
    names on the right of the bands; the text itself is not mirrored (it reads)."""
    tab = tabs[DESKTOP]
    tab.visit(paths[page])
    found = tab.page.evaluate(
        """() => {
          const svg = [...document.querySelectorAll('svg.history-chart')]
            .find((s) => s.getBoundingClientRect().width > 0);
          const box = (text) => [...svg.querySelectorAll('text')]
            .find((t) => t.textContent.trim() === text).getBoundingClientRect();
          const scale = (element) => {
            const value = getComputedStyle(element).transform;
            return value === 'none' ? 1 : new DOMMatrix(value).a;
          };
          const texts = [...svg.querySelectorAll('text')];
          return {
            first: box('2001').left,
            last: box('2015').left,
            chart: scale(svg),
            // every text turned back by the same mirror: it reads left to right as drawn
            texts: [...new Set(texts.map(scale))],
          };
        }"""
    )
    assert (found["first"] > found["last"]) is mirrored, found
    assert found["chart"] == (-1 if mirrored else 1), found
    assert found["texts"] == [-1 if mirrored else 1], found
