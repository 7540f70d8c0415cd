"""Responsive content photos: a few widths in WebP and their own format, and weight budgets.

Each raster image a content file shows with Markdown (``![alt]({static}/images/a.jpg)``)
is written as a ``<picture>`` by the markup plugin, from the rule both plugins share
(:mod:`plugins._common.images`); this plugin writes those versions beside where the original
would go (``images/a-480w.webp``...), from a cache named by the original's bytes, so an
unchanged photo is never encoded again and a 20 MB one is decoded at the size needed. An
original that only its versions show is not copied into the output; one that a content file
links (``[the full picture]({static}/images/a.jpg)``) still is. A version over
``IMAGES_MAX_BYTES``, or a page whose images weigh more than ``IMAGES_PAGE_MAX_BYTES`` at
their widest, is a warning naming the content file.

Signals: ``initialized`` (defaults), ``get_generators``.
Settings read (defaults in :mod:`.settings`): ``IMAGES_WIDTHS`` ((480, 800, 1200); empty:
no versions), ``IMAGES_SIZES``, ``IMAGES_QUALITY``, ``IMAGES_MAX_BYTES`` (300 KB),
``IMAGES_PAGE_MAX_BYTES`` (1 MB), ``IMAGES_CACHE_PATH`` (None: ``<CACHE_PATH>/images``); and
Pelican's ``PATH``, ``OUTPUT_PATH``, ``CACHE_PATH``. The versions are named after the
original's path in the content folder, as ``STATIC_SAVE_AS``'s default saves it.
"""

from __future__ import annotations

from pelican import signals

from plugins._common.settings import apply_defaults

from .generator import ImagesGenerator
from .settings import DEFAULTS


def add_defaults(pelican) -> None:
    """Merge the plugin's defaults into the settings."""
    apply_defaults(pelican.settings, DEFAULTS)


def get_generators(pelican) -> type[ImagesGenerator]:
    """Return the generator that writes the versions."""
    return ImagesGenerator


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
