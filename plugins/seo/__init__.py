"""Search engines, sharing and hosts: sitemap, robots.txt, canonical links, JSON-LD, redirects.

Adds, for a site served at any SITEURL (a path such as ``https://example.org/tip`` too):

- ``seo_page()`` for ``partials/seo_meta.html``: every page's absolute canonical address,
  the Content-Security-Policy as a ``<meta>`` (for hosts without header control) and its
  JSON-LD: GovernmentOrganization and WebSite on the home page, NewsArticle on articles
  (a CreativeWork labelled as a sample for illustrative articles and campaigns),
  Dataset on the open-data page, and a BreadcrumbList made from the same trail the page
  shows (``describe_page()``, :mod:`plugins._common.pages`);
- ``404.html`` and, for each address a content file lists in ``Old_URLs:``, a small page at
  that address with a canonical link and a refresh to the new one (both kept out of the
  sitemap, both ``noindex``);
- once the site is written: ``sitemap.xml`` (every public HTML page, ``lastmod`` from the
  content's Modified or Date, a list's newest article), ``robots.txt`` naming it, and the
  Netlify / Cloudflare Pages files ``_headers`` (CSP, security headers, cache lifetimes) and
  ``_redirects``.

Each page is noted for the sitemap as it renders (``seo_page()``); no written page is read
again.

Signals: ``initialized``, ``generator_init``, ``get_generators``, ``finalized``.
Settings read (defaults in :mod:`.settings`): ``SEO_SITEURL`` (None: SITEURL),
``SEO_SITEMAP_SAVE_AS`` ("sitemap.xml"), ``SEO_SITEMAP_EXCLUDE`` (["drafts/*"]),
``SEO_ROBOTS_SAVE_AS`` ("robots.txt"), ``SEO_ROBOTS_DISALLOW`` ([]), ``SEO_404_SAVE_AS``
("404.html"), ``SEO_404_TEMPLATE`` ("404"), ``SEO_REDIRECT_METADATA`` ("old_urls"),
``SEO_REDIRECT_TEMPLATE`` ("redirect"), ``SEO_REDIRECTS_SAVE_AS`` ("_redirects"),
``SEO_REDIRECTS_STATUS`` ("301"), ``SEO_HEADERS_SAVE_AS`` ("_headers"), ``SEO_CSP`` (a strict
policy: no inline script or style), ``SEO_CSP_META`` (True), ``SEO_SECURITY_HEADERS``,
``SEO_CACHE_CONTROL`` (assets a year, cards a week, feeds 15 minutes, the rest 5 minutes),
``SEO_ORGANIZATION``, ``SEO_DATASET``; and Pelican's ``SITEURL``, ``SITENAME``,
``RELATIVE_URLS``, ``OUTPUT_PATH``, with the site's ``SITE_MISSION``, ``SITE_DEPARTMENT``,
``CONTACT``, ``COUNTRIES_DATA_SAVE_AS`` and ``COUNTRIES_DATA_CREDIT``.
"""

from __future__ import annotations

from pelican import signals

from .generator import add_template_globals, get_generators, start
from .site_files import write_site_files


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_globals)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_site_files)
