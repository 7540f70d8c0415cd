"""Share cards: a 1200 x 630 picture for every HTML page, and the head metadata that shows it.

Adds, for every page the site writes (home, pages, articles, campaigns, countries, regions,
report years, news lists, indexes), a card drawn with Pillow in the theme's colours: the
office's mark and name, the title wrapped by measured width and shrunk to fit, a subtitle,
and per kind a tier badge and a strip of the tier history (countries), tier counts (report
years, regions) or the hashtag (campaigns). A page whose metadata names a photo
(``Image: {static}/images/x.jpg``, ``Image_alt:``) gets it cropped under its title.

Text uses the fonts vendored in ``fonts/`` (Noto, OFL; nothing is downloaded), chosen per
character, so Latin with diacritics, Cyrillic, Arabic (shaped, right to left, with Pillow's
raqm layout) and Chinese, Japanese and Korean (broken between characters) all render.

Cards are cached under the hash of their inputs (``SHARE_CARDS_CACHE_PATH``): an unchanged
card is never drawn again, the rest are drawn by one process per core. The same inputs give
the same bytes.

Templates get ``share_card()``: the page's :class:`~.plugin.Card` (picture URL and alt text,
title, description, page URL, Open Graph type, share links) for ``partials/social_meta.html``
and ``partials/share_links.html``, with the title and description of the page's facts
(``describe_page()``). The pages of a paginated list share their first page's card, and a
redirect from an old address shows the card of the page it sends to: neither draws one.
Other plugins get ``context["share_cards"]``: output path -> :class:`~.plugin.CardRef`
(site-relative URL, size, type).

Signals: ``initialized``, ``generator_init``, ``all_generators_finalized``, ``finalized``.
Settings read (defaults in :mod:`.settings`): ``SHARE_CARDS_URL`` / ``SHARE_CARDS_SAVE_AS``
("cards/{path}.{ext}"), ``SHARE_CARDS_CACHE_PATH`` (".cache/share-cards", from the folder
that holds PATH), ``SHARE_CARDS_WORKERS`` (0: one per core), ``SHARE_CARDS_MAX_BYTES``
(300 KB), ``SHARE_CARDS_SITEURL`` ("": SITEURL), ``SHARE_CARDS_FONTS`` (the Noto chains),
``SHARE_CARDS_COLORS_CSS`` ("static/css/site.css" in THEME); and Pelican's ``SITENAME``,
``SITEURL``, ``OUTPUT_PATH``, ``PATH``, ``THEME``, ``DEFAULT_DATE_FORMAT``, the project's
``SITE_DEPARTMENT``, ``SITE_MISSION`` and ``NAV_ITEMS``.
"""

from __future__ import annotations

from pelican import signals

from .plugin import add_template_function, draw_cards, find_photos, start


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_function)
    signals.all_generators_finalized.connect(find_photos)
    signals.finalized.connect(draw_cards)
