"""Content images: their width and height from the file, lazy loading, responsive versions.

Knowing each image's size lets the browser keep its space before it loads, so the text does
not jump (no layout shift); ``loading="lazy"`` and ``decoding="async"`` let a phone skip the
images below the fold. With the images plugin's rules, a photo becomes a ``<picture>``: WebP
and its own format at a few widths (``srcset``/``sizes``), so a phone loads a small file and
the original is not sent at all (:mod:`plugins._common.images`).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from pathlib import Path
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from plugins._common.images import MIME, Rules, image_size, srcset, versions

_PLACEHOLDER = re.compile(r"^\{(?:static|attach|filename)\}")

Sizes = MutableMapping[Path, tuple[int, int] | None]


def content_file(src: str, source_path: Path, content_root: Path) -> Path | None:
    """Return the file a ``{static}`` (or ``{attach}``, ``{filename}``) address names.

    As Pelican reads them: from the content root when the path starts with ``/``, otherwise
    from the folder of the file that links it. Other addresses give None.
    """
    if not _PLACEHOLDER.match(src):
        return None
    path = _PLACEHOLDER.sub("", src).split("#")[0].split("?")[0]
    if path.startswith("/"):
        return content_root / path.lstrip("/")
    return source_path.parent / path


class ImageTreeprocessor(Treeprocessor):
    """Give each local image its size, and let the browser load and decode it lazily."""

    def __init__(
        self,
        md: Markdown,
        source_path: Path,
        content_root: Path,
        lazy: bool,
        sizes: Sizes,
        rules: Rules | None,
    ) -> None:
        super().__init__(md)
        self.source_path = source_path
        self.content_root = content_root
        self.lazy = lazy
        self.sizes = sizes  # shared by the files of one build: each image is opened once
        self.rules = rules
        self.shown: list[str] = []  # the images given responsive versions, from the root

    def run(self, root: Element) -> None:
        for parent in list(root.iter()):
            for index, image in enumerate(list(parent)):
                if image.tag == "img":
                    self._image(parent, index, image)

    def _image(self, parent: Element, index: int, image: Element) -> None:
        if self.lazy:
            image.attrib.setdefault("loading", "lazy")
            image.attrib.setdefault("decoding", "async")
        file = content_file(image.get("src", ""), self.source_path, self.content_root)
        size = self._size(file) if file is not None else None
        if size and not (image.get("width") and image.get("height")):
            image.set("width", str(size[0]))
            image.set("height", str(size[1]))
        if size and file is not None and self.rules is not None:
            self._responsive(parent, index, image, file, size)

    def _responsive(
        self, parent: Element, index: int, image: Element, file: Path, size: tuple[int, int]
    ) -> None:
        """Put the image in a ``<picture>`` of its versions, WebP first."""
        try:
            path = file.resolve().relative_to(self.content_root.resolve()).as_posix()
        except ValueError:
            return  # outside the content folder: not a file of the site
        found = versions(path, size, self.rules)
        if not found:
            return
        widest = max(found, key=lambda v: (v.width, v.format != "WEBP"))
        own = widest.format
        picture = Element("picture")
        if own != "WEBP":
            picture.append(
                Element(
                    "source",
                    {
                        "type": MIME["WEBP"],
                        "srcset": srcset(found, "WEBP"),
                        "sizes": self.rules.sizes,
                    },
                )
            )
        image.set("src", widest.url)
        image.set("srcset", srcset(found, own))
        image.set("sizes", self.rules.sizes)
        image.set("width", str(widest.width))
        image.set("height", str(widest.height))
        picture.tail, image.tail = image.tail, None
        parent.remove(image)
        picture.append(image)
        parent.insert(index, picture)
        self.shown.append(path)

    def _size(self, file: Path) -> tuple[int, int] | None:
        if file not in self.sizes:
            self.sizes[file] = image_size(file)
        return self.sizes[file]
