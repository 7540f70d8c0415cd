"""Paint a card's layout with Pillow and encode it: the only module that makes pixels.

A :class:`Renderer` draws the cards of one build (in this process, or in each worker process
of the build's pool): it holds the font chains and what it can reuse from card to card. Flat
cards are PNG with a 256-colour palette (text stays sharp and the file small); the palette
of each kind of card is taken once, from a reference card of that kind drawn in the same
colours, so each card only maps its pixels onto it. A card over a photo is JPEG without
chroma subsampling, its quality lowered step by step until it fits the byte budget. Neither
format stores a time, so the same job always gives the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageOps

from .fonts import FontChain, draw_direction, visual
from .layouts import Fonts, Layout, Mark, Photo, Rect, Shade, TextLine, layout
from .model import HEIGHT, WIDTH, CardJob, CardSpec, Cell

JPEG_QUALITIES = (88, 84, 80, 76, 72, 68, 64, 60)
PNG_COMPRESSION = 3  # zlib level: 2x faster than 6 for a file about 20% larger (~25 KB)
MARK_INSET = 5 / 64  # the mark's ring: inset and width, as fractions of its size
MARK_RING = 3 / 64
_REFERENCE_TITLE = "Reference card: the quick brown fox jumps over the lazy dog, 0123456789"


class CardTooLargeError(ValueError):
    """A card cannot be encoded within the byte budget."""


class Renderer:
    """Draw cards with one pair of font chains; reuse the palettes of each kind of card."""

    def __init__(self, regular: tuple[str, ...], bold: tuple[str, ...]) -> None:
        self.fonts = Fonts(FontChain(regular), FontChain(bold))
        self._palettes: dict[tuple[str, str], Image.Image] = {}
        self._bases: dict[tuple[str, ...], Image.Image] = {}

    def render(self, job: CardJob) -> bytes:
        """Draw ``job``'s card and return the encoded file."""
        plan = layout(job.spec, job.palette, self.fonts)
        image = self._base(job, plan)
        paint_shapes(image, plan.shapes[plan.base :], self.fonts)
        if job.fmt != "png":
            return encode_jpeg(image, job.max_bytes)
        return encode_png(
            image.quantize(palette=self.palette_of(job), dither=Image.Dither.NONE), job
        )

    def _base(self, job: CardJob, plan: Layout) -> Image.Image:
        """Return a fresh canvas with the shapes every card of its kind shares already painted."""
        spec = job.spec
        key = (spec.kind, repr(job.palette), spec.brand_department, spec.brand_name, spec.rtl)
        if plan.base and key not in self._bases:
            base = Image.new("RGB", (WIDTH, HEIGHT), job.palette.background)
            paint_shapes(base, plan.shapes[: plan.base], self.fonts)
            self._bases[key] = base
        if plan.base:
            return self._bases[key].copy()
        return Image.new("RGB", (WIDTH, HEIGHT), job.palette.background)

    def palette_of(self, job: CardJob) -> Image.Image:
        """Return the 256 colours of ``job``'s kind of card, from a reference card of it."""
        key = (job.spec.kind, repr(job.palette))
        if key not in self._palettes:
            reference = paint(_reference(job), self.fonts)
            self._palettes[key] = reference.quantize(
                256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
            )
        return self._palettes[key]


def _reference(job: CardJob) -> CardJob:
    """Return a card of ``job``'s kind that uses every colour such a card may use.

    It depends on the kind and the palette only (never on the card asked for first), so
    every card of a kind maps onto the same colours whatever order a build draws them in.
    """
    spec = job.spec
    tiers = [code for code in job.palette.tiers if code] or [None]
    cells = tuple(Cell("2WL", str(2000 + i), code) for i, code in enumerate(tiers))
    reference = CardSpec(
        kind=spec.kind,
        title=_REFERENCE_TITLE,
        brand_department=spec.brand_department,
        brand_name=spec.brand_name,
        kicker="News · Reference",
        band="Reference band",
        subtitle="1 January 2010",
        deck=_REFERENCE_TITLE,
        badge="Tier 2 Watch List",
        badge_tier=tiers[0],
        badge_caption="in the 2010 report",
        cells=(*cells, Cell("–", "2099", None)),
        cells_caption="Reference",
        hashtag="#Reference",
    )
    return CardJob(reference, job.palette, job.regular, job.bold, job.fmt, job.max_bytes)


def paint(job: CardJob, fonts: Fonts) -> Image.Image:
    """Draw ``job``'s card as an RGB image."""
    plan: Layout = layout(job.spec, job.palette, fonts)
    image = Image.new("RGB", (WIDTH, HEIGHT), job.palette.background)
    paint_shapes(image, plan.shapes, fonts)
    return image


def paint_shapes(image: Image.Image, shapes: list[object], fonts: Fonts) -> None:
    """Paint ``shapes`` onto ``image``, in order."""
    for shape in shapes:
        if isinstance(shape, Photo):
            _photo(image, shape)
        elif isinstance(shape, Shade):
            _shade(image, shape)
        elif isinstance(shape, Rect):
            _rect(image, shape)
        elif isinstance(shape, Mark):
            _mark(image, shape, fonts)
        elif isinstance(shape, TextLine):
            _text(image, shape, fonts)


def encode_png(image: Image.Image, job: CardJob) -> bytes:
    """Encode a palette image as PNG within the job's byte budget."""
    data = _save(image, "PNG", compress_level=PNG_COMPRESSION)
    if len(data) > job.max_bytes:
        raise CardTooLargeError(f"the PNG card takes {len(data)} bytes (budget {job.max_bytes})")
    return data


def encode_jpeg(image: Image.Image, max_bytes: int) -> bytes:
    """Encode ``image`` as JPEG at the best quality that fits ``max_bytes``."""
    for quality in JPEG_QUALITIES:
        data = _save(image, "JPEG", quality=quality, subsampling=0, optimize=True)
        if len(data) <= max_bytes:
            return data
    raise CardTooLargeError(f"the JPEG card takes {len(data)} bytes at quality {quality}")


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _photo(image: Image.Image, shape: Photo) -> None:
    """Crop the photo to cover the canvas (a little above centre, where faces usually are)."""
    with Image.open(shape.path) as source:
        picture = ImageOps.exif_transpose(source).convert("RGB")
    covered = ImageOps.fit(picture, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    image.paste(covered, (0, 0))


def _shade(image: Image.Image, shape: Shade) -> None:
    """Blend ``shape.color`` over the image with an opacity interpolated between the stops."""
    column = Image.new("L", (1, HEIGHT))
    stops = shape.stops
    for y in range(HEIGHT):
        if y <= stops[0][0]:
            opacity = stops[0][1]
        elif y >= stops[-1][0]:
            opacity = stops[-1][1]
        else:
            (y0, a0), (y1, a1) = next(
                (stops[i], stops[i + 1]) for i in range(len(stops) - 1) if stops[i + 1][0] >= y
            )
            opacity = a0 + (a1 - a0) * (y - y0) / (y1 - y0)
        column.putpixel((0, y), round(255 * opacity))
    mask = column.resize((WIDTH, HEIGHT))
    image.paste(Image.new("RGB", (WIDTH, HEIGHT), shape.color), (0, 0), mask)


def _rect(image: Image.Image, shape: Rect) -> None:
    box = (round(shape.x0), round(shape.y0), round(shape.x1) - 1, round(shape.y1) - 1)
    if shape.alpha < 1:
        layer = Image.new("RGB", image.size, shape.fill or "#000000")
        mask = Image.new("L", image.size, 0)
        ImageDraw.Draw(mask).rectangle(box, fill=round(255 * shape.alpha))
        image.paste(layer, (0, 0), mask)
        return
    draw = ImageDraw.Draw(image)
    solid = shape.style == "solid" and shape.outline
    draw.rounded_rectangle(
        box,
        radius=shape.radius,
        fill=shape.fill,
        outline=shape.outline if solid else None,
        width=shape.width if solid else 0,
    )
    if shape.outline and not solid:
        _broken_outline(draw, box, shape)


def _broken_outline(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], shape: Rect) -> None:
    """Draw a dashed or dotted outline, as the stylesheet does for 2WL and special cases."""
    x0, y0, x1, y1 = box
    width = max(shape.width, 2)
    dash, gap = (10, 6) if shape.style == "dashed" else (width, width + 2)
    for start, end, horizontal, fixed in (
        (x0, x1, True, y0),
        (x0, x1, True, y1 - width + 1),
        (y0, y1, False, x0),
        (y0, y1, False, x1 - width + 1),
    ):
        position = start
        while position <= end:
            stop = min(position + dash - 1, end)
            if horizontal:
                draw.rectangle((position, fixed, stop, fixed + width - 1), fill=shape.outline)
            else:
                draw.rectangle((fixed, position, fixed + width - 1, stop), fill=shape.outline)
            position += dash + gap


def _mark(image: Image.Image, shape: Mark, fonts: Fonts) -> None:
    draw = ImageDraw.Draw(image)
    x, y, size = round(shape.x), round(shape.y), shape.size
    draw.ellipse((x, y, x + size - 1, y + size - 1), fill=shape.disc)
    inset = round(size * MARK_INSET)  # the ring's place and width scale with the mark (icons)
    draw.ellipse(
        (x + inset, y + inset, x + size - 1 - inset, y + size - 1 - inset),
        outline=shape.ring,
        width=max(1, round(size * MARK_RING)),
    )
    line = shape.block.lines[0]
    left = x + (size - line.width) / 2
    baseline = y + (size - shape.block.line_height) / 2 + shape.block.baseline
    for piece in line.pieces:
        font = fonts.bold.font(piece.font, shape.block.size)
        draw.text(
            (left + piece.x, baseline), piece.text, font=font, fill=shape.letters, anchor="ls"
        )


def _text(image: Image.Image, shape: TextLine, fonts: Fonts) -> None:
    draw = ImageDraw.Draw(image)
    chain = fonts.chain(shape.weight)
    size = shape.block.size
    for x, text, font, rtl in _runs(shape.block.lines[shape.index].pieces):
        if not text.strip():
            continue  # a space only moves the pen
        draw.text(
            (shape.x + x, shape.baseline),
            visual(text, rtl),
            font=chain.font(font, size),
            fill=shape.color,
            anchor="ls",
            **draw_direction(rtl),
        )


def _runs(pieces) -> list[tuple[float, str, int, bool]]:
    """Join a line's left-to-right pieces of one font into runs: one draw call per run."""
    runs: list[tuple[float, str, int, bool]] = []
    for piece in pieces:
        last = runs[-1] if runs else None
        if last and not piece.rtl and not last[3] and last[2] == piece.font:
            runs[-1] = (last[0], last[1] + piece.text, last[2], False)
        else:
            runs.append((piece.x, piece.text, piece.font, piece.rtl))
    return runs
