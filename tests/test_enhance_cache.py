"""The enhance plugin's page cache: a rebuild redoes only the pages whose HTML changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import SITES, build, site_overrides

import plugins.enhance.pipeline as pipeline


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the pages that are really enhanced (not taken from the cache)."""
    calls: list[str] = []
    real = pipeline.enhance_html

    def spy(text, page, *args, **kwargs):
        calls.append(page)
        return real(text, page, *args, **kwargs)

    monkeypatch.setattr(pipeline, "enhance_html", spy)
    return calls


def test_second_build_takes_every_page_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    overrides = {**site_overrides(site), "ENHANCE_CACHE_PATH": str(tmp_path / "cache")}
    calls = _counting(monkeypatch)
    first = build(site / "content", tmp_path / "one", overrides=overrides)
    assert first.warnings == [] and len(calls) == len(first.pages())
    calls.clear()
    second = build(site / "content", tmp_path / "two", overrides=overrides)
    assert calls == []
    for page in first.pages():  # the cached result is the same page, byte for byte
        assert (tmp_path / "one" / page).read_bytes() == (tmp_path / "two" / page).read_bytes()
    assert second.warnings == []


def test_changing_one_page_redoes_only_the_pages_it_appears_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    overrides = {**site_overrides(site), "ENHANCE_CACHE_PATH": str(tmp_path / "cache")}
    calls = _counting(monkeypatch)
    build(site / "content", tmp_path / "one", overrides=overrides)
    about = next((site / "content" / "pages").glob("about*.md"))
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    calls.clear()
    build(site / "content", tmp_path / "two", overrides=overrides)
    assert calls == ["about/index.html"]
