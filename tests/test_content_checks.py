"""Content checks: one planted mistake per test, each with its one-line message and no traceback."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import SITES, BuildResult, build, site_overrides

NEWS_HEAD = "Title: A story\nDate: 2010-07-01 10:00\nCategory: Stories\nSummary: A fixture story.\n"
CAMPAIGN_HEAD = (
    "Title: A campaign\nSummary: A fixture campaign.\nHashtag: #Fixture\nStart: 2010-09-01\n"
    "End: 2010-12-31\nCall_to_action: Do the thing.\n"
)


@dataclass(frozen=True)
class Mistake:
    """A file to plant in the minimal site and the message it must give."""

    path: str
    data: bytes
    message: str  # the expected message after "<file>:"
    fatal: bool = False  # the file is left out of the build


MISTAKES = {
    "not-utf8": Mistake(
        "news/latin1.md",
        NEWS_HEAD.encode() + "\nCaf\u00e9 text.\n".encode("latin-1"),
        "6: the file is not UTF-8 text (byte 0xe9 at line 6, column 4 is not UTF-8). "
        "Fix: save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        fatal=True,
    ),
    "bad-date": Mistake(
        "news/bad-date.md",
        NEWS_HEAD.replace("2010-07-01 10:00", "2010-13-45").encode() + b"\nText.\n",
        "2: Date: '2010-13-45' is not a date. Fix: write it as YYYY-MM-DD HH:MM, "
        "e.g. 2010-06-14 10:00",
        fatal=True,
    ),
    "loose-date": Mistake(
        "news/loose-date.md",
        NEWS_HEAD.replace("2010-07-01 10:00", "July 1, 2010").encode() + b"\nText.\n",
        "2: Date: 'July 1, 2010' is not in the house format. Fix: write it as "
        "YYYY-MM-DD HH:MM, e.g. 2010-06-14 10:00",
    ),
    "no-title": Mistake(
        "news/no-title.md",
        NEWS_HEAD.replace("Title: A story\n", "").encode() + b"\nText.\n",
        "1: Title: the required field Title is missing. Fix: add a line 'Title: ...' to the "
        "header: The headline, as readers see it.",
        fatal=True,
    ),
    "no-header": Mistake(
        "news/no-header.md",
        b"Just text, no fields.\n",
        "1: the file does not start with its metadata. Fix: start with 'Title: ...' on line 1, "
        "one 'Field: value' per line, then a blank line before the text",
        fatal=True,
    ),
    "stray-line": Mistake(
        "news/stray.md",
        NEWS_HEAD.replace("Category: Stories\n", "Category Stories\n").encode() + b"\nText.\n",
        "3: this line is not 'Field: value', so it and everything after it is read as text. "
        "Fix: write 'Field: value', or leave a blank line between the fields and the text",
    ),
    "unknown-field": Mistake(
        "news/typo.md",
        NEWS_HEAD.encode() + b"Sumary: typo\n\nText.\n",
        "5: Sumary: 'Sumary' is not a field of a news article. Fix: did you mean Summary?",
    ),
    "unknown-category": Mistake(
        "news/category.md",
        NEWS_HEAD.replace("Stories", "Updates").encode() + b"\nText.\n",
        "3: Category: 'Updates' is not a news category. Fix: write one of: Press releases, "
        "Statements, Stories, Events",
    ),
    "long-summary": Mistake(
        "news/long.md",
        NEWS_HEAD.replace("A fixture story.", "x" * 201).encode() + b"\nText.\n",
        "4: Summary: the summary has 201 characters, more than 200. Fix: shorten it",
    ),
    "bad-status": Mistake(
        "news/status.md",
        NEWS_HEAD.encode() + b"Status: ready\n\nText.\n",
        "5: Status: 'ready' is not a status. Fix: write one of: published, draft, hidden",
        fatal=True,
    ),
    "missing-image": Mistake(
        "news/image.md",
        NEWS_HEAD.encode() + b"Image: {static}/images/nope.jpg\nImage_alt: A picture.\n\nT.\n",
        "5: Image: the image '{static}/images/nope.jpg' does not exist. Fix: put the file in "
        "content/images/",
    ),
    "image-without-alt-text": Mistake(
        "news/image-alt.md",
        NEWS_HEAD.encode() + b"Image: {static}/images/pixel.png\n\nText.\n",
        "5: Image_alt: the picture has no description. Fix: add 'Image_alt: what the "
        "picture shows' under Image",
    ),
    "broken-filename-link": Mistake(
        "news/link.md",
        NEWS_HEAD.encode() + b"\nSee [this]({filename}/pages/nowhere.md).\n",
        "6: the link target '/pages/nowhere.md' does not exist. Fix: link a file that exists",
    ),
    "body-image-without-alt": Mistake(
        "news/body-image.md",
        NEWS_HEAD.encode() + b"\nText.\n\n![]({static}/images/pixel.png)\n",
        "8: an image has no alt text. Fix: describe it: ![what the picture shows](...)",
    ),
    "bad-hashtag": Mistake(
        "campaigns/tag.md",
        CAMPAIGN_HEAD.replace("#Fixture", "Know the signs").encode() + b"\nText.\n",
        "3: Hashtag: 'Know the signs' is not one hashtag. Fix: write # and letters",
    ),
    "end-before-start": Mistake(
        "campaigns/dates.md",
        CAMPAIGN_HEAD.replace("2010-12-31", "2010-08-01").encode() + b"\nText.\n",
        "5: End: the campaign ends (2010-08-01) before it starts (2010-09-01). Fix: write an "
        "End on or after Start",
    ),
    "bad-campaign-date": Mistake(
        "campaigns/start.md",
        CAMPAIGN_HEAD.replace("2010-09-01", "1 Sept 2010").encode() + b"\nText.\n",
        "4: Start: '1 Sept 2010' is not a date. Fix: write it as YYYY-MM-DD, e.g. 2010-09-01",
        fatal=True,
    ),
    "campaign-without-call-to-action": Mistake(
        "campaigns/cta.md",
        CAMPAIGN_HEAD.replace("Call_to_action: Do the thing.\n", "").encode() + b"\nText.\n",
        "1: Call_to_action: the required field Call_to_action is missing.",
    ),
    "unknown-campaign": Mistake(
        "news/campaign.md",
        NEWS_HEAD.encode() + b"Campaign: know-the-sings\n\nText.\n",
        "5: Campaign names 'know-the-sings', which is not a campaign. Fix: write the file name "
        "of a campaign in content/campaigns/",
    ),
}


def _build_with(tmp_path: Path, mistake: Mistake, *, publish: bool = False) -> BuildResult:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    target = site / "content" / mistake.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mistake.data)
    overrides = site_overrides(site)
    return build(site / "content", site / "output", overrides=overrides, publish=publish)


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_gives_its_one_line_message(tmp_path: Path, name: str) -> None:
    mistake = MISTAKES[name]
    result = _build_with(tmp_path, mistake)
    planted = str(tmp_path / "site" / "content" / mistake.path)
    ours = [w for w in result.warnings if w.startswith(planted)]
    assert len(ours) == 1, result.warnings
    assert ours[0].startswith(f"{planted}:{mistake.message}"), ours[0]
    assert all("Traceback" not in w and "Could not process" not in w for w in result.warnings)
    assert len(result.warnings) == 1, result.warnings


@pytest.mark.parametrize("name", sorted(n for n, m in MISTAKES.items() if m.fatal))
def test_unreadable_files_are_left_out_and_the_rest_is_built(tmp_path: Path, name: str) -> None:
    result = _build_with(tmp_path, MISTAKES[name])
    stem = Path(MISTAKES[name].path).stem
    assert not [p for p in result.output.rglob("*.html") if stem in p.as_posix()]
    assert (result.output / "index.html").is_file()


def test_future_post_waits_for_its_day_in_publish_but_shows_in_preview(tmp_path: Path) -> None:
    future = Mistake(
        "news/future.md",
        NEWS_HEAD.replace("2010-07-01 10:00", "2999-01-01 10:00").encode() + b"\nSoon.\n",
        "",
    )
    preview = _build_with(tmp_path / "preview", future)
    assert preview.warnings == []
    assert (preview.output / "news/2999/a-story/index.html").is_file()
    publish = _build_with(tmp_path / "publish", future, publish=True)
    assert publish.warnings == []
    assert not list(publish.output.rglob("*a-story*"))
    assert "Soon." not in "".join(p.read_text("utf-8") for p in publish.output.rglob("*.html"))


def test_a_draft_may_leave_required_fields_empty(tmp_path: Path) -> None:
    draft = Mistake(
        "news/draft.md", b"Title: WIP\nDate: 2010-07-01 10:00\nStatus: draft\n\nT.\n", ""
    )
    assert _build_with(tmp_path, draft).warnings == []


def test_a_link_starting_with_a_slash_is_reported(tmp_path: Path) -> None:
    mistake = Mistake("news/root.md", NEWS_HEAD.encode() + b"\nSee [news](/news/).\n", "")
    result = _build_with(tmp_path, mistake)
    assert len(result.warnings) == 1
    assert ":6: the link '/news/' starts with /, so it breaks" in result.warnings[0]


def test_countries_with_a_comma_in_the_name_are_separated_by_semicolons(tmp_path: Path) -> None:
    data = (SITES / "minimal/content/data/tier_history.csv").read_text(encoding="utf-8")
    data += '"Congo, Republic of the",COG,AF,2010,2WL,fixture\n'
    text = NEWS_HEAD + "Countries: Congo, Republic of the; GHA\n\nText.\n"
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    (site / "content/data/tier_history.csv").write_text(data, encoding="utf-8")
    (site / "content/news/congo.md").write_text(text, encoding="utf-8")
    result = build(site / "content", site / "output", overrides=site_overrides(site))
    assert result.warnings == []
    titles = [a.get_text() for a in result.html("countries/congo-republic-of-the/").select("li a")]
    assert "A story" in titles
