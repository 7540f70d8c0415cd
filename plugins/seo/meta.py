"""The template function of ``partials/seo_meta.html``: canonical address, CSP and JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context

from plugins._common.pages import PageMeta, meta_of

from .pages import record_page
from .policy import content_security_policy
from .state import state_of
from .structured import JsonLd, page_blocks
from .urls import absolute, page_url


@dataclass(frozen=True)
class SeoPage:
    """What a page tells search engines in its head."""

    canonical: str  # the page's absolute canonical address
    csp: str  # the Content-Security-Policy a <meta> carries ("" when switched off)
    structured_data: tuple[JsonLd, ...]  # JSON-LD objects, written with ``tojson``
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, absolute URL), x-default last


@pass_context
def seo_page(context: Any) -> SeoPage:
    """Describe the page being rendered for search engines, and note it for the sitemap."""
    meta = meta_of(context)
    alternates = languages_of(context, meta)
    state = state_of(context)
    if state is not None:
        record_page(state, context, meta, alternates)
    explicit = context.get("canonical_url")
    canonical = (
        str(explicit)
        if explicit
        else absolute(context, page_url(str(context.get("output_file") or "")))
    )
    csp = (
        content_security_policy(context.get("SEO_CSP") or {}, meta=True)
        if context.get("SEO_CSP_META")
        else ""
    )
    return SeoPage(canonical, csp, tuple(page_blocks(context, meta)), alternates)


def languages_of(context: Any, meta: PageMeta) -> tuple[tuple[str, str], ...]:
    """Return the page's addresses in each language it exists in, then ``x-default``.

    The languages plugin puts ``alternates_of`` in the context; a site of one language has
    none, and so no alternates.
    """
    alternates_of = context.get("alternates_of")
    if alternates_of is None or meta.page_number != 1:
        return ()
    found = alternates_of(meta.kind, meta.url, context.get("article") or context.get("page"))
    if not found:
        return ()
    pairs = [(alternate.language.code, alternate.url) for alternate in found]
    return (*pairs, ("x-default", pairs[0][1]))


GLOBALS = {"seo_page": seo_page}
