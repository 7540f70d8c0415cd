"""What Markdown learns about a document's prose while converting it, for the plugins after it.

The markup plugin's reader puts a :class:`Prose` in each Markdown file's metadata under
:data:`PROSE`, so every Pelican content object has it as ``content.prose``. The link check
reads it instead of parsing the written page: the links are the ones the writer typed, so
each problem can name its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PROSE = "prose"  # the metadata key (and so the content attribute)


@dataclass(frozen=True)
class Prose:
    """The link targets and element ids of one document, as its Markdown wrote them."""

    links: tuple[str, ...] = ()  # every href and src, as written ("{filename}/pages/a.md#x")
    ids: frozenset[str] = frozenset()  # every id the document's HTML carries
    images: tuple[str, ...] = ()  # the images shown in responsive versions, from PATH
    outline: tuple[tuple[str, str], ...] = ()  # (id, text) of each h2, for "On this page"


def prose_of(content: Any) -> Prose | None:
    """Return the facts the reader collected for a content object, if it was Markdown."""
    metadata: Mapping[str, Any] = getattr(content, "metadata", None) or {}
    found = metadata.get(PROSE)
    return found if isinstance(found, Prose) else None
