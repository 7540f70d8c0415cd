"""The site's languages: where each one's pages live, and which pages exist in which.

English (``DEFAULT_LANG`` of the first build) is at the site's root; every other language of
``LANGUAGES`` is a sub-site under ``<lang>/`` with the same addresses below it, so a page's
other languages are found by its address. A content file exists in the languages it is
translated into; a page made from data (a country, a region, a report year, the open data,
search, the feeds page) exists in every language; a news list exists in a language that has
news for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from plugins._common import i18n

SITE = "_LANGUAGES_SITE"  # a key in each build's settings: its Languages
# Page kinds (PageMeta.kind) drawn from data, and so written in every language.
EVERY_LANGUAGE = frozenset(
    {
        "country",
        "countries",
        "narrative",
        "region",
        "reports",
        "report",
        "data",
        "feeds",
        "search",
    }
)
CONTENT = frozenset({"home", "page", "article"})
NEWS_LISTS = frozenset(
    {"news", "category", "tag", "author", "period", "archives", "groups", "list"}
)


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str  # in its own language: "Español"
    dir: str  # "ltr" or "rtl"


@dataclass(frozen=True)
class Alternate:
    """The same page in one language: what a switcher and an hreflang link need."""

    language: Language
    href: str  # from the current build's root, for {{ SITEURL }}/href ("../es/about/")
    url: str  # absolute, for hreflang and the sitemap
    current: bool


@dataclass(frozen=True)
class Languages:
    """The languages of one site, and which of them the current build writes."""

    codes: tuple[str, ...]  # the default first
    current: str
    root_siteurl: str  # the default language's SITEURL (absolute or "")
    root_output: str  # the default language's OUTPUT_PATH
    # lang -> the URLs of its pages and news lists, known once the first build has read all
    pages: dict[str, set[str]] = field(default_factory=dict)

    @property
    def default(self) -> str:
        """Return the language at the site's root."""
        return self.codes[0]

    @property
    def is_root(self) -> bool:
        """Tell whether the current build is the default language's."""
        return self.current == self.default

    def language(self, code: str) -> Language:
        """Return the language ``code``."""
        return Language(code, i18n.language_name(code), "rtl" if i18n.is_rtl(code) else "ltr")

    def folder(self, code: str) -> str:
        """Return a language's folder below the site's root ("" or "es/")."""
        return "" if code == self.default else f"{code}/"

    def prefix(self, code: str) -> str:
        """Return the way from the current build's root to language ``code``'s root."""
        up = "" if self.is_root else "../"
        if code == self.current:
            return ""
        return up + self.folder(code)

    def home(self, code: str) -> str:
        """Return the way to language ``code``'s home page, the default's if it has none."""
        has_home = "" in self.pages.get(code, ()) or code == self.default
        return self.prefix(code if has_home else self.default)

    def absolute(self, code: str, url: str) -> str:
        """Return the absolute address of ``url`` (site-relative) in language ``code``."""
        return f"{self.root_siteurl.rstrip('/')}/{self.folder(code)}{url}"

    def alternates(self, kind: str, url: str, item: Any = None) -> list[Alternate]:
        """Return the languages page ``url`` of ``kind`` exists in, the current one included.

        ``item`` is the page's content (article or page), whose translations say where it
        exists; a page of a kind this model does not know exists in its own language only.
        """
        found = self._codes_of(kind, url, item)
        if len(found) < 2:
            return []
        return [
            Alternate(
                self.language(code),
                self.prefix(code) + url,
                self.absolute(code, url),
                code == self.current,
            )
            for code in self.codes
            if code in found
        ]

    def _codes_of(self, kind: str, url: str, item: Any) -> set[str]:
        if kind in EVERY_LANGUAGE:
            return set(self.codes)
        if kind in CONTENT and item is not None:
            return {self.current} | {
                str(t.lang) for t in getattr(item, "translations", ()) if t.lang in self.codes
            }
        if kind in NEWS_LISTS:
            return {code for code in self.codes if url in self.pages.get(code, ())}
        return {self.current}


def news_urls(settings: Mapping[str, Any], articles: Iterable[Any]) -> frozenset[str]:
    """Return the URLs of the news lists Pelican writes for ``articles`` (one language)."""
    articles = list(articles)
    if not articles:
        return frozenset()
    urls = {
        settings[f"{name}_URL"] for name in ("INDEX", "CATEGORIES", "TAGS", "AUTHORS", "ARCHIVES")
    }
    for article in articles:
        urls.add(article.category.url)
        urls.update(tag.url for tag in getattr(article, "tags", ()) or ())
        urls.update(author.url for author in getattr(article, "authors", ()) or ())
        urls.add(settings["YEAR_ARCHIVE_URL"].format(date=article.date))
    return frozenset(urls)
