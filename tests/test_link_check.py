"""The links plugin: a content link that misses the site, a page or an anchor is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import SITES, BuildResult, build, site_overrides


def _plant(tmp_path: Path, body: str, **options) -> tuple[Path, BuildResult]:
    """Build the minimal site with one more page whose body is ``body``."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    page = site / "content/pages/links.md"
    page.write_text(f"Title: Links\n\n{body}\n", encoding="utf-8")
    return page, build(site / "content", site / "out", overrides=site_overrides(site), **options)


def test_root_relative_link_outside_the_site_path_is_reported(tmp_path: Path) -> None:
    page, result = _plant(tmp_path, "See [the news](/news/).", publish=True)
    assert result.warnings == [
        f"{page}:3: the link '/news/' starts with /, so it breaks when the site is served from "
        "a folder (e.g. example.org/tip/). Fix: link the file with {filename}/pages/<file>.md, "
        "or write a relative link"
    ]


def test_relative_link_above_the_site_root_is_reported(tmp_path: Path) -> None:
    page, result = _plant(tmp_path, "See [home](../../../index.html).", publish=True)
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(f"{page}:3: the link '../../../index.html' leaves")


def test_link_to_a_missing_anchor_is_reported(tmp_path: Path) -> None:
    page, result = _plant(tmp_path, "See [about](../about/#nowhere).")
    assert len(result.warnings) == 1
    assert "points at #nowhere, which is not on that page" in result.warnings[0]
    assert result.warnings[0].startswith(f"{page}:3:")
