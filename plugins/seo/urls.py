"""Absolute addresses of the pages a build writes, whatever SITEURL's path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit


def site_base(settings: Mapping[str, Any]) -> str:
    """Return the absolute address of the site root, without a trailing slash."""
    return str(settings.get("SEO_SITEURL") or settings.get("SITEURL") or "").rstrip("/")


def site_prefix(settings: Mapping[str, Any]) -> str:
    """Return the path the site is served under ("" or "/tip"), for host files."""
    return urlsplit(site_base(settings)).path.rstrip("/")


def page_url(save_as: str) -> str:
    """Return the address of output file ``save_as``, relative to the site root."""
    save_as = save_as.lstrip("/")
    if save_as == "index.html":
        return ""
    if save_as.endswith("/index.html"):
        return save_as.removesuffix("index.html")
    return save_as


def absolute(settings: Mapping[str, Any], url: str) -> str:
    """Return the absolute address of ``url`` (relative to the site root)."""
    return f"{site_base(settings)}/{url.lstrip('/')}"
