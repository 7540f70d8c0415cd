"""The build itself, on the ``minimal`` and ``bad_content`` fixture sites.

A clean site builds without a warning in preview and publish; a fixture site's settings.py
applies; drafts are written in preview and never published; publish URLs carry SITEURL's path;
each build reports its own warnings (Pelican's log filter is reset between builds).
"""

from __future__ import annotations

from sitebuild import PUBLISH_SITEURL, Builder, BuildResult

DRAFT_TITLE = "Unfinished draft story"


def test_minimal_preview_builds_without_warnings(minimal_preview: BuildResult) -> None:
    """A correct site builds in preview without a single warning."""
    assert minimal_preview.warnings == []


def test_minimal_publish_builds_without_warnings(minimal_publish: BuildResult) -> None:
    """A correct site builds with publish settings without a single warning."""
    assert minimal_publish.warnings == []


def test_every_source_is_written(minimal_publish: BuildResult) -> None:
    """Pages, articles and static files land where pelicanconf.py's URL patterns say."""
    for relpath in ("about/", "news/2024/first-story/", "news/2024/second-story/", "news/"):
        assert minimal_publish.path(relpath).is_file(), relpath
    # The content image goes out as its versions (plugins/images); the original, which only
    # they show, stays out.
    assert (minimal_publish.output / "images" / "pixel-8w.png").is_file()
    assert (minimal_publish.output / "images" / "pixel-8w.webp").is_file()
    assert not (minimal_publish.output / "images" / "pixel.png").exists()


def test_site_settings_override(minimal_preview: BuildResult) -> None:
    """tests/sites/minimal/settings.py replaces pelicanconf.py's SITENAME."""
    assert minimal_preview.settings["SITENAME"] == "Minimal fixture site"
    assert "Minimal fixture site" in minimal_preview.html("about/").get_text()


def test_draft_is_written_in_preview(minimal_preview: BuildResult) -> None:
    """Preview writes drafts under drafts/ so that writers can read them."""
    soup = minimal_preview.html("drafts/unfinished-draft/")
    assert DRAFT_TITLE in soup.get_text()


def test_draft_is_never_published(minimal_publish: BuildResult) -> None:
    """Publish writes no drafts/ folder, and no page or feed names the draft."""
    assert not (minimal_publish.output / "drafts").exists()
    for file in minimal_publish.output.rglob("*"):
        if file.suffix in (".html", ".xml", ".json", ".txt"):
            assert DRAFT_TITLE not in file.read_text(encoding="utf-8"), file


def test_publish_links_carry_the_site_path(minimal_publish: BuildResult) -> None:
    """Under SITEURL https://example.org/tip, internal links and images are absolute."""
    soup = minimal_publish.html("about/")
    link = soup.find("a", string="first story")
    assert link is not None
    assert link["href"] == f"{PUBLISH_SITEURL}/news/2024/first-story/"
    image = minimal_publish.html("news/2024/second-story/").find("img", alt="A tiny test pixel")
    assert image is not None
    assert image["src"] == f"{PUBLISH_SITEURL}/images/pixel-8w.png"
    source = image.find_parent("picture").find("source")
    assert source["srcset"] == f"{PUBLISH_SITEURL}/images/pixel-8w.webp 8w"


def test_preview_links_are_relative(minimal_preview: BuildResult) -> None:
    """Preview (RELATIVE_URLS) links between pages with relative URLs."""
    link = minimal_preview.html("about/").find("a", string="first story")
    assert link is not None
    assert link["href"] == "../news/2024/first-story/"


def test_broken_internal_link_is_reported(build_site: Builder) -> None:
    """A {filename} link to a missing file is logged with the missing path."""
    result = build_site("bad_content")
    assert any("does-not-exist.md" in message for message in result.warnings), result.warnings


def test_each_build_reports_its_own_warnings(build_site: Builder) -> None:
    """A second build in the same process reports the same warning again (filter reset)."""
    first, second = build_site("bad_content"), build_site("bad_content")

    def broken(result: BuildResult) -> list[str]:
        root = str(result.output.parent)
        return [m.replace(root, "<site>") for m in result.warnings if "does-not-exist.md" in m]

    assert broken(first)
    assert broken(second) == broken(first)
