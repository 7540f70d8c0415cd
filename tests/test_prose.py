"""What Markdown does to prose (plugins.markup), on the ``minimal`` and ``bad_content`` sites.

External links get rel="noopener" and the class "external" (internal ones, even absolute
under SITEURL, get neither); tables sit in a keyboard-scrollable region; content images get
their size and load lazily; headings get a named link to themselves; an image without alt
text is reported with its source file and line.
"""

from __future__ import annotations

import pytest
from bs4 import Tag
from PIL import Image
from sitebuild import SITES, Builder, BuildResult

pytestmark = pytest.mark.plugin("markup")

SECOND = "news/2024/second-story/"
EXTERNAL = "https://www.unodc.org/"


@pytest.mark.parametrize("build", ["minimal_preview", "minimal_publish"])
def test_external_link_gets_noopener(build: str, request: pytest.FixtureRequest) -> None:
    """The external link's rel holds noopener, and it is marked external."""
    site: BuildResult = request.getfixturevalue(build)
    link = site.html(SECOND).find("a", href=EXTERNAL)
    assert isinstance(link, Tag)
    assert "noopener" in link.get_attribute_list("rel"), str(link)
    assert "external" in link.get_attribute_list("class"), str(link)


@pytest.mark.parametrize("build", ["minimal_preview", "minimal_publish"])
def test_internal_link_is_left_alone(build: str, request: pytest.FixtureRequest) -> None:
    """A link to our own page (absolute under SITEURL when published) is not marked external."""
    site: BuildResult = request.getfixturevalue(build)
    link = site.html(SECOND).find("a", string="first story")
    assert isinstance(link, Tag)
    assert "noopener" not in link.get_attribute_list("rel"), str(link)
    assert "external" not in link.get_attribute_list("class"), str(link)


def test_table_sits_in_a_scroll_region(minimal_preview: BuildResult) -> None:
    """A table's wrapper is a focusable, named region, so keyboard users can scroll it."""
    table = minimal_preview.html("about/").find("table")
    assert isinstance(table, Tag)
    wrapper = table.parent
    assert isinstance(wrapper, Tag)
    assert wrapper.name == "div", str(wrapper)[:200]
    assert wrapper.get("role") == "region"
    assert wrapper.get("tabindex") == "0"
    assert wrapper.get("aria-label") or wrapper.get("aria-labelledby")


def test_content_image_loads_lazily_with_its_size(minimal_preview: BuildResult) -> None:
    """A content image gets loading="lazy", decoding="async" and its file's size."""
    image = minimal_preview.html(SECOND).find("img", alt="A tiny test pixel")
    assert isinstance(image, Tag)
    assert image.get("loading") == "lazy"
    assert image.get("decoding") == "async"
    with Image.open(SITES / "minimal/content/images/pixel.png") as picture:
        assert (image.get("width"), image.get("height")) == tuple(map(str, picture.size))


@pytest.mark.parametrize(
    ("page", "heading_id"),
    [
        ("about/", "tier-placements"),
        ("about/", "how-tiers-are-set"),
        (SECOND, "what-changed"),
    ],
)
def test_heading_gets_an_anchor(minimal_preview: BuildResult, page: str, heading_id: str) -> None:
    """A content heading carries (or is followed by) a link to its own id."""
    heading = minimal_preview.html(page).find(id=heading_id)
    assert isinstance(heading, Tag)
    anchor = heading.find("a", href=f"#{heading_id}")
    assert isinstance(anchor, Tag), str(heading)
    assert "heading-anchor" in anchor.get_attribute_list("class")
    # A screen reader hears where the link goes, not "number sign".
    name = heading.get_text().removesuffix(anchor.get_text()).strip()
    assert anchor.get("aria-label") == f"Link to this section: {name}", str(anchor)


def test_image_without_alt_is_reported(build_site: Builder) -> None:
    """An image with no alt text is logged, naming the file it came from."""
    result = build_site("bad_content")
    messages = [m for m in result.warnings if "missing-alt" in m]
    assert messages, result.warnings
    assert any("alt" in m.replace("missing-alt", "") for m in messages), messages
    assert any(m.split(": ", 1)[0].endswith("missing-alt.md:7") for m in messages), messages


def test_a_phone_number_in_the_text_dials_and_one_in_code_does_not(
    minimal_preview: BuildResult,
) -> None:
    """A number in running text becomes a tel: link; the same number in `code` stays text."""
    intro = minimal_preview.html("get-help/").select_one(".get-help__intro")
    links = intro.select("a.tel")
    assert [(a.get_text(), a["href"]) for a in links] == [("1-888-373-7888", "tel:+18883737888")]
    assert intro.code.get_text() == "1-888-373-7888" and intro.code.a is None


def test_a_heading_link_stays_with_the_last_word(minimal_preview: BuildResult) -> None:
    """The "#" link and the heading's last word share a no-wrap span: never "#" alone."""
    heading = minimal_preview.html("about/").find("h3", id="how-tiers-are-set")
    span = heading.select_one("span.nowrap")
    assert span is not None, str(heading)
    assert span.get_text() == "set#"
    assert span.a is not None and "heading-anchor" in span.a["class"]
    assert heading.get_text() == "How tiers are set#"


def test_an_empty_corner_header_cell_is_a_data_cell(minimal_preview: BuildResult) -> None:
    """`| | 2001 |` writes an empty <td> in the corner, not an empty <th> (axe: empty header)."""
    tables = minimal_preview.html("about/").find_all("table")
    corner = tables[1].thead.tr.find(["th", "td"])
    assert corner.name == "td" and corner.get_text(strip=True) == ""
    assert [th.get_text() for th in tables[1].thead.find_all("th")] == ["2001", "2010"]
