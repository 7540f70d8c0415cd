"""Markdown conventions of the site, added to Pelican's Markdown reader.

Adds :class:`~plugins.markup.tables.TableClassExtension`, which writes a table column's
alignment as a class (``align-left``, ``align-center``, ``align-right``) instead of the
``style`` attribute Python-Markdown emits, so pages work under a strict Content-Security-Policy.

Signals: ``initialized``. Settings read: ``MARKDOWN`` (extended, never replaced).
"""

from __future__ import annotations

from pelican import signals

from .tables import TableClassExtension


def add_extensions(pelican) -> None:
    """Append the site's Markdown extensions to the ``MARKDOWN`` setting."""
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    if not any(isinstance(ext, TableClassExtension) for ext in extensions):
        extensions.append(TableClassExtension())


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(add_extensions)
