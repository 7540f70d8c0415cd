"""``invoke new-post``: a scaffold has every field, refuses to overwrite, and builds cleanly."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from sitebuild import SITES, build, site_overrides

from plugins.content_checks.scaffold import ScaffoldExistsError, write_campaign, write_post
from plugins.content_checks.schema import CAMPAIGN, NEWS

NOW = datetime.datetime(2010, 7, 1, 9, 30)


def test_scaffold_names_file_by_date_and_slug(tmp_path: Path) -> None:
    path = write_post(tmp_path, "Côte d'Ivoire joins a task force!", "Stories", NOW)
    assert path.name == "2010-07-01-cote-divoire-joins-a-task-force.md"


def test_scaffold_has_every_field_explained(tmp_path: Path) -> None:
    text = write_post(tmp_path, "A title", "Stories", NOW).read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    written = [s.name for s in NEWS.fields if s.name != "Modified" and not s.translation]
    assert [line.split(":", 1)[0] for line in header] == written
    for spec in NEWS.fields:
        assert f'[//]: # "{spec.name}: ' in text
    assert "Status: draft" in header
    assert "Date: 2010-07-01 09:30" in header


def test_scaffold_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write_post(tmp_path, "A title", "Stories", NOW)
    path.write_text("edited", encoding="utf-8")
    with pytest.raises(ScaffoldExistsError, match="already exists"):
        write_post(tmp_path, "A title", "Stories", NOW)
    assert path.read_text(encoding="utf-8") == "edited"


def test_scaffold_builds_without_warnings_and_stays_out_of_publish(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    write_post(site / "content" / "news", "A scaffolded post", "Stories", NOW)
    overrides = site_overrides(site)
    preview = build(site / "content", site / "preview", overrides=overrides)
    assert preview.warnings == []
    assert (preview.output / "drafts/a-scaffolded-post/index.html").is_file()
    notes = preview.html("drafts/a-scaffolded-post/").get_text()
    assert "[//]" not in notes and "The headline, as readers see it" not in notes
    publish = build(site / "content", site / "publish", publish=True, overrides=overrides)
    assert publish.warnings == []
    assert not list(publish.output.rglob("*a-scaffolded-post*"))


def test_campaign_scaffold_builds_without_warnings(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    path = write_campaign(site / "content" / "campaigns", "Know more", datetime.date(2010, 9, 1))
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert [line.split(":", 1)[0] for line in header.splitlines()] == CAMPAIGN.names
    assert "Start: 2010-09-01" in header and "End: 2010-09-30" in header
    with pytest.raises(ScaffoldExistsError):
        write_campaign(site / "content" / "campaigns", "Know more", datetime.date(2010, 9, 1))
    preview = build(site / "content", site / "preview", overrides=site_overrides(site))
    assert preview.warnings == []
    assert (preview.output / "drafts/campaigns/know-more/index.html").is_file()
