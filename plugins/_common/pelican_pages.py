"""The facts of the pages Pelican's own generators write: articles, pages and news lists.

Pelican does not say which template a page comes from, so the kind is read from what it
passes: ``article``, ``page``, ``category``, ``tag``, ``author``, ``period``, or the
``page_name`` of a direct template (``news/index`` for the news list).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .labels import is_illustrative
from .pages import Crumb, PageMeta, document_title, paged, sample_facts, trail, url_of
from .text import plain_text

GROUPS = {"categories": "Categories", "tags": "Tags", "authors": "Authors"}


def describe(context: Mapping[str, Any]) -> PageMeta:
    """Return the facts of a page written by one of Pelican's generators."""
    output_file = str(context.get("output_file") or "index.html")
    article = context.get("article")
    if article is not None and getattr(article, "save_as", None) == output_file:
        return _article(context, article)
    page = context.get("page")
    if page is not None and hasattr(page, "title"):
        return _page(context, page, output_file)
    for kind in ("category", "tag", "author"):
        if context.get(kind) is not None:
            return paged(_group_list(context, kind, context[kind]), _page_of(context), context)
    if context.get("period"):
        return paged(_period(context), _page_of(context), context)
    direct = _direct_template(context)
    if direct == "index":
        return paged(_news(context), _page_of(context), context)
    if direct in GROUPS:
        return _groups(context, GROUPS[direct])
    if direct == "archives":
        return _archives(context)
    if direct == "search":
        return _search(context)
    heading = str(context.get("SITENAME", ""))
    return PageMeta("page", heading, heading, _mission(context), url_of(output_file))


def _page_of(context: Mapping[str, Any]) -> Any:
    return context.get("articles_page")


def _direct_template(context: Mapping[str, Any]) -> str:
    """Return which direct template (index, archives...) wrote the page, or ""."""
    page_name = str(context.get("page_name") or "")
    for name in context.get("DIRECT_TEMPLATES", ()):
        save_as = str(context.get(f"{name.upper()}_SAVE_AS") or "")
        if save_as and save_as.removesuffix(".html") == page_name:
            return str(name)
    return ""


def _mission(context: Mapping[str, Any]) -> str:
    return plain_text(context.get("SITE_MISSION") or context.get("SITENAME"))


def news_url(context: Mapping[str, Any]) -> str:
    """Return the URL of the news list."""
    return str(context.get("INDEX_URL") or url_of(str(context.get("INDEX_SAVE_AS", ""))))


def _setting_url(context: Mapping[str, Any], name: str) -> str:
    return str(context.get(f"{name}_URL") or url_of(str(context.get(f"{name}_SAVE_AS") or "")))


def _article(context: Mapping[str, Any], article: Any) -> PageMeta:
    heading = plain_text(article.title)
    steps = [("News", news_url(context))]
    category = getattr(article, "category", None)
    if category is not None:
        steps.append((category.name, category.url))
    facts = {
        "title": document_title(context, heading),
        "description": plain_text(getattr(article, "summary", "")) or _mission(context),
    }
    if is_illustrative(article):
        facts = sample_facts(context, heading, facts["description"])
    return PageMeta(
        kind="article",
        heading=heading,
        url=str(article.url),
        trail=(*trail(*steps), Crumb(heading, str(article.url))),
        listed=getattr(article, "status", "published") == "published",
        **facts,
    )


def _page(context: Mapping[str, Any], page: Any, output_file: str) -> PageMeta:
    heading = plain_text(page.title)
    description = plain_text(page.metadata.get("summary") or getattr(page, "summary", ""))
    listed = getattr(page, "status", "published") == "published"
    if output_file == "index.html" or getattr(page, "template", "") == "home":
        sitename = str(context["SITENAME"])
        title = sitename if heading in ("", sitename) else document_title(context, heading)
        return PageMeta(
            "home",
            heading or sitename,
            title,
            description or _mission(context),
            "",
            (),
            1,
            "",
            listed,
        )
    parents = []
    prefix = ""
    by_slug = {other.slug: other for other in context.get("pages", ()) if hasattr(other, "slug")}
    for part in str(page.slug).split("/")[:-1]:
        prefix += part
        parent = by_slug.get(prefix)
        if parent is not None:
            parents.append((plain_text(parent.title), str(parent.url)))
        prefix += "/"
    return PageMeta(
        kind="page",
        heading=heading,
        title=document_title(context, heading),
        description=description or _mission(context),
        url=str(page.url),
        trail=(*trail(*parents), Crumb(heading, str(page.url))),
        listed=listed,
    )


def _news(context: Mapping[str, Any]) -> PageMeta:
    url = news_url(context)
    sitename = context["SITENAME"]
    return PageMeta(
        kind="news",
        heading="News",
        title=document_title(context, "News"),
        description=f"The latest news from the {sitename}.",
        url=url,
        trail=trail(("News", url)),
        first_page_url=url,
    )


def _group_list(context: Mapping[str, Any], kind: str, group: Any) -> PageMeta:
    name = str(group.name)
    sitename = context["SITENAME"]
    heading, title_parts, description = {
        "category": (name, (name, "News"), f"News in the category {name} from the {sitename}."),
        "tag": (f"Tagged “{name}”", (f"Tagged “{name}”", "News"), f"News tagged “{name}”."),
        "author": (f"News by {name}", (f"News by {name}",), f"News by {name}."),
    }[kind]
    setting = {"category": "CATEGORIES", "tag": "TAGS", "author": "AUTHORS"}[kind]
    steps = [("News", news_url(context))]
    if context.get(f"{setting}_SAVE_AS"):
        steps.append((GROUPS[setting.lower()], _setting_url(context, setting)))
    return PageMeta(
        kind=kind,
        heading=heading,
        title=document_title(context, *title_parts),
        description=description,
        url=str(group.url),
        trail=(*trail(*steps), Crumb(name, str(group.url))),
        first_page_url=str(group.url),
    )


def _period(context: Mapping[str, Any]) -> PageMeta:
    when = " ".join(str(part) for part in reversed(context["period"]))
    url = str(context.get("url") or "")
    steps = [("News", news_url(context))]
    if context.get("ARCHIVES_SAVE_AS"):
        steps.append(("Archives", _setting_url(context, "ARCHIVES")))
    return PageMeta(
        kind="period",
        heading=f"News from {when}",
        title=document_title(context, f"News from {when}"),
        description=f"News from the {context['SITENAME']} in {when}.",
        url=url,
        trail=(*trail(*steps), Crumb(when, url)),
        first_page_url=url,
    )


def _groups(context: Mapping[str, Any], label: str) -> PageMeta:
    url = _setting_url(context, label.upper())
    heading = f"News {label.lower()}"
    return PageMeta(
        kind="groups",
        heading=heading,
        title=document_title(context, heading),
        description=(
            f"News {label.lower()} of the {context['SITENAME']}, with the number of articles "
            "in each."
        ),
        url=url,
        trail=(*trail(("News", news_url(context))), Crumb(label, url)),
    )


def _archives(context: Mapping[str, Any]) -> PageMeta:
    url = _setting_url(context, "ARCHIVES")
    return PageMeta(
        kind="archives",
        heading="News archives",
        title=document_title(context, "News archives"),
        description=f"Every news article from the {context['SITENAME']}, by year.",
        url=url,
        trail=(*trail(("News", news_url(context))), Crumb("Archives", url)),
    )


def _search(context: Mapping[str, Any]) -> PageMeta:
    url = _setting_url(context, "SEARCH")
    return PageMeta(
        kind="search",
        heading="Search",
        title=document_title(context, "Search"),
        description=f"Search every page of the {context['SITENAME']}: countries and their "
        "tiers by report year, regions, news, campaigns and the office's pages.",
        url=url,
        trail=(*trail(), Crumb("Search", url)),
        listed=False,  # a page of results for search engines to crawl would be noise
    )
