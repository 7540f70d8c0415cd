"""Illustrative content: which items are samples, and the words that say so everywhere.

The news posts and campaigns marked ``Illustrative: yes`` are samples written from the
office's own text and the TIP data, not statements of the office. Every channel an item
reaches says so in the same words: its page (a notice), every list that names it (a label),
its feed entries (title prefix, category, first line), its share card (a band) and its
JSON-LD (a CreativeWork, not a NewsArticle by the office).
"""

from __future__ import annotations

from typing import Any

LABEL = "Illustrative sample"
NOTE = "not an official statement of the office"
TITLE_PREFIX = f"{LABEL}: "
CARD_BAND = f"{LABEL} · not an official statement"


def is_illustrative(item: Any) -> bool:
    """Return whether a content item (article, campaign, page) is marked as a sample."""
    metadata = getattr(item, "metadata", None) or {}
    value = metadata.get("illustrative", getattr(item, "illustrative", ""))
    return str(value).strip().lower() in ("yes", "true")


def labelled_title(title: str) -> str:
    """Return ``title`` as channels outside the page show a sample's title."""
    return title if title.startswith(TITLE_PREFIX) else f"{TITLE_PREFIX}{title}"
