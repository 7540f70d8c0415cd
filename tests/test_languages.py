"""The site in Spanish, French and Arabic: sub-sites, hreflang, localized names, feeds, catalogs.

Built once, with the publish settings (``real_site``): English at the root, the other
languages of ``LANGUAGES`` under ``/<lang>/``, all in one build.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from babel import Locale
from sitebuild import PROJECT, BuildResult

from plugins._common.i18n import CATALOGS, SOURCE_LANGUAGE
from plugins.i18n.catalogs import catalog_file, extract, problems

LANGUAGES = ("en", "es", "fr", "ar")
OTHERS = LANGUAGES[1:]
TRANSLATED = {  # pages translated into each language (content/pages/*.<lang>.md)
    "es": ("", "about/", "3p/", "3p/protection/", "tip-report/", "get-help/"),
    "fr": ("", "about/", "3p/", "3p/prevention/", "tip-report/", "get-help/"),
    "ar": ("", "get-help/"),
}


def folder(lang: str) -> str:
    """Return a language's folder of the output ("" for English)."""
    return "" if lang == "en" else f"{lang}/"


def alternates(site: BuildResult, page: str) -> dict[str, str]:
    """Return a page's hreflang links, as {hreflang: URL}."""
    head = site.html(page).head
    return {link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")}


def output_page(site: BuildResult, url: str) -> str:
    """Return the output page an absolute URL of the site serves."""
    path = urlsplit(url).path.removeprefix(urlsplit(site.siteurl).path).lstrip("/")
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_its_pages_with_lang_and_dir(real_site: BuildResult, lang: str) -> None:
    """Each language writes its home, Get Help and country pages, with its lang and dir."""
    for page in ("", "get-help/", "countries/", "countries/burma/", "reports/2010/"):
        html = real_site.html(folder(lang) + page).html
        assert html["lang"] == lang, page
        assert html["dir"] == ("rtl" if lang == "ar" else "ltr"), page


def test_hreflang_is_reciprocal_with_x_default(real_site: BuildResult) -> None:
    """Every page an hreflang link names exists and names the same set back; x-default is
    the English page."""
    checked = 0
    for page in ["", "get-help/", "about/", "countries/burma/", "regions/eap/", "reports/"]:
        for lang in LANGUAGES:
            if not real_site.path(folder(lang) + page).is_file():
                continue
            links = alternates(real_site, folder(lang) + page)
            assert links, f"{folder(lang)}{page} has no hreflang links"
            assert links["x-default"] == links["en"]
            for url in links.values():
                back = alternates(real_site, output_page(real_site, url))
                assert back == links, f"{url} does not name the same languages back"
                checked += 1
    assert checked > 40


def test_untranslated_pages_have_no_alternate_and_are_not_written(real_site: BuildResult) -> None:
    """A page not translated into a language is not written there, nor named by hreflang."""
    assert not real_site.path("ar/about/").exists()
    assert "ar" not in alternates(real_site, "about/")
    assert set(alternates(real_site, "about/")) == {"en", "es", "fr", "x-default"}
    assert not real_site.path("es/news/").exists(), "the sub-site has no news, so no news list"
    assert not real_site.path("es/campaigns/").exists()


def test_links_to_english_only_sections_say_so(real_site: BuildResult) -> None:
    """In Arabic, navigation to a section with no Arabic page goes to the English one."""
    nav = real_site.html("ar/").select_one(".site-nav")
    news = next(a for a in nav.select("a") if a["href"].endswith("/news/"))
    assert news["href"] == f"{real_site.siteurl}/news/"
    assert news["hreflang"] == "en"


@pytest.mark.parametrize("lang", OTHERS)
def test_translated_pages_say_they_are_translations(real_site: BuildResult, lang: str) -> None:
    """Each translated page links its English page and says when it was translated."""
    for page in TRANSLATED[lang]:
        note = real_site.html(folder(lang) + page).select_one(".notice--translation")
        assert note is not None, f"{folder(lang)}{page} does not say it is a translation"
        english = note.find("a", hreflang="en")
        assert english["href"] == f"{real_site.siteurl}/{page}"
        assert note.find("time")["datetime"] == "2026-12-02"


def test_language_switcher_goes_to_the_same_page(real_site: BuildResult) -> None:
    """On the French Burma page, each language's link is Burma in that language."""
    switcher = real_site.html("fr/countries/burma/").select_one(".language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.select("a[hreflang]")}
    root = real_site.siteurl
    assert links == {
        "en": f"{root}/countries/burma/",
        "es": f"{root}/es/countries/burma/",
        "ar": f"{root}/ar/countries/burma/",
    }
    assert switcher.select_one("[aria-current]").get_text(strip=True) == "Français"


@pytest.mark.parametrize(
    ("lang", "slug", "alpha2"),
    [
        ("es", "germany", "DE"),
        ("fr", "germany", "DE"),
        ("ar", "germany", "DE"),
        ("es", "cote-divoire", "CI"),
        ("fr", "united-states", "US"),
        ("ar", "burma", "MM"),
    ],
)
def test_country_names_are_cldrs(real_site: BuildResult, lang: str, slug: str, alpha2: str) -> None:
    """A country page's heading and title name the country as CLDR does in the language."""
    expected = Locale.parse(lang).territories[alpha2]
    page = real_site.html(f"{folder(lang)}countries/{slug}/")
    assert page.h1.get_text(" ", strip=True).startswith(expected)
    assert expected in page.title.get_text()


def test_country_pages_keep_the_reports_name(real_site: BuildResult) -> None:
    """The Spanish Burma page still gives the report's name, Burma, among its other names."""
    text = real_site.html("es/countries/burma/").get_text(" ")
    assert "Burma" in text


@pytest.mark.parametrize("lang", OTHERS)
def test_language_feeds_parse_with_their_language(real_site: BuildResult, lang: str) -> None:
    """A country's Atom and RSS feeds in a language parse, and say their language."""
    for ext in ("atom.xml", "rss.xml"):
        path = real_site.output / folder(lang) / "feeds" / "country" / f"burma.{ext}"
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.get("language") == lang, path
        english = feedparser.parse(
            (real_site.output / "feeds/country" / f"burma.{ext}").read_bytes()
        )
        placements = {e.id for e in english.entries if ":tip-report/" in e.id}
        assert {e.id for e in feed.entries} == placements, "a placement entry is missing"
        assert Locale.parse(lang).territories["MM"] in feed.feed.title


def test_sitemaps_list_alternates_and_robots_names_them(real_site: BuildResult) -> None:
    """Each language's sitemap gives its pages' alternates; robots.txt names every sitemap."""
    robots = (real_site.output / "robots.txt").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f"Sitemap: {real_site.siteurl}/{folder(lang)}sitemap.xml" in robots
        sitemap = (real_site.output / folder(lang) / "sitemap.xml").read_text(encoding="utf-8")
        assert re.search(r'hreflang="x-default" href="[^"]+/countries/burma/"', sitemap)
    assert not (real_site.output / "es" / "robots.txt").exists()


def test_language_pages_have_their_own_cards(real_site: BuildResult) -> None:
    """The Arabic Get Help page has a card of its own, drawn from its Arabic words."""
    english = real_site.html("get-help/").find("meta", property="og:image")["content"]
    arabic = real_site.html("ar/get-help/").find("meta", property="og:image")["content"]
    assert arabic == english.replace("/tip/", "/tip/ar/", 1)
    card = real_site.output / output_page(real_site, arabic)
    english_card = real_site.output / output_page(real_site, english)
    assert card.is_file() and card.read_bytes() != english_card.read_bytes()


def test_one_search_index_for_every_language(real_site: BuildResult) -> None:
    """Pagefind indexes each language apart (by <html lang>), in the one bundle at the root."""
    bundle = real_site.output / "pagefind"
    indexes = {path.name.split("_")[0] for path in bundle.glob("pagefind.*.pf_meta")}
    assert indexes, "no index"
    entry = (bundle / "pagefind-entry.json").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f'"{lang}"' in entry, f"no {lang} index"
    assert not (real_site.output / "es" / "pagefind").exists()


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
def test_catalog_is_complete(lang: str) -> None:
    """The shipped catalog translates every message: none untranslated, fuzzy or broken."""
    path = catalog_file(PROJECT / CATALOGS, lang)
    assert problems(path, lang) == []


def test_catalogs_hold_every_message_of_the_code() -> None:
    """Every message the theme, plugins and settings use is in the catalogs (invoke i18n)."""
    template = extract(PROJECT, PROJECT / "babel.cfg")
    wanted = {message.id if isinstance(message.id, str) else message.id[0] for message in template}
    wanted.discard("")
    from babel.messages.pofile import read_po

    for lang in OTHERS:
        with catalog_file(PROJECT / CATALOGS, lang).open("rb") as file:
            catalog = read_po(file, locale=lang)
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        missing = sorted(wanted - have)
        assert missing == [], f"{lang}: run `invoke i18n`; missing {missing[:5]}"


def test_a_missing_catalog_is_a_clear_error(tmp_path: Path) -> None:
    """A language without a catalog names the file and says how to make it."""
    from plugins._common.i18n import CatalogError, compile_catalog

    with pytest.raises(
        CatalogError, match=r"messages\.po: no message catalog for 'xx'.*invoke i18n"
    ):
        compile_catalog(tmp_path / "xx" / "LC_MESSAGES" / "messages.po", "xx")


def test_arabic_cards_are_mirrored(real_site: BuildResult) -> None:
    """An Arabic card runs right to left: Burma's strip starts (2001, Tier 3) on the right."""
    from PIL import Image

    def strip_ends(path: Path) -> tuple[tuple[int, ...], tuple[int, ...]]:
        image = Image.open(path).convert("RGB")
        return image.getpixel((80, 502)), image.getpixel((image.width - 80, 502))

    english = strip_ends(real_site.output / "cards/countries/burma.png")
    arabic = strip_ends(real_site.output / "ar/cards/countries/burma.png")
    assert english[0] != english[1], "the strip's ends should be two tiers"
    assert arabic == (english[1], english[0])
