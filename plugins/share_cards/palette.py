"""Read the cards' colours from the theme's stylesheet, so cards and pages always match."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Palette, TierStyle
from .settings import ShareCardsError

# Card colour -> the custom property of the theme's light scheme that gives it.
VARIABLES = {
    "background": "--bg",
    "background_alt": "--bg-alt",
    "text": "--text",
    "muted": "--muted",
    "border": "--border",
    "brand": "--brand",
    "brand_text": "--brand-text",
    "accent": "--accent",
    "focus": "--focus",
}
# Tier code -> (prefix of its --tierX-bg/-fg/-bd properties, border style, border width), as
# the stylesheet's .tier-* rules draw the badges.
TIERS = {
    "1": ("--tier1", "solid", 2),
    "2": ("--tier2", "solid", 2),
    "2WL": ("--tier2wl", "dashed", 2),
    "3": ("--tier3", "solid", 4),
    "special": ("--tiersp", "dotted", 2),
}
_ROOT = re.compile(r":root\s*\{(?P<body>[^}]*)\}")
_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\b")


def read_palette(css: Path) -> Palette:
    """Return the colours of the first ``:root`` rule of ``css`` (the light scheme)."""
    match = _ROOT.search(css.read_text(encoding="utf-8"))
    found = dict(_PROPERTY.findall(match.group("body"))) if match else {}

    def colour(name: str) -> str:
        if name not in found:
            raise ShareCardsError(
                f"share_cards: {css} has no colour {name} in its :root rule. Fix: define it as "
                "a hex colour, or point SHARE_CARDS_COLORS_CSS at the theme's stylesheet"
            )
        return _long_hex(found[name])

    tiers = {
        code: TierStyle(
            colour(f"{prefix}-bg"), colour(f"{prefix}-fg"), colour(f"{prefix}-bd"), style, width
        )
        for code, (prefix, style, width) in TIERS.items()
    }
    return Palette(**{field: colour(name) for field, name in VARIABLES.items()}, tiers=tiers)


def _long_hex(value: str) -> str:
    """Return ``#abc`` as ``#aabbcc`` (Pillow reads both; the cache key should not care)."""
    value = value.lower()
    if len(value) == 4:
        return "#" + "".join(c * 2 for c in value[1:])
    return value
