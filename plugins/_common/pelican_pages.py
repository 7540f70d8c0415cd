"""The facts of the pages Pelican's own generators write: articles, pages and news lists.

Pelican does not say which template a page comes from, so the kind is read from what it
passes: ``article``, ``page``, ``category``, ``tag``, ``author``, ``period``, or the
``page_name`` of a direct template (``news/index`` for the news list).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from .i18n import N_, date, gettext, locale
from .labels import is_illustrative
from .pages import (
    Crumb,
    PageMeta,
    day,
    document_title,
    paged,
    sample_facts,
    site_name,
    top_page,
    trail,
    url_of,
)
from .text import plain_text

GROUPS = {"categories": N_("Categories"), "tags": N_("Tags"), "authors": N_("Authors")}
# The heading and description of each list of groups; %(site)s is the site's name.
GROUP_PAGES = {
    "categories": (
        N_("News categories"),
        N_("News categories of the %(site)s, with the number of articles in each."),
    ),
    "tags": (
        N_("News tags"),
        N_("News tags of the %(site)s, with the number of articles in each."),
    ),
    "authors": (
        N_("News authors"),
        N_("News authors of the %(site)s, with the number of articles in each."),
    ),
}


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
        return _groups(context, direct)
    if direct == "archives":
        return _archives(context)
    if direct == "search":
        return _search(context)
    heading = site_name(context) if context.get("SITENAME") else ""
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
    """Return the site's mission (or else its name) in the build's language, as plain text."""
    text = context.get("SITE_MISSION") or context.get("SITENAME")
    return plain_text(gettext(context)(str(text)) if text else text)


def news_url(context: Mapping[str, Any]) -> str:
    """Return the URL of the news list."""
    return str(context.get("INDEX_URL") or url_of(str(context.get("INDEX_SAVE_AS", ""))))


def _setting_url(context: Mapping[str, Any], name: str) -> str:
    return str(context.get(f"{name}_URL") or url_of(str(context.get(f"{name}_SAVE_AS") or "")))


def _article(context: Mapping[str, Any], article: Any) -> PageMeta:
    _ = gettext(context)
    heading = plain_text(article.title)
    steps = [(_("News"), news_url(context))]
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
        trail=(*trail(*steps, settings=context), Crumb(heading, str(article.url))),
        listed=getattr(article, "status", "published") == "published",
        **facts,
    )


def _page(context: Mapping[str, Any], page: Any, output_file: str) -> PageMeta:
    heading = plain_text(page.title)
    description = plain_text(page.metadata.get("summary") or getattr(page, "summary", ""))
    listed = getattr(page, "status", "published") == "published"
    if output_file == "index.html" or getattr(page, "template", "") == "home":
        sitename = site_name(context)
        own_names = ("", str(context["SITENAME"]), sitename)
        title = sitename if heading in own_names else document_title(context, heading)
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
        trail=(*trail(*parents, settings=context), Crumb(heading, str(page.url))),
        listed=listed,
    )


def _news(context: Mapping[str, Any]) -> PageMeta:
    _ = gettext(context)
    url = news_url(context)
    news = _("News")
    return PageMeta(
        kind="news",
        heading=news,
        title=document_title(context, news),
        description=_("The latest news from the %(site)s.") % {"site": site_name(context)},
        url=url,
        trail=trail((news, url), settings=context),
        first_page_url=url,
    )


def _group_list(context: Mapping[str, Any], kind: str, group: Any) -> PageMeta:
    _ = gettext(context)
    name = str(group.name)
    values = {"name": name, "site": site_name(context)}
    news = _("News")
    if kind == "category":
        heading, title_parts = name, (name, news)
        description = _("News in the category %(name)s from the %(site)s.") % values
    elif kind == "tag":
        heading = _("Tagged “%(name)s”") % values
        title_parts = (heading, news)
        description = _("News tagged “%(name)s”.") % values
    else:
        heading = _("News by %(name)s") % values
        title_parts = (heading,)
        description = _("News by %(name)s.") % values
    setting = {"category": "CATEGORIES", "tag": "TAGS", "author": "AUTHORS"}[kind]
    steps = [(news, news_url(context))]
    if context.get(f"{setting}_SAVE_AS"):
        steps.append((_(GROUPS[setting.lower()]), _setting_url(context, setting)))
    return PageMeta(
        kind=kind,
        heading=heading,
        title=document_title(context, *title_parts),
        description=description,
        url=str(group.url),
        trail=(*trail(*steps, settings=context), Crumb(name, str(group.url))),
        first_page_url=str(group.url),
    )


def _when(context: Mapping[str, Any]) -> str:
    """Return the period of a period archive in the build's language: a year, month or day."""
    numbers = tuple(context.get("period_num") or ())
    if len(numbers) == 3:
        return day(context, datetime.date(*numbers))
    if len(numbers) == 2:
        pattern = locale(context).datetime_skeletons["yMMMM"].pattern
        return date(context, datetime.date(numbers[0], numbers[1], 1), pattern)
    return " ".join(str(part) for part in reversed(context["period"]))


def _period(context: Mapping[str, Any]) -> PageMeta:
    _ = gettext(context)
    when = _when(context)
    # Pelican gives a year's archive no url: its output file says it
    url = str(context.get("url") or url_of(str(context.get("output_file") or "")))
    steps = [(_("News"), news_url(context))]
    if context.get("ARCHIVES_SAVE_AS"):
        steps.append((_("Archives"), _setting_url(context, "ARCHIVES")))
    heading = _("News from %(when)s") % {"when": when}
    return PageMeta(
        kind="period",
        heading=heading,
        title=document_title(context, heading),
        description=_("News from the %(site)s in %(when)s.")
        % {"site": site_name(context), "when": when},
        url=url,
        trail=(*trail(*steps, settings=context), Crumb(when, url)),
        first_page_url=url,
    )


def _groups(context: Mapping[str, Any], group: str) -> PageMeta:
    """Describe the list of every category, tag or author (``group``: ``categories``...)."""
    _ = gettext(context)
    url = _setting_url(context, group.upper())
    heading, description = GROUP_PAGES[group]
    return PageMeta(
        kind="groups",
        heading=_(heading),
        title=document_title(context, _(heading)),
        description=_(description) % {"site": site_name(context)},
        url=url,
        trail=(
            *trail((_("News"), news_url(context)), settings=context),
            Crumb(_(GROUPS[group]), url),
        ),
    )


def _archives(context: Mapping[str, Any]) -> PageMeta:
    _ = gettext(context)
    url = _setting_url(context, "ARCHIVES")
    heading = _("News archives")
    return PageMeta(
        kind="archives",
        heading=heading,
        title=document_title(context, heading),
        description=_("Every news article from the %(site)s, by year.")
        % {"site": site_name(context)},
        url=url,
        trail=(
            *trail((_("News"), news_url(context)), settings=context),
            Crumb(_("Archives"), url),
        ),
    )


def _search(context: Mapping[str, Any]) -> PageMeta:
    _ = gettext(context)
    url = _setting_url(context, "SEARCH")
    description = _(
        "Search every page of the %(site)s: countries and their tiers by report year, "
        "regions, news, campaigns and the office's pages."
    ) % {"site": site_name(context)}
    # a page of results for search engines to crawl would be noise
    return top_page(context, "search", _("Search"), description, url, listed=False)
