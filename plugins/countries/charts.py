"""What every SVG chart of TIP Report tiers shares: its two drawings, markup, patterns, markers.

The charts themselves are in :mod:`.history` (a country's tier by year) and :mod:`.counts`
(the number of countries on each tier by year); :mod:`.worldmap` draws the map.

Every function here is pure and deterministic: the same data gives the same bytes. The markup
has no ``style`` attribute and no ``<style>`` element (the site's Content Security Policy
forbids them); colours come from CSS classes in the site's stylesheet (``tier-<code>``,
``bar-<code>``, ``map-tier-<code>``...), and presentation attributes are used only for
geometry-like properties (``fill="none"`` on lines, pattern fills, stroke widths in patterns).
Tier is never shown by colour alone: the history chart draws one shape per tier and the bar
chart and map fill Tier 2 Watch List with hatching and special cases with dots.

Each chart is drawn twice, and the stylesheet shows one drawing (``display: none`` on the
other, so assistive technology meets only one) by a container query on its ``<figure>``:

- ``chart--compact`` (:data:`COMPACT`), 300 units wide, so that a unit is about one CSS px
  in the 288 px column of a 320 px phone: the history as a row per report year going down with
  a column per tier, the counts as a horizontal stacked bar per year;
- ``chart--wide`` (:data:`WIDE`), shown only in a figure at least ``WIDE_FROM_REM`` wide: the
  history as tier bands across the years, the counts as a stacked column per year.

The font size of each variant is chosen so that its text never renders under 12 CSS px at
the narrowest width at which it is shown (:meth:`Variant.smallest_text_px`).

Each drawing is ``<svg class="chart ..." viewBox=...>`` without width or height, so CSS sizes
it; ids (title, desc, patterns) start with the caller's ``id_prefix`` and the variant's name
(``history-wide-title``, ``history-compact-title``), so they are unique per page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from plugins._common.i18n import SOURCE_LANGUAGE, gettext, language, listing, translations
from plugins._common.tiers import TIERS

SVG_NS = "http://www.w3.org/2000/svg"
# Tiers in the order the charts draw them: best first, the unranked special cases last.
TIER_ORDER: tuple[str, ...] = ("1", "2", "2WL", "3", "special")
# Tiers filled with a pattern besides their colour, and the pattern's kind.
PATTERNS: dict[str, str] = {"2WL": "hatch", "special": "dots"}


# --- Variants: the stylesheet shows one drawing of each chart ------------------------------------


@dataclass(frozen=True)
class Variant:
    """One drawing of a chart: its name, viewBox width, font size and narrowest CSS width."""

    name: str  # in the svg's class (``chart--<name>``) and its ids
    width: float
    font_size: int
    narrowest_px: float  # the narrowest rendered width, in CSS px, at which CSS shows it

    def smallest_text_px(self) -> float:
        """Return the size in CSS px of the variant's text where it is drawn smallest."""
        return self.font_size * self.narrowest_px / self.width


# site.css: ``@container chart (min-width: 36rem)`` shows the wide drawings, hides the compact.
WIDE_FROM_REM = 36
# The content column of a 320 px screen: 320 less 1rem of padding on each side.
PHONE_COLUMN_PX = 288
WIDE = Variant("wide", 600, 13, WIDE_FROM_REM * 16)
COMPACT = Variant("compact", 300, 13, PHONE_COLUMN_PX)


# --- Markup helpers (shared with worldmap) ------------------------------------------------------


def num(value: float) -> str:
    """Format a coordinate with at most one decimal: ``12``, ``12.5``, ``-0.5``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tag_body(name: str, attributes: Mapping[str, object]) -> str:
    parts = [name]
    for key, value in attributes.items():
        if value is None:
            continue
        text = num(value) if isinstance(value, float) else str(value)
        parts.append(f'{key}="{escape(text, quote=True)}"')
    return " ".join(parts)


def start_tag(name: str, attributes: Mapping[str, object]) -> str:
    """Return an element's start tag; attributes whose value is None are left out."""
    return f"<{_tag_body(name, attributes)}>"


def element(name: str, attributes: Mapping[str, object], content: str | None = None) -> str:
    """Return one SVG element, self-closed when it has no content; None attributes left out."""
    if content is None:
        return f"<{_tag_body(name, attributes)}/>"
    return f"{start_tag(name, attributes)}{content}</{name}>"


def text_element(x: float, y: float, text: str, **attributes: object) -> str:
    """Return a ``<text>`` element with escaped content; ``class_`` becomes ``class``."""
    extra = {key.rstrip("_").replace("_", "-"): value for key, value in attributes.items()}
    return element("text", {"x": float(x), "y": float(y), **extra}, escape(text, quote=False))


def title_id(id_prefix: str) -> str:
    """Return the id of a chart's ``<title>``."""
    return f"{id_prefix}-title"


def desc_id(id_prefix: str) -> str:
    """Return the id of a chart's ``<desc>``."""
    return f"{id_prefix}-desc"


def svg_open(
    id_prefix: str,
    width: float,
    height: float,
    css_class: str,
    *,
    image: bool = True,
    font_size: int | None = None,
) -> str:
    """Open a responsive ``<svg>`` labelled by its title and desc (``role="img"`` if image)."""
    return start_tag(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": f"chart {css_class}",
            "viewBox": f"0 0 {num(width)} {num(height)}",
            "role": "img" if image else None,
            "aria-labelledby": f"{title_id(id_prefix)} {desc_id(id_prefix)}",
            "font-size": font_size,
        },
    )


def variant_open(id_prefix: str, variant: Variant, height: float, css_class: str) -> str:
    """Open the ``<svg role="img">`` of one variant of a chart, classed ``chart--<name>``."""
    return svg_open(
        id_prefix,
        variant.width,
        height,
        f"{css_class} chart--{variant.name}",
        font_size=variant.font_size,
    )


def title_desc(id_prefix: str, title: str, desc: str) -> str:
    """Return the ``<title>`` and ``<desc>`` that name and describe a chart."""
    return element("title", {"id": title_id(id_prefix)}, escape(title, quote=False)) + element(
        "desc", {"id": desc_id(id_prefix)}, escape(desc, quote=False)
    )


def pattern_id(id_prefix: str, code: str) -> str:
    """Return the id of the fill pattern of tier ``code``."""
    return f"{id_prefix}-pattern-{code.lower()}"


def pattern_fill(id_prefix: str, code: str) -> str | None:
    """Return the ``fill`` attribute value for tier ``code``: its pattern, or None (CSS colour)."""
    return f"url(#{pattern_id(id_prefix, code)})" if code in PATTERNS else None


def pattern_def(id_prefix: str, code: str, size: int = 6) -> str:
    """Return the ``<pattern>`` of tier ``code``: hatching (Tier 2 Watch List) or dots."""
    half = size / 2
    background = element("rect", {"class": TIERS[code].css, "width": size, "height": size})
    attributes: dict[str, object] = {
        "id": pattern_id(id_prefix, code),
        "width": size,
        "height": size,
        "patternUnits": "userSpaceOnUse",
    }
    if PATTERNS[code] == "hatch":
        attributes["patternTransform"] = "rotate(45)"
        mark = element(
            "path",
            {"class": "pattern-line", "d": f"M{num(half)} 0v{size}", "stroke-width": "2"},
        )
    else:
        mark = element(
            "circle",
            {"class": "pattern-dot", "cx": num(half), "cy": num(half), "r": num(size / 4)},
        )
    return element("pattern", attributes, background + mark)


def pattern_defs(id_prefix: str, size: int = 6) -> str:
    """Return the ``<pattern>`` elements: hatching for Tier 2 Watch List, dots for special."""
    return "".join(pattern_def(id_prefix, code, size) for code in PATTERNS)


def text_width(text: str, font_size: float) -> float:
    """Estimate the width of ``text`` in a proportional sans-serif font (0.6 em a character)."""
    return len(text) * font_size * 0.6


def label_every(step: float, text: str, font_size: float) -> int:
    """Return n such that labelling every n-th slot ``step`` apart keeps ``text`` from crowding."""
    return max(1, math.ceil((text_width(text, font_size) + 4) / step))


# --- Words: in the build's language when given its settings, else English -----------------------

Settings = Mapping[str, Any] | None


def translator(settings: Settings) -> Callable[[str], str]:
    """Return the function that translates a message into the language of ``settings``."""
    return gettext(settings or {})


def countries_phrase(count: int, settings: Settings = None) -> str:
    """Return ``1 country`` or ``N countries``."""
    phrase = translations(settings or {}).ngettext(
        "%(count)s country", "%(count)s countries", count
    )
    return phrase % {"count": count}


def join_words(items: Sequence[str], settings: Settings = None) -> str:
    """Join ``a``, ``a and b``, ``a, b and c`` (CLDR's way in a language other than English)."""
    if settings and language(settings) != SOURCE_LANGUAGE:
        return listing(settings, items) if items else ""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def join_series(items: Sequence[str], settings: Settings = None) -> str:
    """Join a series with commas only, ``a, b, c`` (CLDR's list in a language but English)."""
    if settings and language(settings) != SOURCE_LANGUAGE:
        return listing(settings, items) if items else ""
    return ", ".join(items)


# --- Markers: one shape per tier -----------------------------------------------------------------

MARKER_SIZE = 7.0


def _polygon(cx: float, cy: float, points: Iterable[tuple[float, float]]) -> str:
    coordinates = [f"{num(cx + dx)} {num(cy + dy)}" for dx, dy in points]
    return "M" + "L".join(coordinates) + "Z"


def _cross_points(arm: float, half_width: float) -> list[tuple[float, float]]:
    """Return the outline of an X: a plus sign of the given arm turned by 45 degrees."""
    plus = [
        (half_width, -arm),
        (half_width, -half_width),
        (arm, -half_width),
        (arm, half_width),
        (half_width, half_width),
        (half_width, arm),
        (-half_width, arm),
        (-half_width, half_width),
        (-arm, half_width),
        (-arm, -half_width),
        (-half_width, -half_width),
        (-half_width, -arm),
    ]
    turn = math.sqrt(0.5)
    return [((x - y) * turn, (x + y) * turn) for x, y in plus]


def marker(code: str, cx: float, cy: float, css_class: str, content: str | None = None) -> str:
    """Draw tier ``code``'s shape centred on (cx, cy): circle, square, diamond, triangle or X."""
    s = MARKER_SIZE
    if code == "1":
        return element("circle", {"class": css_class, "cx": cx, "cy": cy, "r": s}, content)
    if code == "2":
        side = s * 1.7
        box = {"x": cx - side / 2, "y": cy - side / 2, "width": side, "height": side}
        return element("rect", {"class": css_class, **box}, content)
    if code == "2WL":
        d = _polygon(cx, cy, [(0, -s * 1.25), (s * 1.25, 0), (0, s * 1.25), (-s * 1.25, 0)])
    elif code == "3":
        d = _polygon(cx, cy, [(-s * 1.15, -s * 0.85), (s * 1.15, -s * 0.85), (0, s * 1.2)])
    else:
        d = _polygon(cx, cy, _cross_points(s * 1.2, s * 0.4))
    return element("path", {"class": css_class, "d": d}, content)


Point = tuple[float, float]
