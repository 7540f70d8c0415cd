"""Connect the cards to Pelican: a template function while pages render, the drawing at the end.

While a page renders, the template function ``share_card()`` describes the page (from its
facts and its context) and returns a :class:`Card`: the picture's absolute URL, its alt
text, the page's title, description and share links; the card's job is recorded then. Once
the whole site is written, the cards are drawn, or taken from the cache, and copied into the
output: the cards of pages written by any plugin are known only then.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import pass_context
from pelican.contents import Content
from PIL import Image, UnidentifiedImageError

from plugins._common.i18n import gettext
from plugins._common.labels import is_illustrative, labelled_title
from plugins._common.output import is_partial
from plugins._common.pages import meta_of
from plugins._common.problems import display_path, metadata_line, report, stop
from plugins._common.settings import apply_defaults
from plugins._common.urls import page_file

from . import cache, fonts
from .describe import Description, Site, describe, page_path, site_from_settings
from .layouts import Fonts
from .model import HEIGHT, WIDTH, CardJob, Palette
from .palette import read_palette
from .settings import DEFAULTS, ShareCardsError, cache_path, check, colors_css, font_paths
from .text import missing_characters

logger = logging.getLogger(__name__)
STATE = "_SHARE_CARDS_STATE"  # a key in Pelican's settings (and so in every context)
MIN_PHOTO = (600, 315)  # a smaller photo would be blown up more than twice: not used


@dataclass(frozen=True)
class ShareLink:
    """A plain link that shares the page: no script, nothing loaded from another host."""

    service: str
    label: str
    href: str
    external: bool = True


@dataclass(frozen=True)
class Card:
    """A page's card and the facts its head metadata and share links need."""

    url: str  # absolute URL of the picture
    path: str  # its site-relative URL
    mime: str
    alt: str
    title: str
    description: str
    page_url: str  # absolute URL of the page
    og_type: str
    published: str
    share_links: tuple[ShareLink, ...]
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True)
class CardRef:
    """A card as ``context["share_cards"]`` gives it: site-relative URL, size and type."""

    url: str
    width: int = WIDTH
    height: int = HEIGHT
    mime: str = "image/png"


@dataclass
class Entry:
    """One card while the site is built: what it shows, and the content file it is for."""

    description: Description
    source: str | None  # the content file, for messages
    job: CardJob  # what the card's drawing needs (being drawn already, if it is not cached)


@dataclass
class State:
    """One build's cards: what the settings say, every card's entry, and the drawing."""

    site: Site
    base_url: str
    url_pattern: str
    save_as_pattern: str
    palette: Palette
    regular: tuple[str, ...]
    bold: tuple[str, ...]
    max_bytes: int
    drawer: cache.Drawer
    inputs: str  # digests of the fonts and the drawing code: every card's picture needs them
    chains: Fonts  # the font chains the glyph check measures with
    photos: dict[str, str] = field(default_factory=dict)  # save_as -> photo file
    entries: dict[str, Entry] = field(default_factory=dict)  # output path -> its card
    cards: dict[str, Card | None] = field(default_factory=dict)  # output path -> its metadata
    stats: cache.Stats | None = None

    def card_path(self, output_file: str, pattern: str | None = None) -> str:
        """Return the card's URL (or, with SAVE_AS, path) for the page at ``output_file``."""
        ext = "jpg" if output_file in self.photos else "png"
        return (pattern or self.url_pattern).format(path=card_stem(output_file), ext=ext)

    def card_for(self, context: Mapping[str, Any]) -> Card | None:
        """Return the card of the page rendered with ``context``.

        The pages of a paginated list share the card of their first page; a redirect from an
        old address shows the card of the page it sends to (None if that one has none).
        """
        output_file = str(context.get("output_file") or "")
        if output_file not in self.cards:  # asked for by the head and by the share links
            self.cards[output_file] = self._card_for(context, output_file)
        return self.cards[output_file]

    def _card_for(self, context: Mapping[str, Any], output_file: str) -> Card | None:
        meta = meta_of(context)
        if meta.kind == "redirect":
            target = context.get("redirect_to")
            entry = self.entries.get(getattr(target, "save_as", ""))
            if entry is None:
                return None
            title = entry.description.spec.title
            if is_illustrative(target):
                title = labelled_title(title, context)
            return self._card(target.save_as, target.save_as, entry.description, title)
        owner = page_file(meta.first_page_url) if meta.page_number > 1 else output_file
        entry = self.entries.get(owner)
        if entry is None:
            item = context.get("campaign") or context.get("article") or context.get("page")
            description = describe(context, self.site, self.photos.get(owner, ""))
            job = self._job(owner, description)
            entry = Entry(description, getattr(item, "source_path", None), job)
            self.entries[owner] = entry
            _check_glyphs(self, entry, owner)
            self.drawer.want(job)  # drawn while the rest of the site renders
        description = replace(entry.description, description=meta.description)
        title = (
            meta.heading
            if meta.page_number == 1
            else gettext(context)("%(title)s, page %(number)s")
            % {"title": meta.heading, "number": meta.page_number}
        )
        if meta.illustrative:
            title = labelled_title(title, context)
        return self._card(owner, output_file, description, title)

    def _job(self, owner: str, description: Description) -> CardJob:
        """Return the job of the card of the page at ``owner``."""
        spec = description.spec
        photo = cache.file_digest(spec.photo) if spec.photo else ""
        fmt = "jpeg" if self.card_path(owner).endswith(".jpg") else "png"
        return CardJob(
            spec, self.palette, self.regular, self.bold, fmt, self.max_bytes, self.inputs + photo
        )

    def _card(
        self, owner: str, output_file: str, description: Description, title: str = ""
    ) -> Card:
        """Return the head metadata of the page at ``output_file``, showing ``owner``'s card."""
        path = self.card_path(owner)
        page_url = f"{self.base_url}/{quote(page_path(output_file))}"
        spec = description.spec
        title = title or spec.title
        return Card(
            url=f"{self.base_url}/{quote(path)}",
            path=path,
            mime="image/jpeg" if path.endswith(".jpg") else "image/png",
            alt=description.alt,
            title=title,
            description=description.description,
            page_url=page_url,
            og_type=description.og_type,
            published=description.published,
            share_links=share_links(page_url, title, description.description, spec.hashtag),
        )


class ShareCards(Mapping[str, CardRef]):
    """``context["share_cards"]``: a page's output path -> its card (for the feeds plugin).

    Any HTML output path has a card address, known before the page is written (a page
    whose metadata names a photo has a ``.jpg`` card); iteration lists the pages described.
    """

    def __init__(self, state: State) -> None:
        self._state = state

    def __getitem__(self, save_as: str) -> CardRef:
        if not isinstance(save_as, str) or not save_as.endswith(".html"):
            raise KeyError(save_as)
        url = self._state.card_path(save_as)
        return CardRef(url, mime="image/jpeg" if url.endswith(".jpg") else "image/png")

    def __iter__(self) -> Iterator[str]:
        return iter(self._state.entries)

    def __len__(self) -> int:
        return len(self._state.entries)


def card_stem(output_file: str) -> str:
    """Return a page's card name: ``news/2010/a/index.html`` -> ``news/2010/a``, ``index``."""
    stem = output_file.removesuffix(".html")
    if stem.endswith("/index"):
        stem = stem.removesuffix("/index")
    return stem or "index"


def share_links(page_url: str, title: str, description: str, hashtag: str) -> tuple[ShareLink, ...]:
    """Return the plain share links of a page: X, Facebook, LinkedIn, email, its own link."""
    tweet = {"text": title, "url": page_url}
    if hashtag:
        tweet["hashtags"] = hashtag.lstrip("#")
    mail = {"subject": title, "body": f"{description}\n\n{page_url}" if description else page_url}
    return (
        ShareLink("x", "Share on X", "https://x.com/intent/tweet?" + _query(tweet)),
        ShareLink(
            "facebook",
            "Share on Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + _query({"u": page_url}),
        ),
        ShareLink(
            "linkedin",
            "Share on LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + _query({"url": page_url}),
        ),
        ShareLink("email", "Share by email", "mailto:?" + _query(mail), external=False),
        ShareLink("link", "Link to this page", page_url, external=False),
    )


def _query(values: dict[str, str]) -> str:
    return urlencode(values, quote_via=quote, safe="")


def start(pelican) -> None:
    """Merge the defaults, check the settings and give this build a fresh state."""
    settings = pelican.settings
    apply_defaults(settings, DEFAULTS)
    try:
        check(settings)
        palette = read_palette(colors_css(settings))
    except ShareCardsError as error:
        stop(logger, str(error))
    base_url = (settings["SHARE_CARDS_SITEURL"] or settings.get("SITEURL", "")).rstrip("/")
    if not urlsplit(base_url).scheme:
        logger.warning(
            "share_cards: SITEURL %r is not an absolute address, so og:url and og:image are "
            "not either. Fix: set SITEURL (or SHARE_CARDS_SITEURL) to https://...",
            base_url,
        )
    regular = tuple(str(p) for p in font_paths(settings["SHARE_CARDS_FONTS"]["regular"]))
    bold = tuple(str(p) for p in font_paths(settings["SHARE_CARDS_FONTS"]["bold"]))
    settings[STATE] = State(
        site=site_from_settings(settings),
        base_url=base_url,
        url_pattern=settings["SHARE_CARDS_URL"],
        save_as_pattern=settings["SHARE_CARDS_SAVE_AS"],
        palette=palette,
        regular=regular,
        bold=bold,
        max_bytes=settings["SHARE_CARDS_MAX_BYTES"],
        drawer=cache.Drawer(
            cache_path(settings), cache.worker_count(settings["SHARE_CARDS_WORKERS"]), regular, bold
        ),
        inputs=cache.code_digest() + fonts.digest(regular + bold),
        chains=Fonts(fonts.FontChain(regular), fonts.FontChain(bold)),
    )


def add_template_function(generator) -> None:
    """Give the generator's templates ``share_card()`` and the context ``share_cards``."""
    state: State | None = generator.settings.get(STATE)
    if state is None:
        return

    @pass_context
    def share_card(context) -> Card | None:
        return state.card_for(context)

    generator.env.globals["share_card"] = share_card
    generator.context.setdefault("share_cards", ShareCards(state))


def find_photos(generators) -> None:
    """Record the pages whose metadata names a photo (Image:); report a photo that cannot work."""
    if not generators:
        return
    context = generators[0].context
    state: State | None = context.get(STATE)
    if state is None:
        return
    content_root = Path(context["PATH"])
    for item in _contents(context):
        if "image" in item.metadata and item.save_as:
            photo = _photo(item, content_root)
            if photo:
                state.photos[item.save_as] = photo


def _contents(context: Mapping[str, Any]) -> Iterator[Content]:
    """Yield every content object of the context once (articles, pages, drafts, campaigns...)."""
    seen: set[int] = set()
    for value in list(context.values()):
        if not isinstance(value, list | tuple):
            continue
        for item in value:
            for content in (item, *getattr(item, "translations", ())):
                if isinstance(content, Content) and id(content) not in seen:
                    seen.add(id(content))
                    yield content


def _photo(item: Content, content_root: Path) -> str:
    """Return the file of an item's ``Image:``, or "" when a card cannot use it.

    A missing file or a missing ``Image_alt`` is reported by the content_checks plugin; this
    one reports a file Pillow cannot read. A picture smaller than :data:`MIN_PHOTO` would be
    blown up into a blur, so the page gets the standard card (said at the INFO level).
    """
    raw = str(item.metadata["image"]).strip()
    relative = raw
    for marker in ("{static}", "{attach}", "{filename}"):
        relative = relative.removeprefix(marker)
    if urlsplit(relative).scheme or relative.startswith("//"):
        logger.debug("%s: Image %r is not a file of the site", item.source_path, raw)
        return ""
    base = content_root if relative.startswith("/") else Path(item.source_path).parent
    file = base / relative.lstrip("/")
    if not file.is_file():
        logger.debug("%s: Image %r does not exist", item.source_path, raw)
        return ""
    line = metadata_line(item.source_path, "image")
    try:
        with Image.open(file) as picture:
            size = picture.size
    except (OSError, UnidentifiedImageError):
        report(
            logger,
            item.source_path,
            f"Image {raw!r} is not a picture the share card can read",
            "use a JPEG or PNG file",
            line=line,
        )
        return ""
    if size[0] < MIN_PHOTO[0] or size[1] < MIN_PHOTO[1]:
        logger.info(
            "%s: Image %r is %d x %d pixels, too small to fill a share card (%d x %d at "
            "least); the page gets the standard card",
            display_path(item.source_path),
            raw,
            *size,
            *MIN_PHOTO,
        )
        return ""
    return str(file.resolve())


def _check_glyphs(state: State, entry: Entry, output_file: str) -> None:
    """Report characters of the card that no card font has (they would show as boxes)."""
    spec = entry.description.spec
    texts = (spec.title, spec.kicker, spec.subtitle, spec.deck, spec.hashtag, spec.badge)
    missing: list[str] = []
    for text, weight in zip(
        texts, ("bold", "bold", "regular", "regular", "bold", "bold"), strict=True
    ):
        missing.extend(missing_characters(text, state.chains.chain(weight)))
    if missing:
        shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in dict.fromkeys(missing))
        report(
            logger,
            entry.source or output_file,
            f"the share card has no font for {shown}; they would show as empty boxes",
            "write the title without them, or add a font that has them to SHARE_CARDS_FONTS",
        )


def draw_cards(pelican) -> None:
    """Draw the missing cards in parallel and copy every card into the output."""
    state: State | None = pelican.settings.get(STATE)
    if state is None:
        return
    if is_partial(pelican.settings):
        state.drawer.close()  # a partial build leaves the cards to the full build after it
        return
    output = Path(pelican.settings["OUTPUT_PATH"])
    jobs: dict[Path, CardJob] = {}
    owners: dict[Path, str] = {}
    for output_file, entry in sorted(state.entries.items()):
        target = output / state.card_path(output_file, state.save_as_pattern)
        if target in owners:
            logger.warning(
                "theme: the pages %s and %s would share the card %s. Fix: give one of them "
                "another output path",
                owners[target],
                output_file,
                display_path(target),
            )
            continue
        owners[target] = output_file
        jobs[target] = entry.job
    state.stats = cache.publish(jobs, state.drawer)
    logger.info(
        "share_cards: %d cards, %d drawn, %d from the cache, in %.2f s (largest %d KB)",
        state.stats.cards,
        state.stats.drawn,
        state.stats.cached,
        state.stats.seconds,
        state.stats.largest // 1024,
    )
