"""Pelican's Markdown reader, with the site's prose extension bound to the file it reads.

The extension needs the file's own path (an image's ``{static}`` address may be relative to
it) and gives back what it found in the document (:class:`~plugins._common.prose.Prose`),
which the reader puts in the file's metadata for the plugins that run after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from plugins._common.prose import PROSE
from plugins._common.urls import Site

from .collect import CollectTreeprocessor, HeadingLinkTreeprocessor
from .images import ImageTreeprocessor, Sizes
from .links import ExternalLinkTreeprocessor


@dataclass(frozen=True)
class Options:
    """What the prose extension does, from the plugin's settings (read once per build)."""

    site: Site
    content_root: Path
    lazy_images: bool
    external_links: bool
    anchor_class: str  # the toc extension's permalink_class
    sizes: Sizes = field(default_factory=dict, compare=False)  # image sizes, by file


class ProseExtension(Extension):
    """The edits and the collection made on one file's tree, after every other extension.

    Registered below the toc extension (5), so headings have their ids and permalinks, and
    footnotes and tables are in place.
    """

    def __init__(self, source_path: Path, options: Options) -> None:
        super().__init__()
        self.source_path = source_path
        self.options = options
        self.collector: CollectTreeprocessor | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        options = self.options
        if options.external_links:
            md.treeprocessors.register(ExternalLinkTreeprocessor(md, options.site), "external", 4)
        md.treeprocessors.register(
            ImageTreeprocessor(
                md, self.source_path, options.content_root, options.lazy_images, options.sizes
            ),
            "image_sizes",
            3,
        )
        md.treeprocessors.register(HeadingLinkTreeprocessor(md, options.anchor_class), "anchors", 2)
        self.collector = CollectTreeprocessor(md)
        md.treeprocessors.register(self.collector, "collect", 1)


class ProseReader(MarkdownReader):
    """Read Markdown as Pelican does, adding the file's :class:`Prose` to its metadata.

    The body is converted first and its findings kept, because Pelican then converts the
    formatted fields (the summary) with the same Markdown instance.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = options_from(self.settings)

    def read(self, source_path: str) -> tuple[str, dict]:
        """Return the file's HTML and metadata."""
        self._source_path = source_path
        self._md = Markdown(**self.settings["MARKDOWN"])
        prose = ProseExtension(Path(source_path), self.options)
        self._md.registerExtensions([prose], {})
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        found = prose.collector.found if prose.collector else None
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        if found is not None:
            metadata[PROSE] = found
        return content, metadata


def options_from(settings: Mapping[str, Any]) -> Options:
    """Return the prose extension's options for a build with ``settings``."""
    toc = settings["MARKDOWN"].get("extension_configs", {}).get("markdown.extensions.toc", {})
    return Options(
        site=Site.from_siteurl(settings.get("SITEURL", "")),
        content_root=Path(settings["PATH"]),
        lazy_images=settings.get("MARKUP_LAZY_IMAGES", True),
        external_links=settings.get("MARKUP_EXTERNAL_LINKS", True),
        anchor_class=toc.get("permalink_class", "headerlink"),
    )
