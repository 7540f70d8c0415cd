"""Make the vendored CJK fonts: Noto Sans CJK SC cut down to the characters cards need.

Not run by the build. Run it again only to refresh the fonts (it needs fontTools, which the
site does not):

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb deb
    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python subset_cjk.py deb/usr/share/fonts/opentype/noto

The full collections weigh 39 MB for two weights; this keeps the Simplified Chinese face
(collection index 2) with every unified ideograph of the basic block, kana, Hangul, Bopomofo,
CJK punctuation and full-width forms, without hints (about 6.4 MB a weight). Outlines are
not changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

FACE_SC = 2  # "Noto Sans CJK SC" in NotoSansCJK-*.ttc
RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2EFF),  # CJK Radicals Supplement
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7A3),  # Hangul Syllables
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
FEATURES = ["ccmp", "kern", "liga"]  # no vertical or locale alternates: cards are horizontal


def make_subset(collection: Path, output: Path) -> None:
    """Write the SC face of ``collection`` cut down to RANGES as ``output`` (OpenType CFF)."""
    options = subset.Options()
    options.font_number = FACE_SC
    options.layout_features = FEATURES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # hints do nothing at card sizes (24 px and up)
    font = subset.load_font(str(collection), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in RANGES for c in range(low, high + 1)])
    subsetter.subset(font)
    subset.save_font(font, str(output), options)


def main(source: str) -> None:
    """Subset the Regular and Bold collections found in ``source``."""
    here = Path(__file__).resolve().parent
    for weight in ("Regular", "Bold"):
        make_subset(
            Path(source, f"NotoSansCJK-{weight}.ttc"), here / f"NotoSansCJKsc-{weight}-subset.otf"
        )


if __name__ == "__main__":
    main(sys.argv[1])
