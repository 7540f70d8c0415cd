"""Markdown conventions of the site, done while Markdown converts each file.

Adds to Pelican's Markdown reader, for every content file:

- table alignment as classes (``align-left``, ``align-center``, ``align-right``) instead of
  the ``style`` attribute Python-Markdown writes, so pages hold under a strict CSP; and each
  table in a labelled region that scrolls sideways and takes keyboard focus;
- ``rel="noopener"`` and the class ``external`` on links to another host;
- each local image's width and height (read from the file), ``loading="lazy"`` and
  ``decoding="async"``;
- a name for each heading's permalink (the toc extension writes the link itself, from
  ``MARKDOWN``'s ``permalink`` settings in pelicanconf.py);
- the document's link targets and ids as written, in its metadata as ``prose``
  (:class:`~plugins._common.prose.Prose`), for the link check.

Signals: ``initialized`` (defaults, the table extension), ``readers_init`` (the reader).
Settings read (defaults in :mod:`.settings`): ``MARKUP_LAZY_IMAGES`` (True),
``MARKUP_EXTERNAL_LINKS`` (True); and Pelican's ``MARKDOWN`` (extended, never replaced; the
toc extension's ``permalink_class``), ``SITEURL`` (which host is the site's) and ``PATH``.
"""

from __future__ import annotations

from pelican import signals
from pelican.readers import MarkdownReader

from plugins._common.settings import apply_defaults

from .reader import ProseReader
from .settings import DEFAULTS
from .tables import TableClassExtension


def start(pelican) -> None:
    """Merge the defaults and append the table extension to the ``MARKDOWN`` setting."""
    apply_defaults(pelican.settings, DEFAULTS)
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    if not any(isinstance(ext, TableClassExtension) for ext in extensions):
        extensions.append(TableClassExtension())


def use_reader(readers) -> None:
    """Read Markdown files with :class:`~.reader.ProseReader`."""
    for extension in MarkdownReader.file_extensions:
        readers.reader_classes[extension] = ProseReader


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.readers_init.connect(use_reader)
