"""The SVG charts and world map of plugins.countries, as pure functions.

Checked on the real ``content/data/tier_history.csv`` and on small hand-made countries: the
markup is well-formed XML, labelled by its title and desc, free of ``style``, deterministic, and
draws exactly the data (one point per placement, one bar segment per non-zero tier, one link per
country of the year that the geometry has). Each chart comes as a wide and a compact drawing,
and each drawing's text is at least 12 CSS px at the narrowest width at which the stylesheet
shows it. The TopoJSON decoder and the projection are checked on hand-written input.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from plugins._common.tiers import TIERS
from plugins._common.tipdata import REGIONS, Country, Placement, TipData, load_tip_data
from plugins.countries.charts import (
    COMPACT,
    PHONE_COLUMN_PX,
    TIER_ORDER,
    WIDE,
    WIDE_FROM_REM,
    Variant,
    marker,
    text_width,
)
from plugins.countries.counts import Scale, counts_chart, counts_compact, counts_wide, legend_places
from plugins.countries.history import history_chart, history_compact, history_summary, history_wide
from plugins.countries.worldmap import (
    EQUAL_EARTH_A,
    countries_off_map,
    decode_features,
    equal_earth,
    format_tenths,
    load_geometry,
    map_key,
    map_svg,
    ring_path,
    split_antimeridian,
    world_map,
)

PROJECT = Path(__file__).resolve().parents[1]
DATA_PATH = PROJECT / "content" / "data" / "tier_history.csv"
SITE_CSS = PROJECT / "theme" / "static" / "css" / "site.css"
NS = "{http://www.w3.org/2000/svg}"
YEARS = tuple(range(2001, 2016))
MIN_TEXT_PX = 12

History = Callable[[Country, tuple[int, ...], str], str]
HISTORIES: dict[str, History] = {"wide": history_wide, "compact": history_compact}
COUNTS: dict[str, Callable[[TipData, str], str]] = {"wide": counts_wide, "compact": counts_compact}
VARIANTS: dict[str, Variant] = {"wide": WIDE, "compact": COMPACT}


@pytest.fixture(scope="module")
def data() -> TipData:
    """Return the real tier data."""
    return load_tip_data(DATA_PATH)


def make_country(name: str, tiers: dict[int, str]) -> Country:
    """Return a hand-made country with the given tier code per year."""
    placements = tuple(Placement(year, TIERS[code], "test") for year, code in sorted(tiers.items()))
    return Country(name, "TST", name.lower(), REGIONS["EUR"], placements)


def href(country: Country) -> str:
    """Link a country the way the site does: a relative URL from its slug."""
    return f"../countries/{country.slug}/"


def parse(svg: str) -> ET.Element:
    """Parse SVG markup; a syntax error fails the test."""
    return ET.fromstring(svg)


def parse_all(markup: str) -> list[ET.Element]:
    """Parse a run of sibling elements (both drawings of a chart, a map and its key)."""
    return list(ET.fromstring(f"<div>{markup}</div>"))


def classes(node: ET.Element) -> list[str]:
    """Return an element's classes."""
    return (node.get("class") or "").split()


def with_class(root: ET.Element, name: str) -> list[ET.Element]:
    """Return every element carrying the class ``name``, in document order."""
    return [node for node in root.iter() if name in classes(node)]


def child_title(node: ET.Element) -> str:
    """Return the text of an element's ``<title>`` child."""
    title = node.find(f"{NS}title")
    assert title is not None, f"{node.tag} has no <title>"
    return title.text or ""


def view_box(root: ET.Element) -> tuple[float, float]:
    """Return the width and height of an svg's viewBox."""
    _, _, width, height = (float(n) for n in root.get("viewBox").split())
    return width, height


def assert_labelled(root: ET.Element, prefix: str) -> None:
    """The svg names its own title and desc, which exist with those ids and have text."""
    assert root.tag == f"{NS}svg"
    assert root.get("aria-labelledby") == f"{prefix}-title {prefix}-desc"
    assert root.find(f"{NS}title").get("id") == f"{prefix}-title"
    assert root.find(f"{NS}desc").get("id") == f"{prefix}-desc"
    assert root.find(f"{NS}title").text
    assert root.find(f"{NS}desc").text
    assert "chart" in classes(root)
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox") or "")
    assert root.get("width") is None and root.get("height") is None


# --- Both drawings of a chart ----------------------------------------------------------------


@pytest.mark.parametrize("chart", ["history", "counts"])
def test_chart_gives_a_wide_then_a_compact_drawing_with_their_own_ids(
    data: TipData, chart: str
) -> None:
    markup = (
        history_chart(data.lookup("AFG"), data.years, chart)
        if chart == "history"
        else counts_chart(data, chart)
    )
    wide, compact = parse_all(markup)
    for root, variant in ((wide, WIDE), (compact, COMPACT)):
        assert_labelled(root, f"{chart}-{variant.name}")
        assert f"chart--{variant.name}" in classes(root)
        assert root.get("role") == "img"
        assert view_box(root)[0] == variant.width
    assert wide.find(f"{NS}title").text == compact.find(f"{NS}title").text
    assert wide.find(f"{NS}desc").text == compact.find(f"{NS}desc").text
    ids = [n.get("id") for root in (wide, compact) for n in root.iter() if n.get("id")]
    assert len(ids) == len(set(ids))


def test_variants_render_text_at_12_px_or_more() -> None:
    # The compact drawing is shown from the 288 px column of a 320 px phone, the wide one
    # only in a figure of at least WIDE_FROM_REM (16 px each).
    assert COMPACT.width <= 320 and COMPACT.font_size >= MIN_TEXT_PX
    assert COMPACT.narrowest_px == PHONE_COLUMN_PX == 320 - 2 * 16
    assert WIDE.narrowest_px == WIDE_FROM_REM * 16
    assert COMPACT.smallest_text_px() == pytest.approx(13 * 288 / 300)  # 12.48
    assert WIDE.smallest_text_px() == pytest.approx(13 * 576 / 600)  # 12.48
    for variant in (WIDE, COMPACT):
        assert variant.smallest_text_px() >= MIN_TEXT_PX, variant


def test_site_css_shows_the_wide_drawings_from_the_width_they_assume() -> None:
    css = SITE_CSS.read_text(encoding="utf-8")
    assert "container: chart / inline-size" in css
    assert "svg.chart--wide { display: none; }" in css
    shown = re.search(
        r"@container chart \(min-width: (\d+)rem\) \{\s*svg\.chart--wide \{ display: block; \}"
        r"\s*svg\.chart--compact \{ display: none; \}",
        css,
    )
    assert shown, "site.css does not switch the chart drawings by a container query"
    assert int(shown[1]) == WIDE_FROM_REM


def drawings_of_each_variant(data: TipData) -> list[tuple[str, str]]:
    """Return (variant name, markup) of every chart drawing, on real and crowded data."""
    many = tuple(range(1970, 2016))
    crowded = make_country("Crowded", {year: "2WL" for year in many})
    found = []
    for name in ("wide", "compact"):
        found.append((name, HISTORIES[name](data.lookup("AFG"), data.years, "x")))
        found.append((name, HISTORIES[name](crowded, many, "x")))
        found.append((name, COUNTS[name](data, "x")))
    return found


def font_size_px(node: ET.Element, root: ET.Element) -> float:
    """Return a text's font size in user units: its own, else the svg's."""
    return float(node.get("font-size") or root.get("font-size"))


def test_every_text_of_every_drawing_is_12_px_where_it_is_smallest(data: TipData) -> None:
    for name, svg in drawings_of_each_variant(data):
        root = parse(svg)
        variant = VARIANTS[name]
        width = view_box(root)[0]
        texts = list(root.iter(f"{NS}text"))
        assert texts
        for text in texts:
            rendered = font_size_px(text, root) * variant.narrowest_px / width
            assert rendered >= MIN_TEXT_PX, (name, text.text, rendered)


def text_span(node: ET.Element, font_size: float) -> tuple[float, float]:
    """Return the estimated left and right x of a text, from its anchor and estimated width."""
    x, width = float(node.get("x")), text_width(node.text or "", font_size)
    anchor = node.get("text-anchor", "start")
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return left, left + width


def test_every_text_fits_in_its_drawing(data: TipData) -> None:
    for name, svg in drawings_of_each_variant(data):
        root = parse(svg)
        width, height = view_box(root)
        for text in root.iter(f"{NS}text"):
            left, right = text_span(text, font_size_px(text, root))
            assert left >= 0 and right <= width, (name, text.text, left, right)
            assert 0 < float(text.get("y")) <= height, (name, text.text)


# --- History chart -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HISTORIES)
def test_history_chart_is_labelled_image(data: TipData, name: str) -> None:
    root = parse(HISTORIES[name](data.lookup("AFG"), data.years, "afg-history"))
    assert_labelled(root, "afg-history")
    assert root.get("role") == "img"


@pytest.mark.parametrize("name", HISTORIES)
def test_history_chart_draws_one_point_per_placement_with_its_tier(
    data: TipData, name: str
) -> None:
    afghanistan = data.lookup("AFG")
    points = with_class(parse(HISTORIES[name](afghanistan, data.years, "h")), "point")
    assert len(points) == len(afghanistan.placements)
    for point, placement in zip(points, afghanistan.placements, strict=True):
        assert placement.tier.css in classes(point)
        assert child_title(point) == f"{placement.year}: {placement.tier.label}"


@pytest.mark.parametrize("name", HISTORIES)
def test_history_chart_gives_each_tier_its_own_shape(name: str) -> None:
    country = make_country(
        "Shapes", {2001: "1", 2002: "2", 2003: "2WL", 2004: "3", 2005: "special"}
    )
    points = with_class(parse(HISTORIES[name](country, YEARS, "s")), "point")
    shapes = {(p.tag, len(re.findall(r"[ML]", p.get("d", "")))) for p in points}
    assert len(points) == 5
    assert len(shapes) == 5, f"two tiers share a shape: {shapes}"


def marker_centre(shape: ET.Element) -> tuple[float, float]:
    """Return the centre of a marker's bounding box."""
    if shape.tag.endswith("circle"):
        return float(shape.get("cx")), float(shape.get("cy"))
    if shape.tag.endswith("rect"):
        x, y, w, h = (float(shape.get(k)) for k in ("x", "y", "width", "height"))
        return x + w / 2, y + h / 2
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", shape.get("d"))]
    xs, ys = numbers[0::2], numbers[1::2]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


@pytest.mark.parametrize("code", ["1", "2", "2WL", "3", "special"])
def test_markers_are_centred_on_their_point(code: str) -> None:
    shape = ET.fromstring(marker(code, 50.0, 60.0, "point"))
    if shape.tag == "circle":
        xs, ys = [float(shape.get("cx"))], [float(shape.get("cy"))]
    elif shape.tag == "rect":
        x, y, w, h = (float(shape.get(k)) for k in ("x", "y", "width", "height"))
        xs, ys = [x, x + w], [y, y + h]
    else:
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", shape.get("d"))]
        xs, ys = numbers[0::2], numbers[1::2]
    assert (min(xs) + max(xs)) / 2 == pytest.approx(50, abs=0.2)
    assert (min(ys) + max(ys)) / 2 == pytest.approx(60, abs=2)
    assert max(xs) - min(xs) < 25 and max(ys) - min(ys) < 25


def test_compact_history_puts_each_year_in_a_row_and_each_tier_in_a_column() -> None:
    country = make_country(
        "Steps", {2001: "1", 2002: "2", 2003: "2WL", 2004: "3", 2005: "special", 2006: "1"}
    )
    root = parse(history_compact(country, YEARS[:6], "c"))
    centres = [marker_centre(p) for p in with_class(root, "point")]
    ys = [y for _, y in centres]
    assert ys == sorted(ys) and len(set(ys)) == 6  # one row per year, going down
    xs = [x for x, _ in centres]
    assert xs[0] == pytest.approx(xs[5], abs=2)  # Tier 1 both times
    assert xs[0] < xs[1] < xs[2] < xs[3] < xs[4]  # best tier at the left, special cases last
    keys = {
        next(c for c in classes(k) if c.startswith("tier-")): marker_centre(k)
        for k in with_class(root, "key")
    }
    assert [keys[TIERS[code].css][0] for code in TIER_ORDER] == pytest.approx(xs[:5], abs=2)


def test_compact_history_header_labels_end_left_of_their_marker_and_cross_no_guide() -> None:
    root = parse(history_compact(make_country("Header", {2001: "1"}), YEARS, "c"))
    font = float(root.get("font-size"))
    keys = {
        next(c for c in classes(k) if c.startswith("tier-")): marker_centre(k)
        for k in with_class(root, "key")
    }
    labels = {t.text: t for t in with_class(root, "band-label")}
    assert set(labels) == {TIERS[code].label for code in TIER_ORDER}
    for code in TIER_ORDER:
        tier = TIERS[code]
        left, right = text_span(labels[tier.label], font)
        x, y = keys[tier.css]
        assert right < x - 8  # clear of the marker
        # Guides run down from the markers of the header rows above this one.
        above = [kx for kx, ky in keys.values() if ky < y]
        assert not [kx for kx in above if left <= kx <= right], tier.label


@pytest.mark.parametrize("name", HISTORIES)
def test_history_line_joins_only_consecutive_ranked_years(name: str) -> None:
    # 2001-2002 joined; 2003 absent; 2004 Tier 3 then a special case; 2006-2007 joined.
    country = make_country(
        "Gaps", {2001: "1", 2002: "2", 2004: "3", 2005: "special", 2006: "2WL", 2007: "2WL"}
    )
    (line,) = with_class(parse(HISTORIES[name](country, YEARS[:7], "g")), "history-line")
    assert line.get("d").count("L") == 2
    assert line.get("fill") == "none"


@pytest.mark.parametrize("name", HISTORIES)
def test_history_without_ranked_neighbours_has_no_line(name: str) -> None:
    country = make_country("Lonely", {2001: "3", 2003: "1"})
    assert not with_class(parse(HISTORIES[name](country, YEARS, "l")), "history-line")


def test_history_desc_summarizes_afghanistan(data: TipData) -> None:
    afghanistan = data.lookup("AFG")
    expected = (
        "Afghanistan: Tier 3 in 2002, a special case in 2003, Tier 2 from 2004 to 2009, "
        "Tier 2 Watch List from 2010 to 2013, Tier 2 from 2014 to 2015. "
        "Not in the report in 2001. Latest: Tier 2 in 2015."
    )
    assert history_summary(afghanistan, data.years) == expected
    for root in parse_all(history_chart(afghanistan, data.years, "a")):
        assert root.find(f"{NS}desc").text == expected


def test_history_summary_breaks_runs_at_gaps() -> None:
    country = make_country("Gapland", {2001: "2", 2002: "2", 2003: "2", 2005: "2", 2007: "2WL"})
    assert history_summary(country, YEARS[:7]) == (
        "Gapland: Tier 2 from 2001 to 2003, Tier 2 in 2005, Tier 2 Watch List in 2007. "
        "Not in the report in 2004 and 2006. Latest: Tier 2 Watch List in 2007."
    )


def year_labels(svg: str) -> list[str]:
    """Return the text of a drawing's year labels."""
    return [t.text for t in with_class(parse(svg), "axis-label") if len(t.text) == 4]


def test_wide_history_labels_every_year_or_fewer_when_crowded() -> None:
    country = make_country("Years", {2001: "1"})
    assert year_labels(history_wide(country, YEARS[:10], "y")) == [str(y) for y in YEARS[:10]]
    labels = year_labels(history_wide(country, YEARS, "y"))
    assert labels == [str(year) for year in YEARS[::2]]  # 15 years: every other one
    many = tuple(range(1970, 2016))
    crowded = year_labels(history_wide(country, many, "m"))
    assert len(crowded) < len(many) / 2
    assert crowded[0] == "1970" and crowded[-1] == "2015"


def test_compact_history_labels_every_year() -> None:
    country = make_country("Years", {2001: "1"})
    many = tuple(range(1970, 2016))
    assert year_labels(history_compact(country, many, "m")) == [str(year) for year in many]


# --- Counts chart --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", COUNTS)
def test_counts_chart_is_labelled_image(data: TipData, name: str) -> None:
    root = parse(COUNTS[name](data, "counts"))
    assert_labelled(root, "counts")
    assert root.get("role") == "img"


@pytest.mark.parametrize("name", COUNTS)
def test_counts_chart_bars_equal_the_data(data: TipData, name: str) -> None:
    root = parse(COUNTS[name](data, "c"))
    bars = with_class(root, "bar")
    labels = {tier.label: code for code, tier in TIERS.items()}
    drawn: dict[int, dict[str, int]] = {}
    for bar in bars:
        year, label, count = re.fullmatch(
            r"(\d{4}): (.+), (\d+) countr(?:y|ies)", child_title(bar)
        ).groups()
        drawn.setdefault(int(year), {})[labels[label]] = int(count)
        assert f"bar-{labels[label].lower()}" in classes(bar)
    expected = {
        year: {code: n for code, n in data.counts(year).items() if n} for year in data.years
    }
    assert drawn == expected
    assert len(bars) == sum(len(tiers) for tiers in expected.values())


@pytest.mark.parametrize(("name", "length"), [("wide", "height"), ("compact", "width")])
def test_counts_chart_bar_lengths_are_proportional(data: TipData, name: str, length: str) -> None:
    bars = with_class(parse(COUNTS[name](data, "c")), "bar")
    per_country = {
        round(float(bar.get(length)) / int(re.search(r", (\d+) countr", child_title(bar))[1]), 2)
        for bar in bars
    }
    assert max(per_country) - min(per_country) < 0.1


def test_compact_counts_chart_stacks_each_year_left_to_right_in_a_row(data: TipData) -> None:
    root = parse(counts_compact(data, "c"))
    rows = [node for node in root.iter(f"{NS}g") if "year" in classes(node)]
    assert len(rows) == len(data.years)
    tops = []
    for row in rows:
        bars = with_class(row, "bar")
        assert len({bar.get("y") for bar in bars}) == 1
        for left, right in itertools.pairwise(bars):
            end = float(left.get("x")) + float(left.get("width"))
            assert float(right.get("x")) == pytest.approx(end, abs=0.2)  # rounded to 0.1
        tops.append(float(bars[0].get("y")))
    assert tops == sorted(tops)


@pytest.mark.parametrize("name", COUNTS)
def test_counts_chart_totals_and_years(data: TipData, name: str) -> None:
    svg = COUNTS[name](data, "c")
    totals = [int(t.text) for t in with_class(parse(svg), "bar-total")]
    assert totals == [sum(data.counts(year).values()) for year in data.years]
    assert year_labels(svg) == [str(year) for year in data.years]


@pytest.mark.parametrize("name", COUNTS)
def test_counts_chart_patterns_and_legend(data: TipData, name: str) -> None:
    root = parse(COUNTS[name](data, "rep"))
    pattern_ids = {p.get("id") for p in root.iter(f"{NS}pattern")}
    assert pattern_ids == {"rep-pattern-2wl", "rep-pattern-special"}
    for bar in with_class(root, "bar-2wl"):
        assert bar.get("fill") == "url(#rep-pattern-2wl)"
    for bar in with_class(root, "bar-special"):
        assert bar.get("fill") == "url(#rep-pattern-special)"
    for bar in with_class(root, "bar-1") + with_class(root, "bar-3"):
        assert bar.get("fill") is None
    legend = [t.text for t in with_class(root, "legend-label")]
    assert legend == [TIERS[code].label for code in ("1", "2", "2WL", "3", "special")]


def test_legend_wraps_to_the_width() -> None:
    labels = [TIERS[code].label for code in TIER_ORDER]
    assert {y for _, y in legend_places(labels, WIDE.width, 13)} == {0}
    compact = legend_places(labels, COMPACT.width, 13)
    assert len({y for _, y in compact}) > 1
    for (x, _), label in zip(compact, labels, strict=True):
        assert x + 20 + text_width(label, 13) <= COMPACT.width - 4


def test_counts_desc_names_first_and_latest_years(data: TipData) -> None:
    for root in parse_all(counts_chart(data, "c")):
        desc = root.find(f"{NS}desc").text
        for year in (data.years[0], data.latest_year):
            counts = data.counts(year)
            assert f"{counts['1']} on Tier 1 and {counts['3']} on Tier 3" in desc
            assert f"In the data, the {year} report has {sum(counts.values())} countries" in desc


@pytest.mark.parametrize(
    ("maximum", "top", "tick"), [(188, 200, 50), (80, 80, 20), (7, 8, 2), (0, 1, 1)]
)
def test_scale_rounds_up_to_a_tick(maximum: int, top: int, tick: int) -> None:
    scale = Scale.for_maximum(maximum)
    assert (scale.top, scale.tick) == (top, tick)
    assert scale.ticks()[-1] == scale.top >= maximum


# --- World map -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def map_2015(data: TipData) -> ET.Element:
    """Return the parsed 2015 map."""
    return parse(map_svg(data, 2015, href, "map"))


def test_map_is_labelled_and_not_an_image(map_2015: ET.Element) -> None:
    assert_labelled(map_2015, "map")
    assert map_2015.get("role") is None


def test_map_has_no_text_and_is_followed_by_its_key(data: TipData) -> None:
    svg, key = parse_all(world_map(data, 2015, href, "map"))
    assert svg.tag == f"{NS}svg" and not list(svg.iter(f"{NS}text"))
    assert svg.get("font-size") is None
    assert key.tag == "ul" and "map-key" in classes(key)
    assert key.get("aria-label") == "Key to the 2015 map"


def test_map_links_every_country_of_the_year_it_can_show(
    data: TipData, map_2015: ET.Element
) -> None:
    links = {a.get("href"): a for a in map_2015.iter(f"{NS}a")}
    hidden = {c.slug for c in countries_off_map(data, 2015)}
    shown = [(c, p) for c, p in data.in_year(2015) if c.slug not in hidden]
    assert set(links) == {href(country) for country, _ in shown}
    assert len(links) == len(list(map_2015.iter(f"{NS}a")))
    for country, placement in shown:
        link = links[href(country)]
        assert child_title(link) == f"{country.name}: {placement.tier.label}"
        (path,) = link.iter(f"{NS}path")
        assert f"map-{placement.tier.css}" in classes(path)


def test_map_links_kosovo_by_name_and_cyprus_with_the_north(
    data: TipData, map_2015: ET.Element
) -> None:
    links = {a.get("href"): a for a in map_2015.iter(f"{NS}a")}
    assert href(data.lookup("Kosovo")) in links
    (cyprus,) = links[href(data.lookup("CYP"))].iter(f"{NS}path")
    assert cyprus.get("d").count("M") >= 2  # Cyprus and N. Cyprus


def test_map_patterns_for_watch_list_and_special(data: TipData, map_2015: ET.Element) -> None:
    assert {p.get("id") for p in map_2015.iter(f"{NS}pattern")} == {
        "map-pattern-2wl",
        "map-pattern-special",
    }
    watch = with_class(map_2015, "map-tier-2wl")
    assert watch and all(p.get("fill") == "url(#map-pattern-2wl)" for p in watch)
    assert all(p.get("fill") is None for p in with_class(map_2015, "map-tier-1"))


def key_rows(key: ET.Element) -> list[tuple[str, ET.Element]]:
    """Return each item of the map's key: its text and its swatch's rectangle."""
    rows = []
    for item in key.iter("li"):
        swatch = item.find(f"{NS}svg")
        assert swatch.get("aria-hidden") == "true"
        rows.append(((swatch.tail or "").strip(), swatch.find(f"{NS}rect")))
    return rows


def test_map_key_draws_each_tier_like_its_countries(data: TipData) -> None:
    key = parse(map_key(data, 2015, "map-key"))
    rows = key_rows(key)
    assert [label for label, _ in rows] == [
        *(TIERS[code].label for code in TIER_ORDER),
        "Not in the 2015 report",
    ]
    css = [TIERS[code].css for code in TIER_ORDER]
    assert [next(c for c in classes(rect) if c.startswith("map-")) for _, rect in rows] == [
        *(f"map-{c}" for c in css),
        "map-none",
    ]
    for swatch in key.iter(f"{NS}svg"):
        defined = {p.get("id") for p in swatch.iter(f"{NS}pattern")}
        fill = swatch.find(f"{NS}rect").get("fill")
        assert fill is None or fill[5:-1] in defined  # a swatch carries its own pattern
    ids = [n.get("id") for n in key.iter() if n.get("id")]
    assert sorted(ids) == ["map-key-pattern-2wl", "map-key-pattern-special"]


def test_map_countries_not_in_the_year_are_unlinked(data: TipData) -> None:
    root = parse(map_svg(data, 2001, href, "m2001"))
    assert href(data.lookup("USA")) not in {a.get("href") for a in root.iter(f"{NS}a")}
    titles = {
        child_title(p) for p in with_class(root, "map-none") if p.find(f"{NS}title") is not None
    }
    assert "United States: not in the 2001 report" in titles
    legend = [label for label, _ in key_rows(parse(map_key(data, 2001, "k")))]
    assert "Tier 2 Watch List" not in legend  # no country was on it in 2001
    assert legend[-1] == "Not in the 2001 report"


def test_map_names_the_countries_it_cannot_show(data: TipData, map_2015: ET.Element) -> None:
    off_map = {c.name for c in countries_off_map(data)}
    assert {"Malta", "Singapore", "Netherlands Antilles"} <= off_map
    assert not {"Afghanistan", "Kosovo", "United States"} & off_map
    desc = map_2015.find(f"{NS}desc").text
    assert all(c.name in desc for c in countries_off_map(data, 2015))


def test_map_leaves_out_antarctica_and_fits_the_width() -> None:
    geometry = load_geometry()
    assert "Antarctica" not in {o.feature.name for o in geometry.outlines}
    assert geometry.width == 960
    assert 400 < geometry.height < 520


def test_map_size_is_small(data: TipData) -> None:
    size = len(world_map(data, 2015, href, "map").encode())
    assert size < 120_000, f"the map is {size} bytes"


# --- Every drawing -------------------------------------------------------------------------------


def drawings(data: TipData) -> dict[str, str]:
    """Return one of each drawing, as the pages get them."""
    return {
        "history": history_chart(data.lookup("AFG"), data.years, "x"),
        "counts": counts_chart(data, "x"),
        "map": world_map(data, 2010, href, "x"),
    }


def nodes(markup: str) -> list[ET.Element]:
    """Return every element of a run of sibling elements."""
    return [node for root in parse_all(markup) for node in root.iter()]


@pytest.mark.parametrize("name", ["history", "counts", "map"])
def test_drawings_have_no_style(data: TipData, name: str) -> None:
    markup = drawings(data)[name]
    assert not [n for n in nodes(markup) if n.tag == f"{NS}style" or "style" in n.attrib]
    assert "<style" not in markup and " style=" not in markup


@pytest.mark.parametrize("name", ["history", "counts", "map"])
def test_drawings_are_deterministic(data: TipData, name: str) -> None:
    assert drawings(data)[name] == drawings(data)[name]


@pytest.mark.parametrize("name", ["history", "counts", "map"])
def test_drawing_ids_are_unique_and_prefixed(data: TipData, name: str) -> None:
    ids = [n.get("id") for n in nodes(drawings(data)[name]) if n.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("x-") for i in ids)


def test_fill_references_point_at_defined_patterns(data: TipData) -> None:
    for markup in drawings(data).values():
        for root in parse_all(markup):
            for svg in root.iter(f"{NS}svg"):  # each drawing, or each swatch, on its own
                defined = {p.get("id") for p in svg.iter(f"{NS}pattern")}
                used = {
                    m for n in svg.iter() for m in re.findall(r"url\(#([^)]+)\)", n.get("fill", ""))
                }
                assert used <= defined


def test_names_are_escaped() -> None:
    country = make_country("Côte <d'Ivoire> & Co", {2001: "1"})
    for root in parse_all(history_chart(country, YEARS, "e")):
        assert root.find(f"{NS}desc").text.startswith("Côte <d'Ivoire> & Co: Tier 1 in 2001.")


# --- TopoJSON, projection and path data ----------------------------------------------------------

TINY_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 2], "translate": [10, 20]},
    "arcs": [
        [[0, 0], [2, 0], [0, 2]],  # (10,20) (11,20) (11,24)
        [[0, 2], [2, 0]],  # (10,24) (11,24): used reversed
        [[0, 2], [0, -2]],  # (10,24) (10,20)
        [[4, 4], [2, 0], [0, 2], [-2, 0], [0, -2]],  # a closed square from (12,28)
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, -2, 2]], "id": "001", "properties": {"name": "A"}},
                {
                    "type": "MultiPolygon",
                    "arcs": [[[3]], [[0, -2, 2]]],
                    "properties": {"name": "B"},
                },
                {"type": None, "id": "003", "properties": {"name": "C"}},
            ],
        }
    },
}


def test_decode_tiny_topology() -> None:
    a, b, c = decode_features(TINY_TOPOLOGY)
    assert (a.id, a.name, b.id, c.id) == ("001", "A", None, "003")
    ring = ((10.0, 20.0), (11.0, 20.0), (11.0, 24.0), (10.0, 24.0), (10.0, 20.0))
    assert a.polygons == ((ring,),)
    assert b.polygons[1] == (ring,)
    assert len(b.polygons) == 2
    assert b.polygons[0][0] == (
        (12.0, 28.0),
        (13.0, 28.0),
        (13.0, 32.0),
        (12.0, 32.0),
        (12.0, 28.0),
    )
    assert c.polygons == ()


def test_decode_untransformed_topology() -> None:
    topology = {
        "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]],
        "objects": {"o": {"geometries": [{"type": "Polygon", "arcs": [[-1]]}]}},
    }
    (feature,) = decode_features(topology, "o")
    assert feature.polygons[0][0] == ((0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))


def test_equal_earth_matches_the_published_formula() -> None:
    a1, a2, a3, a4 = EQUAL_EARTH_A
    for longitude, latitude in [(0, 0), (180, 0), (-120, 45), (30, -60), (0, 90)]:
        theta = math.asin(math.sqrt(3) / 2 * math.sin(math.radians(latitude)))
        x = (2 * math.sqrt(3) * math.radians(longitude) * math.cos(theta)) / (
            3 * (9 * a4 * theta**8 + 7 * a3 * theta**6 + 3 * a2 * theta**2 + a1)
        )
        y = a4 * theta**9 + a3 * theta**7 + a2 * theta**3 + a1 * theta
        assert equal_earth(longitude, latitude) == pytest.approx((x, y), abs=1e-12)
    assert equal_earth(180, 0)[0] == pytest.approx(2.7066, abs=1e-4)
    assert equal_earth(0, 90)[1] == pytest.approx(1.3174, abs=1e-4)


def test_rings_crossing_the_antimeridian_are_cut() -> None:
    ring = ((170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0), (170.0, 0.0))
    pieces = split_antimeridian(ring)
    assert len(pieces) == 2
    spans = sorted((min(x for x, _ in p), max(x for x, _ in p)) for p in pieces)
    assert spans == [(-180.0, -170.0), (170.0, 180.0)]
    plain = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0))
    assert split_antimeridian(plain) == (plain,)


def test_ring_path_is_relative_and_rounded() -> None:
    assert ring_path([(0, 0), (100, 0), (100, 0), (100, -55), (0, 0)]) == "M0 0l10 0 0-5.5z"
    assert ring_path([(5, 5), (5, 5), (6, 5)]) == ""


@pytest.mark.parametrize(
    ("tenths", "text"), [(123, "12.3"), (120, "12"), (5, ".5"), (-5, "-.5"), (0, "0"), (-20, "-2")]
)
def test_format_tenths(tenths: int, text: str) -> None:
    assert format_tenths(tenths) == text
