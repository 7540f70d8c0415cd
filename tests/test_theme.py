"""The theme on the real site: what a reader looks for is where they look (issue: design).

The USWDS banner and identifier on every page; the home page's hero; "On this page" beside a
long page; an article's countries as tier-badged links; "Follow" with a page's own feeds on
country, campaign and category pages; the A-Z list's letter links and spelled-out regions.
"""

from __future__ import annotations

import pytest
from sitebuild import BuildResult

from plugins._common.tipdata import REGIONS

pytestmark = pytest.mark.slow


def _local(site: BuildResult, href: str) -> str:
    """Return ``href`` relative to the site's root ("feeds/country/burma.atom.xml")."""
    assert href.startswith(site.siteurl + "/"), href
    return href.removeprefix(site.siteurl + "/")


def test_every_page_has_the_official_banner_and_the_identifier(real_site: BuildResult) -> None:
    """Each page opens with USWDS's banner (a <details>, no script) and ends with its identifier."""
    problems = []
    for page in real_site.pages():
        soup = real_site.html(page.as_posix())
        banner = soup.select_one("body > section.gov-banner details summary")
        if banner is None or not banner.select_one(".gov-banner__flag"):
            problems.append(f"{page}: no banner")
        if not soup.select_one("footer .identifier a[href='https://www.usa.gov/']"):
            problems.append(f"{page}: no identifier")
    assert problems == []


def test_the_home_page_hero_says_the_mission_once_with_help_and_the_map(
    real_site: BuildResult,
) -> None:
    """The hero holds the h1, the mission, Get Help and the map; no paragraph says it again."""
    home = real_site.html("")
    hero = home.select_one("main .hero")
    assert hero.h1 is not None and hero.select_one(".lead")
    assert hero.select_one(f'a.button[href="{real_site.siteurl}/get-help/"]')
    assert len(hero.select("svg.world-map a[href]")) > 150
    paragraphs = [p.get_text() for p in home.select("main p")]
    repeated = [
        (a[:40], b[:40])
        for i, a in enumerate(paragraphs)
        for b in paragraphs[i + 1 :]
        if _shingles(a) & _shingles(b)
    ]
    assert repeated == [], "paragraphs that say the same words again"
    assert "Source:" not in hero.get_text()


def _shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    """Return every run of ``size`` consecutive words of ``text``, lower-cased."""
    words = [word.strip(".,:;'\"()").lower() for word in text.split()]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_a_long_page_lists_its_sections_beside_it(real_site: BuildResult) -> None:
    """about/ has "On this page", linking each of its h2 sections, in order."""
    about = real_site.html("about/")
    links = [a["href"] for a in about.select(".layout__aside .on-this-page a")]
    sections = [f"#{h2['id']}" for h2 in about.select(".layout__body .prose h2[id]")]
    assert len(sections) >= 3 and links == sections


def test_an_article_links_the_countries_it_names_with_their_tier(real_site: BuildResult) -> None:
    """The article naming the United States lists it, tier-badged, after its text."""
    page = real_site.html("news/2010/2010-tip-report-ranks-the-united-states/")
    items = page.select(".country-badges li")
    assert [li.a.get_text() for li in items] == ["United States"]
    assert items[0].a["href"] == f"{real_site.siteurl}/countries/united-states/"
    assert items[0].select_one(".tier").get_text() == "Tier 1"


@pytest.mark.parametrize(
    ("relpath", "feed"),
    [
        ("countries/burma/", "feeds/country/burma"),
        ("campaigns/know-the-signs/", "feeds/campaign/know-the-signs"),
        ("news/category/stories/", "feeds/category/stories"),
    ],
)
def test_a_page_shows_its_own_feeds(real_site: BuildResult, relpath: str, feed: str) -> None:
    """A country, a campaign and a category page link their own Atom and RSS feeds, visibly."""
    page = real_site.html(relpath)
    links = [_local(real_site, a["href"]) for a in page.select("main a.follow__link")]
    assert f"{feed}.atom.xml" in links and f"{feed}.rss.xml" in links
    for link in links:
        assert (real_site.output / link).is_file(), link


def test_the_a_z_list_has_letter_links_and_spelled_out_regions(real_site: BuildResult) -> None:
    """Each letter link leads to its first country; the region column names regions in full."""
    index = real_site.html("countries/")
    letters = index.select(".letter-nav a")
    assert len(letters) > 20
    for link in letters:
        row = index.find(id=link["href"].lstrip("#"))
        assert row is not None and row.th.get_text().startswith(link.get_text()), link
    names = {region.name for region in REGIONS.values()}
    cells = {row.select("td")[0].get_text() for row in index.select("table.data-table tbody tr")}
    assert cells <= names, cells - names
