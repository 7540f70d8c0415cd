"""Defaults of the assets plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    # The theme's folders of files to fingerprint, relative to THEME (as THEME_STATIC_PATHS,
    # which pelicanconf.py leaves empty: Pelican need not copy the plain files too).
    "ASSETS_STATIC_PATHS": ["static"],
    # Where the fingerprinted copies go, relative to the output folder. Everything under it
    # is named by its content, so hosts may cache it for a year (see plugins/seo's _headers).
    "ASSETS_OUTPUT_DIR": "assets",
    # How many hex digits of the SHA-256 of a file's content go into its name.
    "ASSETS_HASH_LENGTH": 10,
}
