"""The site's icons: the share cards' mark (a disc with the letters TIP) at icon sizes.

:func:`write_icons` writes the favicon as SVG (the letters as outlines from the bold card font,
so no font is needed to show it) and as PNG at the sizes browsers and phones ask for, in the
colours of the theme's stylesheet. ``invoke icons`` runs it into ``theme/static/img/icons/``;
the files are committed, and a test checks that they match what this code draws.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from PIL import Image

from .draw import MARK_INSET, MARK_RING, paint_shapes
from .fonts import FontChain
from .layouts import Fonts, Mark
from .model import Palette
from .palette import read_palette
from .settings import DEFAULTS, font_paths
from .text import fit

FONTS = DEFAULTS["SHARE_CARDS_FONTS"]  # the cards' own fonts: {"regular": [...], "bold": [...]}

# File name -> (pixels, on a full square of the brand colour: phones cut their own corners).
PNG_ICONS = {
    "icon-32.png": (32, False),
    "apple-touch-icon.png": (180, True),
    "icon-192.png": (192, True),
    "icon-512.png": (512, True),
}
SVG_ICON = "favicon.svg"
_SUPERSAMPLE = 4  # Pillow's ellipses have no anti-aliasing: draw larger, then scale down
_LETTERS = "TIP"


def draw_icon(size: int, square: bool, palette: Palette, fonts: Fonts) -> bytes:
    """Return the mark as a ``size``-pixel PNG (on a brand-coloured square if ``square``)."""
    big = size * _SUPERSAMPLE
    background = palette.brand if square else (0, 0, 0, 0)
    image = Image.new("RGBA", (big, big), background)
    mark = round(big * 0.84) if square else big
    offset = (big - mark) / 2
    letters = fit(_LETTERS, fonts.bold, width=mark * 50 / 64, height=mark, sizes=_sizes(mark))
    # On its square, the mark is as on the cards' brand band; alone, it is the band's colour.
    disc, ink = (
        (palette.brand_text, palette.brand) if square else (palette.brand, palette.brand_text)
    )
    mark_shape = Mark(offset, offset, mark, disc, palette.accent, ink, letters)
    paint_shapes(image, [mark_shape], fonts)
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "PNG", optimize=True)
    return out.getvalue()


def icon_svg(palette: Palette, bold_font: str) -> str:
    """Return the mark as SVG, the letters as paths of ``bold_font``."""
    size = 64
    inset, ring = size * MARK_INSET, size * MARK_RING
    radius = size / 2
    letters = _letter_paths(bold_font, width=size * 34 / 64, centre=radius)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
        f'<circle cx="{radius:g}" cy="{radius:g}" r="{radius:g}" fill="{palette.brand}"/>'
        f'<circle cx="{radius:g}" cy="{radius:g}" r="{radius - inset - ring / 2:g}" fill="none" '
        f'stroke="{palette.accent}" stroke-width="{ring:g}"/>'
        f'<path fill="{palette.brand_text}" d="{letters}"/></svg>\n'
    )


ICONS_DIR = "img/icons"  # under the theme's static folder, where templates link them


def write_icons(folder: Path, css: Path) -> list[Path]:
    """Write every icon into ``folder`` in the colours of ``css``; return the files written."""
    palette = read_palette(css)
    regular = tuple(str(path) for path in font_paths(FONTS["regular"]))
    bold = tuple(str(path) for path in font_paths(FONTS["bold"]))
    folder.mkdir(parents=True, exist_ok=True)
    fonts = Fonts(FontChain(regular), FontChain(bold))
    written = []
    for name, (size, square) in PNG_ICONS.items():
        written.append(folder / name)
        written[-1].write_bytes(draw_icon(size, square, palette, fonts))
    written.append(folder / SVG_ICON)
    written[-1].write_text(icon_svg(palette, bold[0]), encoding="utf-8")
    return written


def _sizes(mark: int) -> range:
    """Return the letter sizes to try for a mark of ``mark`` pixels, largest first."""
    return range(round(mark * 24 / 64), max(4, round(mark * 11 / 64)) - 1, -1)


def _letter_paths(font_path: str, width: float, centre: float) -> str:
    """Return the SVG path of the letters, scaled to ``width`` and centred on ``centre``."""
    font = TTFont(font_path)
    glyphs, cmap, metrics = font.getGlyphSet(), font.getBestCmap(), font["hmtx"]
    names = [cmap[ord(char)] for char in _LETTERS]
    advance = sum(metrics[name][0] for name in names)
    scale = width / advance
    cap = font["OS/2"].sCapHeight * scale
    pen = SVGPathPen(glyphs, ntos=lambda value: f"{value:.2f}".rstrip("0").rstrip("."))
    x = centre - width / 2
    for name in names:
        # Font units go up; SVG's go down: flip, then put the capitals' middle on the centre.
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, centre + cap / 2)))
        x += metrics[name][0] * scale
    return pen.getCommands()
