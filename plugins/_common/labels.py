"""Illustrative content: which items are samples, and the words that say so everywhere.

The news posts and campaigns marked ``Illustrative: yes`` are samples written from the
office's own text and the TIP data, not statements of the office. Every channel an item
reaches says so in the same words: its page (a notice), every list that names it (a label),
its feed entries (title prefix, category, first line), its share card (a band) and its
JSON-LD (a CreativeWork, not a NewsArticle by the office).

The words are English, marked for translation: code that shows them translates them in the
build's language (``_(LABEL)``, :func:`labelled_title` with the settings).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .i18n import N_, gettext

LABEL = N_("Illustrative sample")
NOTE = N_("not an official statement of the office")
# A sample's title outside its page; %(title)s is the title.
TITLED = N_("Illustrative sample: %(title)s")
TITLE_PREFIX = TITLED % {"title": ""}
CARD_BAND = N_("Illustrative sample · not an official statement")


def is_illustrative(item: Any) -> bool:
    """Return whether a content item (article, campaign, page) is marked as a sample."""
    metadata = getattr(item, "metadata", None) or {}
    value = metadata.get("illustrative", getattr(item, "illustrative", ""))
    return str(value).strip().lower() in ("yes", "true")


def labelled_title(title: str, settings: Mapping[str, Any] | None = None) -> str:
    """Return ``title`` as channels outside the page show a sample's title.

    In the build's language when given its ``settings`` (or a page context), else English.
    """
    message = gettext(settings if settings is not None else {})(TITLED)
    if title.startswith((TITLE_PREFIX, message % {"title": ""})):
        return title
    return message % {"title": title}
