"""A Python-Markdown extension that turns table cell alignment styles into classes."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|center|right)\s*;?\s*$")


class TableClassTreeprocessor(Treeprocessor):
    """Replace ``style="text-align: X"`` on ``th``/``td`` with ``class="align-X"``."""

    def run(self, root: Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            match = _ALIGN.match(cell.get("style", ""))
            if match is None:
                continue
            del cell.attrib["style"]
            classes = cell.get("class", "").split()
            cell.set("class", " ".join([*classes, f"align-{match.group(1)}"]))


class TableClassExtension(Extension):
    """Write table alignment as classes so no ``style`` attribute reaches the page."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        # Priority below "inline" (20) and above "prettify" (10): tables exist by then.
        md.treeprocessors.register(TableClassTreeprocessor(md), "table_classes", 15)


def makeExtension(**kwargs) -> TableClassExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension, for ``Markdown(extensions=["plugins.markup.tables"])``."""
    return TableClassExtension(**kwargs)
