"""What a card shows and how it is drawn, as plain data: the spec of one card and its job.

A :class:`CardSpec` holds only text and facts (a title, a tier history), built from a page by
:mod:`.describe`; :mod:`.layouts` places it on the canvas and :mod:`.draw` paints it. A
:class:`CardJob` carries a spec with everything else the drawing needs (palette, fonts,
format) to a worker process, and its :meth:`CardJob.key` names the cached result.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import cached_property

WIDTH, HEIGHT = 1200, 630
# Bump when a change to the drawing is not visible in the source of the modules hashed
# with the inputs (e.g. a new Pillow default); any edit to those modules redraws anyway.
RENDERER_VERSION = 1


@dataclass(frozen=True)
class TierStyle:
    """The colours and border of one tier's badge, as the theme's stylesheet draws them."""

    background: str
    text: str
    border: str
    border_style: str = "solid"  # "dashed" (Tier 2 Watch List) or "dotted" (special case)
    border_width: int = 1


@dataclass(frozen=True)
class Palette:
    """The theme's colours (light scheme), taken from its stylesheet's custom properties."""

    background: str
    background_alt: str
    text: str
    muted: str
    border: str
    brand: str
    brand_text: str
    accent: str
    focus: str
    tiers: dict[str, TierStyle] = field(default_factory=dict)

    @cached_property
    def key(self) -> str:
        """Return the palette as text, for the key of every card drawn with it."""
        return json.dumps(asdict(self), sort_keys=True)


@dataclass(frozen=True)
class Cell:
    """One box of a strip: a tier's history year, or a tier's count in a report."""

    label: str  # big text: "2WL", or a count
    caption: str  # small text: the year, or the tier's name
    tier: str | None  # the tier code whose colours it takes; None for a year not reported


@dataclass(frozen=True)
class CardSpec:
    """The text and facts one card shows (no geometry, no colours)."""

    kind: str  # home, page, article, campaign, country, region, report, list
    title: str
    brand_department: str
    brand_name: str
    kicker: str = ""  # the section above the title
    band: str = ""  # a full-width line under the brand: a sample says so here
    subtitle: str = ""  # the line under it: a date, a region
    deck: str = ""  # a sentence or two (the home page's mission, a page's summary)
    badge: str = ""  # a tier's label, never its colour alone
    badge_tier: str | None = None
    badge_caption: str = ""
    cells: tuple[Cell, ...] = ()
    cells_caption: str = ""
    hashtag: str = ""
    photo: str = ""  # absolute path of the page's own picture (Image:)
    photo_alt: str = ""
    rtl: bool | None = None  # the title's direction when the page's language says it


@dataclass(frozen=True)
class CardJob:
    """Everything a worker needs to draw one card and where the result goes."""

    spec: CardSpec
    palette: Palette
    regular: tuple[str, ...]  # font files, tried in order per character
    bold: tuple[str, ...]
    fmt: str  # "png" or "jpeg"
    max_bytes: int
    inputs: str = ""  # digests of what else the picture depends on: fonts, code, photo

    @cached_property
    def key(self) -> str:
        """Return the SHA-256 of every input of the card: same key, same picture."""
        spec = asdict(self.spec)
        spec["photo"] = bool(self.spec.photo)  # its bytes are in ``inputs``
        fields = {
            "spec": spec,
            "palette": self.palette.key,
            "regular": [path.rsplit("/", 1)[-1] for path in self.regular],
            "bold": [path.rsplit("/", 1)[-1] for path in self.bold],
            "fmt": self.fmt,
            "max_bytes": self.max_bytes,
            "inputs": self.inputs,
            "renderer": RENDERER_VERSION,
        }
        text = json.dumps(fields, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()
