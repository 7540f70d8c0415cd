"""Defaults of the share_cards plugin's settings, and the one check of a build's values."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from plugins._common.cache import cache_folder

FONTS_DIR = Path(__file__).resolve().parent / "fonts"

DEFAULTS: dict[str, Any] = {
    # Where each page's card goes: {path} is the page's output path without ".html"
    # ("news/2010/slug" for news/2010/slug/index.html, "index" for the home page); {ext} is
    # "png", or "jpg" for a page whose metadata names a photo (Image:).
    "SHARE_CARDS_URL": "cards/{path}.{ext}",
    "SHARE_CARDS_SAVE_AS": "cards/{path}.{ext}",
    # Finished cards, named by the hash of their inputs; a relative path is taken from the
    # folder that holds PATH (the project root: .cache/ is ignored by git).
    "SHARE_CARDS_CACHE_PATH": ".cache/share-cards",
    # Processes that draw cards at once; 0 means one per core.
    "SHARE_CARDS_WORKERS": 0,
    # The largest card allowed, in bytes (a photo card is saved at lower JPEG quality to fit).
    "SHARE_CARDS_MAX_BYTES": 300 * 1024,
    # Absolute address of the site for og:url, og:image and the share links; "" means SITEURL
    # as the settings give it (the preview's relative URLs do not change it).
    "SHARE_CARDS_SITEURL": "",
    # Fonts tried in order for each character (relative paths are in plugins/share_cards/fonts).
    "SHARE_CARDS_FONTS": {
        "regular": [
            "NotoSans-Regular.ttf",
            "NotoSansArabic-Regular.ttf",
            "NotoSansCJKsc-Regular-subset.otf",
        ],
        "bold": [
            "NotoSans-Bold.ttf",
            "NotoSansArabic-Bold.ttf",
            "NotoSansCJKsc-Bold-subset.otf",
        ],
    },
    # The theme's stylesheet whose :root colour variables the cards use (relative to THEME).
    "SHARE_CARDS_COLORS_CSS": "static/css/site.css",
}


class ShareCardsError(ValueError):
    """A share_cards setting cannot work: the message names the setting and the fix."""


def check(settings: Mapping[str, Any]) -> None:
    """Raise :class:`ShareCardsError` for a setting a build cannot use."""
    for name in ("SHARE_CARDS_URL", "SHARE_CARDS_SAVE_AS"):
        value = settings[name]
        if not isinstance(value, str) or "{path}" not in value or "{ext}" not in value:
            raise ShareCardsError(
                f"share_cards: {name} is {value!r}. Fix: write a path with {{path}} and {{ext}}, "
                'e.g. "cards/{path}.{ext}"'
            )
    workers = settings["SHARE_CARDS_WORKERS"]
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise ShareCardsError(
            f"share_cards: SHARE_CARDS_WORKERS is {workers!r}. Fix: write 0 (one per core) or "
            "a number of processes"
        )
    budget = settings["SHARE_CARDS_MAX_BYTES"]
    if not isinstance(budget, int) or budget < 20_000:
        raise ShareCardsError(
            f"share_cards: SHARE_CARDS_MAX_BYTES is {budget!r}. Fix: write a number of bytes "
            "of at least 20000"
        )
    fonts = settings["SHARE_CARDS_FONTS"]
    if not isinstance(fonts, Mapping) or set(fonts) != {"regular", "bold"}:
        raise ShareCardsError(
            "share_cards: SHARE_CARDS_FONTS needs exactly the keys 'regular' and 'bold'. Fix: "
            "give each a list of font files"
        )
    for weight, files in fonts.items():
        if not files:
            raise ShareCardsError(f"share_cards: SHARE_CARDS_FONTS[{weight!r}] is empty")
        for file in font_paths(files):
            if not file.is_file():
                raise ShareCardsError(
                    f"share_cards: the font {file} in SHARE_CARDS_FONTS[{weight!r}] does not "
                    "exist. Fix: name a file in plugins/share_cards/fonts/ or an absolute path"
                )
    css = colors_css(settings)
    if not css.is_file():
        raise ShareCardsError(
            f"share_cards: the stylesheet {css} (SHARE_CARDS_COLORS_CSS) does not exist. Fix: "
            "name the theme's stylesheet, relative to THEME"
        )


def font_paths(files: list[str]) -> tuple[Path, ...]:
    """Return the font files of one weight as absolute paths."""
    return tuple(Path(file) if Path(file).is_absolute() else FONTS_DIR / file for file in files)


def colors_css(settings: Mapping[str, Any]) -> Path:
    """Return the stylesheet the cards take their colours from."""
    return Path(settings["THEME"], settings["SHARE_CARDS_COLORS_CSS"])


def cache_path(settings: Mapping[str, Any]) -> Path:
    """Return the cache folder (a relative setting is taken from the folder that holds PATH)."""
    return cache_folder(settings, settings["SHARE_CARDS_CACHE_PATH"], "share-cards")
