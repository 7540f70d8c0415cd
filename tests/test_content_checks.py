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
    "empty-body": Mistake(
        "news/empty.md",
        NEWS_HEAD.encode() + b"\n",
        "5: the file has no text after its metadata. Fix: write the text under the fields",
    ),
    "raw-script": Mistake(
        "news/script.md",
        NEWS_HEAD.encode() + b"\nText.\n\n<script>alert(1)</script>\n",
        "8: a <script> element. Fix: remove it: no page runs code from its content",
    ),
    "raw-style-element": Mistake(
        "news/style.md",
        NEWS_HEAD.encode() + b"\nText.\n\n<style>p { color: red }</style>\n",
        "8: a <style> element. Fix: remove it: the site's security policy blocks inline styles",
    ),
    "style-attribute": Mistake(
        "news/style-attribute.md",
        NEWS_HEAD.encode() + b'\n<p style="color: red">Red.</p>\n',
        "6: a style attribute on <p>. Fix: remove it",
    ),
    "event-handler": Mistake(
        "news/onclick.md",
        NEWS_HEAD.encode() + b'\nText.\n\n<p onclick="steal()">Click.</p>\n',
        "8: an event handler (onclick=) on <p>. Fix: remove it",
    ),
    "javascript-href": Mistake(
        "news/javascript.md",
        NEWS_HEAD.encode() + b'\nSee <a href="javascript:alert(1)">this</a>.\n',
        "6: a javascript: URL in href= of <a>. Fix: link to an https:// address",
    ),
    "javascript-markdown-link": Mistake(
        "news/javascript-markdown.md",
        NEWS_HEAD.encode() + b"\nSee [this](javascript:alert(1)).\n",
        "6: a link to a javascript: URL. Fix: link to an https:// address or to a file",
    ),
    "data-image": Mistake(
        "news/data.md",
        NEWS_HEAD.encode() + b'\nText.\n\n<img alt="A dot" src="data:image/png;base64,AAAA">\n',
        "8: a data: URL in src= of <img>. Fix: link to an https:// address or to a file",
    ),
    "iframe": Mistake(
        "news/iframe.md",
        NEWS_HEAD.encode() + b'\nText.\n\n<iframe src="https://video.example/"></iframe>\n',
        "8: an <iframe> element. Fix: link to the page instead",
    ),
    "object": Mistake(
        "news/object.md",
        NEWS_HEAD.encode() + b'\nText.\n\n<object data="https://x.example/a.swf"></object>\n',
        "8: an <object> element. Fix: link to the file instead",
    ),
    "embed": Mistake(
        "news/embed.md",
        NEWS_HEAD.encode() + b'\nText.\n\n<embed src="https://x.example/a.swf">\n',
        "8: an <embed> element. Fix: link to the file instead",
    ),
    "form": Mistake(
        "news/form.md",
        NEWS_HEAD.encode() + b'\nText.\n\n<form action="https://x.example/"></form>\n',
        "8: a <form> element. Fix: link to the form's own page instead",
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
    planted = tmp_path / "publish" / "site" / "content" / future.path
    assert publish.warnings == [
        f"{planted}:2: Date: the post will appear on 1 Jan 2999 10:00 America/New_York, not "
        "before. Fix: set Status: draft to keep it back, or correct the date"
    ]
    assert not list(publish.output.rglob("*a-story*"))
    assert "Soon." not in "".join(p.read_text("utf-8") for p in publish.output.rglob("*.html"))


def test_unsafe_html_never_reaches_a_feed(tmp_path: Path) -> None:
    """Even in a preview (which warns and goes on), no feed carries code or embedded pages."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    unsafe = [
        name
        for name in MISTAKES
        if name.startswith(
            ("raw-", "style", "event", "java", "data", "iframe", "object", "embed", "form")
        )
    ]
    for name in unsafe:
        target = site / "content" / MISTAKES[name].path
        target.write_bytes(MISTAKES[name].data.replace(b"A story", name.encode()))
    result = build(site / "content", site / "output", overrides=site_overrides(site))
    assert len(result.warnings) == len(unsafe), result.warnings
    feeds = [
        p.read_text("utf-8")
        for p in (result.output / "feeds").rglob("*")
        if p.suffix in (".xml", ".json")
    ]
    site_feed = (result.output / "feeds" / "all.atom.xml").read_text("utf-8")
    assert all(f"<title>{name}</title>" in site_feed for name in unsafe)  # they are in it...
    for text in feeds:  # ...without what made them unsafe
        for forbidden in (
            "<script",
            "&lt;script",
            "onclick=",
            "javascript:",
            "style=",
            "&lt;iframe",
            "&lt;object",
            "&lt;embed",
            "&lt;form",
            "data:image",
        ):
            assert forbidden not in text, forbidden


def test_a_file_saved_with_a_bom_and_crlf_builds_cleanly(tmp_path: Path) -> None:
    """Windows editors and Excel save a byte-order mark and CRLF: both are accepted."""
    text = NEWS_HEAD + "\nText written on Windows.\n"
    story = Mistake("news/windows.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "")
    result = _build_with(tmp_path, story)
    assert result.warnings == []
    page = (result.output / "news/2010/a-story/index.html").read_text("utf-8")
    assert "<h1>A story</h1>" in page and "Text written on Windows." in page


def test_a_csv_saved_by_excel_as_csv_utf8_is_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    data = site / "content" / "data" / "tier_history.csv"
    text = data.read_text(encoding="utf-8")
    data.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = build(site / "content", site / "output", overrides=site_overrides(site))
    assert result.warnings == []
    assert (result.output / "countries" / "index.html").is_file()


def test_a_csv_in_another_encoding_names_its_line_and_byte(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    data = site / "content" / "data" / "tier_history.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    lines.append("C\u00f4te d'Ivoire,CIV,AF,2010,2WL,TIP 2010")
    data.write_bytes("\n".join(lines).encode("latin-1") + b"\n")
    with pytest.raises(SystemExit):
        build(site / "content", site / "output", overrides=site_overrides(site))
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [
        f"{data}:{len(lines)}: the file is not UTF-8 text (byte 0xf4 at line {len(lines)}, "
        "column 2 is not UTF-8). Fix: save it as UTF-8 (in Excel: Save As, CSV UTF-8)"
    ]


def test_two_posts_with_one_slug_in_different_years_are_fine(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    news = site / "content" / "news"
    for year in (2010, 2011):
        (news / f"report-{year}.md").write_text(
            NEWS_HEAD.replace("2010-07-01", f"{year}-07-01") + "Slug: the-report\n\nText.\n",
            encoding="utf-8",
        )
    result = build(site / "content", site / "output", overrides=site_overrides(site))
    assert result.warnings == []
    assert (result.output / "news/2010/the-report/index.html").is_file()
    assert (result.output / "news/2011/the-report/index.html").is_file()


def test_two_posts_for_one_address_give_one_message_naming_both(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    news = site / "content" / "news"
    for name in ("one", "two"):
        (news / f"{name}.md").write_text(
            NEWS_HEAD + "Slug: the-report\n\nText.\n", encoding="utf-8"
        )
    result = build(site / "content", site / "output", overrides=site_overrides(site))
    assert len(result.warnings) == 1, result.warnings
    message = result.warnings[0]
    assert "news/one.md and " in message and "news/two.md would both be written to" in message
    assert "news/2010/the-report/index.html" in message
    assert message.endswith("Fix: give one of them another Slug: (or Save_as:)")


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
