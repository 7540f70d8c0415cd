"""Search as a reader uses it: the header's box, the search page and Pagefind in chromium.

The publish build is served under its path (/tip/) from its own origin with its headers, so
the real Content-Security-Policy applies, 'wasm-unsafe-eval' and all (tests/browser.py). A
reader types into the header's box on the home page and presses Enter: the plain GET form
opens search/?q=..., whose script asks the index.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import SiteTab, open_tab
from playwright.sync_api import Browser
from sitebuild import PROJECT, BuildResult
from siteserver import SiteServer

from plugins._common.tipdata import load_tip_data

pytestmark = pytest.mark.slow
RESULTS = ".search-result__title a"
STATUS_HAS = "(text) => document.querySelector('[data-search-status]').textContent.includes(text)"


@pytest.fixture(
    scope="module", params=[(1280, 800, False), (320, 640, True)], ids=["desktop", "phone"]
)
def tab(
    request: pytest.FixtureRequest, browser: Browser, real_site: BuildResult
) -> Iterator[SiteTab]:
    width, height, phone = request.param
    with SiteServer(real_site.output, real_site.siteurl) as server:
        opened = open_tab(browser, server, width, height, phone=phone)
        yield opened
        opened.close()


def _search_from_the_header(tab: SiteTab, words: str) -> list[str]:
    """Type ``words`` into the home page's header box, press Enter; return the result titles."""
    tab.visit("")
    tab.page.fill("#site-search-q", words)
    tab.page.press("#site-search-q", "Enter")
    return _results(tab)


def _results(tab: SiteTab) -> list[str]:
    tab.page.wait_for_url("**/search/?*")
    # a function, not an expression: the page's CSP forbids evaluating a string
    tab.page.wait_for_function(STATUS_HAS, arg="result")
    return tab.page.locator(RESULTS).all_inner_texts()


def test_myanmar_finds_burma_first(tab: SiteTab) -> None:
    assert _search_from_the_header(tab, "Myanmar")[0] == "Burma"
    assert tab.log.errors == [] and tab.log.refused == []


def test_ivory_coast_finds_cote_d_ivoire(tab: SiteTab) -> None:
    assert _search_from_the_header(tab, "Ivory Coast")[0] == "Cote d'Ivoire"


def test_tier_3_in_2010_gives_exactly_the_countries_of_the_data(tab: SiteTab) -> None:
    """Choosing Tier 3 and the 2010 report lists each 2010 Tier 3 country once, A to Z."""
    data = load_tip_data(PROJECT / "content" / "data" / "tier_history.csv")
    expected = sorted(c.name for c, p in data.in_year(2010) if p.tier.code == "3")
    tab.visit("search/")
    tab.page.wait_for_function(STATUS_HAS, arg="Type a word")  # the script has started
    if not tab.page.locator("#search-type").is_visible():  # folded away on a phone
        tab.page.click(".search-filters__summary")
    tab.page.select_option("#search-type", "Country")
    tab.page.select_option("#search-tier", "Tier 3")
    tab.page.select_option("#search-report", "2010")
    tab.page.wait_for_function(STATUS_HAS, arg=f"{len(expected)} results")
    more = tab.page.locator("[data-search-more] button")
    while more.is_visible():  # ten results a screen
        shown = tab.page.locator(RESULTS).count()
        more.click()
        tab.page.wait_for_function(
            "(n) => document.querySelectorAll('.search-result').length > n", arg=shown
        )
    assert tab.page.locator(RESULTS).all_inner_texts() == expected
    assert "tier=Tier+3" in tab.page.url and "report=2010" in tab.page.url


def test_a_word_of_a_news_title_finds_the_article(tab: SiteTab) -> None:
    titles = _search_from_the_header(tab, "committees")
    assert titles[0].startswith("Three committees take up the interagency agenda")


def test_the_search_page_runs_under_the_policy(tab: SiteTab) -> None:
    """Pagefind's WebAssembly compiles under script-src 'self' 'wasm-unsafe-eval'; nothing is
    refused, nothing leaves the site, and the no-script help is hidden once search works."""
    _search_from_the_header(tab, "tier")
    assert tab.log.errors == [] and tab.log.refused == []  # a CSP refusal is a console error
    assert tab.page.locator("[data-search-nojs]").is_hidden()
