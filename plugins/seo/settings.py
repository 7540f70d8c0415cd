"""Defaults of the seo plugin's settings: one place for the policy every host file repeats."""

from __future__ import annotations

DEFAULTS = {
    # The absolute address the site is served from; None: SITEURL. Canonical links, the
    # sitemap, robots.txt and structured data use it even when pages link relatively.
    "SEO_SITEURL": None,
    "SEO_SITEMAP_SAVE_AS": "sitemap.xml",
    # Output paths (fnmatch patterns) kept out of the sitemap, besides the 404 page, the
    # redirect pages and drafts.
    "SEO_SITEMAP_EXCLUDE": ["drafts/*"],
    "SEO_ROBOTS_SAVE_AS": "robots.txt",
    # Paths (relative to the site root) that robots.txt asks crawlers to leave alone.
    "SEO_ROBOTS_DISALLOW": [],
    "SEO_404_SAVE_AS": "404.html",
    "SEO_404_TEMPLATE": "404",
    # A content file lists the addresses it used to have in this metadata field
    # ("Old_URLs: news/2010/old-slug/, about/old.html"); each gets a redirect page.
    "SEO_REDIRECT_METADATA": "old_urls",
    "SEO_REDIRECT_TEMPLATE": "redirect",
    "SEO_REDIRECTS_SAVE_AS": "_redirects",  # Netlify / Cloudflare Pages; "" for none
    # The status _redirects gives. Netlify serves an existing file (the redirect page) instead
    # of a plain 301; "301!" makes it redirect, but Cloudflare Pages does not read the "!".
    "SEO_REDIRECTS_STATUS": "301",
    "SEO_HEADERS_SAVE_AS": "_headers",  # Netlify / Cloudflare Pages; "" for none
    # Content-Security-Policy: no inline script or style anywhere (JSON-LD data blocks are
    # not scripts). The <meta> copy leaves out frame-ancestors, which browsers ignore there.
    # 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly, and only that:
    # it allows no eval() of JavaScript.
    "SEO_CSP": {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
    "SEO_CSP_META": True,  # also write the policy as a <meta> for hosts without headers
    "SEO_SECURITY_HEADERS": {
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": (
            "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
            "magnetometer=(), microphone=(), payment=(), usb=()"
        ),
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    },
    # Cache-Control by output path, first match wins ("*" matches "/" too). The last rule is
    # the default (HTML pages, sitemap, data files); _headers leaves it to the host's own
    # default, which revalidates, because Netlify and Cloudflare join the values of every
    # rule that matches a path.
    "SEO_CACHE_CONTROL": [
        ("assets/*", "public, max-age=31536000, immutable"),  # fingerprinted: a year
        ("cards/*", "public, max-age=604800"),  # share cards: a week
        ("feeds/*", "public, max-age=900"),  # feeds: 15 minutes
        ("*", "public, max-age=300"),  # pages and everything else: 5 minutes
    ],
    # Structured data (JSON-LD) about the office; None values come from SITENAME,
    # SITE_MISSION, SITE_DEPARTMENT and CONTACT.
    "SEO_ORGANIZATION": {
        "name": None,
        "description": None,
        "parent": None,
        "address": None,
        "same_as": [],
    },
    # The schema.org Dataset on the page that documents the tier data. save_as None: the
    # countries plugin's COUNTRIES_DATA_SAVE_AS; "" for no Dataset. Its downloads come from
    # the page's ``downloads`` and its years from ``tip``.
    "SEO_DATASET": {
        "save_as": None,
        "name": "Trafficking in Persons Report tier placements",
        "description": (
            "The tier of every country ranked in the U.S. Department of State's annual "
            "Trafficking in Persons (TIP) Report, one row per country and report year, "
            "with the source of each placement, as CSV and JSON."
        ),
        "license": "https://opensource.org/licenses/MIT",
        "keywords": ["human trafficking", "TIP Report", "tier placements", "TVPA"],
    },
}
