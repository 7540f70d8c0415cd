"""SVG charts of TIP Report tiers, drawn at build time as markup strings.

Every function here is pure and deterministic: the same data gives the same bytes. The markup
has no ``style`` attribute and no ``<style>`` element (the site's Content Security Policy
forbids them); colours come from CSS classes in the site's stylesheet (``tier-<code>``,
``bar-<code>``, ``map-tier-<code>``...), and presentation attributes are used only for
geometry-like properties (``fill="none"`` on lines, pattern fills, stroke widths in patterns).
Tier is never shown by colour alone: the history chart draws one shape per tier and the bar
chart and map fill Tier 2 Watch List with hatching and special cases with dots.

Each chart is ``<svg class="chart ..." viewBox=...>`` without width or height, so CSS sizes it;
ids (title, desc, patterns) start with the caller's ``id_prefix`` so they are unique per page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from plugins._common.tiers import TIERS, Tier
from plugins._common.tipdata import Country, TipData

SVG_NS = "http://www.w3.org/2000/svg"
# Tiers in the order the charts draw them: best first, the unranked special cases last.
TIER_ORDER: tuple[str, ...] = ("1", "2", "2WL", "3", "special")
# Tiers filled with a pattern besides their colour, and the pattern's kind.
PATTERNS: dict[str, str] = {"2WL": "hatch", "special": "dots"}


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
    font_size: int = 13,
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


def pattern_defs(id_prefix: str, size: int = 6) -> str:
    """Return the ``<pattern>`` elements: hatching for Tier 2 Watch List, dots for special."""
    half = size / 2
    background = {"width": size, "height": size}
    hatch = element(
        "pattern",
        {
            "id": pattern_id(id_prefix, "2WL"),
            "width": size,
            "height": size,
            "patternUnits": "userSpaceOnUse",
            "patternTransform": "rotate(45)",
        },
        element("rect", {"class": TIERS["2WL"].css, **background})
        + element(
            "path",
            {"class": "pattern-line", "d": f"M{num(half)} 0v{size}", "stroke-width": "2"},
        ),
    )
    dots = element(
        "pattern",
        {
            "id": pattern_id(id_prefix, "special"),
            "width": size,
            "height": size,
            "patternUnits": "userSpaceOnUse",
        },
        element("rect", {"class": TIERS["special"].css, **background})
        + element(
            "circle",
            {"class": "pattern-dot", "cx": num(half), "cy": num(half), "r": num(size / 4)},
        ),
    )
    return hatch + dots


def text_width(text: str, font_size: float) -> float:
    """Estimate the width of ``text`` in a proportional sans-serif font (0.6 em a character)."""
    return len(text) * font_size * 0.6


def countries_phrase(count: int) -> str:
    """Return ``1 country`` or ``N countries``."""
    return f"{count} {'country' if count == 1 else 'countries'}"


def join_words(items: Sequence[str]) -> str:
    """Join ``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


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


# --- History chart -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryLayout:
    """Geometry of the history chart, in user units."""

    width: float = 720
    left: float = 168  # band labels with their marker
    right: float = 14
    top: float = 14
    band: float = 34
    special_gap: float = 16
    axis: float = 34  # room for the year labels

    @property
    def plot_bottom(self) -> float:
        """Return the y of the plot's bottom edge."""
        return self.top + 5 * self.band + self.special_gap

    @property
    def height(self) -> float:
        """Return the chart's height."""
        return self.plot_bottom + self.axis

    def band_y(self, tier: Tier) -> float:
        """Return the y of the centre of ``tier``'s band (special cases below the ranks)."""
        if tier.rank is None:
            return self.top + 4.5 * self.band + self.special_gap
        return self.top + (tier.rank - 0.5) * self.band

    def year_x(self, index: int, count: int) -> float:
        """Return the x of the ``index``-th of ``count`` years."""
        step = (self.width - self.left - self.right) / count
        return self.left + (index + 0.5) * step


@dataclass(frozen=True)
class Run:
    """Consecutive report years in which a country kept one tier."""

    tier: Tier
    first: int
    last: int

    def phrase(self) -> str:
        """Describe the run: ``Tier 2 in 2001`` or ``Tier 2 from 2001 to 2003``."""
        name = "a special case" if self.tier.rank is None else self.tier.label
        if self.first == self.last:
            return f"{name} in {self.first}"
        return f"{name} from {self.first} to {self.last}"


def tier_runs(country: Country, years: Sequence[int]) -> list[Run]:
    """Group the country's placements into runs of one tier over consecutive report years."""
    runs: list[Run] = []
    previous_year: int | None = None
    for year in years:
        placement = country.placement_in(year)
        if placement is None:
            previous_year = None
            continue
        last = runs[-1] if runs else None
        if last and last.tier == placement.tier and last.last == previous_year:
            runs[-1] = Run(last.tier, last.first, year)
        else:
            runs.append(Run(placement.tier, year, year))
        previous_year = year
    return runs


def year_ranges(years: Sequence[int], all_years: Sequence[int]) -> list[str]:
    """Compress ``years`` into ranges of consecutive report years: ``2001``, ``2005 to 2007``."""
    chosen = set(years)
    ranges: list[list[int]] = []
    for index, year in enumerate(all_years):
        if year not in chosen:
            continue
        if ranges and index > 0 and all_years[index - 1] == ranges[-1][-1]:
            ranges[-1].append(year)
        else:
            ranges.append([year])
    return [str(r[0]) if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in ranges]


def history_summary(country: Country, years: Sequence[int]) -> str:
    """Describe the country's tiers over ``years`` in one or two sentences, runs compressed."""
    runs = tier_runs(country, years)
    if not runs:
        return f"{country.name} was not in the reports of {years[0]} to {years[-1]}."
    sentence = f"{country.name}: {', '.join(run.phrase() for run in runs)}."
    missing = [year for year in years if country.placement_in(year) is None]
    if missing:
        sentence += f" Not in the report in {join_words(year_ranges(missing, years))}."
    latest = runs[-1]
    return f"{sentence} Latest: {Run(latest.tier, latest.last, latest.last).phrase()}."


def _history_bands(layout: HistoryLayout) -> str:
    """Draw each band's gridline and its label with the band's marker as a key."""
    parts = []
    right = layout.width - layout.right
    for code in TIER_ORDER:
        tier = TIERS[code]
        y = layout.band_y(tier)
        parts.append(
            element("path", {"class": "grid", "d": f"M{num(layout.left)} {num(y)}H{num(right)}"})
        )
        parts.append(marker(code, 12.0, y, f"key {tier.css}"))
        parts.append(text_element(28, y + 4.5, tier.label, class_="band-label"))
    divider = layout.top + 4 * layout.band + layout.special_gap / 2
    parts.append(
        element(
            "path",
            {"class": "divider", "d": f"M4 {num(divider)}H{num(right)}", "stroke-dasharray": "4 4"},
        )
    )
    return element("g", {"class": "bands"}, "".join(parts))


def _history_years(layout: HistoryLayout, years: Sequence[int]) -> str:
    """Label the report years under the plot, every other one when they would crowd."""
    step = (layout.width - layout.left - layout.right) / len(years)
    every = max(1, math.ceil((text_width("2000", 13) + 4) / step))
    labels = [
        text_element(
            layout.year_x(i, len(years)),
            layout.plot_bottom + 22,
            str(year),
            class_="axis-label",
            text_anchor="middle",
        )
        for i, year in enumerate(years)
        if i % every == 0 or i == len(years) - 1
    ]
    return element("g", {"class": "years"}, "".join(labels))


def _history_line(country: Country, years: Sequence[int], layout: HistoryLayout) -> str:
    """Connect the points of consecutive report years in which the country was ranked."""
    commands: list[str] = []
    pen_down = False
    for index, year in enumerate(years):
        placement = country.placement_in(year)
        if placement is None or placement.tier.rank is None:
            pen_down = False
            continue
        x, y = layout.year_x(index, len(years)), layout.band_y(placement.tier)
        commands.append(f"{'L' if pen_down else 'M'}{num(x)} {num(y)}")
        pen_down = True
    segments = "".join(commands)
    # A lone "M" draws nothing; keep the path only if it has a segment.
    if "L" not in segments:
        return ""
    return element("path", {"class": "history-line", "d": segments, "fill": "none"})


def _history_points(country: Country, years: Sequence[int], layout: HistoryLayout) -> str:
    """Draw one marker per placement, classed ``point tier-<code>`` with a tooltip title."""
    points = []
    for index, year in enumerate(years):
        placement = country.placement_in(year)
        if placement is None:
            continue
        tier = placement.tier
        x, y = layout.year_x(index, len(years)), layout.band_y(tier)
        tooltip = element("title", {}, escape(f"{year}: {tier.label}", quote=False))
        points.append(marker(tier.code, x, y, f"point {tier.css}", tooltip))
    return element("g", {"class": "points"}, "".join(points))


def history_chart(country: Country, years: Sequence[int], id_prefix: str) -> str:
    """Draw the country's tier in every report year as points on tier bands, joined by a line."""
    layout = HistoryLayout()
    title = f"{country.name}: tier in each TIP Report, {years[0]} to {years[-1]}"
    return (
        svg_open(id_prefix, layout.width, layout.height, "history-chart")
        + title_desc(id_prefix, title, history_summary(country, years))
        + _history_bands(layout)
        + _history_years(layout, years)
        + _history_line(country, years, layout)
        + _history_points(country, years, layout)
        + "</svg>"
    )


# --- Counts chart --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountsLayout:
    """Geometry of the counts chart, in user units."""

    width: float = 720
    height: float = 430
    left: float = 44
    right: float = 10
    top: float = 66  # legend and axis title above the plot
    bottom: float = 34  # year labels
    bar_share: float = 0.64  # part of each year's column the bar fills

    @property
    def plot_height(self) -> float:
        """Return the height of the plot area."""
        return self.height - self.top - self.bottom

    @property
    def plot_bottom(self) -> float:
        """Return the y of the zero line."""
        return self.height - self.bottom

    def step(self, count: int) -> float:
        """Return the width of one year's column."""
        return (self.width - self.left - self.right) / count


@dataclass(frozen=True)
class Scale:
    """A linear y scale from zero to ``top`` with a tick every ``tick``."""

    top: int
    tick: int

    @classmethod
    def for_maximum(cls, maximum: int, max_ticks: int = 6) -> Scale:
        """Choose a round tick so that at most ``max_ticks`` ticks cover ``maximum``."""
        for tick in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
            if math.ceil(max(maximum, 1) / tick) <= max_ticks:
                return cls(tick * math.ceil(max(maximum, 1) / tick), tick)
        return cls(maximum, maximum)

    def ticks(self) -> list[int]:
        """Return the tick values from zero to the top."""
        return list(range(0, self.top + 1, self.tick))


def _legend_items(
    id_prefix: str, y: float, codes: Sequence[str], class_of: Mapping[str, str]
) -> str:
    """Lay out swatches and labels in one row from x=4 (swatches use the tier's fill)."""
    parts = []
    x = 4.0
    for code in codes:
        tier = TIERS[code]
        swatch = {"class": f"swatch {class_of[code]}", "x": x, "y": y - 11, "width": 14.0}
        swatch |= {"height": 14.0, "fill": pattern_fill(id_prefix, code)}
        parts.append(element("rect", swatch))
        parts.append(text_element(x + 20, y, tier.label, class_="legend-label"))
        x += 20 + text_width(tier.label, 13) + 22
    return element("g", {"class": "legend"}, "".join(parts))


def _counts_axis(layout: CountsLayout, scale: Scale) -> str:
    """Draw the y axis gridlines and tick labels, and the axis title."""
    parts = [text_element(4, layout.top - 16, "Countries", class_="axis-title")]
    for value in scale.ticks():
        y = layout.plot_bottom - layout.plot_height * value / scale.top
        css = "axis-line" if value == 0 else "grid"
        d = f"M{num(layout.left)} {num(y)}H{num(layout.width - layout.right)}"
        parts.append(element("path", {"class": css, "d": d}))
        parts.append(
            text_element(
                layout.left - 6, y + 4.5, str(value), class_="axis-label", text_anchor="end"
            )
        )
    return element("g", {"class": "y-axis"}, "".join(parts))


def _year_bar(
    data: TipData, year: int, index: int, layout: CountsLayout, scale: Scale, id_prefix: str
) -> str:
    """Draw one year's stacked bar (Tier 1 at the bottom), its total and its year label."""
    counts = data.counts(year)
    step = layout.step(len(data.years))
    width = step * layout.bar_share
    x = layout.left + index * step + (step - width) / 2
    per_country = layout.plot_height / scale.top
    base = layout.plot_bottom
    parts = []
    for code in TIER_ORDER:
        count = counts.get(code, 0)
        if not count:
            continue
        tier = TIERS[code]
        height = count * per_country
        base -= height
        tooltip = element("title", {}, f"{year}: {tier.label}, {countries_phrase(count)}")
        box = {"x": x, "y": base, "width": width, "height": height}
        parts.append(
            element(
                "rect",
                {"class": f"bar bar-{code.lower()}", **box, "fill": pattern_fill(id_prefix, code)},
                tooltip,
            )
        )
    centre = x + width / 2
    total = sum(counts.values())
    parts.append(
        text_element(centre, base - 5, str(total), class_="bar-total", text_anchor="middle")
    )
    parts.append(
        text_element(
            centre, layout.plot_bottom + 22, str(year), class_="axis-label", text_anchor="middle"
        )
    )
    return element("g", {"class": "year"}, "".join(parts))


def counts_summary(data: TipData) -> str:
    """Describe Tier 1 and Tier 3 in the first and latest report years."""
    sentences = [
        f"Countries on each tier of the TIP Report, {data.years[0]} to {data.latest_year}."
    ]
    for year in dict.fromkeys((data.years[0], data.latest_year)):
        counts = data.counts(year)
        sentences.append(
            f"In the data, the {year} report has {countries_phrase(sum(counts.values()))}: "
            f"{counts['1']} on Tier 1 and {counts['3']} on Tier 3."
        )
    return " ".join(sentences)


def counts_chart(data: TipData, id_prefix: str) -> str:
    """Draw a stacked bar per report year of how many countries were on each tier."""
    layout = CountsLayout()
    scale = Scale.for_maximum(max(sum(data.counts(year).values()) for year in data.years))
    title = f"Countries on each tier of the TIP Report, {data.years[0]} to {data.latest_year}"
    bar_classes = {code: f"bar-{code.lower()}" for code in TIER_ORDER}
    bars = "".join(
        _year_bar(data, year, index, layout, scale, id_prefix)
        for index, year in enumerate(data.years)
    )
    return (
        svg_open(id_prefix, layout.width, layout.height, "counts-chart")
        + title_desc(id_prefix, title, counts_summary(data))
        + element("defs", {}, pattern_defs(id_prefix))
        + _legend_items(id_prefix, 20, TIER_ORDER, bar_classes)
        + _counts_axis(layout, scale)
        + element("g", {"class": "bars"}, bars)
        + "</svg>"
    )
