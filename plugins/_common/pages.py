"""What each page says about itself: its heading, title, description and breadcrumb trail.

Computed once, in Python, from the objects a page is rendered with, and read by everything
that shows them: the templates (``<title>``, the breadcrumbs, a list's heading), the JSON-LD
BreadcrumbList (seo) and the share card with its Open Graph tags (share_cards). Our own
generators describe the pages they write and pass the :class:`PageMeta` to the writer as
``page_meta``; :func:`meta_of` describes Pelican's own pages (articles, pages, news lists).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .i18n import date, gettext
from .labels import labelled_title

SEPARATOR = " — "
# How English writes a day on this site ("14 June 2010"), which CLDR's long form does not.
# A key in Pelican's settings, and so in every page's context: this build's facts of
# Pelican's own pages, by output file, so each page is described once however often asked.
MEMO = "_PAGE_META_MEMO"


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb trail: its label and its URL (site-relative, "" is home)."""

    label: str
    url: str


@dataclass(frozen=True)
class PageMeta:
    """The facts every view of one page shares."""

    kind: str  # home, page, article, campaign, campaigns, country, countries, region,
    # reports, report, data, feeds, news, category, tag, author, period, archives, groups,
    # 404, redirect
    heading: str  # the page's <h1>, as plain text (also the card's title and og:title)
    title: str  # the document's <title>
    description: str  # the one meta description (and og:description)
    url: str  # the page's own URL, site-relative
    trail: tuple[Crumb, ...] = ()  # Home first, this page last; () for no breadcrumbs
    page_number: int = 1  # a paginated list's page
    first_page_url: str = ""  # page 1 of a paginated list (its pages share one card)
    listed: bool = True  # in the sitemap and open to search engines
    extra: Mapping[str, Any] = field(default_factory=dict)  # what a page kind adds
    illustrative: bool = False  # a sample (see :mod:`plugins._common.labels`), labelled as one


def site_name(settings: Mapping[str, Any]) -> str:
    """Return the site's name (``SITENAME``) in the build's language."""
    name = str(settings["SITENAME"])
    return gettext(settings)(name) if name else name


def day(settings: Mapping[str, Any], value: datetime.date) -> str:
    """Return a day as the site writes it in the build's language.

    In CLDR's long form ("14 de junio de 2010"), or the language's house style in
    ``I18N_DATE_FORMATS`` (English: "14 June 2010", where CLDR writes "June 14, 2010").
    """
    return date(settings, value, "long")


def document_title(settings: Mapping[str, Any], *parts: str) -> str:
    """Return a <title>: the parts, then the site's name, joined by dashes."""
    return SEPARATOR.join([*(p for p in parts if p), site_name(settings)])


def trail(*steps: tuple[str, str], settings: Mapping[str, Any] | None = None) -> tuple[Crumb, ...]:
    """Return a trail that starts at the home page: ``trail(("News", "news/"), ...)``.

    The steps' labels are as given; "Home" is in the language of ``settings`` (English
    without them).
    """
    _ = gettext(settings or {})
    return (Crumb(_("Home"), ""), *(Crumb(label, url) for label, url in steps))


def top_page(
    settings: Mapping[str, Any],
    kind: str,
    heading: str,
    description: str,
    url: str,
    *,
    crumb: str = "",
    listed: bool = True,
) -> PageMeta:
    """Return the facts of a page just under the home page: Home, then ``crumb`` (or the
    heading) in its trail."""
    return PageMeta(
        kind=kind,
        heading=heading,
        title=document_title(settings, heading),
        description=description,
        url=url,
        trail=(*trail(settings=settings), Crumb(crumb or heading, url)),
        listed=listed,
    )


def nav_item(settings: Mapping[str, Any], url: str) -> tuple[str, str] | None:
    """Return the (label, URL) of the navigation section a page at ``url`` belongs to.

    It is the ``NAV_ITEMS`` entry whose URL, or one of its other prefixes, is the longest
    start of ``url``.
    """
    best, length = None, 0
    for label, item_url, *more in settings.get("NAV_ITEMS", ()):
        for prefix in (item_url, *(more[0] if more else ())):
            if prefix and url.startswith(prefix) and len(prefix) > length:
                best, length = (label, item_url), len(prefix)
    return best


def meta_of(context: Mapping[str, Any]) -> PageMeta:
    """Return the facts of the page rendered with ``context``."""
    given = context.get("page_meta")
    if isinstance(given, PageMeta):
        return given
    from .pelican_pages import describe  # Pelican's own page types

    memo = context.get(MEMO)
    output_file = str(context.get("output_file") or "")
    if memo is None or not output_file:
        return describe(context)
    if output_file not in memo:
        memo[output_file] = describe(context)
    return memo[output_file]


def sample_facts(settings: Mapping[str, Any], heading: str, description: str) -> dict[str, Any]:
    """Return the title and description of a sample's page, both saying it is one."""
    _ = gettext(settings)
    notice = _("Illustrative sample, not an official statement of the office.")
    return {
        "title": document_title(settings, labelled_title(heading, settings)),
        "description": f"{notice} {description}".strip(),
        "illustrative": True,
    }


def url_of(save_as: str) -> str:
    """Return the URL that serves output file ``save_as`` (``a/index.html`` -> ``a/``)."""
    return "" if save_as == "index.html" else save_as.removesuffix("index.html")


def paged(meta: PageMeta, page: Any, settings: Mapping[str, Any]) -> PageMeta:
    """Return a list's facts for page ``page`` of its paginator (unchanged for page 1)."""
    number = getattr(page, "number", 1) or 1
    if number == 1:
        return meta
    _ = gettext(settings)
    name = site_name(settings)
    heading_title = meta.title.removesuffix(SEPARATOR + name)
    first, *rest = heading_title.split(SEPARATOR, 1)
    first = _("%(title)s (page %(number)s)") % {"title": first, "number": number}
    title = SEPARATOR.join([first, *rest, name])
    steps = (*meta.trail[:-1], Crumb(meta.trail[-1].label, meta.url)) if meta.trail else ()
    page_label = _("Page %(number)s") % {"number": number}
    page_sentence = _("Page %(number)s.") % {"number": number}
    return PageMeta(
        kind=meta.kind,
        heading=meta.heading,
        title=title,
        description=f"{meta.description} {page_sentence}",
        url=str(getattr(page, "url", meta.url)),
        trail=(*steps, Crumb(page_label, str(getattr(page, "url", "")))) if steps else (),
        page_number=number,
        first_page_url=meta.url,
        listed=meta.listed,
        extra=meta.extra,
        illustrative=meta.illustrative,
    )
