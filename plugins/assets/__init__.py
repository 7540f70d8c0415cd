"""Fingerprinted theme assets: every file the theme ships, named by its content.

Copies each file of the theme's static folders (CSS, fonts, images) to
``<ASSETS_OUTPUT_DIR>/<path>.<hash>.<ext>``, where the hash is taken from the file's
content, so a host can cache the folder for a year (``Cache-Control: immutable``) and a
changed file always gets a new address. A stylesheet's ``url()`` and ``@import`` of other
theme files are rewritten to their fingerprinted names first. Templates write the address
with the ``asset()`` global: ``{{ SITEURL }}/{{ asset('css/site.css') }}``; an unknown name
is a warning. An unchanged file is not written again.

Signals: ``initialized`` (defaults; the manifest is built once), ``generator_init`` (the
``asset`` global), ``get_generators`` (writes the files).
Settings read (defaults in :mod:`.settings`): ``ASSETS_STATIC_PATHS`` (["static"]),
``ASSETS_OUTPUT_DIR`` ("assets"), ``ASSETS_HASH_LENGTH`` (10), and Pelican's ``THEME``.
"""

from __future__ import annotations

from pelican import signals

from .generator import add_asset_global, get_generators, start


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_asset_global)
    signals.get_generators.connect(get_generators)
