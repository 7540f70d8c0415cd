"""The feeds plugin: every feed parses, carries the right entries, and links absolutely.

Most checks run on the ``feeds`` fixture site (three countries; release dates for 2009 and
2010 but not 2008; two stories, one naming Burma and Albania; a campaign naming Burma),
published under https://example.org/tip; the last ones read the real site's feeds.
"""

from __future__ import annotations

import csv
import datetime
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitebuild import PROJECT, PUBLISH_SITEURL, SITES, Builder, BuildResult, build, site_overrides

from plugins._common.tipdata import load_tip_data
from plugins.feeds import render
from plugins.feeds.cards import Image, share_card
from plugins.feeds.entries import Entry
from plugins.feeds.releases import ReleasesError, load_releases
from plugins.feeds.sanitize import feed_html

pytestmark = pytest.mark.plugin("feeds")

TAG = "tag:state.gov,2010:"
STORY = f"{TAG}news/2010-07-01-burma-story"
OTHER = f"{TAG}news/2010-07-02-other-story"
CAMPAIGN = f"{TAG}campaigns/fixture-campaign"
URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action")


@pytest.fixture(scope="module")
def site(session_builder: Builder) -> BuildResult:
    """Publish the feeds fixture site under https://example.org/tip."""
    return session_builder("feeds", publish=True)


def feed_files(result: BuildResult) -> list[Path]:
    """Return every feed written (Atom, RSS and JSON), sorted."""
    root = result.output / "feeds"
    return sorted(p for p in root.rglob("*") if p.name.endswith((".xml", ".json")))


def parse(result: BuildResult, relpath: str) -> feedparser.FeedParserDict:
    """Parse one written feed with feedparser."""
    return feedparser.parse((result.output / relpath).read_bytes())


def entry_ids(result: BuildResult, relpath: str) -> set[str]:
    """Return the ids of a feed's entries."""
    return {entry.id for entry in parse(result, relpath).entries}


def entry_html(result: BuildResult) -> list[tuple[str, str]]:
    """Return (feed, HTML) for the content and summary of every entry of every feed."""
    found = []
    for file in feed_files(result):
        name = file.relative_to(result.output).as_posix()
        if file.suffix == ".json":
            for item in json.loads(file.read_text(encoding="utf-8"))["items"]:
                found.append((name, item["content_html"]))
            continue
        for entry in feedparser.parse(file.read_bytes()).entries:
            found += [(name, c.value) for c in entry.get("content", [])]
            found.append((name, entry.get("summary", "")))
    return found


def test_builds_without_warnings(site: BuildResult) -> None:
    assert site.warnings == []


def test_every_feed_parses_without_the_bozo_flag(site: BuildResult) -> None:
    """Each Atom and RSS file is well-formed for feedparser; each JSON Feed is version 1.1."""
    files = feed_files(site)
    assert len(files) == 3 * 10  # site, 2 categories, 2 tags, 1 campaign, 4 countries
    for file in files:
        if file.suffix == ".json":
            document = json.loads(file.read_text(encoding="utf-8"))
            assert document["version"] == "https://jsonfeed.org/version/1.1", file
            assert document["items"], file
            continue
        parsed = feedparser.parse(file.read_bytes())
        assert not parsed.bozo, f"{file}: {parsed.get('bozo_exception')}"
        assert parsed.version in ("atom10", "rss20"), file
        assert parsed.entries, file


def test_a_country_feed_carries_what_names_it_and_its_dated_placements(site: BuildResult) -> None:
    """Burma: the story and campaign naming it, 2009 and 2010; 2008 has no release date."""
    placements = {f"{TAG}tip-report/{year}/MMR" for year in (2009, 2010)}
    for ext in ("atom.xml", "rss.xml"):
        assert entry_ids(site, f"feeds/country/burma.{ext}") == {STORY, CAMPAIGN, *placements}
    albania = {STORY, f"{TAG}tip-report/2009/ALB", f"{TAG}tip-report/2010/ALB"}
    assert entry_ids(site, "feeds/country/albania.atom.xml") == albania
    assert entry_ids(site, "feeds/country/kosovo.atom.xml") == {
        f"{TAG}tip-report/2009/kosovo",  # no ISO code: the slug stands in
        f"{TAG}tip-report/2010/kosovo",
    }
    json_ids = {
        item["id"]
        for item in json.loads((site.output / "feeds/country/burma.json").read_text())["items"]
    }
    assert json_ids == {STORY, CAMPAIGN, *placements}


def test_a_placement_entry_is_dated_by_its_reports_release(site: BuildResult) -> None:
    feed = parse(site, "feeds/country/burma.atom.xml")
    entry = next(e for e in feed.entries if e.id.endswith("2010/MMR"))
    assert entry.title == "Burma: Tier 2 Watch List in the 2010 TIP Report"
    assert entry.published == "2010-06-14T00:00:00-04:00"
    assert entry.link == f"{PUBLISH_SITEURL}/reports/2010/"
    assert "Upgraded from Tier 3 in 2009." in entry.content[0].value


def test_other_feeds_carry_their_articles(site: BuildResult) -> None:
    assert entry_ids(site, "feeds/all.atom.xml") == {STORY, OTHER, CAMPAIGN}
    assert entry_ids(site, "feeds/category/stories.atom.xml") == {STORY}
    assert entry_ids(site, "feeds/tag/tiers.rss.xml") == {STORY, OTHER}
    assert entry_ids(site, "feeds/campaign/fixture-campaign.atom.xml") == {CAMPAIGN, STORY}


def test_entries_have_every_field(site: BuildResult) -> None:
    """Title, link, id, dates with zone, author, categories, summary and full content."""
    for relpath in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        feed = parse(site, relpath)
        story = next(e for e in feed.entries if e.id == STORY)
        assert story.title == "A story about Burma & Albania"
        assert story.link == f"{PUBLISH_SITEURL}/news/2010/a-story-about-burma-albania/"
        assert story.published_parsed[:5] == (2010, 7, 1, 14, 0)  # 10:00 Eastern, in UTC
        assert story.author == "Public Engagement"
        assert [t.term for t in story.tags] == ["Stories", "tiers", "burma"]
        assert "names two countries" in story.summary
        assert "The pixel again" in story.content[0].value
    atom = parse(site, "feeds/all.atom.xml")
    story = next(e for e in atom.entries if e.id == STORY)
    assert story.updated == "2010-07-03T09:30:00-04:00"  # its Modified date
    assert story.published == "2010-07-01T10:00:00-04:00"


def test_each_feed_has_its_own_metadata(site: BuildResult) -> None:
    for ext, kind in (("atom.xml", "application/atom+xml"), ("rss.xml", "application/rss+xml")):
        feed = parse(site, f"feeds/country/burma.{ext}").feed
        assert feed.title == "Feeds fixture: Burma"
        assert "Burma" in feed.subtitle
        assert feed.language == "en"
        assert feed.link == f"{PUBLISH_SITEURL}/countries/burma/"
        own = next(link for link in feed.links if link.rel == "self")
        assert (own.href, own.type) == (f"{PUBLISH_SITEURL}/feeds/country/burma.{ext}", kind)
    rss = parse(site, "feeds/country/burma.rss.xml").feed
    assert rss.image.href == f"{PUBLISH_SITEURL}/feeds/logo.png"
    atom = parse(site, "feeds/country/burma.atom.xml").feed
    assert atom.logo == f"{PUBLISH_SITEURL}/feeds/logo.png"
    assert atom.icon == f"{PUBLISH_SITEURL}/feeds/icon.png"
    assert atom.id == f"{TAG}feeds/country/burma"
    for image in ("icon.png", "logo.png"):
        assert (site.output / "feeds" / image).is_file()


def test_a_feed_is_dated_by_its_newest_entry(site: BuildResult) -> None:
    """Never by the build: Atom's updated (and RSS's lastBuildDate) is its newest entry's."""
    for file in feed_files(site):
        if not file.name.endswith(".atom.xml"):
            continue
        atom = feedparser.parse(file.read_bytes())
        newest = max(entry.updated_parsed for entry in atom.entries)
        assert atom.feed.updated_parsed == newest, file
        rss = feedparser.parse(file.with_name(file.name.replace(".atom.", ".rss.")).read_bytes())
        assert rss.feed.updated_parsed == newest, file


def test_links_are_absolute_under_a_siteurl_with_a_path(site: BuildResult) -> None:
    for file in feed_files(site):
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".json":
            document = json.loads(text)
            urls = [document["home_page_url"], document["feed_url"]]
            urls += [item["url"] for item in document["items"]]
        else:
            parsed = feedparser.parse(text)
            urls = [link.href for link in parsed.feed.links]
            urls += [link.href for e in parsed.entries for link in e.links]
        for url in urls:
            assert url.startswith(f"{PUBLISH_SITEURL}/"), f"{file}: {url}"


def test_entry_html_has_no_relative_url_left(site: BuildResult) -> None:
    checked = 0
    for feed, html in entry_html(site):
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.find_all(True):
            urls = [element.get(name) for name in URL_ATTRIBUTES if element.get(name)]
            srcset = element.get("srcset") or ""
            urls += [part.split()[0] for part in srcset.split(",") if part.strip()]
            for url in urls:
                checked += 1
                assert url.startswith((f"{PUBLISH_SITEURL}/", "mailto:")), f"{feed}: {url}"
    assert checked > 50  # the fixture story alone has a link, a note, a mail and images


def test_entry_html_is_absolute_and_sanitized() -> None:
    """Every URL resolves against the entry; nothing a page may not carry reaches a reader."""
    base = "https://example.org/tip/news/2010/story/"
    html = (
        '<h2 id="a">Tiers<a class="heading-anchor" href="#a" aria-label="Link">#</a></h2>'
        '<a href="../other/">o</a><a href="#note">n</a><img src="/tip/images/a.png" alt="x">'
        '<a href="mailto:x@y.z">m</a><script>alert(1)</script><a href="javascript:alert(1)">j</a>'
        '<p onclick="steal()" style="color: red">p</p><iframe src="https://evil.example/"></iframe>'
        '<form action="https://evil.example/"><input name="q"></form>'
    )
    soup = BeautifulSoup(feed_html(html, base, "heading-anchor"), "html.parser")
    assert [a.get("href") for a in soup.find_all("a")] == [
        "https://example.org/tip/news/2010/other/",
        f"{base}#note",
        "mailto:x@y.z",
        None,  # the javascript: URL is gone
    ]
    assert soup.find("img")["src"] == "https://example.org/tip/images/a.png"
    assert soup.find("h2").get_text() == "Tiers"  # the heading's own # link is left out
    assert not soup.find_all(["script", "iframe", "form", "input", "style"])
    assert not [el for el in soup.find_all(True) if "style" in el.attrs or "onclick" in el.attrs]


def test_two_builds_write_byte_identical_feeds(site: BuildResult, build_site: Builder) -> None:
    again = build_site("feeds", publish=True)
    first = {p.relative_to(site.output): p.read_bytes() for p in feed_files(site)}
    second = {p.relative_to(again.output): p.read_bytes() for p in feed_files(again)}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_ids_survive_a_change_of_url_settings(site: BuildResult, build_site: Builder) -> None:
    moved = build_site(
        "feeds",
        publish=True,
        ARTICLE_URL="stories/{slug}.html",
        ARTICLE_SAVE_AS="stories/{slug}.html",
    )
    before, after = parse(site, "feeds/all.atom.xml"), parse(moved, "feeds/all.atom.xml")
    assert {e.id for e in before.entries} == {e.id for e in after.entries}
    assert {e.link for e in before.entries} != {e.link for e in after.entries}


def test_a_setting_caps_the_entries(build_site: Builder) -> None:
    result = build_site("feeds", publish=True, FEEDS_MAX_ENTRIES=1)
    assert result.warnings == []
    assert [e.id for e in parse(result, "feeds/all.atom.xml").entries] == [OTHER]  # newest
    assert len(json.loads((result.output / "feeds/country/burma.json").read_text())["items"]) == 1


def test_drafts_are_in_no_feed(tmp_path: Path) -> None:
    """A preview writes the draft's page, but no feed carries it (nor the country's)."""
    site_dir = tmp_path / "site"
    shutil.copytree(SITES / "feeds", site_dir)
    (site_dir / "content/news/draft.md").write_text(
        "Title: Unfinished draft about Albania\nDate: 2010-07-05 10:00\nCategory: Stories\n"
        "Countries: ALB\nSummary: A draft.\nStatus: draft\n\nText.\n",
        encoding="utf-8",
    )
    result = build(site_dir / "content", site_dir / "output", overrides=site_overrides(site_dir))
    assert result.path("drafts/unfinished-draft-about-albania/").is_file()
    for file in feed_files(result):
        assert "Unfinished draft" not in file.read_text(encoding="utf-8"), file


def _alternates(result: BuildResult, relpath: str) -> list[str]:
    links = result.html(relpath).select('head link[rel="alternate"]')
    return [link["href"].removeprefix(f"{PUBLISH_SITEURL}/") for link in links]


def test_pages_advertise_the_site_feeds_and_their_own(site: BuildResult) -> None:
    site_feeds = ["feeds/all.atom.xml", "feeds/all.rss.xml"]
    own = {
        "countries/burma/": "feeds/country/burma",
        "news/category/stories/": "feeds/category/stories",
        "news/tag/tiers/": "feeds/tag/tiers",
        "campaigns/fixture-campaign/": "feeds/campaign/fixture-campaign",
    }
    for page, feed in own.items():
        assert _alternates(site, page) == [*site_feeds, f"{feed}.atom.xml", f"{feed}.rss.xml"]
    for page in ("", "news/", "news/2010/a-story-about-burma-albania/", "reports/2010/"):
        assert _alternates(site, page) == site_feeds, page
    link = site.html("countries/burma/").select_one('link[type="application/rss+xml"]')
    assert link["title"] == "Feeds fixture site: news and campaigns (RSS)"


def test_the_feeds_page_lists_every_feed(site: BuildResult) -> None:
    page = site.html("feeds/")
    assert page.h1.get_text(strip=True).startswith("Feeds")
    hrefs = {a["href"] for a in page.select("main a[href]")}
    for file in feed_files(site):
        assert f"{PUBLISH_SITEURL}/{file.relative_to(site.output).as_posix()}" in hrefs, file
    assert "How to subscribe" in page.get_text()
    footer = {a["href"] for a in site.html("").select("footer a[href]")}
    assert {f"{PUBLISH_SITEURL}/feeds/all.atom.xml", f"{PUBLISH_SITEURL}/feeds/"} <= footer


def test_a_websub_hub_is_announced_when_set(build_site: Builder) -> None:
    hub = "https://hub.example.net/"
    result = build_site("feeds", publish=True, FEEDS_WEBSUB_HUB=hub)
    for relpath in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        root = ElementTree.fromstring((result.output / relpath).read_bytes())
        hubs = root.findall(".//{http://www.w3.org/2005/Atom}link[@rel='hub']")
        assert [link.get("href") for link in hubs] == [hub], relpath
        assert not parse(result, relpath).bozo
    rss = parse(result, "feeds/all.rss.xml")
    assert rss.feed.link == f"{PUBLISH_SITEURL}/news/"  # the hub does not take RSS's <link>
    document = json.loads((result.output / "feeds/all.json").read_text())
    assert document["hubs"] == [{"type": "WebSub", "url": hub}]


def test_pelicans_own_feed_settings_are_turned_off(build_site: Builder) -> None:
    result = build_site("feeds", publish=True, FEED_ALL_ATOM="feeds/pelican.atom.xml")
    assert any("FEED_ALL_ATOM" in message for message in result.warnings), result.warnings
    assert not (result.output / "feeds/pelican.atom.xml").exists()


def test_a_bad_setting_stops_the_build(build_site: Builder) -> None:
    with pytest.raises(SystemExit):
        build_site("feeds", FEEDS_MAX_ENTRIES=0)


def test_a_share_card_becomes_a_media_thumbnail() -> None:
    """The hook for the share_cards plugin: a card URL per output path."""
    card = share_card({"news/a/index.html": "cards/a.png"}, "news/a/index.html", "https://x.org")
    assert card == Image(url="https://x.org/cards/a.png")
    assert share_card({}, "news/a/index.html", "https://x.org") is None
    moment = datetime.datetime(2010, 7, 1, 10, tzinfo=datetime.UTC)
    entry = Entry(
        id=f"{TAG}news/a",
        title="A",
        url="https://x.org/news/a/",
        published=moment,
        updated=moment,
        authors=("Someone",),
        categories=(),
        summary_html="<p>A.</p>",
        content_html="<p>A.</p>",
        image=Image(url="https://x.org/cards/a.png", width=1200, height=630),
    )
    info = render.FeedInfo(
        id=f"{TAG}feeds/test",
        title="T",
        subtitle="S",
        page_url="https://x.org/",
        self_urls=(("atom", "https://x.org/a.xml"), ("rss", "https://x.org/r.xml")),
        language="en",
        author="X",
        icon=None,
        logo=None,
        hub=None,
    )
    for document in (render.atom(info, [entry]), render.rss(info, [entry])):
        parsed = feedparser.parse(document)
        assert not parsed.bozo
        assert parsed.entries[0].media_thumbnail[0]["url"] == "https://x.org/cards/a.png"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2009,17 June 2009,somewhere", "is not a year and a date"),
        ("2009,2010-06-14,somewhere", "cannot come out on 2010-06-14"),
        ("2009,2009-06-17,", "has no source"),
    ],
)
def test_a_bad_release_row_names_the_file_and_line(tmp_path: Path, row: str, expected: str) -> None:
    path = tmp_path / "report_releases.csv"
    path.write_text(f"year,released,source\n{row}\n", encoding="utf-8")
    with pytest.raises(ReleasesError, match=expected) as error:
        load_releases(path)
    assert f"{path}:2:" in str(error.value)


def test_the_release_dates_each_have_a_source() -> None:
    """The real file: one row per year, each with a source, dated in its report year."""
    path = PROJECT / "content/data/report_releases.csv"
    releases = load_releases(path)
    assert releases, "no release dates"
    with path.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(releases)
    assert all(release.source for release in releases.values())


@pytest.mark.slow
def test_real_site_feeds_parse_and_are_advertised(real_site: BuildResult) -> None:
    """The real site: every feed parses; the US page advertises its country feed."""
    files = feed_files(real_site)
    assert len(files) > 300
    for file in files:
        if file.suffix != ".json":
            parsed = feedparser.parse(file.read_bytes())
            assert not parsed.bozo, f"{file}: {parsed.get('bozo_exception')}"
    hrefs = _alternates(real_site, "countries/united-states/")
    assert "feeds/country/united-states.atom.xml" in hrefs
    site_feed = parse(real_site, "feeds/all.atom.xml")
    assert site_feed.entries[0].published >= site_feed.entries[-1].published


@pytest.mark.slow
def test_real_site_country_feeds_carry_exactly_the_dated_placements(real_site: BuildResult) -> None:
    """Each country feed: one placement entry per report year with a sourced release date."""
    releases = load_releases(PROJECT / "content/data/report_releases.csv")
    data = load_tip_data(PROJECT / "content/data/tier_history.csv")
    for country in data.countries:
        expected = {
            f"{TAG}tip-report/{p.year}/{country.iso3 or country.slug}"
            for p in country.placements
            if p.year in releases
        }
        path = real_site.output / f"feeds/country/{country.slug}.atom.xml"
        if not expected and not path.exists():
            continue  # no dated placement and no news: no feed
        ids = {e.id for e in feedparser.parse(path.read_bytes()).entries}
        assert {i for i in ids if i.startswith(f"{TAG}tip-report/")} == expected, country.name
