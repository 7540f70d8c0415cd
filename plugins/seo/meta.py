"""The template function of ``partials/seo_meta.html``: canonical address, CSP and JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context

from plugins._common.pages import meta_of

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


@pass_context
def seo_page(context: Any) -> SeoPage:
    """Describe the page being rendered for search engines, and note it for the sitemap."""
    meta = meta_of(context)
    state = state_of(context)
    if state is not None:
        record_page(state, context, meta)
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
    return SeoPage(canonical, csp, tuple(page_blocks(context, meta)))


GLOBALS = {"seo_page": seo_page}
