"""Defaults of the links plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    "LINKS_CHECK": True,  # check every content file's links once the site is written
}
