"""Read a Markdown file's metadata header the way Python-Markdown's meta extension does,
keeping the line of every field so that each problem can name it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FIELD = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^[ ]{4,}(?P<value>.*)$")
_DELIMITER = re.compile(r"^-{3}\s*$")


@dataclass(frozen=True)
class Entry:
    """One metadata field as written: its name, value and line."""

    name: str
    value: str  # every line of the value, joined by spaces (as Pelican joins most fields)
    line: int
    lines: tuple[str, ...] = ()  # the value as written, one item per line


@dataclass
class Header:
    """A file's metadata fields, the body after them, and lines that were not fields."""

    entries: list[Entry] = field(default_factory=list)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    stray: int | None = None  # a line inside the header that is not "Field: value"

    def get(self, name: str) -> Entry | None:
        """Return the last entry called ``name`` (case does not matter), as Pelican reads it."""
        found = [e for e in self.entries if e.name.casefold() == name.casefold()]
        return found[-1] if found else None


def parse(text: str) -> Header:
    """Split ``text`` into its metadata entries and body lines."""
    header = Header()
    lines = text.splitlines()
    number = 0
    if lines and _DELIMITER.match(lines[0]):
        number = 1
    while number < len(lines):
        line = lines[number]
        number += 1
        if not line.strip() or (number > 1 and _DELIMITER.match(line)):
            break
        match = _FIELD.match(line)
        continued = _CONTINUATION.match(line)
        if match:
            value = match["value"].strip()
            header.entries.append(Entry(match["key"], value, number, (value,)))
        elif continued and header.entries:
            last = header.entries.pop()
            more = continued["value"].strip()
            header.entries.append(
                Entry(last.name, f"{last.value} {more}", last.line, (*last.lines, more))
            )
        else:
            header.stray = number  # the meta extension stops here: the rest becomes text
            number -= 1
            break
    header.body = [(n + 1, lines[n]) for n in range(number, len(lines))]
    return header
