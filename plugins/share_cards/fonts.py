"""The card fonts: which characters each font has (read from its cmap) and their measures.

A :class:`FontChain` is the fallback list of one weight. For each character the layout takes
the first font of the chain that has it, so Latin, Cyrillic and Greek come from Noto Sans,
Arabic from Noto Sans Arabic and Chinese, Japanese and Korean from Noto Sans CJK. Pillow
cannot tell which characters a font has, so :func:`read_coverage` reads the font's ``cmap``
table itself (formats 4 and 12, the ones Unicode fonts use).
"""

from __future__ import annotations

import hashlib
import struct
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import ImageFont, features

# Raqm shapes Arabic and lays out right-to-left text; without it Pillow draws letters unjoined.
HAS_RAQM = bool(features.check("raqm"))
LAYOUT = ImageFont.Layout.RAQM if HAS_RAQM else ImageFont.Layout.BASIC


class FontFileError(ValueError):
    """A font file cannot be read: the message names the file."""


@dataclass(frozen=True)
class Coverage:
    """The characters a font has, as sorted, non-overlapping inclusive ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __contains__(self, char: str) -> bool:
        code = ord(char)
        index = bisect_right(self.starts, code) - 1
        return index >= 0 and code <= self.ends[index]


def read_coverage(path: Path) -> Coverage:
    """Read the Unicode characters of a TrueType/OpenType font from its cmap table."""
    data = path.read_bytes()
    try:
        ranges = _cmap_ranges(data)
    except (struct.error, IndexError) as error:
        raise FontFileError(f"share_cards: {path} has no readable cmap table ({error})") from None
    if not ranges:
        raise FontFileError(f"share_cards: {path} has no Unicode cmap subtable")
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return Coverage(tuple(r[0] for r in merged), tuple(r[1] for r in merged))


def _cmap_ranges(data: bytes) -> list[tuple[int, int]]:
    """Return the (first, last) code point ranges of the best Unicode cmap subtable."""
    if data[:4] == b"ttcf":  # a collection: read its first font
        (offset,) = struct.unpack_from(">I", data, 12)
    else:
        offset = 0
    (num_tables,) = struct.unpack_from(">H", data, offset + 4)
    cmap = None
    for i in range(num_tables):
        tag, _, table_offset, _ = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        if tag == b"cmap":
            cmap = table_offset
    if cmap is None:
        return []
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, sub_offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        subtables[(platform, encoding)] = cmap + sub_offset
    for key in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if key in subtables:
            return _subtable_ranges(data, subtables[key])
    return []


def _subtable_ranges(data: bytes, at: int) -> list[tuple[int, int]]:
    (fmt,) = struct.unpack_from(">H", data, at)
    if fmt == 12:
        (groups,) = struct.unpack_from(">I", data, at + 12)
        return [
            struct.unpack_from(">II", data, at + 16 + 12 * i)[:2]  # (start, end)
            for i in range(groups)
        ]
    if fmt == 4:
        (seg_x2,) = struct.unpack_from(">H", data, at + 6)
        segs = seg_x2 // 2
        ends = struct.unpack_from(f">{segs}H", data, at + 14)
        starts = struct.unpack_from(f">{segs}H", data, at + 16 + seg_x2)
        deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 2 * seg_x2)
        range_at = at + 16 + 3 * seg_x2
        offsets = struct.unpack_from(f">{segs}H", data, range_at)
        ranges = []
        for i in range(segs):
            start, end = starts[i], ends[i]
            if start == 0xFFFF:
                continue
            if offsets[i] == 0:  # every code of the segment maps to code + delta
                ranges.append((start, end))
                continue
            base = range_at + 2 * i + offsets[i]  # idRangeOffset: a glyph index per code
            glyphs = struct.unpack_from(f">{end - start + 1}H", data, base)
            ranges.extend(_mapped(start, [(g + deltas[i]) & 0xFFFF if g else 0 for g in glyphs]))
        return ranges
    return []


def _mapped(first: int, glyphs: list[int]) -> list[tuple[int, int]]:
    """Return the ranges of codes from ``first`` on whose glyph is not .notdef (0)."""
    ranges: list[tuple[int, int]] = []
    for code, glyph in enumerate(glyphs, start=first):
        if glyph == 0:
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


@cache
def coverage_of(path: str) -> Coverage:
    """Return the characters of the font at ``path`` (read once per process)."""
    return read_coverage(Path(path))


@cache
def font_of(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Return the font at ``path`` in ``size`` pixels (loaded once per process and size)."""
    return ImageFont.truetype(path, size, layout_engine=LAYOUT)


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
    _widths: dict[tuple[str, int, int, bool], float] = field(
        default_factory=dict, repr=False, compare=False
    )

    def covers(self, index: int, char: str) -> bool:
        """Tell whether font ``index`` of the chain has ``char``."""
        return char in coverage_of(self.paths[index])

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
        return font_of(self.paths[index], size)


def visual(text: str, rtl: bool) -> str:
    """Return a run as Pillow should get it: raqm orders it; the basic layout needs it reversed."""
    return text[::-1] if rtl and not HAS_RAQM else text


def draw_direction(rtl: bool) -> dict[str, str]:
    """Return Pillow's keyword for a run's direction (only raqm takes one)."""
    if not HAS_RAQM:
        return {}
    return {"direction": "rtl" if rtl else "ltr"}
