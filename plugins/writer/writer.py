"""Pelican's writer, writing each file once and only when its bytes change.

Pelican opens every output file for writing, so each rebuild rewrites every page. This writer
renders the same way, then hands the bytes to :func:`~plugins._common.output.write_bytes`:
an unchanged page keeps its file and its modification time, a changed one is replaced
atomically. Two items that would write one file are reported, naming both content files,
and the first keeps the file instead of the build stopping with a traceback. On the way, the
``[[site]]`` that responsive images' addresses start with becomes the page's way to the
site's root, as Pelican does for ``{static}`` (:mod:`plugins._common.images`).
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import Any

from pelican.utils import get_relative_path, path_to_url
from pelican.writers import Writer

from plugins._common.images import expand
from plugins._common.output import is_selected, write_bytes
from plugins._common.problems import display_path

logger = logging.getLogger(__name__)


class _Buffer(io.StringIO):
    """A text file that goes to disk, if it changed, at the end of its ``with`` block.

    Only a block that ends normally writes: a page whose rendering was interrupted (an
    error, Ctrl-C) is dropped, even when it is closed later, by the garbage collector.
    """

    def __init__(self, path: Path | None, encoding: str, root: str = "") -> None:
        super().__init__()
        self.path = path  # None: a write to throw away (a collision)
        self.encoding_name = encoding
        self.root = root  # the page's way to the site's root, for images' [[site]] addresses
        self.written = False

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None and self.path is not None and not self.closed:
            text = expand(self.getvalue(), self.root)
            self.written = write_bytes(self.path, text.encode(self.encoding_name))
        self.close()


class OnceWriter(Writer):
    """Render like Pelican's writer; write a file only when its bytes are new."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._owners: dict[str, str] = {}  # output file -> the content file that wrote it
        self._source = ""  # the content file of the page being written

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        """Render and write one page (or a paginated list), if the build writes it."""
        if not name or not is_selected(self.settings, str(name)):
            return
        item = kwargs.get("article") or kwargs.get("page") or kwargs.get("campaign")
        self._source = str(getattr(item, "source_path", "") or "")
        try:
            super().write_file(name, template, context, *args, **kwargs)
        finally:
            self._source = ""

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> _Buffer:
        """Return the file to render into: written at the end of its block, if it changed."""
        if filename in self._overridden_files and not override:
            logger.info('Skipping "%s", not overwriting', filename)
            return _Buffer(None, encoding)
        if filename in self._written_files and not override:
            self._report_collision(filename)
            return _Buffer(None, encoding)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self._owners[filename] = self._source
        return _Buffer(Path(filename), encoding, self._root(filename))

    def _root(self, filename: str) -> str:
        """Return how the page at ``filename`` addresses the site's root."""
        if not self.settings.get("RELATIVE_URLS"):
            return str(self.settings.get("SITEURL", ""))
        return path_to_url(get_relative_path(os.path.relpath(filename, self.output_path)))

    def _report_collision(self, filename: str) -> None:
        relative = os.path.relpath(filename, self.output_path)
        first, second = self._owners.get(filename, ""), self._source
        if first and second:
            logger.warning(
                "%s and %s would both be written to %s; the first is kept. Fix: give one of "
                "them another Slug: (or Save_as:)",
                display_path(first),
                display_path(second),
                relative,
            )
        elif first or second:
            logger.warning(
                "%s would be written to %s, which the site writes itself; the first is kept. "
                "Fix: give it another Slug: (or Save_as:)",
                display_path(first or second),
                relative,
            )
        else:
            logger.warning(
                "theme: two pages would both be written to %s; the first is kept. Fix: give "
                "one of them another output path in the settings (*_SAVE_AS)",
                relative,
            )
