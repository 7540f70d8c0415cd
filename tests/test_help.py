"""Get Help (plugins/help and the theme): every page leads to help, and every number dials.

On the real site: each page links the Get Help page and carries the call-out; every phone
number a page shows is inside a ``tel:`` link; the Get Help page gives each line's number and
cites, for each statement, a source listed on the page. The settings are checked: a fact that
cites an unknown source is an error naming the setting.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, NavigableString
from sitebuild import BuildResult

from plugins._common.text import PHONE, tel_uri
from plugins.help.model import HelpSettingsError, read_help

pytestmark = pytest.mark.plugin("help")
HELP = "get-help/"


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("1-888-373-7888", "tel:+18883737888"),
        ("888-373-7888", "tel:+18883737888"),
        ("911", "tel:911"),
    ],
)
def test_tel_uri_dials_the_number(number: str, uri: str) -> None:
    """A number becomes RFC 3966's global form (+1 ...); 911 stays as it is."""
    assert tel_uri(number) == uri


def _unlinked_numbers(soup: BeautifulSoup) -> list[str]:
    """Return each phone number in the page's text that is not inside a tel: link."""
    found = []
    for text in soup.body.find_all(string=PHONE):
        if not isinstance(text, NavigableString) or text.find_parent(["script", "title"]):
            continue
        link = text.find_parent("a")
        if link is None or not str(link.get("href", "")).startswith("tel:"):
            found.extend(PHONE.findall(str(text)))
    return found


def test_every_number_on_every_page_is_a_tel_link(real_site: BuildResult) -> None:
    """No page shows a phone number a reader cannot tap to call."""
    problems = [
        f"{page}: {number}"
        for page in real_site.pages()
        for number in _unlinked_numbers(real_site.html(page.as_posix()))
    ]
    assert problems == []


def test_tel_links_dial_what_they_show(real_site: BuildResult) -> None:
    """Each tel: link's address is the number its text shows."""
    problems = []
    for page in real_site.pages():
        for link in real_site.html(page.as_posix()).select('a[href^="tel:"]'):
            if link["href"] != tel_uri(link.get_text()):
                problems.append(f"{page}: {link}")
    assert problems == []


def test_every_page_links_get_help_and_the_favicon(real_site: BuildResult) -> None:
    """Every page's call-out and navigation lead to the Get Help page of its language; every
    page has icons."""
    others = [lang for lang in real_site.settings["LANGUAGES"] if lang != "en"]
    problems = []
    for page in real_site.pages():
        lang = page.parts[0] if page.parts[0] in others else ""
        help_url = f"{real_site.siteurl}/{lang + '/' if lang else ''}{HELP}"
        soup = real_site.html(page.as_posix())
        callout = soup.select_one("[data-help-callout]")
        if callout is None or not callout.select_one(f'a[href="{help_url}"]'):
            problems.append(f"{page}: no call-out linking {help_url}")
        if not soup.select_one(f'nav.site-nav a[href="{help_url}"]'):
            problems.append(f"{page}: the navigation does not link Get Help")
        if not soup.select_one('head link[rel="icon"][type="image/svg+xml"]'):
            problems.append(f"{page}: no favicon")
    assert problems == []


def test_the_callout_gives_911_and_the_hotline(real_site: BuildResult) -> None:
    """The call-out on every page dials 911 and the U.S. hotline."""
    callout = real_site.html("").select_one("[data-help-callout]")
    assert [a["href"] for a in callout.select('a[href^="tel:"]')] == ["tel:911", "tel:+18883737888"]


def test_the_help_page_gives_every_line_with_its_sources(real_site: BuildResult) -> None:
    """Each line of HELP_LINES is on the page, and each citation leads to a listed source."""
    soup = real_site.html(HELP)
    help_model = read_help(real_site.settings)
    shown = [a.get_text() for a in soup.select('.help-line__call a[href^="tel:"]')]
    assert shown == [line.call for line in help_model.lines]
    sources = {li["id"] for li in soup.select(".help-sources__list > li")}
    assert sources == {f"source-{n}" for n in range(1, len(help_model.sources) + 1)}
    citations = soup.select(".cite a")
    assert citations, "no statement cites a source"
    assert {a["href"].lstrip("#") for a in citations} == sources  # each source is used
    for item in soup.select(".help-line__facts > li, .help-advice > li"):
        assert item.select(".cite a"), f"a statement without a source: {item.get_text()!r}"


def test_an_unknown_source_is_a_clear_error() -> None:
    """A fact citing a key that HELP_SOURCES lacks names the setting, the key and the fix."""
    settings = {
        "HELP_SOURCES": {"known": "A page | A publisher | 2010 | https://example.org/a"},
        "HELP_LINES": [
            {
                "key": "x",
                "for": "Anyone",
                "name": "A line",
                "call": "911",
                "facts": [("A fact.", ["nope"])],
            }
        ],
    }
    with pytest.raises(HelpSettingsError, match=r"HELP_LINES \(x\).*cites nope.*Fix: cite .*known"):
        read_help(settings)


def test_a_source_that_is_not_four_parts_is_a_clear_error() -> None:
    """A source line must be title | publisher | year | URL, as in a narrative's Sources:."""
    with pytest.raises(HelpSettingsError, match=r"HELP_SOURCES\['bad'\].*Fix: write title"):
        read_help({"HELP_SOURCES": {"bad": "Only a title"}})


def test_numbers_in_prose_become_tel_links(real_site: BuildResult) -> None:
    """The hotline named in a campaign's Markdown text is a tel: link there (markup plugin)."""
    campaign = real_site.html("campaigns/know-the-signs/")
    links = campaign.select('.prose a.tel[href="tel:+18883737888"]')
    assert len(links) >= 2, [str(a) for a in campaign.select(".prose a")][:5]
    assert not re.search(r"\d-\d{3}-\d{4}</a>\d", str(campaign))
