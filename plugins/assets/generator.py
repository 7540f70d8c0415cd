"""Build the manifest once, give templates ``asset()``, and write the fingerprinted files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from plugins._common.output import write_bytes
from plugins._common.settings import apply_defaults

from .fingerprint import Manifest, build_manifest, static_files
from .settings import DEFAULTS

logger = logging.getLogger(__name__)
STATE = "_ASSETS_MANIFEST"  # a key in Pelican's settings (shared with the build's context)


def start(pelican) -> None:
    """Merge the defaults and fingerprint the theme's static files once for this build."""
    settings = pelican.settings
    apply_defaults(settings, DEFAULTS)
    roots = [Path(settings["THEME"], path) for path in settings["ASSETS_STATIC_PATHS"]]
    settings[STATE] = build_manifest(static_files(roots), int(settings["ASSETS_HASH_LENGTH"]))


def add_asset_global(generator: Generator) -> None:
    """Let every template write ``{{ SITEURL }}/{{ asset('css/site.css') }}``."""
    settings = generator.settings
    if STATE in settings:
        generator.env.globals["asset"] = lambda name: asset_url(settings, name)


def asset_url(settings: dict[str, Any], name: str) -> str:
    """Return the fingerprinted path of theme file ``name``, relative to the site root."""
    manifest: Manifest = settings[STATE]
    found = manifest.get(name)
    if found is None:
        logger.warning(
            "theme: asset(%r) names no file in the theme's static folders %s. Fix: correct "
            "the name, relative to theme/static/",
            name,
            settings["ASSETS_STATIC_PATHS"],
        )
        return name
    return f"{settings['ASSETS_OUTPUT_DIR'].strip('/')}/{found.fingerprinted}"


class AssetsGenerator(Generator):
    """Write each theme file under ``ASSETS_OUTPUT_DIR`` with its fingerprinted name."""

    def generate_output(self, writer) -> None:
        """Write the fingerprinted copies (content-named, so never overwritten with other bytes)."""
        manifest: Manifest | None = self.settings.get(STATE)
        if manifest is None:
            return
        folder = Path(self.output_path, self.settings["ASSETS_OUTPUT_DIR"])
        for asset in manifest.assets.values():
            target = folder / asset.fingerprinted
            if write_bytes(target, asset.content):
                logger.info('Writing "%s"', target)


def get_generators(pelican) -> type[AssetsGenerator]:
    """Return the generator that writes the fingerprinted files."""
    return AssetsGenerator
