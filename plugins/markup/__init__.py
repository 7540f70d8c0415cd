"""Markdown conventions of the site, done while Markdown converts each file.

Adds to Pelican's Markdown reader, for every content file:

- table alignment as classes (``align-left``, ``align-center``, ``align-right``) instead of
  the ``style`` attribute Python-Markdown writes, so pages hold under a strict CSP; and each
  table in a labelled region that scrolls sideways and takes keyboard focus;
- ``rel="noopener"`` and the class ``external`` on links to another host;
- a ``tel:`` link on every phone number in the text (911, 1-888-373-7888), as the templates'
  phone component writes it, so a reader calls with one tap;
- each local image's width and height (read from the file), ``loading="lazy"`` and
  ``decoding="async"``;
- a name for each heading's permalink, kept on one line with the heading's last word (the toc
  extension writes the link itself, from ``MARKDOWN``'s ``permalink`` settings in
  pelicanconf.py);
- the document's link targets and ids as written, in its metadata as ``prose``
  (:class:`~plugins._common.prose.Prose`), for the link check.

A cold build's Markdown is converted by one worker process per core, ahead of Pelican's
asking (:mod:`.prefetch`). Pelican's content cache is emptied before a build when the code
or the settings that made it changed, or when a cache file was cut short (:mod:`.cache`).

Signals: ``initialized`` (defaults, the table extension), ``readers_init`` (the reader),
``all_generators_finalized`` (the workers stop).
Settings read (defaults in :mod:`.settings`): ``MARKUP_LAZY_IMAGES`` (True),
``MARKUP_EXTERNAL_LINKS`` (True), ``MARKUP_WORKERS`` (0: one per core; 1: no workers);
and Pelican's ``FORMATTED_FIELDS``, ``IGNORE_FILES``, ``CACHE_PATH``, ``LOAD_CONTENT_CACHE``,
``GZIP_CACHE``, ``MARKDOWN`` (extended, never replaced; the
toc extension's ``permalink_class``), ``SITEURL`` (which host is the site's) and ``PATH``.
"""

from __future__ import annotations

import os

from pelican import signals
from pelican.readers import MarkdownReader

from plugins._common.settings import apply_defaults

from . import cache as content_cache
from .prefetch import Prefetch
from .reader import PREFETCH, ProseReader
from .settings import DEFAULTS
from .tables import TableClassExtension


def start(pelican) -> None:
    """Merge the defaults; append the table extension to ``MARKDOWN``; ready the prefetch."""
    settings = pelican.settings
    apply_defaults(settings, DEFAULTS)
    markdown = settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    if not any(isinstance(ext, TableClassExtension) for ext in extensions):
        extensions.append(TableClassExtension())
    content_cache.guard(settings)
    workers = settings["MARKUP_WORKERS"] or len(os.sched_getaffinity(0))
    settings[PREFETCH] = Prefetch(settings, workers) if workers > 1 else None


def stop_prefetch(generators) -> None:
    """Stop the conversion workers once every content file has been read."""
    if generators and generators[0].settings.get(PREFETCH) is not None:
        generators[0].settings[PREFETCH].close()


def use_reader(readers) -> None:
    """Read Markdown files with :class:`~.reader.ProseReader`."""
    for extension in MarkdownReader.file_extensions:
        readers.reader_classes[extension] = ProseReader


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.readers_init.connect(use_reader)
    signals.all_generators_finalized.connect(stop_prefetch)
