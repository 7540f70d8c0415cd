"""schema.org structured data (JSON-LD) for the pages that have a type search engines read.

Each function returns one JSON-LD object as a dict; the ``seo_meta.html`` partial writes the
blocks of :func:`page_blocks` as ``<script type="application/ld+json">`` (a data block, which
a Content-Security-Policy does not treat as script). The BreadcrumbList is made from the
breadcrumb trail a page shows (:func:`breadcrumb_list`), so the two always agree.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Mapping, Sequence
from typing import Any

from plugins._common.i18n import gettext
from plugins._common.labels import LABEL, NOTE, is_illustrative, labelled_title
from plugins._common.pages import PageMeta
from plugins._common.text import plain_text

from .urls import absolute, page_url, site_base

CONTEXT = "https://schema.org"
ENCODINGS = {".csv": "text/csv", ".json": "application/json", ".xml": "application/xml"}

JsonLd = dict[str, Any]


def organization_id(settings: Mapping[str, Any]) -> str:
    """Return the @id that names the office in every block."""
    return f"{site_base(settings)}/#organization"


def organization(settings: Mapping[str, Any], *, full: bool = True) -> JsonLd:
    """Return the office as a GovernmentOrganization (``full=False``: name and @id only)."""
    config = settings.get("SEO_ORGANIZATION") or {}
    data: JsonLd = {
        "@type": "GovernmentOrganization",
        "@id": organization_id(settings),
        "name": config.get("name") or settings.get("SITENAME"),
        "url": f"{site_base(settings)}/",
    }
    if not full:
        return data
    description = config.get("description") or settings.get("SITE_MISSION")
    parent = config.get("parent") or settings.get("SITE_DEPARTMENT")
    address = config.get("address") or (settings.get("CONTACT") or {}).get("address")
    if description:
        data["description"] = plain_text(description)
    if parent:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": parent}
    if address:
        data["address"] = address
    if config.get("same_as"):
        data["sameAs"] = list(config["same_as"])
    return {"@context": CONTEXT, **data}


def website(settings: Mapping[str, Any]) -> JsonLd:
    """Return the site itself as a WebSite published by the office."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": settings.get("SITENAME"),
        "url": f"{site_base(settings)}/",
        "inLanguage": settings.get("DEFAULT_LANG", "en"),
        "publisher": {"@id": organization_id(settings)},
    }


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def news_article(article: Any, settings: Mapping[str, Any], url: str) -> JsonLd:
    """Return a NewsArticle for a Pelican article published at ``url`` (absolute)."""
    published = getattr(article, "date", None)
    modified = getattr(article, "modified", None) or published
    data: JsonLd = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": plain_text(article.title)[:110],
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": _iso(published),
        "dateModified": _iso(modified),
        "inLanguage": getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "en"),
        "isAccessibleForFree": True,
        "publisher": organization(settings, full=False),
    }
    summary = plain_text(getattr(article, "summary", ""))
    if summary:
        data["description"] = summary
    authors = getattr(article, "authors", None) or []
    if authors:
        # The bylines are the office's sections ("Public Engagement"), not people.
        data["author"] = [
            {"@type": "Organization", "name": str(author), "url": absolute(settings, author.url)}
            if settings.get("AUTHOR_SAVE_AS")
            else {"@type": "Organization", "name": str(author)}
            for author in authors
        ]
    else:
        data["author"] = organization(settings, full=False)
    category = getattr(article, "category", None)
    if category is not None:
        data["articleSection"] = str(category)
    tags = getattr(article, "tags", None) or []
    if tags:
        data["keywords"] = [str(tag) for tag in tags]
    return {key: value for key, value in data.items() if value is not None}


def sample_work(item: Any, settings: Mapping[str, Any], url: str) -> JsonLd:
    """Return a sample (article or campaign) as a CreativeWork that says it is one.

    Not a NewsArticle, and with no author or publisher: a sample is not the office's.
    """
    _ = gettext(settings)
    published = getattr(item, "date", None)
    summary = plain_text(getattr(item, "summary", ""))
    data: JsonLd = {
        "@context": CONTEXT,
        "@type": "CreativeWork",
        "name": labelled_title(plain_text(item.title), settings),
        "genre": _(LABEL),
        "description": f"{_(LABEL)}, {_(NOTE)}. {summary}".strip(),
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": _iso(published) if isinstance(published, datetime.date) else None,
        "inLanguage": getattr(item, "lang", None) or settings.get("DEFAULT_LANG", "en"),
        "isAccessibleForFree": True,
    }
    return {key: value for key, value in data.items() if value is not None}


def dataset(context: Mapping[str, Any], settings: Mapping[str, Any], url: str) -> JsonLd:
    """Return a Dataset for the open-data page: its downloads, years, licence and credit."""
    config = settings.get("SEO_DATASET") or {}
    data: JsonLd = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": config.get("name"),
        "description": config.get("description"),
        "url": url,
        "isAccessibleForFree": True,
        "license": config.get("license"),
        "keywords": list(config.get("keywords") or []),
        "creator": {
            "@type": "GovernmentOrganization",
            "name": settings.get("SITE_DEPARTMENT") or settings.get("SITENAME"),
        },
        "publisher": organization(settings, full=False),
    }
    tip = context.get("tip")
    years = list(getattr(tip, "years", []) or [])
    if years:
        data["temporalCoverage"] = f"{years[0]}/{years[-1]}"
    credit = settings.get("COUNTRIES_DATA_CREDIT")
    if credit:
        data["citation"] = plain_text(credit)
    fields = context.get("download_fields") or {}
    if fields:
        data["variableMeasured"] = list(fields)
    data["distribution"] = [
        {
            "@type": "DataDownload",
            "name": plain_text(label),
            "contentUrl": absolute(settings, download_url),
            "encodingFormat": ENCODINGS.get(posixpath.splitext(download_url)[1], "text/plain"),
        }
        for label, download_url, *_ in context.get("downloads") or []
    ]
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def breadcrumb_list(trail: Sequence[tuple[str, str]]) -> JsonLd:
    """Return a BreadcrumbList of (name, absolute URL) steps, the page itself last."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def dataset_save_as(settings: Mapping[str, Any]) -> str:
    """Return the output file that carries the Dataset ("" when none does)."""
    configured = (settings.get("SEO_DATASET") or {}).get("save_as")
    if configured is None:
        return str(settings.get("COUNTRIES_DATA_SAVE_AS") or "")
    return str(configured)


def page_blocks(context: Mapping[str, Any], meta: PageMeta) -> list[JsonLd]:
    """Return the JSON-LD objects of the page being rendered, its BreadcrumbList last."""
    output_file = str(context.get("output_file") or "")
    url = absolute(context, page_url(output_file))
    blocks: list[JsonLd] = []
    if output_file == "index.html":
        blocks += [organization(context), website(context)]
    article = context.get("article")
    if article is not None and getattr(article, "save_as", None) == output_file:
        if is_illustrative(article):
            blocks.append(sample_work(article, context, url))
        else:
            blocks.append(news_article(article, context, url))
    campaign = context.get("campaign")
    if campaign is not None and meta.kind == "campaign" and is_illustrative(campaign):
        blocks.append(sample_work(campaign, context, url))
    if output_file and output_file == dataset_save_as(context):
        blocks.append(dataset(context, context, url))
    if len(meta.trail) >= 2:
        blocks.append(breadcrumb_list([(c.label, absolute(context, c.url)) for c in meta.trail]))
    return blocks
