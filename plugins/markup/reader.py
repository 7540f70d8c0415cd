"""Pelican's Markdown reader, with the site's prose extension bound to the file it reads.

The extension needs the file's own path (an image's ``{static}`` address may be relative to
it) and gives back what it found in the document (:class:`~plugins._common.prose.Prose`),
which the reader puts in the file's metadata for the plugins that run after it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import strip_tags
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open

from plugins._common.images import Rules
from plugins._common.prose import PROSE, Prose
from plugins._common.urls import Site

from .collect import CollectTreeprocessor, HeadingLinkTreeprocessor
from .images import ImageTreeprocessor, Sizes
from .links import ExternalLinkTreeprocessor
from .phones import PhoneLinkTreeprocessor

logger = logging.getLogger(__name__)
PREFETCH = "_MARKUP_PREFETCH"  # a key in Pelican's settings: this build's Prefetch, if any


@dataclass(frozen=True)
class Options:
    """What the prose extension does, from the plugin's settings (read once per build)."""

    site: Site
    content_root: Path
    lazy_images: bool
    external_links: bool
    anchor_class: str  # the toc extension's permalink_class
    rules: Rules | None = None  # the images plugin's responsive versions, when it is on
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
        self.images: ImageTreeprocessor | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        options = self.options
        if options.external_links:
            md.treeprocessors.register(ExternalLinkTreeprocessor(md, options.site), "external", 4)
        self.images = ImageTreeprocessor(
            md,
            self.source_path,
            options.content_root,
            options.lazy_images,
            options.sizes,
            options.rules,
        )
        md.treeprocessors.register(PhoneLinkTreeprocessor(md), "phones", 3.5)
        md.treeprocessors.register(self.images, "image_sizes", 3)
        md.treeprocessors.register(HeadingLinkTreeprocessor(md, options.anchor_class), "anchors", 2)
        self.collector = CollectTreeprocessor(md)
        md.treeprocessors.register(self.collector, "collect", 1)


@dataclass(frozen=True)
class Converted:
    """One Markdown file as Python-Markdown turned it into HTML: what Pelican's reader needs."""

    content: str
    meta: dict[str, list[str]]  # the header's fields, as the meta extension read them
    formatted: dict[str, str]  # the FORMATTED_FIELDS (the summary), converted too
    prose: Prose


def convert(source_path: str, settings: Mapping[str, Any], options: Options) -> Converted:
    """Convert one file with the site's Markdown settings and the prose extension."""
    md = Markdown(**settings["MARKDOWN"])
    prose = ProseExtension(Path(source_path), options)
    md.registerExtensions([prose], {})
    with pelican_open(source_path) as text:
        content = md.convert(text)
    found = prose.collector.found if prose.collector else Prose()  # before the summary's turn
    if prose.images is not None and prose.images.shown:
        found = replace(found, images=tuple(dict.fromkeys(prose.images.shown)))
    found = replace(found, outline=_outline(getattr(md, "toc_tokens", [])))
    meta = dict(getattr(md, "Meta", {}))
    md.preprocessors.deregister("meta")  # as Pelican's reader: a field is not a header again
    formatted = {}
    for name, value in meta.items():
        if name.lower() in settings["FORMATTED_FIELDS"]:
            md.reset()
            formatted[name.lower()] = md.convert("\n".join(value))
    return Converted(content, meta, formatted, found)


def _outline(tokens: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    """Return the (id, text) of each second-level heading in the toc extension's tokens."""
    found: list[tuple[str, str]] = []
    for token in tokens:
        if token["level"] == 2:
            found.append((token["id"], html.unescape(strip_tags(token["name"]))))
        elif token["level"] < 2:
            found.extend(_outline(token["children"]))
    return tuple(found)


class ProseReader(MarkdownReader):
    """Read Markdown as Pelican does, adding the file's :class:`Prose` to its metadata.

    A cold build's files are converted by worker processes ahead of Pelican's asking
    (:mod:`.prefetch`); the metadata is made here, as Pelican's reader makes it.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = options_from(self.settings)

    def read(self, source_path: str) -> tuple[str, dict]:
        """Return the file's HTML and metadata."""
        self._source_path = source_path
        prefetch = self.settings.get(PREFETCH)
        converted = prefetch.take(source_path) if prefetch is not None else None
        if converted is None:
            converted = convert(source_path, self.settings, self.options)
        metadata = self._metadata(converted)
        metadata[PROSE] = converted.prose
        return converted.content, metadata

    def _metadata(self, converted: Converted) -> dict[str, Any]:
        """Process the fields as Pelican's ``MarkdownReader._parse_metadata`` does."""
        output: dict[str, Any] = {}
        for name, value in converted.meta.items():
            name = name.lower()
            if name in converted.formatted:
                output[name] = self.process_metadata(name, converted.formatted[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning(
                        "Duplicate definition of `%s` for %s. Using first one.",
                        name,
                        self._source_path,
                    )
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output


def options_from(settings: Mapping[str, Any]) -> Options:
    """Return the prose extension's options for a build with ``settings``."""
    toc = settings["MARKDOWN"].get("extension_configs", {}).get("markdown.extensions.toc", {})
    return Options(
        site=Site.from_siteurl(settings.get("SITEURL", "")),
        content_root=Path(settings["PATH"]),
        lazy_images=settings.get("MARKUP_LAZY_IMAGES", True),
        external_links=settings.get("MARKUP_EXTERNAL_LINKS", True),
        anchor_class=toc.get("permalink_class", "headerlink"),
        rules=Rules.from_settings(settings),
    )
