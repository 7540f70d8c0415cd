"""Merge a plugin's defaults into Pelican's settings once, at ``initialized``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def apply_defaults(settings: dict[str, Any], defaults: Mapping[str, Any]) -> None:
    """Set every default the project's settings leave out (settings win)."""
    for name, value in defaults.items():
        settings.setdefault(name, value)
