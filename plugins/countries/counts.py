"""The tier-counts chart: how many countries each report year placed on each tier, two drawings.

The wide drawing stacks a column per year; the compact one a horizontal bar per year (see
:mod:`.charts` for how the stylesheet picks one).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from plugins._common.tiers import TIERS
from plugins._common.tipdata import TipData

from .charts import (
    COMPACT,
    TIER_ORDER,
    WIDE,
    Point,
    Settings,
    Variant,
    countries_phrase,
    element,
    label_every,
    num,
    pattern_defs,
    pattern_fill,
    text_element,
    text_width,
    title_desc,
    translator,
    variant_open,
)


def legend_places(labels: Sequence[str], width: float, font_size: float) -> list[Point]:
    """Place legend items (swatch, label) from x=4 in rows 22 apart, wrapping before overflow."""
    places: list[Point] = []
    x, row = 4.0, 0
    for label in labels:
        extent = 20 + text_width(label, font_size)
        if x > 4 and x + extent > width - 4:
            x, row = 4.0, row + 1
        places.append((x, row * 22.0))
        x += extent + 22
    return places


@dataclass(frozen=True)
class CountsLegend:
    """The counts chart's key: a swatch and label per tier, wrapped to the chart's width."""

    variant: Variant
    baseline: float = 20  # of the first row
    settings: Settings = field(default=None, compare=False)  # the labels' language (English)

    @property
    def labels(self) -> list[str]:
        """Return each tier's label, in the order of the key."""
        _ = translator(self.settings)
        return [_(TIERS[code].label) for code in TIER_ORDER]

    @property
    def places(self) -> list[Point]:
        """Return each tier's item position, relative to the first row's baseline."""
        return legend_places(self.labels, self.variant.width, self.variant.font_size)

    @property
    def bottom(self) -> float:
        """Return the baseline of the last row."""
        return self.baseline + max(y for _, y in self.places)

    def draw(self, id_prefix: str) -> str:
        """Draw the swatches (each filled like its bars) and their labels."""
        parts = []
        for code, label, (x, dy) in zip(TIER_ORDER, self.labels, self.places, strict=True):
            y = self.baseline + dy
            swatch = {"class": f"swatch bar-{code.lower()}", "x": x, "y": y - 11, "width": 14.0}
            swatch |= {"height": 14.0, "fill": pattern_fill(id_prefix, code)}
            parts.append(element("rect", swatch))
            parts.append(text_element(x + 20, y, label, class_="legend-label"))
        return element("g", {"class": "legend"}, "".join(parts))


@dataclass(frozen=True)
class CountsLayout:
    """Geometry of the wide counts chart, a column per year, in user units."""

    width: float = WIDE.width
    height: float = 400
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
class BarsLayout:
    """Geometry of the compact counts chart, a horizontal bar per year, in user units."""

    count: int
    top: float  # the y of the first row's top edge
    width: float = COMPACT.width
    left: float = 44  # year labels
    right: float = 30  # room for the last total and the top tick label
    row: float = 22
    bar: float = 14

    @property
    def plot_width(self) -> float:
        """Return the width of the plot area."""
        return self.width - self.left - self.right

    @property
    def plot_bottom(self) -> float:
        """Return the y of the last row's bottom edge."""
        return self.top + self.count * self.row

    @property
    def height(self) -> float:
        """Return the chart's height."""
        return self.plot_bottom + 6

    def row_y(self, index: int) -> float:
        """Return the y of the centre of the ``index``-th year's row."""
        return self.top + (index + 0.5) * self.row


@dataclass(frozen=True)
class Scale:
    """A linear scale from zero to ``top`` with a tick every ``tick``."""

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


def _counts_axis(layout: CountsLayout, scale: Scale, settings: Settings = None) -> str:
    """Draw the y axis gridlines and tick labels, and the axis title."""
    _ = translator(settings)
    title = _("Countries")
    parts = [text_element(4, layout.top - 16, title, class_="axis-title")]
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


def _bar_segment(
    year: int,
    code: str,
    count: int,
    box: Mapping[str, float],
    id_prefix: str,
    settings: Settings = None,
) -> str:
    """Draw the part of a year's bar for one tier, with a tooltip naming its count."""
    _ = translator(settings)
    tier = TIERS[code]
    tip = _("%(year)s: %(tier)s, %(countries)s") % {
        "year": year,
        "tier": _(tier.label),
        "countries": countries_phrase(count, settings),
    }
    tooltip = element("title", {}, escape(tip, quote=False))
    css = f"bar bar-{code.lower()}"
    return element("rect", {"class": css, **box, "fill": pattern_fill(id_prefix, code)}, tooltip)


def _year_bar(
    data: TipData,
    year: int,
    index: int,
    layout: CountsLayout,
    scale: Scale,
    id_prefix: str,
    settings: Settings = None,
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
        height = count * per_country
        base -= height
        box = {"x": x, "y": base, "width": width, "height": height}
        parts.append(_bar_segment(year, code, count, box, id_prefix, settings))
    centre = x + width / 2
    total = sum(counts.values())
    parts.append(
        text_element(centre, base - 5, str(total), class_="bar-total", text_anchor="middle")
    )
    every = label_every(step, "2000", WIDE.font_size)
    if index % every == 0 or index == len(data.years) - 1:
        parts.append(
            text_element(
                centre,
                layout.plot_bottom + 22,
                str(year),
                class_="axis-label",
                text_anchor="middle",
            )
        )
    return element("g", {"class": "year"}, "".join(parts))


def _bars_axis(layout: BarsLayout, scale: Scale, settings: Settings = None) -> str:
    """Draw the x axis above the bars: its title, tick labels and gridlines down the rows."""
    _ = translator(settings)
    title = _("Countries")
    parts = [text_element(4, layout.top - 28, title, class_="axis-title")]
    for value in scale.ticks():
        x = layout.left + layout.plot_width * value / scale.top
        css = "axis-line" if value == 0 else "grid"
        d = f"M{num(x)} {num(layout.top - 4)}V{num(layout.plot_bottom)}"
        parts.append(element("path", {"class": css, "d": d}))
        label = text_element(
            x, layout.top - 8, str(value), class_="axis-label", text_anchor="middle"
        )
        parts.append(label)
    return element("g", {"class": "x-axis"}, "".join(parts))


def _year_row(
    data: TipData,
    year: int,
    index: int,
    layout: BarsLayout,
    scale: Scale,
    id_prefix: str,
    settings: Settings = None,
) -> str:
    """Draw one year's label and horizontal stacked bar (Tier 1 at the left), and its total."""
    counts = data.counts(year)
    y = layout.row_y(index)
    per_country = layout.plot_width / scale.top
    end = layout.left
    parts = [text_element(4, y + 4.5, str(year), class_="axis-label")]
    for code in TIER_ORDER:
        count = counts.get(code, 0)
        if not count:
            continue
        box = {"x": end, "y": y - layout.bar / 2, "width": count * per_country}
        box |= {"height": layout.bar}
        parts.append(_bar_segment(year, code, count, box, id_prefix, settings))
        end += count * per_country
    total = str(sum(counts.values()))
    parts.append(text_element(end + 4, y + 4.5, total, class_="bar-total"))
    return element("g", {"class": "year"}, "".join(parts))


def counts_summary(data: TipData, settings: Settings = None) -> str:
    """Describe Tier 1 and Tier 3 in the first and latest report years."""
    _ = translator(settings)
    sentences = [
        _("Countries on each tier of the TIP Report, %(first)s to %(last)s.")
        % {"first": data.years[0], "last": data.latest_year}
    ]
    for year in dict.fromkeys((data.years[0], data.latest_year)):
        counts = data.counts(year)
        sentences.append(
            _(
                "In the data, the %(year)s report has %(countries)s: %(tier_1)s on Tier 1 and "
                "%(tier_3)s on Tier 3."
            )
            % {
                "year": year,
                "countries": countries_phrase(sum(counts.values()), settings),
                "tier_1": counts["1"],
                "tier_3": counts["3"],
            }
        )
    return " ".join(sentences)


def _counts_scale(data: TipData, max_ticks: int) -> Scale:
    """Return a scale that covers the largest report year."""
    return Scale.for_maximum(max(sum(data.counts(year).values()) for year in data.years), max_ticks)


def _counts_head(
    data: TipData, id_prefix: str, variant: Variant, height: float, settings: Settings = None
) -> str:
    """Open one variant of the counts chart with its title, desc, patterns and legend."""
    _ = translator(settings)
    title = _("Countries on each tier of the TIP Report, %(first)s to %(last)s") % {
        "first": data.years[0],
        "last": data.latest_year,
    }
    return (
        variant_open(id_prefix, variant, height, "counts-chart")
        + title_desc(id_prefix, title, counts_summary(data, settings))
        + element("defs", {}, pattern_defs(id_prefix))
        + CountsLegend(variant, settings=settings).draw(id_prefix)
    )


def counts_wide(data: TipData, id_prefix: str, settings: Settings = None) -> str:
    """Draw a stacked column per report year of how many countries were on each tier.

    Its words are in the language of ``settings`` (English without them), as in every chart.
    """
    layout = CountsLayout(top=CountsLegend(WIDE, settings=settings).bottom + 46)
    scale = _counts_scale(data, 6)
    columns = "".join(
        _year_bar(data, year, index, layout, scale, id_prefix, settings)
        for index, year in enumerate(data.years)
    )
    return (
        _counts_head(data, id_prefix, WIDE, layout.height, settings)
        + _counts_axis(layout, scale, settings)
        + element("g", {"class": "bars"}, columns)
        + "</svg>"
    )


def counts_compact(data: TipData, id_prefix: str, settings: Settings = None) -> str:
    """Draw a horizontal stacked bar per report year of how many countries were on each tier."""
    top = CountsLegend(COMPACT, settings=settings).bottom + 62
    layout = BarsLayout(len(data.years), top=top)
    scale = _counts_scale(data, 4)
    rows = "".join(
        _year_row(data, year, index, layout, scale, id_prefix, settings)
        for index, year in enumerate(data.years)
    )
    return (
        _counts_head(data, id_prefix, COMPACT, layout.height, settings)
        + _bars_axis(layout, scale, settings)
        + element("g", {"class": "bars"}, rows)
        + "</svg>"
    )


def counts_chart(data: TipData, id_prefix: str, settings: Settings = None) -> str:
    """Return both drawings of the counts chart, ids ``<id_prefix>-wide-*`` and ``-compact-*``."""
    return counts_wide(data, f"{id_prefix}-{WIDE.name}", settings) + counts_compact(
        data, f"{id_prefix}-{COMPACT.name}", settings
    )
