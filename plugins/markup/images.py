"""Content images: their width and height from the file, and lazy loading.

Knowing each image's size lets the browser keep its space before it loads, so the text does
not jump (no layout shift); ``loading="lazy"`` and ``decoding="async"`` let a phone skip the
images below the fold.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from pathlib import Path
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from PIL import Image, UnidentifiedImageError

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


def image_size(file: Path) -> tuple[int, int] | None:
    """Return an image file's width and height, or None when it is not a readable image."""
    try:
        with Image.open(file) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None


class ImageTreeprocessor(Treeprocessor):
    """Give each local image its size, and let the browser load and decode it lazily."""

    def __init__(
        self, md: Markdown, source_path: Path, content_root: Path, lazy: bool, sizes: Sizes
    ) -> None:
        super().__init__(md)
        self.source_path = source_path
        self.content_root = content_root
        self.lazy = lazy
        self.sizes = sizes  # shared by the files of one build: each image is opened once

    def run(self, root: Element) -> None:
        for image in root.iter("img"):
            if self.lazy:
                image.attrib.setdefault("loading", "lazy")
                image.attrib.setdefault("decoding", "async")
            if image.get("width") and image.get("height"):
                continue
            file = content_file(image.get("src", ""), self.source_path, self.content_root)
            size = self._size(file) if file is not None else None
            if size:
                image.set("width", str(size[0]))
                image.set("height", str(size[1]))

    def _size(self, file: Path) -> tuple[int, int] | None:
        if file not in self.sizes:
            self.sizes[file] = image_size(file)
        return self.sizes[file]
