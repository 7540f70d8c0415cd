"""Phone numbers in prose become ``tel:`` links, as the templates' phone component writes them.

A reader on a phone then calls a hotline with one tap wherever the text names it. Numbers
already inside a link, code or a heading are left as written.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown.treeprocessors import Treeprocessor

from plugins._common.text import PHONE, PHONE_CLASS, tel_uri

_SKIP = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"})


def phone_link(number: str) -> Element:
    """Return ``<a class="tel" href="tel:...">number</a>``."""
    link = Element("a", {"class": PHONE_CLASS, "href": tel_uri(number)})
    link.text = number
    return link


class PhoneLinkTreeprocessor(Treeprocessor):
    """Link every phone number in the text of an element (and in the tails of its children)."""

    def run(self, root: Element) -> None:
        self._visit(root)

    def _visit(self, parent: Element) -> None:
        if str(parent.tag) in _SKIP:
            return
        for child in list(parent):
            self._visit(child)
            self._link_tail(parent, child)
        self._link_text(parent)

    def _link_text(self, parent: Element) -> None:
        pieces = _split(parent.text)
        if pieces is None:
            return
        parent.text = pieces[0]
        for index, link in enumerate(pieces[1]):
            parent.insert(index, link)

    def _link_tail(self, parent: Element, child: Element) -> None:
        pieces = _split(child.tail)
        if pieces is None:
            return
        child.tail = pieces[0]
        at = list(parent).index(child) + 1
        for offset, link in enumerate(pieces[1]):
            parent.insert(at + offset, link)


def _split(text: str | None) -> tuple[str, list[Element]] | None:
    """Return the text before the first number and the links (each with its tail), or None."""
    if not text or not PHONE.search(text):
        return None
    parts = PHONE.split(text)
    numbers = PHONE.findall(text)
    links = []
    for number, after in zip(numbers, parts[1:], strict=True):
        link = phone_link(number)
        link.tail = after
        links.append(link)
    return parts[0], links
