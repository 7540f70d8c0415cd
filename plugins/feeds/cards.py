"""The hook for share cards: a page's card becomes its entries' media thumbnail.

The share_cards plugin is expected to put ``share_cards`` in the context: a mapping from the
page's output path (its ``save_as``, e.g. ``news/2010/slug/index.html``) to the card, given as
a URL (absolute or site-relative) or an object with ``url`` and optionally ``width``,
``height`` and ``mime``. Until it does, entries carry no image.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .sanitize import is_absolute


@dataclass(frozen=True)
class Image:
    """A picture an entry shows: its absolute URL and, when known, its size and type."""

    url: str
    width: int | None = None
    height: int | None = None
    mime: str | None = None


def share_card(cards: Mapping[str, Any], save_as: str, siteurl: str) -> Image | None:
    """Return the share card of the page written at ``save_as``, if the cards plugin made one."""
    card = cards.get(save_as) if cards and save_as else None
    if not card:
        return None
    url = card if isinstance(card, str) else getattr(card, "url", None)
    if not url:
        return None
    if not is_absolute(url):
        url = f"{siteurl.rstrip('/')}/{url.lstrip('/')}"
    return Image(
        url=url,
        width=getattr(card, "width", None),
        height=getattr(card, "height", None),
        mime=getattr(card, "mime", None),
    )
