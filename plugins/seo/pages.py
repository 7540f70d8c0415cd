"""Per rendered page: what the sitemap needs to know about it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from plugins._common.pages import PageMeta

from .state import SeoState


def record_page(
    state: SeoState,
    context: Mapping[str, Any],
    meta: PageMeta,
    alternates: tuple[tuple[str, str], ...] = (),
) -> None:
    """Note a page the build writes: whether the sitemap lists it, its last change and its
    addresses in other languages."""
    name = str(context.get("output_file") or "")
    if not name:
        return
    state.written.add(name)
    if not meta.listed:
        state.excluded.add(name)
    if alternates:
        state.alternates[name] = alternates
    changed = last_change(context)
    if changed is not None:
        state.lastmod[name] = changed


def last_change(context: Mapping[str, Any]) -> datetime.datetime | None:
    """Return when the page's content last changed: its own Modified or Date, or a list's newest."""
    content = context.get("article") or context.get("page")
    if content is not None:
        return getattr(content, "modified", None) or getattr(content, "date", None)
    page = context.get("articles_page") or context.get("dates_page")
    listed = getattr(page, "object_list", None) or []
    dates = [getattr(a, "modified", None) or getattr(a, "date", None) for a in listed]
    return max((d for d in dates if d is not None), default=None)
