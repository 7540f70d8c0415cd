"""Markdown rendering on the ``minimal`` site: aligned tables, footnotes, table of contents.

Tests marked ``plugin("markup")`` check plugins.markup (table alignment written as classes
align-left/center/right instead of style attributes); the others check the Markdown
extensions configured in pelicanconf.py.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import BuildResult

ABOUT = "about/"


def _table(soup: BeautifulSoup) -> Tag:
    table = soup.find("table")
    assert isinstance(table, Tag), "the about page has no <table>"
    return table


def _column(table: Tag, index: int) -> list[Tag]:
    return [row.find_all(["th", "td"])[index] for row in table.find_all("tr")]


@pytest.mark.plugin("markup")
@pytest.mark.parametrize(
    ("index", "css_class"), [(0, "align-left"), (1, "align-center"), (2, "align-right")]
)
def test_aligned_column_gets_class(
    minimal_preview: BuildResult, index: int, css_class: str
) -> None:
    """Every cell (header and body) of an aligned column carries the alignment class."""
    cells = _column(_table(minimal_preview.html(ABOUT)), index)
    assert len(cells) == 3
    for cell in cells:
        assert css_class in cell.get_attribute_list("class"), str(cell)


@pytest.mark.plugin("markup")
def test_unaligned_column_has_no_alignment(minimal_preview: BuildResult) -> None:
    """A column without ':' in its separator gets neither an align-* class nor a style."""
    for cell in _column(_table(minimal_preview.html(ABOUT)), 3):
        classes = [c for c in cell.get_attribute_list("class") if c]
        assert not any(c.startswith("align-") for c in classes), str(cell)
        assert not cell.has_attr("style"), str(cell)


@pytest.mark.plugin("markup")
def test_no_style_attribute_anywhere(minimal_preview: BuildResult) -> None:
    """No written page carries a style= attribute (the site's CSP forbids inline styles)."""
    offenders = [
        f"{page}: {element.name} style={element['style']!r}"
        for page in minimal_preview.pages()
        for element in minimal_preview.html(page.as_posix()).find_all(style=True)
    ]
    assert offenders == []


def test_footnote_reference_leads_to_note(minimal_preview: BuildResult) -> None:
    """A footnote reference links to its note, and the note links back with a titled link."""
    soup = minimal_preview.html(ABOUT)
    reference = soup.select_one("sup a.footnote-ref")
    assert reference is not None
    note = soup.find(id=str(reference["href"]).removeprefix("#"))
    assert isinstance(note, Tag)
    assert "Trafficking in Persons Report 2010" in note.get_text()
    backlink = note.find("a", class_="footnote-backref")
    assert isinstance(backlink, Tag)
    sup = reference.find_parent("sup")
    assert sup is not None
    assert backlink["href"] == f"#{sup['id']}"
    assert backlink["title"] == "Back to reference 1"


def test_toc_lists_section_headings(minimal_preview: BuildResult) -> None:
    """[TOC] lists the h2 and h3 headings, in order, each linking to the heading's id."""
    soup = minimal_preview.html(ABOUT)
    toc = soup.select_one("div.toc")
    assert toc is not None
    hrefs = [str(a["href"]) for a in toc.find_all("a")]
    assert hrefs == ["#tier-placements", "#how-tiers-are-set", "#further-reading"]
    for href in hrefs:
        heading = soup.find(id=href.removeprefix("#"))
        assert isinstance(heading, Tag), href
        assert heading.name in ("h2", "h3"), href
    nested = toc.select_one("li ul a")
    assert nested is not None
    assert nested["href"] == "#how-tiers-are-set"


def test_link_to_a_heading_of_another_page(minimal_preview: BuildResult) -> None:
    """A {filename}...#fragment link keeps its fragment, and the fragment exists there."""
    link = minimal_preview.html(ABOUT).find("a", string="second story")
    assert isinstance(link, Tag)
    assert str(link["href"]).endswith("news/2024/second-story/#what-changed")
    target = minimal_preview.html("news/2024/second-story/")
    assert target.find(id="what-changed") is not None
