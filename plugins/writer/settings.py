"""Defaults of the writer plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    # Content files that changed since the last build: a partial build writes only their
    # pages (the live-reload preview, before the full build). []: write everything.
    "WRITER_CHANGED_SOURCES": [],
}
