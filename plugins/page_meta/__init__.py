"""The template functions ``describe_page()``, the facts a page states about itself, and
``nav_item_of(url)``, the navigation section a URL belongs to; the test ``illustrative``
(``{% if item is illustrative %}``) and ``SAMPLE_LABEL``, for the label of a sample.

Returns the page's :class:`~plugins._common.pages.PageMeta` (kind, heading, ``<title>``,
meta description, breadcrumb trail), computed once in Python from what the page is rendered
with: the ``page_meta`` a generator of ours passes, or, for Pelican's own pages (articles,
pages, news lists), what :func:`~plugins._common.pages.meta_of` reads from the context. The
theme writes the title, the description and the breadcrumbs from it, and the seo and
share_cards plugins read the same object, so the page, its JSON-LD and its card agree.

Signals: ``initialized`` (a fresh memo of the build's pages), ``generator_init``.
Settings read: ``SITENAME``, ``SITE_MISSION``, ``NAV_ITEMS``, ``DIRECT_TEMPLATES`` and the
``*_URL`` / ``*_SAVE_AS`` of Pelican's news lists.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican import signals

from plugins._common.labels import LABEL, is_illustrative
from plugins._common.pages import MEMO, PageMeta, meta_of, nav_item


@pass_context
def describe_page(context: Any) -> PageMeta:
    """Return the facts of the page being rendered."""
    return meta_of(context)


def add_template_functions(generator) -> None:
    """Give the generator's templates the page's facts and the sample label's test."""
    settings = generator.settings
    generator.env.globals["describe_page"] = describe_page
    generator.env.globals["nav_item_of"] = lambda url: nav_item(settings, url)
    generator.env.globals["SAMPLE_LABEL"] = LABEL
    generator.env.tests["illustrative"] = is_illustrative


def start(pelican) -> None:
    """Give the build an empty memo of its pages' facts."""
    pelican.settings[MEMO] = {}


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_functions)
