"""Collect a document's links and ids from its Markdown tree, and name its heading links.

The tree holds what the writer typed (``{filename}/pages/about.md#x`` before Pelican rewrites
it), so the link check can report a broken link with its line; raw HTML is kept aside by
Python-Markdown, and is read here without being changed.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

from lxml import etree
from lxml import html as lxml_html
from markdown import Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from plugins._common.prose import Prose

_LINKING = {"a": "href", "img": "src", "area": "href", "source": "src", "iframe": "src"}


class CollectTreeprocessor(Treeprocessor):
    """Record every link target and id of the document in :attr:`found`."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.found = Prose()

    def run(self, root: Element) -> None:
        links: list[str] = []
        ids: set[str] = set()
        for element in root.iter():
            attribute = _LINKING.get(str(element.tag))
            if attribute and element.get(attribute):
                links.append(element.get(attribute, ""))
            if element.get("id"):
                ids.add(element.get("id", ""))
        for block in self.md.htmlStash.rawHtmlBlocks:
            raw_links, raw_ids = _raw_html(str(block))
            links += raw_links
            ids |= raw_ids
        self.found = Prose(tuple(dict.fromkeys(links)), frozenset(ids))


def _raw_html(block: str) -> tuple[list[str], set[str]]:
    """Return the link targets and ids of a piece of raw HTML (read, never rewritten)."""
    if "<" not in block:
        return [], set()
    try:
        fragments = lxml_html.fragments_fromstring(block)
    except (etree.ParserError, ValueError):
        return [], set()
    links, ids = [], set()
    for fragment in fragments:
        if not isinstance(fragment, lxml_html.HtmlElement):
            continue
        for element in fragment.iter(etree.Element):
            attribute = _LINKING.get(str(element.tag))
            if attribute and element.get(attribute):
                links.append(str(element.get(attribute)))
            if element.get("id"):
                ids.add(str(element.get("id")))
    return links, ids


class HeadingLinkTreeprocessor(Treeprocessor):
    """Give each heading's permalink (the toc extension's) a name that says where it goes.

    The toc extension writes ``<a class="heading-anchor" href="#id">#</a>``; a screen reader
    would read it as "number sign", so it is named after its section. The link and the
    heading's last word are kept on one line (``<span class="nowrap">``), so a narrow screen
    never shows the "#" alone on a line.
    """

    def __init__(self, md: Markdown, anchor_class: str) -> None:
        super().__init__(md)
        self.anchor_class = anchor_class

    def run(self, root: Element) -> None:
        for heading in root.iter():
            if str(heading.tag) not in ("h1", "h2", "h3", "h4", "h5", "h6"):
                continue
            for anchor in heading.iter("a"):
                if self.anchor_class in anchor.get("class", "").split():
                    name = self._name(heading, anchor)
                    label = f"Link to this section: {name}" if name else "Link to this section"
                    anchor.set("aria-label", label)
                    _keep_with_last_word(heading, anchor)
                    break

    def _name(self, heading: Element, anchor: Element) -> str:
        """Return the heading's text without its permalink, as the toc extension reads it."""
        parent = next((p for p in heading.iter() if anchor in list(p)), heading)
        index = list(parent).index(anchor)
        parent.remove(anchor)
        try:
            inner = render_inner_html(heading, self.md)
        finally:
            parent.insert(index, anchor)
        return " ".join(html.unescape(strip_tags(inner)).split())


_LAST_WORD = re.compile(r"(\S+)$")


def _keep_with_last_word(heading: Element, anchor: Element) -> None:
    """Wrap the word just before ``anchor`` and ``anchor`` in ``<span class="nowrap">``."""
    parent = next((p for p in heading.iter() if anchor in list(p)), heading)
    index = list(parent).index(anchor)
    before = parent.text if index == 0 else parent[index - 1].tail
    match = _LAST_WORD.search(before or "")
    if match is None:
        return
    span = Element("span", {"class": "nowrap"})
    span.text = match.group(1)
    kept = (before or "")[: match.start()]
    if index == 0:
        parent.text = kept
    else:
        parent[index - 1].tail = kept
    parent.remove(anchor)
    span.tail, anchor.tail = anchor.tail, None
    span.append(anchor)
    parent.insert(index, span)
