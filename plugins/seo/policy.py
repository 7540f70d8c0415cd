"""The site's HTTP policy as text: Content-Security-Policy, security headers, cache lifetimes.

Pure functions shared by the host files the plugin writes (``_headers``), the ``<meta>`` CSP
in every page and the deploy tasks (``deploy/``), so every host gets the same policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fnmatch import fnmatchcase

# Directives a <meta http-equiv="Content-Security-Policy"> cannot carry (CSP Level 3, 6.1.3).
META_IGNORED = frozenset({"frame-ancestors", "report-uri", "report-to", "sandbox"})
DEFAULT_CACHE_CONTROL = "public, max-age=300"


def content_security_policy(directives: Mapping[str, Sequence[str]], *, meta: bool = False) -> str:
    """Return the policy as one header value; ``meta`` drops what a <meta> cannot carry."""
    parts = []
    for name, sources in directives.items():
        if meta and name in META_IGNORED:
            continue
        parts.append(" ".join([name, *sources]))
    return "; ".join(parts)


def cache_control(path: str, rules: Iterable[Sequence[str]]) -> str:
    """Return the Cache-Control of output file ``path`` ("a/b.css"): the first rule it matches."""
    for pattern, value in rules:
        if fnmatchcase(path, pattern):
            return value
    return DEFAULT_CACHE_CONTROL


def headers_file(
    prefix: str,
    csp: str,
    security: Mapping[str, str],
    rules: Iterable[Sequence[str]],
) -> str:
    """Return a ``_headers`` file (Netlify, Cloudflare Pages) for a site served under ``prefix``.

    Every path gets the security headers; each rule but the catch-all ``*`` gets its
    Cache-Control. Both hosts join the values of all the rules that match a path, so the
    catch-all is left to the host's own default for HTML, which revalidates on every visit.
    """
    lines = [
        "# Response headers for Netlify and Cloudflare Pages, written by the seo plugin from",
        "# SEO_CSP, SEO_SECURITY_HEADERS and SEO_CACHE_CONTROL (see docs/hosting.md).",
        "# Put this file at the root the host serves.",
        f"{prefix}/*",
        f"  Content-Security-Policy: {csp}",
        *(f"  {name}: {value}" for name, value in security.items()),
    ]
    for pattern, value in rules:
        if pattern in ("*", "**"):
            continue
        lines += [f"{prefix}/{pattern}", f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"
