"""plugins.writer on the ``minimal`` fixture site: every file written once, and only if changed.

A rebuild with no change rewrites no file (same bytes, same modification time); an edit
rewrites the files it changes and leaves the others; a page that would write where the site
writes one of its own gives one message naming it, and the build goes on; a partial build
(the live preview's first step) writes the edited post's page alone, and none of the files
about the whole site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import SITES, BuildResult, build, site_overrides

pytestmark = pytest.mark.plugin("writer")

FIRST = "news/2024/first-story/index.html"
ABOUT = "about/index.html"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    return site


def _build(site: Path, output: Path, **overrides) -> BuildResult:
    settings = {**site_overrides(site), "CACHE_PATH": str(site / "cache"), **overrides}
    return build(site / "content", output, overrides=settings)


def _stamps(output: Path) -> dict[str, tuple[int, int]]:
    """Return each file's inode and modification time: both change when a file is rewritten."""
    return {
        file.relative_to(output).as_posix(): (file.stat().st_ino, file.stat().st_mtime_ns)
        for file in sorted(output.rglob("*"))
        if file.is_file()
    }


def test_a_rebuild_with_no_change_rewrites_no_file(tmp_path: Path) -> None:
    site = _site(tmp_path)
    output = tmp_path / "output"
    first = _build(site, output)
    assert first.warnings == []
    before = _stamps(output)
    assert len(before) > 50
    second = _build(site, output)
    assert second.warnings == []
    assert _stamps(output) == before


def test_an_edit_rewrites_what_it_changes_and_nothing_else(tmp_path: Path) -> None:
    site = _site(tmp_path)
    output = tmp_path / "output"
    _build(site, output)
    before = _stamps(output)
    story = site / "content" / "news" / "first-story.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    _build(site, output)
    after = _stamps(output)
    changed = {name for name in after if after[name] != before.get(name)}
    assert FIRST in changed
    assert "One more sentence." in (output / FIRST).read_text(encoding="utf-8")
    assert ABOUT not in changed  # the about page does not show the story's text
    assert len(changed) < len(after) / 2, sorted(changed)


def test_a_page_where_the_site_writes_a_list_is_named_and_the_build_goes_on(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path)
    page = site / "content" / "pages" / "campaigns.md"
    page.write_text("Title: Our campaigns\n\nA page of our own.\n", encoding="utf-8")
    result = _build(site, tmp_path / "output")
    collisions = [w for w in result.warnings if "which the site writes itself" in w]
    assert len(collisions) == 1, result.warnings
    assert "pages/campaigns.md" in collisions[0]
    assert "campaigns/index.html" in collisions[0] and "Fix: give it another Slug:" in collisions[0]
    assert "Our campaigns" in (tmp_path / "output" / "campaigns/index.html").read_text("utf-8")
    assert (tmp_path / "output" / FIRST).is_file()  # the rest of the site was written


def test_a_partial_build_writes_the_edited_page_alone(tmp_path: Path) -> None:
    site = _site(tmp_path)
    output = tmp_path / "output"
    story = site / "content" / "news" / "first-story.md"
    result = _build(site, output, WRITER_CHANGED_SOURCES=[str(story)])
    assert result.warnings == []
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    assert pages == [FIRST]
    for whole_site in ("feeds", "cards", "sitemap.xml", "robots.txt", "data"):
        assert not (output / whole_site).exists(), whole_site


def test_a_page_whose_rendering_fails_is_not_written_even_when_collected_later(
    tmp_path: Path,
) -> None:
    import gc

    from plugins.writer.writer import OnceWriter

    writer = OnceWriter(str(tmp_path), settings={"RELATIVE_URLS": False, "SITEURL": ""})
    page = tmp_path / "page" / "index.html"
    kept = None
    with pytest.raises(KeyboardInterrupt), writer._open_w(str(page), "utf-8") as buffer:
        kept = buffer  # what a traceback's frame holds on to
        buffer.write("<p>Half a page")
        raise KeyboardInterrupt
    del kept, buffer
    gc.collect()
    assert not page.exists()
    with writer._open_w(str(tmp_path / "whole.html"), "utf-8") as buffer:
        buffer.write("<p>A page</p>")
    assert (tmp_path / "whole.html").read_text(encoding="utf-8") == "<p>A page</p>"
