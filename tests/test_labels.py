"""Illustrative samples are labelled in every channel they reach, on the real site.

The samples are the content files marked ``Illustrative: yes``. Each one's page carries the
notice; every list that links to it shows the label; each of its feed entries has the
prefixed title, the category and the label as its first line; its share card has the band
(read from og:image:alt, which is written from the card's layout input) and og:title says it;
its JSON-LD is a CreativeWork that says it is a sample, never a NewsArticle. (The band's
drawing is tested with the card layouts, in test_share_cards.py.)
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import PROJECT, BuildResult

from plugins._common.header import parse
from plugins._common.i18n import gettext
from plugins._common.labels import CARD_BAND, LABEL, TITLE_PREFIX, TITLED
from plugins._common.text import read_text

# Where a link to a sample needs no label of its own: the page's trail, the share links.
UNLABELLED_PARTS = (("nav", "breadcrumbs"), ("section", "share-links"))
CONTAINERS = ("li", "article", "h1", "h2", "h3", "h4", "p", "dd", "td")


class Samples:
    """The real site's samples: their sources, and their pages in a publish build."""

    def __init__(self, site: BuildResult) -> None:
        self.site = site
        self.base = site.siteurl.rstrip("/") + "/"

    @cached_property
    def sources(self) -> list[Path]:
        """Return the content files marked as samples."""
        found = []
        for path in sorted((PROJECT / "content").rglob("*.md")):
            entry = parse(read_text(path)).get("Illustrative")
            if entry is not None and entry.value.lower() in ("yes", "true"):
                found.append(path)
        return found

    @cached_property
    def urls(self) -> set[str]:
        """Return the absolute URLs of the pages that carry the sample notice."""
        found = set()
        for page in self.site.pages():
            soup = self.site.html(str(page))
            if soup.select_one(".notice--illustrative"):
                found.add(self.base + str(page).removesuffix("index.html"))
        return found

    def absolute(self, page: Path, href: str) -> str:
        """Return ``href`` on ``page`` as an absolute URL without its fragment."""
        url = urljoin(self.base + str(page), href)
        return url.split("#", 1)[0]


@pytest.fixture(scope="module")
def samples(real_site: BuildResult) -> Samples:
    return Samples(real_site)


def test_every_sample_has_its_notice_on_its_page(samples: Samples) -> None:
    assert len(samples.sources) >= 10  # the news and the campaigns
    assert len(samples.urls) == len(samples.sources)


def _needs_label(link: Tag) -> bool:
    return not any(link.find_parent(name, class_=cls) for name, cls in UNLABELLED_PARTS)


def _labelled(link: Tag) -> bool:
    html = link.find_parent("html")
    lang = html.get("lang", "en") if html else "en"
    prefix = TITLE_PREFIX if lang == "en" else _gettext(lang)(TITLED) % {"title": ""}
    if link.select_one(".sample-label") or link.get_text(strip=True).startswith(prefix):
        return True
    container = link.find_parent(CONTAINERS)
    if container is None:
        return False
    if container.select_one(".sample-label"):
        return True
    # A link in prose must say in its own words that the target is a sample, in the page's
    # language: "sample", or the first word of the label's translation ("ejemplo").
    word = _sample_word(lang)
    return link.find_parent(class_="prose") is not None and word in container.get_text().lower()


def _gettext(lang: str):
    """Return the catalog of ``lang`` as the build uses it."""
    return gettext({"DEFAULT_LANG": lang, "THEME": str(PROJECT / "theme")})


def _label(lang: str) -> str:
    """Return the sample label as pages in ``lang`` write it."""
    return _gettext(lang)(LABEL)


def _sample_word(lang: str) -> str:
    return "sample" if lang == "en" else _label(lang).split()[0].lower()


def test_every_link_to_a_sample_is_labelled(samples: Samples, real_site: BuildResult) -> None:
    unlabelled = []
    for page in real_site.pages():
        soup = real_site.html(str(page))
        own = samples.base + str(page).removesuffix("index.html")
        on_sample = own in samples.urls
        for link in soup.select("body a[href]"):
            target = samples.absolute(page, link["href"])
            if target not in samples.urls or target == own or not _needs_label(link):
                continue
            if on_sample and link.find_parent(class_="prose") is not None:
                continue  # a sample's own text: its notice labels the whole page
            if not _labelled(link):
                unlabelled.append(f"{page}: {link.get_text(' ', strip=True)[:60]!r}")
    assert unlabelled == []


def _feed_files(site: BuildResult) -> list[Path]:
    return sorted(p for p in (site.output / "feeds").rglob("*") if p.suffix in (".xml", ".json"))


def test_every_feed_entry_of_a_sample_says_so(samples: Samples, real_site: BuildResult) -> None:
    checked = 0
    for path in _feed_files(real_site):
        if path.suffix == ".json":
            document = json.loads(path.read_text(encoding="utf-8"))
            entries = [
                (item["url"], item["title"], item.get("tags", []), item.get("content_html", ""))
                for item in document["items"]
            ]
        else:
            feed = feedparser.parse(path.read_bytes())
            entries = [
                (
                    entry.link,
                    entry.title,
                    [tag.term for tag in entry.get("tags", [])],
                    (entry.get("content") or [{"value": entry.get("summary", "")}])[0]["value"],
                )
                for entry in feed.entries
            ]
        for url, title, tags, content in entries:
            if url not in samples.urls:
                continue
            checked += 1
            assert title.startswith(TITLE_PREFIX), (path.name, title)
            assert LABEL in tags, (path.name, title, tags)
            assert BeautifulSoup(content, "html.parser").get_text().startswith(LABEL), path.name
    assert checked > 50  # every sample is in the site feeds and in its topics' feeds


def test_the_site_feed_says_samples_are_labelled(real_site: BuildResult) -> None:
    feed = feedparser.parse((real_site.output / "feeds" / "all.atom.xml").read_bytes())
    assert f"Samples are labelled “{LABEL}”" in feed.feed.subtitle


def test_every_sample_card_and_its_metadata_say_so(
    samples: Samples, real_site: BuildResult
) -> None:
    for url in sorted(samples.urls):
        soup = real_site.html(urlsplit(url).path.removeprefix(urlsplit(samples.base).path))
        alt = soup.find("meta", property="og:image:alt")["content"]
        assert f"marked “{CARD_BAND}”" in alt, url
        assert soup.find("meta", property="og:title")["content"].startswith(TITLE_PREFIX)
        assert soup.find("meta", attrs={"name": "description"})["content"].startswith(LABEL)
        assert soup.title.get_text().startswith(TITLE_PREFIX), url


def test_a_sample_is_a_creative_work_not_the_offices_news(
    samples: Samples, real_site: BuildResult
) -> None:
    for url in sorted(samples.urls):
        soup = real_site.html(urlsplit(url).path.removeprefix(urlsplit(samples.base).path))
        blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
        types = [block.get("@type") for block in blocks]
        assert "NewsArticle" not in types, url
        work = next(block for block in blocks if block.get("@type") == "CreativeWork")
        assert work["genre"] == LABEL
        assert work["name"].startswith(TITLE_PREFIX)
        assert work["description"].startswith(LABEL)
        assert "publisher" not in work and "author" not in work
