"""The sources a text cites: ``Sources:`` metadata, one source per line.

Each line gives four parts separated by ``|``: the title, the publisher, the year of
publication and the address read, e.g.
``Trafficking in Persons Report 2010: Cuba | UNHCR Refworld | 2010 | https://www.refworld.org/...``.
Continuation lines are indented by four spaces, as for any multi-line metadata field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PARTS = ("title", "publisher", "year", "URL")
EXAMPLE = "Title of the page | Its publisher | 2010 | https://..."
_YEAR = re.compile(r"^\d{4}$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


class SourceError(ValueError):
    """A ``Sources:`` line that is not title | publisher | year | URL."""


@dataclass(frozen=True)
class Source:
    """One source a text cites."""

    title: str
    publisher: str
    year: int
    url: str


def parse_source(line: str) -> Source:
    """Return the source written on ``line``; raise :class:`SourceError` saying what is wrong."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) != len(PARTS):
        raise SourceError(f"{len(parts)} part(s) where a source has {len(PARTS)}")
    title, publisher, year, url = parts
    for name, value in zip(PARTS, parts, strict=True):
        if not value:
            raise SourceError(f"the {name} is empty")
    if not _YEAR.match(year):
        raise SourceError(f"the year {year!r} is not a four-digit year")
    if not _URL.match(url):
        raise SourceError(f"the address {url!r} is not an http:// or https:// URL")
    return Source(title, publisher, int(year), url)


def sources_of(value: str | Iterable[str]) -> list[Source]:
    """Return the sources of a ``Sources:`` value as Pelican gives it (a line, or lines)."""
    lines = [value] if isinstance(value, str) else list(value)
    return [parse_source(line) for line in lines if line.strip()]
