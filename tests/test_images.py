"""plugins.images with plugins.markup: a content photo goes out as responsive versions.

A 2400 x 1600 photo in a post becomes a ``<picture>``: WebP and JPEG at 480, 800 and 1200
pixels, ``srcset``/``sizes``, the widest version's size; the versions are written, the
original is not (unless the post also links it); a second build encodes nothing again; a
version or a page over its budget is a warning naming the post, the image and the sizes.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PIL import Image
from sitebuild import SITES, BuildResult, build, site_overrides

import plugins.images.generator as generator

pytestmark = pytest.mark.plugin("images")

POST = "news/2024/photo-story/"
HEAD = "Title: Photo story\nSlug: photo-story\nDate: 2024-03-01 09:00\nCategory: Stories\n"
SUMMARY = "Summary: A story with a big photo.\n"


def _photo(path: Path, size: tuple[int, int] = (2400, 1600)) -> None:
    """Write a noisy JPEG (noise does not compress: a real photo's weight)."""
    rng = random.Random(7)
    image = Image.frombytes("RGB", size, rng.randbytes(3 * size[0] * size[1]))
    image.save(path, "JPEG", quality=90)


def _site(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    _photo(site / "content" / "images" / "photo.jpg")
    story = site / "content" / "news" / "photo-story.md"
    story.write_text(HEAD + SUMMARY + "\n" + body, encoding="utf-8")
    return site


def _build(site: Path, **overrides) -> BuildResult:
    settings = {**site_overrides(site), "CACHE_PATH": str(site / "cache"), **overrides}
    return build(site / "content", site / "output", overrides=settings)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = _site(
        tmp_path_factory.mktemp("images"), "![A crowd at a hearing]({static}/images/photo.jpg)\n"
    )
    return _build(site, IMAGES_MAX_BYTES=10 * 1024 * 1024, IMAGES_PAGE_MAX_BYTES=10 * 1024 * 1024)


def test_a_photo_becomes_a_picture_of_its_versions(photo_site: BuildResult) -> None:
    assert photo_site.warnings == []
    picture = photo_site.html(POST).find("picture")
    assert picture is not None
    source, image = picture.find("source"), picture.find("img")
    assert source["type"] == "image/webp"
    widths = [int(part.split()[-1].removesuffix("w")) for part in source["srcset"].split(",")]
    assert widths == [480, 800, 1200]
    assert image["srcset"].count(".jpg") == 3 and image["sizes"] == source["sizes"]
    assert (image["width"], image["height"]) == ("1200", "800")
    assert (
        image["src"].endswith("images/photo-1200w.jpg") and image["alt"] == "A crowd at a hearing"
    )


def test_the_versions_are_written_and_the_original_is_not(photo_site: BuildResult) -> None:
    images = photo_site.output / "images"
    for width in (480, 800, 1200):
        for ext, fmt in (("jpg", "JPEG"), ("webp", "WEBP")):
            with Image.open(images / f"photo-{width}w.{ext}") as version:
                assert (version.format, version.size) == (fmt, (width, width * 2 // 3))
    assert not (images / "photo.jpg").exists()


def test_a_linked_original_is_still_copied(tmp_path: Path) -> None:
    body = "![A crowd]({static}/images/photo.jpg)\n\n[The full photo]({static}/images/photo.jpg)\n"
    result = _build(_site(tmp_path, body), IMAGES_MAX_BYTES=10**8, IMAGES_PAGE_MAX_BYTES=10**8)
    assert result.warnings == []
    assert (result.output / "images" / "photo.jpg").is_file()


def test_a_second_build_encodes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, "![A crowd]({static}/images/photo.jpg)\n")
    limits = {"IMAGES_MAX_BYTES": 10**8, "IMAGES_PAGE_MAX_BYTES": 10**8}
    _build(site, **limits)
    calls: list[Path] = []
    real = generator.render
    monkeypatch.setattr(generator, "render", lambda file, *a: calls.append(file) or real(file, *a))
    again = _build(site, **limits)
    assert again.warnings == [] and calls == []
    assert (again.output / "images" / "photo-800w.webp").is_file()


def test_over_the_budgets_is_a_warning_naming_the_post_and_the_sizes(tmp_path: Path) -> None:
    site = _site(tmp_path, "![A crowd]({static}/images/photo.jpg)\n")
    result = _build(site, IMAGES_MAX_BYTES=100 * 1024, IMAGES_PAGE_MAX_BYTES=200 * 1024)
    story = site / "content" / "news" / "photo-story.md"
    assert len(result.warnings) == 2, result.warnings
    version, page = sorted(result.warnings, key=lambda w: "its image weighs" in w)
    assert version.startswith(f"{story}: the image images/photo.jpg weighs ")
    assert "pixels wide (" in version and "more than 100 KB (IMAGES_MAX_BYTES)" in version
    assert page.startswith(f"{story}: its image weighs ")
    assert page.endswith(
        "more than 200 KB (IMAGES_PAGE_MAX_BYTES). Fix: show fewer pictures, or smaller ones"
    )
