"""The Jinja globals of ``partials/seo_meta.html``: canonical address, CSP and JSON-LD."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context

from .policy import content_security_policy
from .structured import JsonLd, page_blocks
from .urls import absolute, page_url


@pass_context
def seo_canonical(context: Any) -> str:
    """Return the page's absolute canonical address (``canonical_url`` wins when set)."""
    explicit = context.get("canonical_url")
    if explicit:
        return str(explicit)
    return absolute(context, page_url(str(context.get("output_file") or "")))


@pass_context
def seo_csp_meta(context: Any) -> str:
    """Return the Content-Security-Policy a <meta> can carry ("" when switched off)."""
    if not context.get("SEO_CSP_META"):
        return ""
    return content_security_policy(context.get("SEO_CSP") or {}, meta=True)


@pass_context
def seo_structured_data(context: Any) -> list[JsonLd]:
    """Return the page's JSON-LD objects (written by the partial with ``tojson``)."""
    return page_blocks(context)


GLOBALS = {
    "seo_canonical": seo_canonical,
    "seo_csp_meta": seo_csp_meta,
    "seo_structured_data": seo_structured_data,
}
