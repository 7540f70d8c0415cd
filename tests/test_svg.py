"""The SVG charts and world map of plugins.countries, as pure functions.

Checked on the real ``content/data/tier_history.csv`` and on small hand-made countries: the
markup is well-formed XML, labelled by its title and desc, free of ``style``, deterministic, and
draws exactly the data (one point per placement, one bar segment per non-zero tier, one link per
country of the year that the geometry has). The TopoJSON decoder and the projection are checked
on hand-written input.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plugins._common.tiers import TIERS
from plugins._common.tipdata import REGIONS, Country, Placement, TipData, load_tip_data
from plugins.countries.charts import (
    Scale,
    counts_chart,
    history_chart,
    history_summary,
    marker,
)
from plugins.countries.worldmap import (
    EQUAL_EARTH_A,
    countries_off_map,
    decode_features,
    equal_earth,
    format_tenths,
    load_geometry,
    ring_path,
    split_antimeridian,
    world_map,
)

DATA_PATH = Path(__file__).resolve().parents[1] / "content" / "data" / "tier_history.csv"
NS = "{http://www.w3.org/2000/svg}"
YEARS = tuple(range(2001, 2016))


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


# --- History chart -------------------------------------------------------------------------------


def test_history_chart_is_labelled_image(data: TipData) -> None:
    root = parse(history_chart(data.lookup("AFG"), data.years, "afg-history"))
    assert_labelled(root, "afg-history")
    assert root.get("role") == "img"


def test_history_chart_draws_one_point_per_placement_with_its_tier(data: TipData) -> None:
    afghanistan = data.lookup("AFG")
    points = with_class(parse(history_chart(afghanistan, data.years, "h")), "point")
    assert len(points) == len(afghanistan.placements)
    for point, placement in zip(points, afghanistan.placements, strict=True):
        assert placement.tier.css in classes(point)
        assert child_title(point) == f"{placement.year}: {placement.tier.label}"


def test_history_chart_gives_each_tier_its_own_shape() -> None:
    country = make_country(
        "Shapes", {2001: "1", 2002: "2", 2003: "2WL", 2004: "3", 2005: "special"}
    )
    points = with_class(parse(history_chart(country, YEARS, "s")), "point")
    shapes = {(p.tag, len(re.findall(r"[ML]", p.get("d", "")))) for p in points}
    assert len(points) == 5
    assert len(shapes) == 5, f"two tiers share a shape: {shapes}"


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


def test_history_line_joins_only_consecutive_ranked_years() -> None:
    # 2001-2002 joined; 2003 absent; 2004 Tier 3 then a special case; 2006-2007 joined.
    country = make_country(
        "Gaps", {2001: "1", 2002: "2", 2004: "3", 2005: "special", 2006: "2WL", 2007: "2WL"}
    )
    (line,) = with_class(parse(history_chart(country, YEARS[:7], "g")), "history-line")
    assert line.get("d").count("L") == 2
    assert line.get("fill") == "none"


def test_history_without_ranked_neighbours_has_no_line() -> None:
    country = make_country("Lonely", {2001: "3", 2003: "1"})
    assert not with_class(parse(history_chart(country, YEARS, "l")), "history-line")


def test_history_desc_summarizes_afghanistan(data: TipData) -> None:
    afghanistan = data.lookup("AFG")
    expected = (
        "Afghanistan: Tier 3 in 2002, a special case in 2003, Tier 2 from 2004 to 2009, "
        "Tier 2 Watch List from 2010 to 2013, Tier 2 from 2014 to 2015. "
        "Not in the report in 2001. Latest: Tier 2 in 2015."
    )
    assert history_summary(afghanistan, data.years) == expected
    desc = parse(history_chart(afghanistan, data.years, "a")).find(f"{NS}desc")
    assert desc.text == expected


def test_history_summary_breaks_runs_at_gaps() -> None:
    country = make_country("Gapland", {2001: "2", 2002: "2", 2003: "2", 2005: "2", 2007: "2WL"})
    assert history_summary(country, YEARS[:7]) == (
        "Gapland: Tier 2 from 2001 to 2003, Tier 2 in 2005, Tier 2 Watch List in 2007. "
        "Not in the report in 2004 and 2006. Latest: Tier 2 Watch List in 2007."
    )


def test_history_labels_every_year_or_every_other_when_crowded() -> None:
    country = make_country("Years", {2001: "1"})
    labels = [t.text for t in with_class(parse(history_chart(country, YEARS, "y")), "axis-label")]
    assert labels == [str(year) for year in YEARS]
    many = tuple(range(1970, 2016))
    crowded = [t.text for t in with_class(parse(history_chart(country, many, "m")), "axis-label")]
    assert len(crowded) < len(many)
    assert crowded[0] == "1970" and crowded[-1] == "2015"


# --- Counts chart --------------------------------------------------------------------------------


def test_counts_chart_is_labelled_image(data: TipData) -> None:
    root = parse(counts_chart(data, "counts"))
    assert_labelled(root, "counts")
    assert root.get("role") == "img"


def test_counts_chart_bars_equal_the_data(data: TipData) -> None:
    root = parse(counts_chart(data, "c"))
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


def test_counts_chart_bar_heights_are_proportional(data: TipData) -> None:
    bars = with_class(parse(counts_chart(data, "c")), "bar")
    per_country = {
        round(float(bar.get("height")) / int(re.search(r", (\d+) countr", child_title(bar))[1]), 2)
        for bar in bars
    }
    assert max(per_country) - min(per_country) < 0.1


def test_counts_chart_totals_and_years(data: TipData) -> None:
    root = parse(counts_chart(data, "c"))
    totals = [int(t.text) for t in with_class(root, "bar-total")]
    assert totals == [sum(data.counts(year).values()) for year in data.years]
    years = [t.text for t in with_class(root, "axis-label") if len(t.text) == 4]
    assert years == [str(year) for year in data.years]


def test_counts_chart_patterns_and_legend(data: TipData) -> None:
    root = parse(counts_chart(data, "rep"))
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


def test_counts_desc_names_first_and_latest_years(data: TipData) -> None:
    desc = parse(counts_chart(data, "c")).find(f"{NS}desc").text
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
    return parse(world_map(data, 2015, href, "map"))


def test_map_is_labelled_and_not_an_image(map_2015: ET.Element) -> None:
    assert_labelled(map_2015, "map")
    assert map_2015.get("role") is None


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


def test_map_countries_not_in_the_year_are_unlinked(data: TipData) -> None:
    root = parse(world_map(data, 2001, href, "m2001"))
    assert href(data.lookup("USA")) not in {a.get("href") for a in root.iter(f"{NS}a")}
    titles = {
        child_title(p) for p in with_class(root, "map-none") if p.find(f"{NS}title") is not None
    }
    assert "United States: not in the 2001 report" in titles
    legend = [t.text for t in with_class(root, "legend-label")]
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
    """Return one of each drawing."""
    return {
        "history": history_chart(data.lookup("AFG"), data.years, "x"),
        "counts": counts_chart(data, "x"),
        "map": world_map(data, 2010, href, "x"),
    }


@pytest.mark.parametrize("name", ["history", "counts", "map"])
def test_drawings_have_no_style(data: TipData, name: str) -> None:
    root = parse(drawings(data)[name])
    assert not [n for n in root.iter() if n.tag == f"{NS}style" or "style" in n.attrib]
    assert "<style" not in drawings(data)[name] and " style=" not in drawings(data)[name]


@pytest.mark.parametrize("name", ["history", "counts", "map"])
def test_drawings_are_deterministic(data: TipData, name: str) -> None:
    assert drawings(data)[name] == drawings(data)[name]


@pytest.mark.parametrize("name", ["history", "counts", "map"])
def test_drawing_ids_are_unique_and_prefixed(data: TipData, name: str) -> None:
    ids = [n.get("id") for n in parse(drawings(data)[name]).iter() if n.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("x-") for i in ids)


def test_fill_references_point_at_defined_patterns(data: TipData) -> None:
    for svg in drawings(data).values():
        root = parse(svg)
        defined = {p.get("id") for p in root.iter(f"{NS}pattern")}
        used = {m for n in root.iter() for m in re.findall(r"url\(#([^)]+)\)", n.get("fill", ""))}
        assert used <= defined


def test_names_are_escaped() -> None:
    country = make_country("Côte <d'Ivoire> & Co", {2001: "1"})
    root = parse(history_chart(country, YEARS, "e"))
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
