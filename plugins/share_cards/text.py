"""Lay a text out in a box, as pure functions: fonts per character, line breaks, bidi, fitting.

:func:`fit` is the whole job: it tries each font size from the largest, wraps the text at the
places a line may break (after spaces; between Chinese or Japanese characters, except before
closing or after opening punctuation; after a hyphen inside a word) and keeps the first size
whose lines fit the box. Only when nothing fits at the smallest size does it cut the text at
a word and end it with an ellipsis; a single word wider than the box is the one case cut
inside a word.

Each character takes the first font of the chain that has it. Right-to-left text is ordered
with a simplified Unicode bidi algorithm (no explicit embeddings): each line is a list of
pieces in visual order, each piece one font and one direction, which raqm then shapes.
Measuring goes through a :class:`Metrics` (a :class:`~.fonts.FontChain`, or a stand-in in
tests), so the layout needs no image.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

ELLIPSIS = "…"
_SPACES = frozenset(" \t\n\r\u3000")  # not U+00A0, U+2007, U+202F: those do not break
NO_LINE_START = frozenset(
    ")]}»›”’,.;:!?%…‥・–—、。，．：；？！ー〉》」』】〕）］｝〙〗〟ヽヾゝゞ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
)
NO_LINE_END = frozenset("([{«‹“‘〈《「『【〔（［｛〘〖〝")
HYPHENS = frozenset("-‐")
_CJK_RANGES = (
    (0x2E80, 0x2FFF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x31A0, 0x31FF),  # bopomofo extended, katakana phonetic extensions
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3FFFF),  # extensions B and later
)
RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "ug", "ur", "yi"})


class Metrics(Protocol):
    """What the layout needs to know about a chain of fonts."""

    def first_covering(self, char: str) -> int | None: ...

    def covers(self, index: int, char: str) -> bool: ...

    def width(self, text: str, index: int, size: int, rtl: bool) -> float: ...

    def metrics(self, index: int, size: int) -> tuple[int, int]: ...


@dataclass(frozen=True)
class Piece:
    """A run of a line drawn in one call: one font, one direction."""

    text: str
    font: int
    rtl: bool
    x: float  # from the line's left edge
    width: float


@dataclass(frozen=True)
class Line:
    """One line of a block: its pieces in visual order, left to right."""

    pieces: tuple[Piece, ...]
    width: float

    @property
    def text(self) -> str:
        """Return the line's text in visual order (for tests and messages)."""
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class Block:
    """A text laid out at one size: its lines, line height and first baseline."""

    lines: tuple[Line, ...]
    size: int
    line_height: float
    baseline: float  # from the block's top to the first line's baseline
    rtl: bool  # the paragraph's direction: right-to-left text is aligned right
    truncated: bool

    @property
    def height(self) -> float:
        """Return the block's height: one line height per line."""
        return len(self.lines) * self.line_height

    @property
    def width(self) -> float:
        """Return the width of the longest line."""
        return max((line.width for line in self.lines), default=0.0)


def clean(text: str) -> str:
    """Normalize text for a card: NFC, one space for any run of white space, no soft hyphen."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def is_cjk(char: str) -> bool:
    """Tell whether ``char`` is a Chinese or Japanese character (a line may break beside it)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def break_points(text: str) -> list[int]:
    """Return the positions before which a line may break (never 0 or len(text))."""
    return [p for p in range(1, len(text)) if _may_break(text, p)]


def _may_break(text: str, p: int) -> bool:
    before, after = text[p - 1], text[p]
    if after in _SPACES:
        return False  # spaces stay at the end of the line before them
    if before in _SPACES:
        return True
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if is_cjk(before) or is_cjk(after):
        return True
    return before in HYPHENS and p >= 2 and text[p - 2].isalnum() and after.isalnum()


def base_rtl(text: str) -> bool:
    """Tell whether a paragraph is right-to-left: its first strong character is (rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """Return each character's embedding level (even: left to right, odd: right to left)."""
    kinds: list[str] = []
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            kinds.append("L")
        elif kind in ("R", "AL"):
            kinds.append("R")
        elif kind in ("EN", "AN"):
            kinds.append("N")
        elif kind == "NSM" and kinds:
            kinds.append(kinds[-1])  # a combining mark takes its base's direction
        else:
            kinds.append("-")  # neutral: spaces, punctuation, symbols
    base = "R" if rtl else "L"
    strong = base
    for i, kind in enumerate(kinds):  # W7: a number after L text counts as L
        if kind in ("L", "R"):
            strong = kind
        elif kind == "N" and strong == "L":
            kinds[i] = "L"
    i = 0
    while i < len(kinds):  # N1, N2: neutrals take the direction of both sides, or the base
        if kinds[i] != "-":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] == "-":
            j += 1
        left = _strong(kinds[i - 1]) if i > 0 else base
        right = _strong(kinds[j]) if j < len(kinds) else base
        kinds[i:j] = [left if left == right else base] * (j - i)
        i = j
    if rtl:
        return [1 if kind == "R" else 2 for kind in kinds]
    return [0 if kind == "L" else 1 if kind == "R" else 2 for kind in kinds]


def _strong(kind: str) -> str:
    return "R" if kind == "N" else kind  # numbers act as R next to neutrals


def visual_order(levels: Sequence[int]) -> list[int]:
    """Return the indices of items in display order (rule L2: reverse by level)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    top = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


@dataclass(frozen=True)
class _Run:
    """A logical run inside one word: one font and one level."""

    text: str
    font: int
    level: int
    space: bool  # the white space that ends a word (dropped at the end of a line)


@dataclass(frozen=True)
class Analysis:
    """What does not depend on the font size: fonts, levels and words of a text."""

    text: str
    rtl: bool
    words: tuple[tuple[_Run, ...], ...]
    missing: tuple[str, ...]  # characters no font of the chain has


def missing_characters(text: str, metrics: Metrics) -> tuple[str, ...]:
    """Return the characters of ``text`` that no font of the chain has (spaces aside)."""
    return tuple(
        dict.fromkeys(
            char
            for char in clean(text)
            if unicodedata.category(char) not in ("Cf", "Cc", "Zs")
            and metrics.first_covering(char) is None
        )
    )


def analyse(text: str, metrics: Metrics, rtl: bool | None = None) -> Analysis:
    """Split ``text`` into words, and each word into runs of one font and one direction."""
    text = clean(text)
    paragraph_rtl = base_rtl(text) if rtl is None else rtl
    levels = bidi_levels(text, paragraph_rtl)
    fonts, missing = _fonts(text, metrics)
    bounds = [0, *break_points(text), len(text)]
    words = []
    for start, end in pairwise(bounds):
        core = end
        while core > start and text[core - 1] in _SPACES:
            core -= 1
        runs = _runs(text, fonts, levels, start, core, space=False)
        runs += _runs(text, fonts, levels, core, end, space=True)
        words.append(tuple(runs))
    return Analysis(text, paragraph_rtl, tuple(words), tuple(dict.fromkeys(missing)))


def _fonts(text: str, metrics: Metrics) -> tuple[list[int], list[str]]:
    """Pick a font for each character: the first that has it, kept for marks and neutrals."""
    fonts: list[int] = []
    missing: list[str] = []
    for char in text:
        previous = fonts[-1] if fonts else None
        category = unicodedata.category(char)
        follows = category in ("Mn", "Me", "Cf") or unicodedata.bidirectional(char) in (
            "WS",
            "ON",
            "CS",
            "ES",
            "ET",
        )
        if previous is not None and follows and metrics.covers(previous, char):
            fonts.append(previous)
            continue
        found = metrics.first_covering(char)
        if found is None:
            if category not in ("Cf", "Cc", "Zs"):
                missing.append(char)
            found = previous if previous is not None else 0
        fonts.append(found)
    return fonts, missing


def _runs(
    text: str, fonts: list[int], levels: list[int], start: int, end: int, *, space: bool
) -> list[_Run]:
    runs: list[_Run] = []
    i = start
    while i < end:
        j = i + 1
        while j < end and fonts[j] == fonts[i] and levels[j] == levels[i]:
            j += 1
        runs.append(_Run(text[i:j], fonts[i], levels[i], space))
        i = j
    return runs


def fit(
    text: str,
    metrics: Metrics,
    *,
    width: float,
    height: float,
    sizes: Sequence[int],
    max_lines: int | None = None,
    leading: float = 1.2,
    rtl: bool | None = None,
    balance: bool = False,
) -> Block:
    """Lay ``text`` out at the largest of ``sizes`` whose lines fit ``width`` x ``height``.

    With ``balance``, the lines are made as even as they can be without adding one (no
    single word left alone on the last line). When no size fits, the smallest is used and the
    text is cut after the last word that fits, with an ellipsis: a last resort, after every
    smaller size was tried.
    """
    analysis = analyse(text, metrics, rtl)
    for size in sizes:
        block = _wrap(analysis, metrics, size, width, leading)
        limit = _line_limit(block.line_height, height, max_lines)
        if len(block.lines) <= limit and block.width <= width:
            return _balance(analysis, metrics, block, width, leading) if balance else block
    size = sizes[-1]
    block = _wrap(analysis, metrics, size, width, leading)
    limit = _line_limit(block.line_height, height, max_lines)
    return _truncate(analysis, metrics, block, width, limit)


def _balance(
    analysis: Analysis, metrics: Metrics, block: Block, width: float, leading: float
) -> Block:
    """Return the same number of lines wrapped at the narrowest width that keeps them."""
    if len(block.lines) < 2:
        return block
    low, high = width / 2, width
    best = block
    for _ in range(10):  # bisection to within width / 2**11 (half a pixel)
        middle = (low + high) / 2
        candidate = _wrap(analysis, metrics, block.size, middle, leading)
        if len(candidate.lines) == len(block.lines) and candidate.width <= middle:
            best, high = candidate, middle
        else:
            low = middle
    return best


def _line_limit(line_height: float, height: float, max_lines: int | None) -> int:
    limit = max(1, int((height + 0.01) // line_height))
    return min(limit, max_lines) if max_lines else limit


def _wrap(analysis: Analysis, metrics: Metrics, size: int, width: float, leading: float) -> Block:
    """Break the words into lines greedily at ``size`` (a too-wide word stays on its own line)."""
    lines = [_line(metrics, words, size) for words in _greedy(analysis, metrics, size, width)]
    return _block(analysis, metrics, size, leading, lines)


def _greedy(
    analysis: Analysis, metrics: Metrics, size: int, width: float
) -> list[list[tuple[_Run, ...]]]:
    """Return the words of each line: a word goes on the next line when it would overflow."""
    lines: list[list[tuple[_Run, ...]]] = []
    current: list[tuple[_Run, ...]] = []
    used = 0.0
    for word in analysis.words:
        core = sum(_measure(metrics, run, size) for run in word if not run.space)
        full = core + sum(_measure(metrics, run, size) for run in word if run.space)
        if current and used + core > width:
            lines.append(current)
            current, used = [], 0.0
        current.append(word)
        used += full
    if current:
        lines.append(current)
    return lines


def _measure(metrics: Metrics, run: _Run, size: int) -> float:
    return metrics.width(run.text, run.font, size, run.level % 2 == 1)


def _line(metrics: Metrics, words: Sequence[tuple[_Run, ...]], size: int) -> Line:
    """Build a line from words in logical order: drop its final spaces, order it for display."""
    runs = [run for word in words for run in word]
    while runs and runs[-1].space:
        runs.pop()
    order = visual_order([run.level for run in runs])
    pieces = []
    x = 0.0
    for index in order:
        run = runs[index]
        run_width = _measure(metrics, run, size)
        pieces.append(Piece(run.text, run.font, run.level % 2 == 1, x, run_width))
        x += run_width
    return Line(tuple(pieces), x)


def _block(
    analysis: Analysis, metrics: Metrics, size: int, leading: float, lines: list[Line]
) -> Block:
    """Give lines their height: enough for the tallest font used, at least ``leading``."""
    used = {piece.font for line in lines for piece in line.pieces} or {0}
    ascent = max(metrics.metrics(font, size)[0] for font in used)
    descent = max(metrics.metrics(font, size)[1] for font in used)
    line_height = max(size * leading, 0.75 * (ascent + descent))
    baseline = (line_height - (ascent + descent)) / 2 + ascent
    return Block(tuple(lines), size, line_height, baseline, analysis.rtl, truncated=False)


def _truncate(
    analysis: Analysis, metrics: Metrics, block: Block, width: float, limit: int
) -> Block:
    """Keep at most ``limit`` lines and end the last with an ellipsis.

    Whole words are dropped from the end of the last line until the ellipsis fits; only a
    single word wider than the box is cut inside, and the text ends there.
    """
    size = block.size
    lines = _greedy(analysis, metrics, size, width)
    too_wide = next(
        (i for i, words in enumerate(lines) if _line(metrics, words, size).width > width), None
    )
    if too_wide is None and len(lines) <= limit:
        return block  # all of it fits in the lines allowed, if not in the height: no ellipsis
    ellipsis = (_ellipsis(analysis, metrics),)
    if too_wide is not None and too_wide < limit:
        kept = lines[:too_wide]
        last = [_cut_word(lines[too_wide][0], metrics, size, width, ellipsis[0])]
    else:
        kept = lines[: limit - 1]
        last = list(lines[limit - 1])
        while len(last) > 1 and _line(metrics, [*last, ellipsis], size).width > width:
            last.pop()
        if _line(metrics, [*last, ellipsis], size).width > width:
            last = [_cut_word(last[0], metrics, size, width, ellipsis[0])]
    laid = [_line(metrics, words, size) for words in kept]
    laid.append(_line(metrics, [*last, ellipsis], size))
    return Block(tuple(laid), size, block.line_height, block.baseline, analysis.rtl, truncated=True)


def _ellipsis(analysis: Analysis, metrics: Metrics) -> _Run:
    font = metrics.first_covering(ELLIPSIS)
    return _Run(ELLIPSIS, 0 if font is None else font, 1 if analysis.rtl else 0, space=False)


def _cut_word(
    word: tuple[_Run, ...], metrics: Metrics, size: int, width: float, ellipsis: _Run
) -> tuple[_Run, ...]:
    """Return the longest start of ``word`` that fits with the ellipsis (never inside a mark)."""
    runs = [run for run in word if not run.space]
    best: tuple[_Run, ...] = ()
    for r, run in enumerate(runs):
        for cut in range(1, len(run.text) + 1):
            if cut < len(run.text) and unicodedata.combining(run.text[cut]):
                continue
            candidate = (*runs[:r], _Run(run.text[:cut], run.font, run.level, False))
            if _line(metrics, [candidate, (ellipsis,)], size).width > width:
                return best
            best = candidate
    return best
