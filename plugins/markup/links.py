"""Links that leave the site: ``rel="noopener"`` and the class ``external``, set in the tree."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from plugins._common.urls import Site


class ExternalLinkTreeprocessor(Treeprocessor):
    """Mark every link to another host, so the theme can show it and no page is opener."""

    def __init__(self, md: Markdown, site: Site) -> None:
        super().__init__(md)
        self.site = site

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if not href or not self.site.is_external(href):
                continue
            rel = link.get("rel", "").split()
            if "noopener" not in rel:
                link.set("rel", " ".join([*rel, "noopener"]))
            classes = link.get("class", "").split()
            if "external" not in classes:
                link.set("class", " ".join([*classes, "external"]))
