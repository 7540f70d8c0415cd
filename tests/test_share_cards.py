"""Share cards (plugins/share_cards): layout as pure functions, drawing, cache, metadata.

- Layout: a title of 200+ characters, one 40-character word, Latin with diacritics, Chinese
  (broken between characters), Arabic (right to left, Arabic font), Russian; the ellipsis
  only when nothing fits; every text block of a layout inside the safe area.
- Drawing: 1200 x 630, within 300 KB, the same bytes for the same job.
- The ``cards`` fixture site: every page's head metadata and card; a second build draws no
  card; changing one title redraws only that card; problems reported with their file.
- The real site: every page has the metadata, one description, and its card on disk.
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from sitebuild import SITES, BuildResult, build, site_overrides

from plugins._common.labels import CARD_BAND, labelled_title
from plugins.share_cards.draw import Renderer
from plugins.share_cards.fonts import FontChain
from plugins.share_cards.icons import ICONS_DIR, PNG_ICONS, SVG_ICON, write_icons
from plugins.share_cards.layouts import BOTTOM_RULE, HEADER, PAD, Fonts, TextLine, layout
from plugins.share_cards.model import HEIGHT, WIDTH, CardJob, CardSpec, Cell
from plugins.share_cards.palette import read_palette
from plugins.share_cards.plugin import STATE, ShareCards, card_stem
from plugins.share_cards.settings import DEFAULTS, font_paths
from plugins.share_cards.text import (
    ELLIPSIS,
    NO_LINE_START,
    Block,
    base_rtl,
    bidi_levels,
    break_points,
    fit,
    visual_order,
)

pytestmark = pytest.mark.plugin("share_cards")

PROJECT = Path(__file__).resolve().parent.parent
MAX_BYTES = 300 * 1024
LONG_TITLE = (
    "Trafficking in persons: how survivors, prosecutors, shelters and labor inspectors worked "
    "together across borders to identify victims, refer them to care and bring the traffickers "
    "who exploited them to justice"
)
LONG_WORD = "Antidisestablishmentarianismwordsmithery"
DIACRITICS = "Côte d'Ivoire, São Tomé and Príncipe and Curaçao in the 2010 report"
CHINESE = "2010年人口贩运问题报告首次对美国进行排名：保护、预防和起诉——“三P”模式"
ARABIC = "تقرير الاتجار بالأشخاص لعام 2010 يصنف الولايات المتحدة لأول مرة"
RUSSIAN = "Доклад о торговле людьми за 2010 год впервые оценивает Соединённые Штаты"
SIZES = tuple(range(76, 39, -4))
BRAND = {
    "brand_department": "U.S. Department of State",
    "brand_name": "Office to Monitor and Combat Trafficking in Persons",
}


@pytest.fixture(scope="module")
def bold() -> FontChain:
    """The bold font chain of the default settings (Noto Sans, Arabic, CJK)."""
    return FontChain(tuple(str(p) for p in font_paths(DEFAULTS["SHARE_CARDS_FONTS"]["bold"])))


@pytest.fixture(scope="module")
def fonts(bold: FontChain) -> Fonts:
    """Both weights of the default font chains."""
    regular = DEFAULTS["SHARE_CARDS_FONTS"]["regular"]
    return Fonts(FontChain(tuple(str(p) for p in font_paths(regular))), bold)


def _fits(block: Block, width: float, height: float) -> None:
    assert block.height <= height + 0.01, (block.height, height)
    for line in block.lines:
        assert line.width <= width + 0.01, (line.text, line.width, width)
        right = max((piece.x + piece.width for piece in line.pieces), default=0)
        assert right <= width + 0.01


def _words(block: Block) -> list[str]:
    """Return the words of a left-to-right block, line by line."""
    return " ".join(line.text for line in block.lines).split()


# --- Layout: pure functions ------------------------------------------------------------------


def test_long_title_shrinks_to_fit_without_cutting_a_word(bold: FontChain) -> None:
    """A title of over 200 characters fits the box at a smaller size, every word whole."""
    assert len(LONG_TITLE) > 200
    block = fit(LONG_TITLE, bold, width=1056, height=300, sizes=SIZES, max_lines=5)
    _fits(block, 1056, 300)
    assert not block.truncated
    assert block.size < SIZES[0]
    assert _words(block) == LONG_TITLE.split()


def test_one_long_word_shrinks_and_stays_whole(bold: FontChain) -> None:
    """A single 40-character word is shrunk onto one line, never cut."""
    assert len(LONG_WORD) == 40
    block = fit(LONG_WORD, bold, width=1056, height=300, sizes=SIZES)
    _fits(block, 1056, 300)
    assert [line.text for line in block.lines] == [LONG_WORD]
    assert not block.truncated
    assert block.size < SIZES[0]


def test_ellipsis_only_when_the_smallest_size_overflows(bold: FontChain) -> None:
    """Text that cannot fit at the smallest size ends, after a whole word, with an ellipsis."""
    block = fit(LONG_TITLE, bold, width=600, height=120, sizes=(40, 36))
    _fits(block, 600, 120)
    assert block.truncated and block.size == 36
    assert block.lines[-1].text.endswith(ELLIPSIS)
    kept = " ".join(line.text for line in block.lines).removesuffix(ELLIPSIS).split()
    assert kept == LONG_TITLE.split()[: len(kept)]
    roomy = fit(LONG_TITLE, bold, width=600, height=2000, sizes=(40, 36))
    assert not roomy.truncated


def test_a_word_wider_than_the_box_is_cut_only_as_a_last_resort(bold: FontChain) -> None:
    block = fit(LONG_WORD, bold, width=300, height=100, sizes=(40, 30))
    _fits(block, 300, 100)
    assert block.truncated
    assert len(block.lines) == 1
    text = block.lines[0].text
    assert text.endswith(ELLIPSIS) and LONG_WORD.startswith(text.removesuffix(ELLIPSIS))


def test_latin_with_diacritics_uses_the_latin_font_and_composed_letters(bold: FontChain) -> None:
    """Decomposed input (o + combining circumflex) is composed, and Noto Sans draws it all."""
    decomposed = unicodedata.normalize("NFD", DIACRITICS)
    block = fit(decomposed, bold, width=1056, height=300, sizes=SIZES)
    assert " ".join(line.text for line in block.lines) == DIACRITICS
    assert {piece.font for line in block.lines for piece in line.pieces} == {0}
    assert not block.rtl


def test_russian_uses_the_latin_font(bold: FontChain) -> None:
    block = fit(RUSSIAN, bold, width=1056, height=300, sizes=SIZES)
    assert {piece.font for line in block.lines for piece in line.pieces} == {0}
    assert _words(block) == RUSSIAN.split()


def test_chinese_breaks_between_characters(bold: FontChain) -> None:
    """Chinese has no spaces: lines break between characters, never before closing punctuation."""
    block = fit(CHINESE, bold, width=600, height=400, sizes=(48,))
    _fits(block, 600, 400)
    assert len(block.lines) >= 3
    assert "".join(line.text for line in block.lines) == CHINESE
    for line in block.lines[1:]:
        assert line.text[0] not in NO_LINE_START, line.text
    assert 2 in {piece.font for line in block.lines for piece in line.pieces}  # Noto Sans CJK


def test_chinese_break_points_respect_punctuation() -> None:
    # Between any two characters, except before "：" (2) and "、" (5).
    assert break_points("报告：保护、预防") == [1, 3, 4, 6, 7]
    assert break_points("well-known words") == [5, 11]  # after the hyphen, after the space


def test_arabic_is_right_to_left_in_the_arabic_font(bold: FontChain) -> None:
    """An Arabic title is a right-to-left paragraph; its first word is drawn rightmost."""
    assert base_rtl(ARABIC)
    block = fit(ARABIC, bold, width=700, height=400, sizes=(48,))
    _fits(block, 700, 400)
    assert block.rtl and len(block.lines) >= 2
    first_line = block.lines[0]
    letters = [p for p in first_line.pieces if p.text.strip() and not p.text.strip().isdigit()]
    assert all(piece.font == 1 and piece.rtl for piece in letters)
    rightmost = max(first_line.pieces, key=lambda piece: piece.x)
    assert rightmost.text.strip() == ARABIC.split()[0]
    number = next(p for line in block.lines for p in line.pieces if p.text.strip() == "2010")
    assert not number.rtl  # digits read left to right inside Arabic text


def test_mixed_direction_levels_and_order() -> None:
    """Latin inside Arabic takes an even level and keeps its order; Arabic inside Latin flips."""
    assert bidi_levels("ab جد", rtl=False) == [0, 0, 0, 1, 1]
    assert bidi_levels("جد ab", rtl=True) == [1, 1, 1, 2, 2]
    assert visual_order([0, 1, 1, 0]) == [0, 2, 1, 3]
    assert visual_order([1, 2, 2, 1]) == [3, 1, 2, 0]


def _spec(**fields) -> CardSpec:
    return CardSpec(**{"kind": "article", "title": "A title", **BRAND, **fields})


SPECS = {
    "long title": _spec(title=LONG_TITLE, kicker="News · Stories", subtitle="14 June 2010"),
    "long word": _spec(title=LONG_WORD, subtitle="14 June 2010"),
    "arabic": _spec(title=ARABIC, subtitle="4 July 2010"),
    "chinese": _spec(title=CHINESE, subtitle="5 July 2010"),
    "country": _spec(
        kind="country",
        title="São Tomé and Príncipe",
        kicker="TIP Report · Country",
        subtitle="Africa",
        badge="Tier 2 Watch List",
        badge_tier="2WL",
        badge_caption="in the 2015 report",
        cells=tuple(Cell("2WL", str(year), "2WL") for year in range(2001, 2016)),
        cells_caption="Tier in each report, 2001–2015",
    ),
    "campaign": _spec(
        kind="campaign", title=LONG_TITLE, kicker="Campaign", hashtag="#KnowTheSigns"
    ),
    "sample campaign": _spec(
        kind="campaign",
        title=LONG_TITLE,
        kicker="Campaign",
        hashtag="#KnowTheSigns",
        band=CARD_BAND,
    ),
    "sample article": _spec(
        title=LONG_TITLE, kicker="News · Stories", subtitle="14 June 2010", band=CARD_BAND
    ),
    "home": _spec(kind="home", title=LONG_TITLE, deck=LONG_TITLE),
}


@pytest.mark.parametrize("name", SPECS)
def test_every_text_stays_in_the_safe_area(name: str, fonts: Fonts) -> None:
    """No text block of any layout leaves the margins, the header or the bottom rule."""
    palette = read_palette(PROJECT / "theme" / "static" / "css" / "site.css")
    plan = layout(SPECS[name], palette, fonts)
    body = [p for p in plan.placed if p.role not in ("department", "office")]
    assert any(p.role == "title" for p in body)
    for placed in plan.placed:
        _fits(placed.block, placed.width, placed.block.height)
        assert placed.x >= PAD - 0.01 and placed.x + placed.width <= WIDTH - PAD + 0.01
    for placed in body:
        assert placed.y >= HEADER, placed.role
        assert placed.bottom <= HEIGHT - BOTTOM_RULE, (placed.role, placed.bottom)
    for shape in plan.shapes:
        if isinstance(shape, TextLine):
            line = shape.block.lines[shape.index]
            assert shape.x >= PAD - 0.01 and shape.x + line.width <= WIDTH - PAD + 0.01


def test_a_sample_card_shows_its_band_under_the_brand_and_others_do_not(fonts: Fonts) -> None:
    palette = read_palette(PROJECT / "theme" / "static" / "css" / "site.css")
    banded = layout(SPECS["sample article"], palette, fonts)
    band = next(p for p in banded.placed if p.role == "band")
    assert band.block.lines[0].text == CARD_BAND.upper()
    title = next(p for p in banded.placed if p.role == "title")
    assert HEADER < band.y < band.bottom < title.y  # read before the title
    plain = layout(SPECS["long title"], palette, fonts)
    assert all(p.role != "band" for p in plain.placed)


# --- Drawing ---------------------------------------------------------------------------------


def _job(spec: CardSpec, fmt: str = "png") -> CardJob:
    fonts = DEFAULTS["SHARE_CARDS_FONTS"]
    return CardJob(
        spec,
        read_palette(PROJECT / "theme" / "static" / "css" / "site.css"),
        tuple(str(p) for p in font_paths(fonts["regular"])),
        tuple(str(p) for p in font_paths(fonts["bold"])),
        fmt,
        MAX_BYTES,
    )


def render(job: CardJob) -> bytes:
    """Draw one card with a renderer of its own, as a fresh worker process would."""
    return Renderer(job.regular, job.bold).render(job)


@pytest.mark.parametrize("name", ["country", "arabic", "chinese"])
def test_card_is_1200_by_630_within_budget_and_reproducible(name: str) -> None:
    job = _job(SPECS[name])
    data = render(job)
    assert data == render(job)
    # A renderer that drew other cards first gives the same bytes: no order dependence.
    busy = Renderer(job.regular, job.bold)
    for other in SPECS.values():
        busy.render(_job(other))
    assert busy.render(job) == data
    assert len(data) <= MAX_BYTES
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))


def test_the_first_card_of_a_kind_does_not_change_the_others() -> None:
    """Cards of one kind share a palette; which card a worker draws first must not matter."""
    country = SPECS["country"]
    tier3 = replace(country, badge="Tier 3", badge_tier="3", cells=country.cells[:3])
    for first, then in (
        (tier3, country),
        (SPECS["sample article"], SPECS["long title"]),
        (SPECS["long title"], SPECS["sample article"]),
        (SPECS["sample campaign"], SPECS["campaign"]),
    ):
        alone = render(_job(then))
        busy = Renderer(*_fonts_of(_job(then)))
        busy.render(_job(first))
        assert busy.render(_job(then)) == alone, then.title


def _fonts_of(job: CardJob) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return job.regular, job.bold


def test_photo_card_is_a_jpeg_within_budget() -> None:
    photo = SITES / "cards" / "content" / "images" / "photo.jpg"
    data = render(_job(_spec(title=LONG_TITLE, photo=str(photo), photo_alt="Houses"), "jpeg"))
    assert len(data) <= MAX_BYTES
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (WIDTH, HEIGHT))


def test_card_key_changes_with_any_input() -> None:
    job = _job(SPECS["country"])
    assert job.key == _job(SPECS["country"]).key
    assert job.key != _job(replace(SPECS["country"], title="Other")).key


def test_card_names_follow_the_page_path() -> None:
    assert card_stem("index.html") == "index"
    assert card_stem("news/2010/slug/index.html") == "news/2010/slug"
    assert card_stem("news/page/2/index.html") == "news/page/2"
    assert card_stem("404.html") == "404"


# --- The cards fixture site ------------------------------------------------------------------


def _copy_site(base: Path) -> Path:
    target = base / "site"
    shutil.copytree(SITES / "cards", target)
    return target


def _build(site: Path, output: str, cache: Path, *, publish: bool = True) -> BuildResult:
    overrides = {**site_overrides(site), "SHARE_CARDS_CACHE_PATH": str(cache)}
    return build(site / "content", site / output, publish=publish, overrides=overrides)


@pytest.fixture(scope="module")
def cards_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the cards fixture site once (publish settings, its own empty cache)."""
    base = tmp_path_factory.mktemp("cards")
    return _build(_copy_site(base), "output", base / "cache")


def _meta(soup: BeautifulSoup, key: str) -> list[str]:
    attribute = "name" if key.startswith(("twitter:", "description")) else "property"
    return [str(tag.get("content", "")) for tag in soup.find_all("meta", attrs={attribute: key})]


def _card_file(site: BuildResult, image_url: str) -> Path:
    base = site.siteurl.rstrip("/")
    assert image_url.startswith(f"{base}/"), image_url
    return site.output / image_url.removeprefix(f"{base}/")


def _site_path(site: BuildResult, url: str) -> str:
    """Return the output path of an absolute address of the site."""
    return url.removeprefix(site.siteurl.rstrip("/") + "/")


def _check_page(site: BuildResult, page: Path) -> Iterator[str]:
    """Yield what is wrong with one page's share metadata and card."""
    soup = site.html(page.as_posix())
    name = page.as_posix()
    for key in (
        "description",
        "og:title",
        "og:description",
        "og:type",
        "og:url",
        "og:image",
        "og:image:width",
        "og:image:height",
        "og:image:alt",
        "og:site_name",
        "twitter:card",
        "twitter:image:alt",
    ):
        values = _meta(soup, key)
        if len(values) != 1 or not values[0].strip():
            yield f"{name}: {key} is {values}"
    title = (_meta(soup, "og:title") or [""])[0]
    # A redirect from an old address shares the page it sends to: its title, address, card.
    canonical = str(soup.find("link", rel="canonical")["href"])
    redirect = soup.find("meta", attrs={"http-equiv": "refresh"}) is not None
    shown = site.html(_site_path(site, canonical)) if redirect else soup
    h1 = shown.find("h1")
    # collapse the markup's line breaks, not the no-break spaces French typography puts in
    heading = re.sub(r"[ \t\r\n]+", " ", h1.get_text()).strip() if h1 is not None else ""
    if shown.select_one(".notice--illustrative"):
        heading = labelled_title(heading)  # a sample's title says it is one, wherever shared
    if h1 is not None and title != heading:
        yield f"{name}: og:title {title!r} is not the <h1> {h1.get_text()!r}"
    if _meta(soup, "twitter:card") != ["summary_large_image"]:
        yield f"{name}: twitter:card is {_meta(soup, 'twitter:card')}"
    page_url = (_meta(soup, "og:url") or [""])[0]
    expected = f"{site.siteurl.rstrip('/')}/{name.removesuffix('index.html')}"
    if redirect:
        expected = canonical
    if page_url != expected:
        yield f"{name}: og:url is {page_url!r}, not {expected!r}"
    if _meta(soup, "og:image:width") != ["1200"] or _meta(soup, "og:image:height") != ["630"]:
        yield f"{name}: og:image size is not 1200 x 630"
    image_url = (_meta(soup, "og:image") or [""])[0]
    if not urlsplit(image_url).scheme:
        yield f"{name}: og:image {image_url!r} is not absolute"
        return
    file = _card_file(site, image_url)
    if not file.is_file():
        yield f"{name}: its card {file} does not exist"
        return
    if file.stat().st_size > MAX_BYTES:
        yield f"{name}: its card weighs {file.stat().st_size} bytes"
    with Image.open(file) as image:
        if image.size != (WIDTH, HEIGHT):
            yield f"{name}: its card is {image.size}"


def _problems(site: BuildResult) -> list[str]:
    return [problem for page in site.pages() for problem in _check_page(site, page)]


def test_fixture_builds_without_warnings(cards_site: BuildResult) -> None:
    assert cards_site.warnings == []


def test_fixture_every_page_has_metadata_and_its_card(cards_site: BuildResult) -> None:
    problems = _problems(cards_site)
    assert problems == [], "\n".join(problems[:30])


@pytest.mark.parametrize(
    ("page", "card", "og_type"),
    [
        ("news/2010/arabic/", "cards/news/2010/arabic.png", "article"),
        ("news/2010/chinese/", "cards/news/2010/chinese.png", "article"),
        ("news/2010/photo/", "cards/news/2010/photo.jpg", "article"),
        ("campaigns/know-the-signs/", "cards/campaigns/know-the-signs.png", "article"),
        ("countries/ghana/", "cards/countries/ghana.png", "website"),
        ("", "cards/index.png", "website"),
    ],
)
def test_fixture_card_address_and_type(
    cards_site: BuildResult, page: str, card: str, og_type: str
) -> None:
    soup = cards_site.html(page)
    assert _meta(soup, "og:image") == [f"{cards_site.siteurl}/{card}"]
    assert _meta(soup, "og:type") == [og_type]
    assert (cards_site.output / card).is_file()


def test_photo_card_describes_the_photo(cards_site: BuildResult) -> None:
    soup = cards_site.html("news/2010/photo/")
    alt = _meta(soup, "og:image:alt")[0]
    assert "Evening light over a row of houses and hills" in alt
    assert _meta(soup, "og:image:type") == ["image/jpeg"]
    cards = ShareCards(cards_site.settings[STATE])
    assert cards["news/2010/photo/index.html"].url == "cards/news/2010/photo.jpg"
    assert cards["news/2010/arabic/index.html"].url == "cards/news/2010/arabic.png"
    assert cards.get("feeds/all.atom.xml") is None


@pytest.mark.parametrize("page", ["news/2010/diacritics/", "campaigns/know-the-signs/"])
def test_share_links_are_plain_links(cards_site: BuildResult, page: str) -> None:
    """X, Facebook, LinkedIn, email and the page's own address; no script, no tracking."""
    soup = cards_site.html(page)
    section = soup.find("section", class_="share-links")
    assert section is not None
    assert section.find("script") is None
    hrefs = [a["href"] for a in section.find_all("a")]
    hosts = [urlsplit(href).netloc or urlsplit(href).scheme for href in hrefs]
    assert hosts == ["x.com", "www.facebook.com", "www.linkedin.com", "mailto", "example.org"]
    page_url = f"{cards_site.siteurl}/{page}"
    assert hrefs[-1] == page_url
    assert all(a.get_text(strip=True) for a in section.find_all("a"))
    if page.startswith("campaigns/"):
        assert "hashtags=KnowTheSigns" in hrefs[0]


def test_second_build_draws_no_card_and_one_title_redraws_one(tmp_path: Path) -> None:
    """The cache: nothing is drawn again; a changed title redraws that card alone."""
    site = _copy_site(tmp_path)
    cache = tmp_path / "cache"
    first = _build(site, "first", cache)
    assert first.warnings == []
    stats = first.settings[STATE].stats
    assert stats.drawn > 30 and stats.cached == 0
    before = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}

    second = _build(site, "second", cache)
    assert second.settings[STATE].stats.drawn == 0
    assert second.settings[STATE].stats.cached == stats.cards
    after = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    assert after == before

    story = site / "content" / "news" / "diacritics.md"
    story.write_text(
        story.read_text(encoding="utf-8").replace("in the 2010 report", "in the 2011 report"),
        encoding="utf-8",
    )
    third = _build(site, "third", cache)
    assert third.settings[STATE].stats.drawn == 1
    new = [path for path in cache.rglob("*") if path.is_file() and path not in before]
    assert len(new) == 1
    changed = [
        card.relative_to(third.output).as_posix()
        for card in sorted((third.output / "cards").rglob("*.*"))
        if card.read_bytes() != (second.output / card.relative_to(third.output)).read_bytes()
    ]
    assert changed == ["cards/news/2010/diacritics.png"]


def test_small_photo_is_not_used_and_missing_glyphs_are_reported(tmp_path: Path) -> None:
    """A picture too small for a card gives the standard card; a missing glyph is reported."""
    site = _copy_site(tmp_path)
    news = site / "content" / "news"
    Image.new("RGB", (300, 200), "#336699").save(site / "content" / "images" / "small.png")
    header = "Category: Stories\nSummary: A story.\n"
    (news / "small-photo.md").write_text(
        "Title: A story with a small picture\nSlug: small-photo\nDate: 2010-08-01\n"
        f"Image: {{static}}/images/small.png\nImage_alt: A blue square\n{header}\nText.\n",
        encoding="utf-8",
    )
    (news / "emoji.md").write_text(
        f"Title: A story with a smile 🙂\nSlug: emoji\nDate: 2010-08-02\n{header}\nText.\n",
        encoding="utf-8",
    )
    result = _build(site, "output", tmp_path / "cache", publish=False)
    assert len(result.warnings) == 1, result.warnings
    assert "emoji.md: the share card has no font for '🙂' (U+1F642)" in result.warnings[0]
    assert (result.output / "cards" / "news" / "2010" / "small-photo.png").is_file()
    assert (result.output / "cards" / "news" / "2010" / "emoji.png").is_file()


# --- The real site ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("build_name", ["real_site", "real_site_preview"])
def test_real_site_every_page_has_metadata_and_its_card(
    build_name: str, request: pytest.FixtureRequest
) -> None:
    """Every page: one description, og and twitter metadata, its card on disk within budget."""
    site: BuildResult = request.getfixturevalue(build_name)
    problems = _problems(site)
    assert problems == [], f"{len(problems)} problem(s):\n" + "\n".join(problems[:30])


@pytest.mark.slow
def test_real_site_news_and_campaigns_are_articles(real_site: BuildResult) -> None:
    news = [p for p in real_site.pages() if p.as_posix().startswith("news/20")]
    articles = [p for p in news if len(p.parts) == 4]  # news/<year>/<slug>/index.html
    assert articles
    for page in articles:
        if real_site.html(page.as_posix()).find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect page left at an old address (plugins/seo)
        assert _meta(real_site.html(page.as_posix()), "og:type") == ["article"], page
    campaigns = [p for p in real_site.pages() if p.parts[0] == "campaigns" and len(p.parts) == 3]
    for page in campaigns:
        soup = real_site.html(page.as_posix())
        assert _meta(soup, "og:type") == ["article"], page
        assert soup.find("section", class_="share-links") is not None, page
    for page in ("countries/albania/", "news/2010/2010-tip-report-ranks-the-united-states/"):
        assert real_site.html(page).find("section", class_="share-links") is not None, page
    assert _meta(real_site.html("countries/"), "og:type") == ["website"]


def test_the_committed_icons_are_what_the_mark_draws(tmp_path: Path) -> None:
    """theme/static/img/icons/ holds exactly what `invoke icons` draws from the stylesheet."""
    static = PROJECT / "theme" / "static"
    drawn = write_icons(tmp_path, static / "css" / "site.css")
    assert sorted(path.name for path in drawn) == sorted([*PNG_ICONS, SVG_ICON])
    stale = [
        path.name
        for path in drawn
        if path.read_bytes() != (static / ICONS_DIR / path.name).read_bytes()
    ]
    assert stale == [], f"run `invoke icons`: {stale} differ from what the code draws"
    for name, (size, _) in PNG_ICONS.items():
        with Image.open(tmp_path / name) as icon:
            assert icon.size == (size, size)
