"""Place a card's spec on the 1200 x 630 canvas: one layout per kind of page, no drawing.

:func:`layout` returns a :class:`Layout`, a list of shapes (rectangles, text lines, the photo,
a shade) in painting order, plus where each text block went, so tests can check that nothing
leaves the safe area. Text is fitted by :func:`.text.fit`; colours come from the palette.

Every card shares the header (the office's mark, the department and the office's name on the
brand colour, over the accent rule, as on the site) and a brand rule at the bottom. The body
flows from the top: kicker, title, subtitle, deck, badge; strips and hashtags sit at the
bottom. A card with its own photo lays the text over a dark shade at the bottom instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .fonts import FontChain
from .model import HEIGHT, WIDTH, CardSpec, Cell, Palette, TierStyle
from .text import Block, fit

PAD = 72  # left and right margin: the safe area is PAD..WIDTH-PAD
BODY_WIDTH = WIDTH - 2 * PAD
HEADER = 112  # height of the brand band
ACCENT = 8  # the accent rule under it
BOTTOM_RULE = 12
SAFE_BOTTOM = HEIGHT - BOTTOM_RULE - 28  # no text below this line
TITLE_SIZES = tuple(range(76, 39, -4))
NAME_SIZES = tuple(range(96, 47, -4))  # a country's or a region's name
STRIP_TOP = 492  # the strip of tier cells, with its caption above and captions below
CELL_HEIGHT = 56
BAND = 56  # height of the band under the brand (a sample's label)


@dataclass(frozen=True)
class Rect:
    """A rectangle, filled and/or outlined; ``alpha`` below 1 blends it over the picture."""

    x0: float
    y0: float
    x1: float
    y1: float
    fill: str | None
    outline: str | None = None
    width: int = 0
    style: str = "solid"  # "dashed" or "dotted" outline
    radius: int = 0
    alpha: float = 1.0


@dataclass(frozen=True)
class TextLine:
    """One laid-out line: its pieces are drawn from ``x`` at the ``baseline``."""

    x: float
    baseline: float
    block: Block
    index: int  # which line of the block
    weight: str  # "regular" or "bold"
    color: str


@dataclass(frozen=True)
class Photo:
    """The page's own picture, cropped to cover the canvas."""

    path: str


@dataclass(frozen=True)
class Shade:
    """A vertical gradient of ``color`` across the canvas, by (y, opacity) stops."""

    color: str
    stops: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class Mark:
    """The office's mark: a disc with the letters TIP."""

    x: float
    y: float
    size: int
    disc: str
    ring: str
    letters: str
    block: Block


@dataclass(frozen=True)
class Placed:
    """Where a text block went (for tests): its role and its box."""

    role: str
    x: float
    y: float
    width: float
    block: Block

    @property
    def bottom(self) -> float:
        """Return the bottom of the block's last line box."""
        return self.y + self.block.height


@dataclass
class Layout:
    """The shapes of one card in painting order, and the text blocks' boxes."""

    shapes: list[object] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    # How many of the first shapes depend on the palette and the brand alone (the background
    # and the header): every card of a kind shares them, so a renderer may paint them once.
    base: int = 0

    def text(
        self,
        role: str,
        block: Block,
        x: float,
        y: float,
        width: float,
        weight: str,
        color: str,
        align: str | None = None,
    ) -> float:
        """Add a text block with its top at ``y``; return the y under it."""
        align = align or ("right" if block.rtl else "left")
        for index, line in enumerate(block.lines):
            if align == "right":
                left = x + width - line.width
            elif align == "center":
                left = x + (width - line.width) / 2
            else:
                left = x
            baseline = y + index * block.line_height + block.baseline
            self.shapes.append(TextLine(left, baseline, block, index, weight, color))
        self.placed.append(Placed(role, x, y, width, block))
        return y + block.height


@dataclass(frozen=True)
class Fonts:
    """The two weights' font chains."""

    regular: FontChain
    bold: FontChain

    def chain(self, weight: str) -> FontChain:
        """Return the chain of ``weight``."""
        return self.bold if weight == "bold" else self.regular


def mix(color: str, other: str, amount: float) -> str:
    """Return ``color`` moved ``amount`` (0..1) of the way to ``other``."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def layout(spec: CardSpec, palette: Palette, fonts: Fonts) -> Layout:
    """Return the shapes of ``spec``'s card (mirrored for a right-to-left language)."""
    if spec.photo:
        out = _photo(spec, palette, fonts)
    elif spec.kind == "home":
        out = _home(spec, palette, fonts)
    else:
        out = _standard(spec, palette, fonts)
    return mirrored(out) if spec.rtl else out


def mirrored(out: Layout) -> Layout:
    """Return ``out`` mirrored left to right: the mark, the boxes and the tier strip change
    sides; right-to-left text stays against its box's right edge."""
    boxes = {id(placed.block): placed for placed in out.placed}
    shapes: list[object] = []
    for shape in out.shapes:
        if isinstance(shape, Rect):
            shape = replace(shape, x0=WIDTH - shape.x1, x1=WIDTH - shape.x0)
        elif isinstance(shape, Mark):
            shape = replace(shape, x=WIDTH - shape.x - shape.size)
        elif isinstance(shape, TextLine):
            width = shape.block.lines[shape.index].width
            box = boxes.get(id(shape.block))
            if shape.block.rtl and box is not None:
                x = (WIDTH - box.x - box.width) + (shape.x - box.x)  # keep its place in the box
            else:
                x = WIDTH - shape.x - width
            shape = replace(shape, x=x)
        shapes.append(shape)
    placed = [replace(p, x=WIDTH - p.x - p.width) for p in out.placed]
    return Layout(shapes=shapes, placed=placed, base=out.base)


def _header(out: Layout, spec: CardSpec, palette: Palette, fonts: Fonts, alpha: float) -> None:
    """Draw the brand band: the mark, the department and the office's name."""
    out.shapes.append(Rect(0, 0, WIDTH, HEADER, palette.brand, alpha=alpha))
    out.shapes.append(Rect(0, HEADER, WIDTH, HEADER + ACCENT, palette.accent))
    mark = 64
    letters = fit("TIP", fonts.bold, width=mark - 14, height=mark, sizes=range(24, 11, -1))
    out.shapes.append(
        Mark(
            PAD,
            (HEADER - mark) / 2,
            mark,
            palette.brand_text,
            palette.accent,
            palette.brand,
            letters,
        )
    )
    left = PAD + mark + 24
    width = WIDTH - PAD - left
    if spec.brand_department:
        department = fit(
            spec.brand_department.upper(),
            fonts.regular,
            width=width,
            height=30,
            sizes=(20, 18, 16),
            max_lines=1,
            leading=1.3,
            rtl=False,
        )
        out.text("department", department, left, 22, width, "regular", palette.brand_text, "left")
    name = fit(
        spec.brand_name,
        fonts.bold,
        width=width,
        height=40,
        sizes=(30, 28, 26, 24, 22, 20),
        max_lines=1,
        leading=1.25,
        rtl=False,
    )
    top = 50 if spec.brand_department else (HEADER - name.height) / 2
    out.text("office", name, left, top, width, "bold", palette.brand_text, "left")
    out.shapes.append(Rect(0, HEIGHT - BOTTOM_RULE, WIDTH, HEIGHT, palette.brand))


def _standard(spec: CardSpec, palette: Palette, fonts: Fonts) -> Layout:
    """Lay out a card on the page background: the flow from the top, strips at the bottom."""
    out = Layout()
    out.shapes.append(Rect(0, 0, WIDTH, HEIGHT, palette.background))
    _header(out, spec, palette, fonts, 1.0)
    out.base = len(out.shapes)
    left = PAD
    top = _band(out, spec, palette, fonts)
    if spec.kind == "campaign":
        out.shapes.append(Rect(0, top, 16, HEIGHT - BOTTOM_RULE, palette.accent))
    bottom = SAFE_BOTTOM
    if spec.cells:
        bottom = STRIP_TOP - 44
        _strip(out, spec.cells, spec.cells_caption, palette, fonts)
    if spec.hashtag:
        tag = fit(
            spec.hashtag,
            fonts.bold,
            width=BODY_WIDTH,
            height=120,
            sizes=(48, 44, 40, 36, 32, 28),
            max_lines=1,
        )
        out.text("hashtag", tag, left, SAFE_BOTTOM - tag.height, BODY_WIDTH, "bold", palette.accent)
        bottom = SAFE_BOTTOM - tag.height - 16
    y = top + (32 if spec.band else 40)
    if spec.kicker:
        kicker = _line(spec.kicker.upper(), fonts.bold, (24, 22, 20, 18))
        y = out.text("kicker", kicker, left, y, BODY_WIDTH, "bold", palette.accent) + 4
    subtitle = _line(spec.subtitle, fonts.regular, (30, 28, 26, 24, 22)) if spec.subtitle else None
    after = (subtitle.height + 16 if subtitle else 0) + (12 + 60 + 8 if spec.badge else 0)
    sizes = NAME_SIZES if spec.kind in ("country", "region") else TITLE_SIZES
    title = fit(
        spec.title,
        fonts.bold,
        width=BODY_WIDTH,
        height=bottom - y - after,
        sizes=sizes,
        max_lines=5,
        leading=1.15,
        rtl=spec.rtl,
        balance=True,
    )
    y = out.text("title", title, left, y, BODY_WIDTH, "bold", palette.text) + 8
    if subtitle:
        y = out.text("subtitle", subtitle, left, y, BODY_WIDTH, "regular", palette.muted) + 8
    if spec.badge:
        y = _badge(out, spec, palette, fonts, left, y + 12) + 8
    if spec.deck and bottom - y >= 40:
        deck = fit(
            spec.deck,
            fonts.regular,
            width=BODY_WIDTH,
            height=min(bottom - y, 3 * 28 * 1.35),
            sizes=(28, 26, 24),
            max_lines=3,
            leading=1.35,
        )
        out.text("deck", deck, left, y + 4, BODY_WIDTH, "regular", palette.muted)
    return out


def _band(out: Layout, spec: CardSpec, palette: Palette, fonts: Fonts) -> float:
    """Draw the band under the brand, if the card has one; return where the content starts."""
    top = HEADER + ACCENT
    if not spec.band:
        return top
    out.shapes.append(Rect(0, top, WIDTH, top + BAND, palette.focus))
    label = fit(
        spec.band.upper(),
        fonts.bold,
        width=BODY_WIDTH,
        height=BAND - 8,
        sizes=(26, 24, 22, 20),
        max_lines=1,
        leading=1.3,
        rtl=False,
    )
    out.text("band", label, PAD, top + (BAND - label.height) / 2, BODY_WIDTH, "bold", palette.text)
    return top + BAND


def _line(text: str, chain: FontChain, sizes: Sequence[int]) -> Block:
    """Fit one line of text, shrinking it, with an ellipsis only at the smallest size."""
    return fit(
        text, chain, width=BODY_WIDTH, height=sizes[0] * 2.5, sizes=sizes, max_lines=1, leading=1.3
    )


def _badge(
    out: Layout, spec: CardSpec, palette: Palette, fonts: Fonts, x: float, y: float
) -> float:
    """Draw a tier badge (its label, in its colours and border) and its caption."""
    style = _tier_style(palette, spec.badge_tier)
    label = fit(
        spec.badge,
        fonts.bold,
        width=BODY_WIDTH - 40,
        height=60,
        sizes=(32, 30, 28),
        max_lines=1,
        leading=1.3,
    )
    height = 60
    width = label.width + 40
    out.shapes.append(
        Rect(
            x,
            y,
            x + width,
            y + height,
            style.background,
            style.border,
            style.border_width,
            style.border_style,
            radius=6,
        )
    )
    out.text(
        "badge",
        label,
        x + 20,
        y + (height - label.height) / 2,
        label.width,
        "bold",
        style.text,
        "left",
    )
    if spec.badge_caption:
        room = BODY_WIDTH - width - 20
        caption = fit(
            spec.badge_caption,
            fonts.regular,
            width=room,
            height=40,
            sizes=(28, 26, 24, 22),
            max_lines=1,
            leading=1.3,
        )
        out.text(
            "badge_caption",
            caption,
            x + width + 20,
            y + (height - caption.height) / 2,
            room,
            "regular",
            palette.text,
            "left",
        )
    return y + height


def _tier_style(palette: Palette, tier: str | None) -> TierStyle:
    if tier in palette.tiers:
        return palette.tiers[tier]
    return TierStyle(palette.background, palette.muted, palette.border, "dotted", 2)


def _strip(
    out: Layout, cells: tuple[Cell, ...], caption: str, palette: Palette, fonts: Fonts
) -> None:
    """Draw a row of tier cells: label inside, caption under; the strip's caption above."""
    if caption:
        block = fit(
            caption,
            fonts.regular,
            width=BODY_WIDTH,
            height=34,
            sizes=(24, 22, 20),
            max_lines=1,
            leading=1.3,
        )
        out.text(
            "strip_caption",
            block,
            PAD,
            STRIP_TOP - 10 - block.height,
            BODY_WIDTH,
            "regular",
            palette.muted,
        )
    gap = 6 if len(cells) > 8 else 12
    cell_width = (BODY_WIDTH - gap * (len(cells) - 1)) / len(cells)
    for i, cell in enumerate(cells):
        x = PAD + i * (cell_width + gap)
        style = _tier_style(palette, cell.tier)
        out.shapes.append(
            Rect(
                x,
                STRIP_TOP,
                x + cell_width,
                STRIP_TOP + CELL_HEIGHT,
                style.background,
                style.border,
                style.border_width,
                style.border_style,
                radius=4,
            )
        )
        label = fit(
            cell.label,
            fonts.bold,
            width=cell_width - 8,
            height=CELL_HEIGHT,
            sizes=(30, 28, 26, 24, 22, 20, 18, 16),
            max_lines=1,
            leading=1.2,
        )
        out.text(
            f"cell{i}",
            label,
            x,
            STRIP_TOP + (CELL_HEIGHT - label.height) / 2,
            cell_width,
            "bold",
            style.text,
            "center",
        )
        under = fit(
            cell.caption,
            fonts.regular,
            width=cell_width,
            height=30,
            sizes=(20, 18, 16, 14),
            max_lines=1,
            leading=1.3,
        )
        out.text(
            f"cell{i}_caption",
            under,
            x,
            STRIP_TOP + CELL_HEIGHT + 6,
            cell_width,
            "regular",
            palette.muted,
            "center",
        )


def _home(spec: CardSpec, palette: Palette, fonts: Fonts) -> Layout:
    """Lay out the home page's card: the brand colour throughout, the mission under the title."""
    out = Layout()
    out.shapes.append(Rect(0, 0, WIDTH, HEIGHT, palette.brand))
    _header(out, spec, palette, fonts, 1.0)
    out.base = len(out.shapes)
    soft = mix(palette.brand_text, palette.brand, 0.18)
    y = HEADER + ACCENT + 48.0
    deck_height = 3 * 30 * 1.35 if spec.deck else 0
    title = fit(
        spec.title,
        fonts.bold,
        width=BODY_WIDTH,
        height=SAFE_BOTTOM - y - deck_height - 24,
        sizes=(80, *TITLE_SIZES),
        max_lines=4,
        leading=1.12,
        rtl=spec.rtl,
        balance=True,
    )
    y = out.text("title", title, PAD, y, BODY_WIDTH, "bold", palette.brand_text) + 24
    if spec.deck:
        deck = fit(
            spec.deck,
            fonts.regular,
            width=BODY_WIDTH,
            height=SAFE_BOTTOM - y,
            sizes=(30, 28, 26, 24),
            max_lines=3,
            leading=1.35,
        )
        out.text("deck", deck, PAD, y, BODY_WIDTH, "regular", soft)
    return out


def _photo(spec: CardSpec, palette: Palette, fonts: Fonts) -> Layout:
    """Lay out a card over the page's photo: the text sits on a dark shade at the bottom."""
    out = Layout()
    out.shapes.append(Photo(spec.photo))
    _header(out, spec, palette, fonts, 0.92)
    _band(out, spec, palette, fonts)
    white = palette.brand_text
    y_bottom = SAFE_BOTTOM
    blocks = []
    if spec.subtitle:
        subtitle = _line(spec.subtitle, fonts.regular, (28, 26, 24, 22))
        blocks.append(("subtitle", subtitle, "regular", white))
        y_bottom -= subtitle.height + 8
    top_limit = HEADER + ACCENT + (BAND if spec.band else 0) + 120  # the shade is dark from here
    kicker = _line(spec.kicker.upper(), fonts.bold, (24, 22, 20, 18)) if spec.kicker else None
    room = y_bottom - top_limit - (kicker.height + 4 if kicker else 0)
    title = fit(
        spec.title,
        fonts.bold,
        width=BODY_WIDTH,
        height=room,
        sizes=TITLE_SIZES,
        max_lines=4,
        leading=1.15,
        rtl=spec.rtl,
        balance=True,
    )
    y = y_bottom - title.height - (kicker.height + 4 if kicker else 0)
    # Darken the photo from a little above the text down, so white text keeps its contrast
    # (over 4.5:1 even on a white picture) while the top of the photo stays as it is.
    shade = Shade("#0b0c0c", ((max(0, round(y) - 150), 0.0), (round(y), 0.68), (HEIGHT, 0.9)))
    out.shapes.insert(1, shade)
    if kicker:
        y = out.text("kicker", kicker, PAD, y, BODY_WIDTH, "bold", palette.focus) + 4
    y = out.text("title", title, PAD, y, BODY_WIDTH, "bold", white) + 8
    for role, block, weight, color in blocks:
        y = out.text(role, block, PAD, y, BODY_WIDTH, weight, color) + 8
    return out
