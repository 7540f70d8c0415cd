"""Write one feed's entries as Atom and RSS 2.0 (with feedgen) and as JSON Feed 1.1.

Nothing here reads the clock: a feed's date is its newest entry's, so the same content always
gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .catalog import MIME_TYPES
from .entries import Entry

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedInfo:
    """A feed's own metadata, with absolute URLs."""

    id: str
    title: str
    subtitle: str
    page_url: str  # the page the feed follows
    self_urls: tuple[tuple[str, str], ...]  # (format, URL): a tuple, so FeedInfo is hashable
    language: str
    author: str
    icon: str | None
    logo: str | None
    hub: str | None


def document(format: str, info: FeedInfo, entries: tuple[Entry, ...]) -> bytes | str:
    """Return the feed document in ``format`` (atom, rss or json)."""
    return {"atom": atom, "rss": rss, "json": json_feed}[format](info, list(entries))


def atom(info: FeedInfo, entries: list[Entry]) -> bytes:
    """Return the Atom document of ``entries`` (already sorted and capped)."""
    return _generator(info, entries, "atom").atom_str(pretty=True)


def rss(info: FeedInfo, entries: list[Entry]) -> bytes:
    """Return the RSS 2.0 document of ``entries`` (already sorted and capped)."""
    return _generator(info, entries, "rss").rss_str(pretty=True)


def json_feed(info: FeedInfo, entries: list[Entry]) -> str:
    """Return the JSON Feed 1.1 document of ``entries`` (already sorted and capped)."""
    document: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": info.page_url,
        "feed_url": dict(info.self_urls)["json"],
        "description": info.subtitle,
        "language": info.language,
        "authors": [{"name": info.author}],
    }
    if info.icon:  # JSON Feed wants both square
        document["icon"] = document["favicon"] = info.icon
    if info.hub:
        document["hubs"] = [{"type": "WebSub", "url": info.hub}]
    document["items"] = [_json_item(entry) for entry in entries]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_item(entry: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry.id,
        "url": entry.url,
        "title": entry.title,
        "content_html": entry.content_html,
        "summary": entry.summary_text,
        "date_published": entry.published.isoformat(),
        "date_modified": entry.updated.isoformat(),
        "authors": [{"name": name} for name in entry.authors],
        "tags": list(entry.categories),
    }
    if entry.image:
        item["image"] = entry.image.url
    return item


class _RssHub(BaseExtension):
    """Put ``<atom:link rel="hub">`` in an RSS channel (feedgen writes only the self link)."""

    hub: str | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"atom": ATOM_NS}

    def extend_rss(self, rss_feed):
        if self.hub:
            xml_elem(f"{{{ATOM_NS}}}link", rss_feed[0], href=self.hub, rel="hub")
        return rss_feed


def _generator(info: FeedInfo, entries: list[Entry], format: str) -> FeedGenerator:
    """Return a feedgen generator holding the feed and its entries for ``format``."""
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)  # dc:creator: RSS's author needs an email
    if any(entry.image for entry in entries):
        feed.load_extension("media")
    if info.hub and format == "rss":
        feed.register_extension("websub", _RssHub, None, atom=False, rss=True)
        feed.websub.hub = info.hub
    feed.id(info.id)
    feed.title(info.title)
    feed.subtitle(info.subtitle)
    feed.language(info.language)
    feed.author({"name": info.author})
    # The last link is RSS's <link>, so the page comes last.
    feed.link(href=dict(info.self_urls)[format], rel="self", type=MIME_TYPES[format])
    if info.hub:
        feed.link(href=info.hub, rel="hub")
    feed.link(href=info.page_url, rel="alternate", type="text/html")
    if info.icon:
        feed.icon(info.icon)
    if info.logo:
        feed.logo(info.logo)
    feed.updated(max(entry.updated for entry in entries))
    for entry in entries:
        _add_entry(feed.add_entry(order="append"), entry)
    return feed


def _add_entry(item: FeedEntry, entry: Entry) -> None:
    item.id(entry.id)
    item.title(entry.title)
    item.link(href=entry.url, rel="alternate", type="text/html")
    item.published(entry.published)
    item.updated(entry.updated)
    item.author([{"name": name} for name in entry.authors])
    item.dc.dc_creator(list(entry.authors))
    item.category([{"term": name} for name in entry.categories])
    item.summary(entry.summary_html, type="html")
    item.content(entry.content_html, type="html")
    if entry.image:
        thumbnail = {"url": entry.image.url}
        if entry.image.width and entry.image.height:
            thumbnail |= {"width": str(entry.image.width), "height": str(entry.image.height)}
        item.media.thumbnail(thumbnail)
