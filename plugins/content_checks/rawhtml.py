"""Find the HTML tags a Markdown body writes itself, with the line each one starts on.

Markdown passes raw HTML through as it is, so what a tag carries is checked here, on the
file as written: code (fenced blocks and backtick spans) is left out, since it is shown,
not rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Tag:
    """One start tag of the body: its name, its attributes and the file line it is on."""

    name: str
    attributes: dict[str, str | None]
    line: int


class _Collector(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.first_line + self.getpos()[0] - 1
        self.tags.append(Tag(tag, dict(attrs), line))

    handle_startendtag = handle_starttag


def html_tags(body: Iterable[tuple[int, str]]) -> Iterator[Tag]:
    """Yield the start tags of the body's raw HTML; ``body`` is (line number, text) pairs."""
    lines = list(body)
    if not lines:
        return
    kept: list[str] = []
    fence = ""
    for _, text in lines:
        match = _FENCE.match(text)
        if fence:
            kept.append("")
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            kept.append("")
            continue
        kept.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text) if "`" in text else text)
    collector = _Collector(lines[0][0])
    collector.feed("\n".join(kept))
    collector.close()
    yield from collector.tags
