"""Tables as the site writes them: alignment as classes, each table in a scrollable region."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|center|right)\s*;?\s*$")


class TableClassTreeprocessor(Treeprocessor):
    """Replace ``style="text-align: X"`` on ``th``/``td`` with ``class="align-X"``.

    A header cell left empty (the corner of ``| | 2001 | 2010 |``) becomes a ``td``: a header
    that names nothing is noise to a screen reader, which announces it with every cell.
    """

    def run(self, root: Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            if cell.tag == "th" and not "".join(cell.itertext()).strip() and not len(cell):
                cell.tag = "td"
            match = _ALIGN.match(cell.get("style", ""))
            if match is None:
                continue
            del cell.attrib["style"]
            classes = cell.get("class", "").split()
            cell.set("class", " ".join([*classes, f"align-{match.group(1)}"]))


class TableRegionTreeprocessor(Treeprocessor):
    """Put each table in a labelled region that scrolls sideways and takes keyboard focus.

    A wide table on a phone then scrolls inside its box instead of the whole page, and
    keyboard users can scroll it too (WCAG 2.1.1). The region is named by the table's
    caption, or numbered in the document's order.
    """

    def run(self, root: Element) -> None:
        number = 0
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag != "table":
                    continue
                number += 1
                if "table-wrap" in parent.get("class", "").split():
                    continue
                parent.remove(child)
                parent.insert(index, _region(child, number))


def _region(table: Element, number: int) -> Element:
    caption = table.find("caption")
    label = " ".join("".join(caption.itertext()).split()) if caption is not None else ""
    region = Element(
        "div",
        {
            "class": "table-wrap",
            "role": "region",
            "tabindex": "0",
            "aria-label": label or f"Table {number}",
        },
    )
    region.tail, table.tail = table.tail, None
    region.append(table)
    return region


class TableClassExtension(Extension):
    """Write table alignment as classes so no ``style`` attribute reaches the page."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        # Priority below "inline" (20) and above "prettify" (10): tables exist by then.
        md.treeprocessors.register(TableClassTreeprocessor(md), "table_classes", 15)
        md.treeprocessors.register(TableRegionTreeprocessor(md), "table_regions", 14)


def makeExtension(**kwargs) -> TableClassExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension, for ``Markdown(extensions=["plugins.markup.tables"])``."""
    return TableClassExtension(**kwargs)
