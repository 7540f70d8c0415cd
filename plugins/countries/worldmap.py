"""A static SVG world map of one report year's tiers, drawn at build time.

Geometry: ``geo/countries-110m.json`` from the npm package world-atlas 2.0.2 (ISC), which is
Natural Earth's 1:110m Admin 0 countries (public domain) as TopoJSON; see ``geo/README.md``.
The TopoJSON is decoded here in pure Python, projected with the Equal Earth projection and
written as compact relative path data rounded to 0.1 unit.

Each country placed in the year is a link (``<a href>`` with a ``<title>`` naming its tier)
around a ``<path class="map-tier-<code>">``; Tier 2 Watch List and special cases also get a
pattern fill, so tier is not told by colour alone. Countries not in that year's report are
``map-none`` and not linked. The ``<svg>`` has no ``role="img"`` because it holds links, and
no text: its key is an HTML list after it (``<ul class="map-key">``), whose text the page sizes
like any other, with a small ``aria-hidden`` SVG swatch per row drawn like the countries it
stands for (the swatch carries its own pattern, so it does not depend on the map's ids).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import pycountry

from plugins._common.i18n import sort_key, translations
from plugins._common.tiers import TIERS
from plugins._common.tipdata import Country, TipData

from .charts import (
    PATTERNS,
    SVG_NS,
    TIER_ORDER,
    Settings,
    element,
    join_words,
    pattern_def,
    pattern_defs,
    pattern_fill,
    svg_open,
    title_desc,
    translator,
)

GEOMETRY = Path(__file__).parent / "geo" / "countries-110m.json"
MAP_WIDTH = 960.0
MAP_PADDING = 4.0
ANTARCTICA = "010"  # ISO 3166-1 numeric; not drawn (no report covers it, and it takes room)
# world-atlas features without an ISO numeric id, matched to the data by name or code.
# Northern Cyprus and Somaliland are drawn as part of Cyprus and Somalia: the United States
# recognizes neither, and the TIP Report covers them in those countries' narratives.
UNNUMBERED_FEATURES: dict[str, str] = {
    "Kosovo": "Kosovo",
    "N. Cyprus": "CYP",
    "Somaliland": "SOM",
}

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # the exterior ring, then any holes


@dataclass(frozen=True)
class Feature:
    """One country of the TopoJSON: its ISO numeric id (None for some), name and polygons."""

    id: str | None
    name: str
    polygons: tuple[Polygon, ...]


# --- TopoJSON ------------------------------------------------------------------------------------


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Point]]:
    """Return every arc as absolute coordinates: undo delta encoding, then the transform."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for step_x, step_y, *_ in arc:
            x += step_x
            y += step_y
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def stitch_ring(indices: Iterable[int], arcs: Sequence[Sequence[Point]]) -> Ring:
    """Join arcs into a ring; index ``~i`` (negative) is arc ``i`` reversed."""
    ring: list[Point] = []
    for index in indices:
        points = list(arcs[index]) if index >= 0 else list(arcs[~index])[::-1]
        # Consecutive arcs share an end point: keep it once.
        ring.extend(points[1:] if ring else points)
    return tuple(ring)


def _polygons(geometry: Mapping[str, Any], arcs: Sequence[Sequence[Point]]) -> tuple[Polygon, ...]:
    kind = geometry.get("type")
    if kind == "Polygon":
        groups = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        groups = geometry["arcs"]
    else:  # null geometry, points and lines have no area to draw
        groups = []
    return tuple(tuple(stitch_ring(ring, arcs) for ring in polygon) for polygon in groups)


def decode_features(topology: Mapping[str, Any], name: str = "countries") -> list[Feature]:
    """Decode the Polygon and MultiPolygon geometries of the object ``name`` into features."""
    arcs = decode_arcs(topology)
    return [
        Feature(
            geometry.get("id"),
            geometry.get("properties", {}).get("name", ""),
            _polygons(geometry, arcs),
        )
        for geometry in topology["objects"][name]["geometries"]
    ]


# --- Projection ----------------------------------------------------------------------------------

# Equal Earth projection: Bojan Šavrič, Tom Patterson and Bernhard Jenny, "The Equal Earth map
# projection", International Journal of Geographical Information Science 33:3 (2019) 454-465,
# doi:10.1080/13658816.2018.1504949. With θ = asin(√3/2 · sin φ):
#   x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1))
#   y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
EQUAL_EARTH_A = (1.340264, -0.081106, 0.000893, 0.003796)
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """Project degrees of longitude and latitude to the unit Equal Earth plane (y up)."""
    a1, a2, a3, a4 = EQUAL_EARTH_A
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        math.radians(longitude)
        * math.cos(theta)
        / (_M * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
    )
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, y


@dataclass(frozen=True)
class Fit:
    """Places projected points in a viewBox ``width`` wide, north up, with padding."""

    scale: float
    min_x: float
    max_y: float
    width: float
    height: float

    @classmethod
    def around(cls, points: Iterable[Point], width: float, padding: float) -> Fit:
        """Fit the bounding box of projected ``points`` to ``width``."""
        xs, ys = zip(*points, strict=True)
        scale = (width - 2 * padding) / (max(xs) - min(xs))
        height = (max(ys) - min(ys)) * scale + 2 * padding
        return cls(scale, min(xs) - padding / scale, max(ys) + padding / scale, width, height)

    def tenths(self, point: Point) -> tuple[int, int]:
        """Return a projected point in viewBox tenths of a unit (x right, y down)."""
        x, y = point
        return round((x - self.min_x) * self.scale * 10), round((self.max_y - y) * self.scale * 10)


# --- Path data -----------------------------------------------------------------------------------


def format_tenths(value: int) -> str:
    """Write tenths of a unit compactly: 123 -> ``12.3``, 120 -> ``12``, -5 -> ``-.5``."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _join_numbers(values: Iterable[int]) -> str:
    """Join numbers for path data; a minus sign separates on its own."""
    text = ""
    for value in values:
        token = format_tenths(value)
        text += token if not text or token.startswith("-") else f" {token}"
    return text


def ring_path(points: Sequence[tuple[int, int]]) -> str:
    """Return ``M x y l dx dy ... z`` for a ring in tenths, or "" if it has under 3 points."""
    kept: list[tuple[int, int]] = []
    for point in points:
        if not kept or point != kept[-1]:
            kept.append(point)
    if len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    if len(kept) < 3:
        return ""
    deltas = [v for a, b in itertools.pairwise(kept) for v in (b[0] - a[0], b[1] - a[1])]
    return f"M{_join_numbers(kept[0])}l{_join_numbers(deltas)}z"


def _crossing(start: Point, end: Point, longitude: float) -> Point:
    """Return where the segment from ``start`` to ``end`` meets a meridian (linear in degrees)."""
    share = (longitude - start[0]) / (end[0] - start[0])
    return longitude, start[1] + share * (end[1] - start[1])


def _clip(points: Sequence[Point], longitude: float, keep_west: bool) -> list[Point]:
    """Keep the part of a ring west (or east) of a meridian (Sutherland–Hodgman)."""

    def inside(point: Point) -> bool:
        return point[0] <= longitude if keep_west else point[0] >= longitude

    kept: list[Point] = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside(current) != inside(previous):
            kept.append(_crossing(previous, current, longitude))
        if inside(current):
            kept.append(current)
    return kept


def split_antimeridian(ring: Ring) -> tuple[Ring, ...]:
    """Cut a ring that crosses the 180th meridian into rings within -180..180 degrees."""
    unwrapped = [ring[0]]
    offset = 0.0
    for (x0, _), (x1, y1) in itertools.pairwise(ring):
        if x1 - x0 > 180:
            offset -= 360
        elif x1 - x0 < -180:
            offset += 360
        unwrapped.append((x1 + offset, y1))
    # A ring around a pole (offset left over) or one that stays in range is drawn as it is.
    if offset or all(-180 <= x <= 180 for x, _ in unwrapped):
        return (ring,)
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        moved = [(x + shift, y) for x, y in unwrapped]
        piece = _clip(_clip(moved, 180, keep_west=True), -180, keep_west=False)
        if len(piece) >= 3:
            pieces.append(tuple(piece))
    return tuple(pieces)


def feature_path(feature: Feature, fit: Fit) -> str:
    """Return the path data of every ring of a feature, cut at 180°, projected and fitted."""
    return "".join(
        ring_path([fit.tenths(equal_earth(*point)) for point in piece])
        for polygon in feature.polygons
        for ring in polygon
        for piece in split_antimeridian(ring)
    )


@dataclass(frozen=True)
class Outline:
    """A drawable feature of the geometry with its path data."""

    feature: Feature
    d: str


@dataclass(frozen=True)
class Geometry:
    """The world's outlines fitted to the viewBox."""

    outlines: tuple[Outline, ...]
    width: float
    height: float


@lru_cache(maxsize=2)
def load_geometry(path: Path = GEOMETRY) -> Geometry:
    """Read, decode, project and fit the vendored countries (Antarctica left out), once."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    features = [f for f in decode_features(topology) if f.id != ANTARCTICA and f.polygons]
    points = [
        equal_earth(*point)
        for feature in features
        for polygon in feature.polygons
        for ring in polygon
        for point in ring
    ]
    fit = Fit.around(points, MAP_WIDTH, MAP_PADDING)
    outlines = tuple(Outline(feature, feature_path(feature, fit)) for feature in features)
    return Geometry(outlines, fit.width, fit.height)


# --- Features and the data -----------------------------------------------------------------------


def feature_reference(feature: Feature) -> str | None:
    """Return the alpha-3 code (or name) by which the data knows a feature, if any."""
    if feature.id is None:
        return UNNUMBERED_FEATURES.get(feature.name)
    found = pycountry.countries.get(numeric=feature.id)
    return found.alpha_3 if found else None


def match_outlines(
    data: TipData, geometry: Geometry
) -> tuple[dict[str, list[Outline]], list[Outline]]:
    """Split the outlines into those of each data country (by slug) and the rest."""
    matched: dict[str, list[Outline]] = {}
    others: list[Outline] = []
    for outline in geometry.outlines:
        reference = feature_reference(outline.feature)
        country = data.lookup(reference) if reference else None
        if country is None:
            others.append(outline)
        else:
            matched.setdefault(country.slug, []).append(outline)
    return matched, others


def countries_off_map(data: TipData, year: int | None = None) -> list[Country]:
    """Return the countries (of ``year``'s report, or of the data) the map cannot show."""
    matched, _ = match_outlines(data, load_geometry())
    countries = [c for c, _ in data.in_year(year)] if year is not None else data.countries
    return [country for country in countries if country.slug not in matched]


# --- The map -------------------------------------------------------------------------------------


def _country_shape(
    country: Country,
    outlines: Sequence[Outline],
    year: int,
    href: Callable[[Country], str],
    id_prefix: str,
    settings: Settings = None,
) -> str:
    """Draw one data country: a link with its tier if placed in ``year``, else ``map-none``."""
    _ = translator(settings)
    d = "".join(outline.d for outline in outlines)
    placement = country.placement_in(year)
    if placement is None:
        words = _("%(country)s: not in the %(year)s report") % {
            "country": country.name,
            "year": year,
        }
        note = element("title", {}, escape(words, False))
        return element("path", {"class": "map-none", "d": d}, note)
    tier = placement.tier
    path = element(
        "path",
        {"class": f"map-{tier.css}", "fill": pattern_fill(id_prefix, tier.code), "d": d},
    )
    words = _("%(country)s: %(tier)s") % {"country": country.name, "tier": _(tier.label)}
    label = element("title", {}, escape(words, quote=False))
    return element("a", {"href": href(country)}, label + path)


@dataclass(frozen=True)
class LegendRow:
    """One line of the map's key: a tier (None for "not in the report") and its label."""

    code: str | None
    label: str

    @property
    def css(self) -> str:
        """Return the class that colours the row's swatch like its countries."""
        return "map-none" if self.code is None else f"map-{TIERS[self.code].css}"


def legend_rows(data: TipData, year: int, settings: Settings = None) -> list[LegendRow]:
    """Return the key's rows: each tier on the map in ``year``, then "not in the report"."""
    _ = translator(settings)
    counts = data.counts(year)
    rows = [LegendRow(code, _(TIERS[code].label)) for code in TIER_ORDER if counts[code]]
    return [*rows, LegendRow(None, _("Not in the %(year)s report") % {"year": year})]


def _swatch(row: LegendRow, id_prefix: str) -> str:
    """Draw a row's swatch as a small decorative SVG, with its own pattern if it has one."""
    patterned = row.code is not None and row.code in PATTERNS
    defs = element("defs", {}, pattern_def(id_prefix, row.code)) if patterned else ""
    fill = pattern_fill(id_prefix, row.code) if patterned else None
    rect = {"class": f"swatch {row.css}", "x": 1, "y": 1, "width": 20, "height": 14, "fill": fill}
    attributes = {
        "xmlns": SVG_NS,
        "class": "map-key__swatch",
        "viewBox": "0 0 22 16",
        "width": 22,
        "height": 16,
        "aria-hidden": "true",
    }
    return element("svg", attributes, defs + element("rect", rect))


def map_key(data: TipData, year: int, id_prefix: str, settings: Settings = None) -> str:
    """Return the map's key as an HTML list: a swatch and label per tier on the map."""
    items = "".join(
        element("li", {}, _swatch(row, id_prefix) + escape(row.label, quote=False))
        for row in legend_rows(data, year, settings)
    )
    _ = translator(settings)
    label = _("Key to the %(year)s map") % {"year": year}
    return element("ul", {"class": "map-key", "aria-label": label}, items)


def map_summary(data: TipData, year: int, settings: Settings = None) -> str:
    """Describe the map: how many countries on each tier, and which are too small to show."""
    _ = translator(settings)
    ngettext = translations(settings or {}).ngettext
    counts = data.counts(year)
    tiers = [
        _("%(count)s on %(tier)s") % {"count": counts[code], "tier": _(TIERS[code].label)}
        if code != "special"
        else ngettext("%(count)s special case", "%(count)s special cases", counts[code])
        % {"count": counts[code]}
        for code in TIER_ORDER
        if counts[code]
    ]
    sentences = [
        _("Countries coloured by their tier in the %(year)s TIP Report: %(tiers)s.")
        % {"year": year, "tiers": join_words(tiers, settings)},
        _("Each country in the report links to its page."),
    ]
    hidden = countries_off_map(data, year)
    if hidden:
        names = join_words([c.name for c in hidden], settings)
        sentences.append(
            _("Too small to show at this scale: %(countries)s.") % {"countries": names}
        )
    return " ".join(sentences)


def map_svg(
    data: TipData,
    year: int,
    href: Callable[[Country], str],
    id_prefix: str,
    settings: Settings = None,
) -> str:
    """Draw the world's countries coloured and patterned by tier in ``year``, each linked.

    Its words are in the language of ``settings`` (English without them), as in every chart.
    """
    geometry = load_geometry()
    matched, others = match_outlines(data, geometry)
    background = "".join(element("path", {"class": "map-none", "d": o.d}) for o in others)
    countries = sorted((data.by_slug[slug] for slug in matched), key=lambda c: sort_key(c.name))
    shapes = "".join(
        _country_shape(country, matched[country.slug], year, href, id_prefix, settings)
        for country in countries
    )
    _ = translator(settings)
    title = _("World map of TIP Report tiers, %(year)s") % {"year": year}
    return (
        svg_open(id_prefix, geometry.width, geometry.height, "world-map", image=False)
        + title_desc(id_prefix, title, map_summary(data, year, settings))
        + element("defs", {}, pattern_defs(id_prefix))
        + element("g", {"class": "countries", "fill-rule": "evenodd"}, background + shapes)
        + "</svg>"
    )


def world_map(
    data: TipData,
    year: int,
    href: Callable[[Country], str],
    id_prefix: str,
    settings: Settings = None,
) -> str:
    """Return the map of ``year`` followed by its key (ids ``<id_prefix>-*``, ``-key-*``)."""
    return map_svg(data, year, href, id_prefix, settings) + map_key(
        data, year, f"{id_prefix}-key", settings
    )
