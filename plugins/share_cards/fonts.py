"""The card fonts: which characters each font has (read from its cmap) and their measures.

A :class:`FontChain` is the fallback list of one weight. For each character the layout takes
the first font of the chain that has it, so Latin, Cyrillic and Greek come from Noto Sans,
Arabic from Noto Sans Arabic and Chinese, Japanese and Korean from Noto Sans CJK. Pillow
cannot tell which characters a font has, so fontTools reads each font's ``cmap``. A chain
keeps what it has read and measured for as long as it lives: one build (the plugin's state)
or one worker process of a build's drawing pool.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError
from PIL import ImageFont, features

# Raqm shapes Arabic and lays out right-to-left text; without it Pillow draws letters unjoined.
HAS_RAQM = bool(features.check("raqm"))
LAYOUT = ImageFont.Layout.RAQM if HAS_RAQM else ImageFont.Layout.BASIC


class FontFileError(ValueError):
    """A font file cannot be read: the message names the file."""


def read_coverage(path: Path) -> frozenset[int]:
    """Return the Unicode code points a TrueType/OpenType font draws (its best cmap)."""
    try:
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap()
    except (OSError, TTLibError, KeyError) as error:
        raise FontFileError(f"share_cards: {path} has no readable cmap table ({error})") from None
    if not cmap:
        raise FontFileError(f"share_cards: {path} has no Unicode cmap subtable")
    return frozenset(code for code, glyph in cmap.items() if glyph != ".notdef")


def digest(paths: tuple[str, ...]) -> str:
    """Return a SHA-256 of the fonts' bytes, so a changed font file redraws the cards."""
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(Path(path).name.encode())
        hasher.update(Path(path).read_bytes())
    return hasher.hexdigest()


@dataclass(frozen=True)
class FontChain:
    """The fonts of one weight, tried in order for each character."""

    paths: tuple[str, ...]
    _coverage: dict[int, frozenset[int]] = field(default_factory=dict, repr=False, compare=False)
    _fonts: dict[tuple[int, int], ImageFont.FreeTypeFont] = field(
        default_factory=dict, repr=False, compare=False
    )
    _widths: dict[tuple[str, int, int, bool], float] = field(
        default_factory=dict, repr=False, compare=False
    )

    def covers(self, index: int, char: str) -> bool:
        """Tell whether font ``index`` of the chain has ``char``."""
        if index not in self._coverage:
            self._coverage[index] = read_coverage(Path(self.paths[index]))
        return ord(char) in self._coverage[index]

    def first_covering(self, char: str) -> int | None:
        """Return the first font of the chain that has ``char``, or None."""
        return next((i for i in range(len(self.paths)) if self.covers(i, char)), None)

    def width(self, text: str, index: int, size: int, rtl: bool) -> float:
        """Return the advance width of ``text`` drawn with font ``index`` at ``size`` px."""
        key = (text, index, size, rtl)
        if key not in self._widths:
            font = self.font(index, size)
            self._widths[key] = font.getlength(visual(text, rtl), **draw_direction(rtl))
        return self._widths[key]

    def metrics(self, index: int, size: int) -> tuple[int, int]:
        """Return the ascent and descent of font ``index`` at ``size`` px."""
        return self.font(index, size).getmetrics()

    def font(self, index: int, size: int) -> ImageFont.FreeTypeFont:
        """Return font ``index`` of the chain at ``size`` px."""
        key = (index, size)
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(self.paths[index], size, layout_engine=LAYOUT)
        return self._fonts[key]


def visual(text: str, rtl: bool) -> str:
    """Return a run as Pillow should get it: raqm orders it; the basic layout needs it reversed."""
    return text[::-1] if rtl and not HAS_RAQM else text


def draw_direction(rtl: bool) -> dict[str, str]:
    """Return Pillow's keyword for a run's direction (only raqm takes one)."""
    if not HAS_RAQM:
        return {}
    return {"direction": "rtl" if rtl else "ltr"}
