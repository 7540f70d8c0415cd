"""Paint a card's layout with Pillow and encode it: the only module that makes pixels.

:func:`render` runs in worker processes: it takes a :class:`~.model.CardJob` (plain data) and
returns the encoded file. Flat cards are PNG with a 256-colour palette (text stays sharp and
the file small); a card over a photo is JPEG without chroma subsampling, its quality lowered
step by step until it fits the byte budget. Neither format stores a time, so the same job
always gives the same bytes.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageOps

from .fonts import FontChain, draw_direction, visual
from .layouts import Fonts, Layout, Mark, Photo, Rect, Shade, TextLine, layout
from .model import HEIGHT, WIDTH, CardJob

JPEG_QUALITIES = (88, 84, 80, 76, 72, 68, 64, 60)


class CardTooLargeError(ValueError):
    """A card cannot be encoded within the byte budget."""


@cache
def _chain(paths: tuple[str, ...]) -> FontChain:
    """Return one chain per font list and process, so its measures are cached across cards."""
    return FontChain(paths)


def render(job: CardJob) -> bytes:
    """Draw ``job``'s card and return the encoded file."""
    image = paint(job)
    return encode(image, job.fmt, job.max_bytes)


def paint(job: CardJob) -> Image.Image:
    """Draw ``job``'s card as an RGB image."""
    fonts = Fonts(_chain(job.regular), _chain(job.bold))
    plan: Layout = layout(job.spec, job.palette, fonts)
    image = Image.new("RGB", (WIDTH, HEIGHT), job.palette.background)
    for shape in plan.shapes:
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
    return image


def encode(image: Image.Image, fmt: str, max_bytes: int) -> bytes:
    """Encode ``image`` as PNG (palette) or JPEG within ``max_bytes``."""
    if fmt == "png":
        # A fast octree palette keeps every text edge's shades (a card uses under 256
        # colours); zlib level 6 is 4x faster than 9 for a file 10% larger (about 20 KB).
        data = _save(
            image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE),
            "PNG",
            compress_level=6,
        )
        if len(data) > max_bytes:
            raise CardTooLargeError(f"the PNG card takes {len(data)} bytes (budget {max_bytes})")
        return data
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
    inset = 5
    draw.ellipse(
        (x + inset, y + inset, x + size - 1 - inset, y + size - 1 - inset),
        outline=shape.ring,
        width=3,
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
    for piece in shape.block.lines[shape.index].pieces:
        if not piece.text.strip():
            continue  # a space only moves the pen
        draw.text(
            (shape.x + piece.x, shape.baseline),
            visual(piece.text, piece.rtl),
            font=chain.font(piece.font, size),
            fill=shape.color,
            anchor="ls",
            **draw_direction(piece.rtl),
        )
