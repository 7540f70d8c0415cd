"""The tier-history chart of a country: its tier in each report year, as two drawings.

The wide drawing puts a band per tier across the years; the compact one a row per year going
down, with a column per tier (see :mod:`.charts` for how the stylesheet picks one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from plugins._common.tiers import TIERS, Tier
from plugins._common.tipdata import Country

from .charts import (
    COMPACT,
    TIER_ORDER,
    WIDE,
    Point,
    Settings,
    element,
    join_series,
    join_words,
    label_every,
    marker,
    num,
    text_element,
    title_desc,
    translator,
    variant_open,
)

Translate = Callable[[str], str]

# Where a chart draws the placement of the index-th report year, on a given tier.
Placer = Callable[[int, Tier], Point]


@dataclass(frozen=True)
class HistoryLayout:
    """Geometry of the wide history chart, a band per tier across ``count`` years, in units."""

    count: int
    width: float = WIDE.width
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

    @property
    def step(self) -> float:
        """Return the width of one year's slot."""
        return (self.width - self.left - self.right) / self.count

    def band_y(self, tier: Tier) -> float:
        """Return the y of the centre of ``tier``'s band (special cases below the ranks)."""
        if tier.rank is None:
            return self.top + 4.5 * self.band + self.special_gap
        return self.top + (tier.rank - 0.5) * self.band

    def year_x(self, index: int) -> float:
        """Return the x of the ``index``-th year."""
        return self.left + (index + 0.5) * self.step

    def point(self, index: int, tier: Tier) -> Point:
        """Return where the ``index``-th year's placement on ``tier`` is drawn."""
        return self.year_x(index), self.band_y(tier)


@dataclass(frozen=True)
class ColumnsLayout:
    """Geometry of the compact history chart: a column per tier, a row per year, in units.

    Each column is headed by its tier's marker with the label to its left, one header row per
    tier from the rightmost column (special cases) up top to Tier 1, so no label crosses the
    guide line that runs down from a header marker.
    """

    count: int
    width: float = COMPACT.width
    header_top: float = 15  # centre of the first header row
    header_row: float = 22
    first_column: float = 72  # left of it: the year labels, and the header labels
    column: float = 46
    special_gap: float = 10
    row: float = 22
    label_gap: float = 14  # from a header marker's centre to the end of its label

    @property
    def first_row(self) -> float:
        """Return the y of the first year's row."""
        return self.header_top + 4 * self.header_row + 30

    @property
    def height(self) -> float:
        """Return the chart's height."""
        return self.first_row + (self.count - 1) * self.row + 16

    def column_x(self, tier: Tier) -> float:
        """Return the x of the centre of ``tier``'s column (special cases right of the ranks)."""
        if tier.rank is None:
            return self.first_column + 4 * self.column + self.special_gap
        return self.first_column + (tier.rank - 1) * self.column

    def header_y(self, tier: Tier) -> float:
        """Return the y of the header row of ``tier``: the rightmost column's row first."""
        position = 0 if tier.rank is None else 5 - tier.rank
        return self.header_top + position * self.header_row

    def row_y(self, index: int) -> float:
        """Return the y of the ``index``-th year's row."""
        return self.first_row + index * self.row

    def point(self, index: int, tier: Tier) -> Point:
        """Return where the ``index``-th year's placement on ``tier`` is drawn."""
        return self.column_x(tier), self.row_y(index)


@dataclass(frozen=True)
class Run:
    """Consecutive report years in which a country kept one tier."""

    tier: Tier
    first: int
    last: int

    def phrase(self, settings: Settings = None) -> str:
        """Describe the run: ``Tier 2 in 2001`` or ``Tier 2 from 2001 to 2003``."""
        _ = translator(settings)
        values = {"tier": _(self.tier.label), "first": self.first, "last": self.last}
        if self.tier.rank is None:
            if self.first == self.last:
                return _("a special case in %(first)s") % values
            return _("a special case from %(first)s to %(last)s") % values
        if self.first == self.last:
            return _("%(tier)s in %(first)s") % values
        return _("%(tier)s from %(first)s to %(last)s") % values


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


def year_ranges(
    years: Sequence[int], all_years: Sequence[int], settings: Settings = None
) -> list[str]:
    """Compress ``years`` into ranges of consecutive report years: ``2001``, ``2005 to 2007``."""
    _ = translator(settings)
    chosen = set(years)
    ranges: list[list[int]] = []
    for index, year in enumerate(all_years):
        if year not in chosen:
            continue
        if ranges and index > 0 and all_years[index - 1] == ranges[-1][-1]:
            ranges[-1].append(year)
        else:
            ranges.append([year])
    return [
        str(r[0]) if len(r) == 1 else _("%(first)s to %(last)s") % {"first": r[0], "last": r[-1]}
        for r in ranges
    ]


def history_summary(country: Country, years: Sequence[int], settings: Settings = None) -> str:
    """Describe the country's tiers over ``years`` in one or two sentences, runs compressed."""
    _ = translator(settings)
    runs = tier_runs(country, years)
    if not runs:
        return _("%(country)s was not in the reports of %(first)s to %(last)s.") % {
            "country": country.name,
            "first": years[0],
            "last": years[-1],
        }
    phrases = join_series([run.phrase(settings) for run in runs], settings)
    sentences = [_("%(country)s: %(runs)s.") % {"country": country.name, "runs": phrases}]
    missing = [year for year in years if country.placement_in(year) is None]
    if missing:
        ranges = join_words(year_ranges(missing, years, settings), settings)
        sentences.append(_("Not in the report in %(years)s.") % {"years": ranges})
    latest = runs[-1]
    latest_run = Run(latest.tier, latest.last, latest.last).phrase(settings)
    sentences.append(_("Latest: %(run)s.") % {"run": latest_run})
    return " ".join(sentences)


def _history_bands(layout: HistoryLayout, _: Translate) -> str:
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
        parts.append(text_element(28, y + 4.5, _(tier.label), class_="band-label"))
    divider = layout.top + 4 * layout.band + layout.special_gap / 2
    parts.append(
        element(
            "path",
            {"class": "divider", "d": f"M4 {num(divider)}H{num(right)}", "stroke-dasharray": "4 4"},
        )
    )
    return element("g", {"class": "bands"}, "".join(parts))


def _history_years(layout: HistoryLayout, years: Sequence[int]) -> str:
    """Label the report years under the plot, every other one (or fewer) when they would crowd."""
    every = label_every(layout.step, "2000", WIDE.font_size)
    labels = [
        text_element(
            layout.year_x(i),
            layout.plot_bottom + 22,
            str(year),
            class_="axis-label",
            text_anchor="middle",
        )
        for i, year in enumerate(years)
        if i % every == 0 or i == len(years) - 1
    ]
    return element("g", {"class": "years"}, "".join(labels))


def _columns_header(layout: ColumnsLayout, _: Translate) -> str:
    """Head each tier's column with its marker and label, and run a guide line down from it."""
    parts = []
    bottom = layout.height - 4
    for code in TIER_ORDER:
        tier = TIERS[code]
        x, y = layout.column_x(tier), layout.header_y(tier)
        guide = f"M{num(x)} {num(y + 12)}V{num(bottom)}"
        parts.append(element("path", {"class": "grid", "d": guide}))
        parts.append(marker(code, x, y, f"key {tier.css}"))
        label_x = x - layout.label_gap
        parts.append(
            text_element(label_x, y + 4.5, _(tier.label), class_="band-label", text_anchor="end")
        )
    divider_x = layout.column_x(TIERS["special"]) - (layout.column + layout.special_gap) / 2
    divider = f"M{num(divider_x)} {num(layout.first_row - 12)}V{num(bottom)}"
    parts.append(element("path", {"class": "divider", "d": divider, "stroke-dasharray": "4 4"}))
    return element("g", {"class": "bands"}, "".join(parts))


def _columns_years(layout: ColumnsLayout, years: Sequence[int]) -> str:
    """Label each year's row at the left."""
    labels = [
        text_element(4, layout.row_y(i) + 4.5, str(year), class_="axis-label")
        for i, year in enumerate(years)
    ]
    return element("g", {"class": "years"}, "".join(labels))


def _history_line(country: Country, years: Sequence[int], place: Placer) -> str:
    """Connect the points of consecutive report years in which the country was ranked."""
    commands: list[str] = []
    pen_down = False
    for index, year in enumerate(years):
        placement = country.placement_in(year)
        if placement is None or placement.tier.rank is None:
            pen_down = False
            continue
        x, y = place(index, placement.tier)
        commands.append(f"{'L' if pen_down else 'M'}{num(x)} {num(y)}")
        pen_down = True
    segments = "".join(commands)
    # A lone "M" draws nothing; keep the path only if it has a segment.
    if "L" not in segments:
        return ""
    return element("path", {"class": "history-line", "d": segments, "fill": "none"})


def _history_points(country: Country, years: Sequence[int], place: Placer, _: Translate) -> str:
    """Draw one marker per placement, classed ``point tier-<code>`` with a tooltip title."""
    points = []
    for index, year in enumerate(years):
        placement = country.placement_in(year)
        if placement is None:
            continue
        tier = placement.tier
        x, y = place(index, tier)
        tip = _("%(year)s: %(tier)s") % {"year": year, "tier": _(tier.label)}
        tooltip = element("title", {}, escape(tip, quote=False))
        points.append(marker(tier.code, x, y, f"point {tier.css}", tooltip))
    return element("g", {"class": "points"}, "".join(points))


def _history_title(country: Country, years: Sequence[int], _: Translate) -> str:
    """Return the history chart's title."""
    return _("%(country)s: tier in each TIP Report, %(first)s to %(last)s") % {
        "country": country.name,
        "first": years[0],
        "last": years[-1],
    }


def _history_head(
    country: Country, years: Sequence[int], id_prefix: str, settings: Settings
) -> str:
    """Return the chart's title and desc."""
    title = _history_title(country, years, translator(settings))
    return title_desc(id_prefix, title, history_summary(country, years, settings))


def history_wide(
    country: Country, years: Sequence[int], id_prefix: str, settings: Settings = None
) -> str:
    """Draw the country's tier in every report year as points on tier bands, joined by a line.

    Its words are in the language of ``settings`` (English without them), as in every chart.
    """
    _ = translator(settings)
    layout = HistoryLayout(len(years))
    return (
        variant_open(id_prefix, WIDE, layout.height, "history-chart")
        + _history_head(country, years, id_prefix, settings)
        + _history_bands(layout, _)
        + _history_years(layout, years)
        + _history_line(country, years, layout.point)
        + _history_points(country, years, layout.point, _)
        + "</svg>"
    )


def history_compact(
    country: Country, years: Sequence[int], id_prefix: str, settings: Settings = None
) -> str:
    """Draw the country's tier as a row per report year, its marker in the tier's column."""
    _ = translator(settings)
    layout = ColumnsLayout(len(years))
    return (
        variant_open(id_prefix, COMPACT, layout.height, "history-chart")
        + _history_head(country, years, id_prefix, settings)
        + _columns_header(layout, _)
        + _columns_years(layout, years)
        + _history_line(country, years, layout.point)
        + _history_points(country, years, layout.point, _)
        + "</svg>"
    )


def history_chart(
    country: Country, years: Sequence[int], id_prefix: str, settings: Settings = None
) -> str:
    """Return both drawings of the history chart, ids ``<id_prefix>-wide-*`` and ``-compact-*``."""
    return history_wide(country, years, f"{id_prefix}-{WIDE.name}", settings) + history_compact(
        country, years, f"{id_prefix}-{COMPACT.name}", settings
    )
