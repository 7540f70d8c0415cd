"""Per written page: remember its last change for the sitemap and add its BreadcrumbList."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2.utils import htmlsafe_json_dumps
from lxml import html as lxml_html

from .state import state_of
from .structured import breadcrumb_list
from .urls import absolute, page_url

BREADCRUMB_NAV = "//nav[@aria-label='Breadcrumb']//li"


def record_page(path: str, context: dict[str, Any]) -> None:
    """Note what the sitemap needs about one written HTML file, then add its breadcrumbs."""
    state = state_of(context)
    if state is None or not path.endswith(".html"):
        return
    output = Path(context["OUTPUT_PATH"]).resolve()
    name = Path(path).resolve().relative_to(output).as_posix()
    state.written.add(name)
    content = context.get("article") or context.get("page")
    if context.get("seo_excluded") or getattr(content, "status", None) in ("draft", "hidden"):
        state.excluded.add(name)
    changed = last_change(context)
    if changed is not None:
        state.lastmod[name] = changed
    add_breadcrumb_list(Path(path), absolute(context, page_url(name)))


def last_change(context: dict[str, Any]) -> datetime.datetime | None:
    """Return when the page's content last changed: its own Modified or Date, or a list's newest."""
    content = context.get("article") or context.get("page")
    if content is not None:
        return getattr(content, "modified", None) or getattr(content, "date", None)
    page = context.get("articles_page") or context.get("dates_page")
    listed = getattr(page, "object_list", None) or []
    dates = [getattr(a, "modified", None) or getattr(a, "date", None) for a in listed]
    return max((d for d in dates if d is not None), default=None)


def add_breadcrumb_list(file: Path, page_address: str) -> None:
    """Add a BreadcrumbList made from the page's visible breadcrumb trail, when it has one."""
    markup = file.read_text(encoding="utf-8")
    end_of_head = markup.find("</head>")
    if end_of_head < 0:
        return
    items = lxml_html.fromstring(markup).xpath(BREADCRUMB_NAV)
    trail: list[tuple[str, str]] = []
    for item in items:
        links = item.xpath(".//a[@href]")
        name = " ".join(item.text_content().split())
        href = links[0].get("href") if links else page_address
        trail.append((name, urljoin(page_address, href)))
    if len(trail) < 2:
        return
    block = htmlsafe_json_dumps(breadcrumb_list(trail), sort_keys=True)
    script = f'<script type="application/ld+json">{block}</script>\n'
    file.write_text(markup[:end_of_head] + script + markup[end_of_head:], encoding="utf-8")
