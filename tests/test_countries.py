"""The countries plugin on a tiny fixture site: pages, counts, links, downloads and errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from sitebuild import PROJECT, SITES, BuildResult, build, capture_warnings, site_overrides

from plugins._common.text import slug_of


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the countries fixture site once for this module."""
    return _build_copy(_copy(tmp_path_factory.mktemp("countries")), publish=True)


def _copy(base: Path) -> Path:
    """Copy the fixture site into ``base`` so a test may edit it."""
    target = base / "site"
    shutil.copytree(SITES / "countries", target)
    return target


def _build_copy(site_dir: Path, **options) -> BuildResult:
    """Build a copied fixture site with its own settings."""
    overrides = site_overrides(site_dir)
    return build(site_dir / "content", site_dir / "output", overrides=overrides, **options)


def test_builds_without_warnings(site: BuildResult) -> None:
    assert site.warnings == []


def test_every_country_has_a_page_with_latest_tier_and_history(site: BuildResult) -> None:
    page = site.html("countries/burma/")
    assert page.h1.get_text(strip=True) == "Burma"
    assert page.select_one(".country__tier").get_text(strip=True) == "Tier 2 Watch List"
    assert "Upgraded from Tier 3 in 2009" in page.select_one(".country__movement").get_text()
    years = [row.th.get_text(strip=True) for row in page.select("table tbody tr")]
    assert years == ["2010", "2009", "2008"]
    for slug in ("albania", "kosovo", "fiji"):
        assert site.path(f"countries/{slug}/").is_file()


def test_new_country_and_gap_years_are_said(site: BuildResult) -> None:
    page = site.html("countries/fiji/")
    assert "first report to include Fiji" in page.select_one(".country__movement").get_text()
    assert "Not in the report of 2008, 2009." in page.get_text(" ", strip=True)


def test_report_year_pages_count_each_tier(site: BuildResult) -> None:
    page = site.html("reports/2010/")
    headings = [h.get_text(" ", strip=True) for h in page.select("section h2[id^=tier-]")]
    assert headings == [
        "Tier 2: 2 countries",
        "Tier 2 Watch List: 1 country",
        "Special case: 1 country",
    ]
    assert "A note on 2010" in page.get_text()


def test_reports_index_table_equals_the_data(site: BuildResult) -> None:
    rows = site.html("reports/").select("#counts-caption ~ tbody tr")
    cells = {r.th.get_text(strip=True): [td.get_text() for td in r.find_all("td")] for r in rows}
    # Columns: Tier 1, Tier 2, 2WL, Tier 3, special, all.
    assert cells["2008"] == ["0", "0", "1", "1", "0", "2"]
    assert cells["2010"] == ["0", "2", "1", "0", "1", "4"]


def test_articles_link_the_countries_they_name(site: BuildResult) -> None:
    burma = site.html("countries/burma/")
    titles = [a.get_text() for a in burma.select("[aria-labelledby=news-heading] li a")]
    assert titles == ["A story about Burma"]
    kosovo = site.html("countries/kosovo/")
    assert "No news yet." in kosovo.get_text()


def test_the_newest_narrative_is_shown_on_its_country_and_the_others_listed(
    site: BuildResult,
) -> None:
    page = site.html("countries/albania/")
    narrative = page.select_one(".country__narrative")
    assert narrative.h2.get_text(strip=True) == "What the 2010 report says"
    assert "Fixture text for prosecution." in narrative.get_text()
    # inside the section, the narrative's own headings are one level down
    assert [
        h.get_text(" ", strip=True).removesuffix(" #") for h in narrative.select(".prose h3")
    ] == [
        "Tier rationale",
        "Prosecution",
    ]
    others = [a["href"] for a in narrative.select("ul.inline-list a")]
    assert others == ["https://example.org/tip/countries/albania/2009/"]


def test_each_narrative_has_its_page_with_its_sources_as_links(site: BuildResult) -> None:
    page = site.html("countries/albania/2010/")
    assert page.h1.get_text(strip=True) == "Albania in the 2010 TIP Report"
    sources = page.select(".narrative-facts__sources a")
    assert [a["href"] for a in sources] == [
        "https://example.org/reports/2010/albania",
        "https://example.org/news/albania-2010",
    ]
    assert "Fixture Publisher, 2010" in sources[0].parent.get_text()
    assert page.select_one(".narrative-facts .tier").get_text(strip=True) == "Tier 2"
    assert "1 December 2026" in page.select_one(".narrative-facts").get_text()
    crumbs = [li.get_text(strip=True) for li in page.select(".breadcrumbs li")]
    assert crumbs[-2:] == ["Albania", "2010 report"]
    assert site.path("countries/albania/2009/").is_file()


def test_a_report_year_links_every_narrative_of_that_year(site: BuildResult) -> None:
    links = site.html("reports/2010/").select("#narratives-heading ~ ul a")
    assert [a.get_text(strip=True) for a in links] == ["Albania"]
    assert links[0]["href"].endswith("countries/albania/2010/")


def test_a_country_without_a_narrative_links_the_official_reports(site: BuildResult) -> None:
    section = site.html("countries/burma/").select_one(".country__narrative")
    assert "no summary yet" in section.get_text()
    assert section.a["href"] == "https://www.state.gov/trafficking-in-persons-report/"


def test_peers_are_same_region_and_tier(site: BuildResult) -> None:
    page = site.html("countries/albania/")
    peers = [a.get_text() for a in page.select("[aria-labelledby=peers-heading] li a")]
    assert peers == ["Kosovo"]


def test_downloads_round_trip_to_the_source_rows(site: BuildResult) -> None:
    source = (SITES / "countries/content/data/tier_history.csv").read_text(encoding="utf-8")
    expected = sorted(
        (r["country"], r["iso3"], r["region"], r["year"], r["tier"])
        for r in csv.DictReader(io.StringIO(source))
    )
    written = (site.output / "data/tier-placements.csv").read_text(encoding="utf-8")
    from_csv = sorted(tuple(r.values()) for r in csv.DictReader(io.StringIO(written)))
    assert from_csv == expected
    document = json.loads((site.output / "data/tier-placements.json").read_text("utf-8"))
    from_json = sorted(
        (r["country"], r["iso3"], r["region"], str(r["year"]), r["tier"])
        for r in document["placements"]
    )
    assert from_json == expected
    assert "Kelley" in document["source"]


def test_unknown_tier_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    site_dir = _copy(tmp_path)
    data = site_dir / "content/data/tier_history.csv"
    data.write_text(data.read_text().replace("Burma,MMR,EAP,2009,3", "Burma,MMR,EAP,2009,4"))
    with capture_warnings() as messages, pytest.raises(SystemExit) as stopped:
        _build_copy(site_dir)
    assert stopped.value.code == 1
    assert any(
        "tier_history.csv:6: unknown tier '4' for Burma. Fix: write one of 1, 2, 2WL, 3, special"
        in message
        for message in messages
    ), messages
    assert not any("Traceback" in message for message in messages)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Fiji,FJI,EAP,2010", "Fiji,FJI,EAP,2030", "year '2030' of Fiji is not a report year"),
        ("Fiji,FJI,", "Fiji,FJX,", "'FJX' is not an ISO 3166-1 alpha-3 code"),
        ("Burma,MMR,EAP,2009", "Burma,MMR,EAP,2008", "Burma 2008 appears twice"),
        ("Fiji,FJI,EAP", "Fiji,FJI,XYZ", "unknown region 'XYZ' for Fiji"),
    ],
)
def test_bad_data_rows_name_the_problem(tmp_path: Path, old: str, new: str, expected: str) -> None:
    site_dir = _copy(tmp_path)
    data = site_dir / "content/data/tier_history.csv"
    data.write_text(data.read_text().replace(old, new, 1))
    with capture_warnings() as messages, pytest.raises(SystemExit):
        _build_copy(site_dir)
    assert any(expected in message for message in messages), messages


def test_article_naming_an_unknown_country_is_reported(tmp_path: Path) -> None:
    site_dir = _copy(tmp_path)
    story = site_dir / "content/news/2010-07-01-burma-story.md"
    story.write_text(story.read_text().replace("Countries: MMR, albania", "Countries: MMR, Albnia"))
    result = _build_copy(site_dir)
    assert result.warnings == [
        f"{story}:4: Countries names 'Albnia', which is not a country in the tier data. "
        "Fix: did you mean Albania? write ISO 3166-1 alpha-3 codes or names from "
        "content/data/tier_history.csv, separated by commas (e.g. Countries: USA, Burma), or by "
        "semicolons when a name has a comma"
    ]


NARRATIVE = "content/countries/albania/2010.md"


def _narrative_problem(tmp_path: Path, old: str, new: str) -> tuple[Path, list[str]]:
    """Build the fixture with one change to Albania's 2010 narrative; return its warnings."""
    site_dir = _copy(tmp_path)
    narrative = site_dir / NARRATIVE
    narrative.write_text(narrative.read_text(encoding="utf-8").replace(old, new), "utf-8")
    return narrative, _build_copy(site_dir).warnings


def test_narrative_with_unknown_section_is_reported(tmp_path: Path) -> None:
    narrative, warnings = _narrative_problem(tmp_path, "## Prosecution", "## Findings")
    assert len(warnings) == 1
    assert f"{narrative}:13: the section 'Findings' is not a report section" in warnings[0]


def test_narrative_whose_tier_contradicts_the_data_names_both(tmp_path: Path) -> None:
    narrative, warnings = _narrative_problem(tmp_path, "Tier: 2\n", "Tier: 3\n")
    assert warnings == [
        f"{narrative}:3: Tier: the narrative says 3, but the tier data places Albania on Tier 2 "
        "(2) in 2010. Fix: correct Tier: (and the text that states it), or the tier data if it "
        "is wrong, with its source"
    ]


def test_narrative_without_a_source_is_reported(tmp_path: Path) -> None:
    start = "Sources: Fixture report page 2010"
    site_dir = _copy(tmp_path)
    narrative = site_dir / NARRATIVE
    lines = narrative.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith((start, "    Fixture news"))]
    narrative.write_text("\n".join(kept), encoding="utf-8")
    warnings = _build_copy(site_dir).warnings
    assert warnings == [
        f"{narrative}:1: Sources: the required field Sources is missing. Fix: add a line "
        "'Sources: ...' to the header: What it was written from, one per line (indent further "
        "lines by four spaces): title | publisher | year | URL."
    ]


def test_narrative_source_without_its_four_parts_is_reported(tmp_path: Path) -> None:
    narrative, warnings = _narrative_problem(
        tmp_path, "| Fixture News | 2010 | https://example.org/news/albania-2010", "| 2010"
    )
    assert warnings == [
        f"{narrative}:7: Sources: this source is not title | publisher | year | URL (2 part(s) "
        "where a source has 4). Fix: write e.g. Title of the page | Its publisher | 2010 | "
        "https://..., one source per line (further lines indented by four spaces)"
    ]


def test_narrative_without_its_report_year_is_reported(tmp_path: Path) -> None:
    narrative, warnings = _narrative_problem(tmp_path, "Report_year: 2010\n", "")
    assert warnings == [
        f"{narrative}:1: Report_year: the required field Report_year is missing. Fix: add a "
        "line 'Report_year: ...' to the header: The report year it covers; the file is named "
        "after it (2010.md)."
    ]


def test_narrative_whose_year_is_not_its_file_name_is_reported(tmp_path: Path) -> None:
    narrative, warnings = _narrative_problem(tmp_path, "Report_year: 2010", "Report_year: 2009")
    assert warnings == [
        f"{narrative}:2: Report_year: the file is 2010.md but it says 2009. Fix: name the file "
        "2009.md, or correct the year"
    ]


def test_narrative_for_unknown_country_is_reported(tmp_path: Path) -> None:
    site_dir = _copy(tmp_path)
    folder = site_dir / "content/countries/albnia"
    folder.mkdir()
    (folder / "2010.md").write_text((site_dir / NARRATIVE).read_text(encoding="utf-8"))
    warnings = _build_copy(site_dir).warnings
    assert warnings == [
        f"{folder / '2010.md'}: 'albnia' is not a country of the tier data. Fix: rename the "
        "folder albania (its page's address, as in countries/<slug>/)"
    ]


def test_a_narrative_in_the_old_one_file_layout_is_reported(tmp_path: Path) -> None:
    site_dir = _copy(tmp_path)
    old = site_dir / "content/countries/albania.md"
    old.write_text("Title: Albania\n\nText.\n", encoding="utf-8")
    warnings = _build_copy(site_dir).warnings
    assert any(f"{old}: a country narrative is now one file per report year" in w for w in warnings)


def test_an_unreadable_narrative_leaves_out_that_file_only(tmp_path: Path) -> None:
    site_dir = _copy(tmp_path)
    (site_dir / NARRATIVE).write_bytes(b"Title: Albania\n\nCaf\xe9\n")
    result = _build_copy(site_dir)
    assert any("is not UTF-8 text" in w for w in result.warnings)
    assert not result.path("countries/albania/2010/").exists()
    assert result.path("countries/albania/2009/").is_file()  # another 2010.md would be too
    assert result.path("reports/2010/").is_file()


# --- The real site: every country, every report year, the downloads --------------------------

DATA = Path(__file__).resolve().parent.parent / "content" / "data"
TIER_LABELS = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2WL": "Tier 2 Watch List",
    "3": "Tier 3",
    "special": "Special case",
}


def _source_rows() -> list[dict[str, str]]:
    with (DATA / "tier_history.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_real_site_every_country_page_has_latest_tier_and_full_history(
    real_site: BuildResult,
) -> None:
    by_country: dict[str, list[dict[str, str]]] = {}
    for row in _source_rows():
        by_country.setdefault(row["country"], []).append(row)
    assert len(by_country) == 189
    for name, rows in by_country.items():
        slug = slug_of(name)
        page = real_site.html(f"countries/{slug}/")
        latest = max(rows, key=lambda row: int(row["year"]))
        assert page.h1.get_text(strip=True) == name
        assert (
            page.select_one(".country__tier").get_text(strip=True) == TIER_LABELS[latest["tier"]]
        ), name
        history = {
            tr.th.get_text(strip=True): tr.td.get_text(strip=True)
            for tr in page.select("#history-caption ~ tbody tr")
        }
        assert history == {row["year"]: TIER_LABELS[row["tier"]] for row in rows}, name


def test_real_site_report_year_counts_equal_the_published_counts(real_site: BuildResult) -> None:
    columns = {
        "tier_1": "Tier 1",
        "tier_2": "Tier 2",
        "tier_2wl": "Tier 2 Watch List",
        "tier_3": "Tier 3",
        "special": "Special case",
    }
    with (DATA / "tier_counts_by_year.csv").open(encoding="utf-8", newline="") as handle:
        published = list(csv.DictReader(handle))
    assert len(published) == 15
    for row in published:
        page = real_site.html(f"reports/{row['year']}/")
        found = {}
        for heading in page.select("section h2[id^=tier-]"):
            label, count = heading.get_text(" ", strip=True).rstrip(" #").split(": ")
            found[label] = int(count.split()[0])
            listed = heading.find_parent("section").select(".country-list li")
            assert len(listed) == found[label], (row["year"], label)
        expected = {label: int(row[col]) for col, label in columns.items() if int(row[col])}
        assert found == expected, row["year"]


def test_real_site_downloads_equal_the_source_rows(real_site: BuildResult) -> None:
    expected = sorted(
        (r["country"], r["iso3"], r["region"], r["year"], r["tier"]) for r in _source_rows()
    )
    written = (real_site.output / "data/tier-placements.csv").read_text(encoding="utf-8")
    assert sorted(tuple(r.values()) for r in csv.DictReader(io.StringIO(written))) == expected
    document = json.loads((real_site.output / "data/tier-placements.json").read_text("utf-8"))
    assert len(document["placements"]) == len(expected) == 2334


def test_real_site_map_links_countries_and_home_summary_is_live(real_site: BuildResult) -> None:
    index = real_site.html("countries/")
    links = index.select("figure svg a[href]")
    assert len(links) > 150
    assert all(a["href"].startswith("https://example.org/tip/countries/") for a in links)
    home = real_site.html("")
    summary = home.select_one(".tier-summary").get_text(" ", strip=True)
    assert "In the data on this site, the 2015 TIP Report placed 188 countries" in summary
    assert "Tier 1 31 countries" in summary


@pytest.mark.parametrize(
    ("relpath", "chart"), [("countries/burma/", "history"), ("reports/", "counts")]
)
def test_real_site_charts_come_as_a_wide_and_a_compact_drawing(
    real_site: BuildResult, relpath: str, chart: str
) -> None:
    page = real_site.html(relpath)
    (figure,) = page.select("figure.chart-figure")
    drawings = figure.find_all("svg", recursive=False)
    assert [d["class"][-1] for d in drawings] == ["chart--wide", "chart--compact"]
    for drawing, variant in zip(drawings, ("wide", "compact"), strict=True):
        assert drawing["role"] == "img"
        assert drawing["aria-labelledby"] == f"{chart}-{variant}-title {chart}-{variant}-desc"
        assert not drawing.has_attr("style") and not drawing.find("style")
    assert figure.figcaption is not None
    assert page.select_one(".table-wrap table"), "the table that gives the same data"
    ids = [node["id"] for node in page.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("relpath", ["countries/", ""])
def test_real_site_map_has_no_text_and_its_key_is_a_list(
    real_site: BuildResult, relpath: str
) -> None:
    page = real_site.html(relpath)
    figure = page.select_one("figure.map-figure")
    svg, key = figure.find("svg", class_="world-map"), figure.find("ul", class_="map-key")
    assert svg is not None and key is not None
    assert not svg.find_all("text")
    labels = [item.get_text(strip=True) for item in key.find_all("li")]
    assert labels[0] == "Tier 1" and labels[-1] == "Not in the 2015 report"
    assert all(s["aria-hidden"] == "true" for s in key.find_all("svg"))
    ids = [node["id"] for node in page.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_a_draft_naming_a_country_is_listed_only_in_the_preview(tmp_path: Path) -> None:
    site_dir = _copy(tmp_path)
    (site_dir / "content/news/2010-07-03-draft.md").write_text(
        "Title: A draft about Burma\nDate: 2010-07-03 10:00\nCategory: Stories\n"
        "Countries: MMR\nStatus: draft\n\nText.\n",
        encoding="utf-8",
    )
    preview = _build_copy(site_dir)
    titles = [a.get_text() for a in preview.html("countries/burma/").select("li a")]
    assert "A draft about Burma" in titles
    publish = _build_copy(site_dir, publish=True)
    assert publish.warnings == []
    titles = [a.get_text() for a in publish.html("countries/burma/").select("li a")]
    assert "A draft about Burma" not in titles


# --- The real site's narratives and wording -----------------------------------------------

NARRATIVES = PROJECT / "content" / "countries"


def test_real_site_every_narrative_builds_its_page_with_sources(real_site: BuildResult) -> None:
    files = sorted(NARRATIVES.glob("*/*.md"))
    assert len(files) >= 13
    assert real_site.warnings == []
    for file in files:
        page = real_site.html(f"countries/{file.parent.name}/{file.stem}/")
        links = page.select(
            ".narrative-facts__sources a[href^='https://'], .narrative-facts__sources a[href^='http://']"
        )
        assert links, file
        country = real_site.html(f"countries/{file.parent.name}/")
        assert f"What the {file.stem} report says" in country.select_one("#narrative-heading").text
    listed = real_site.html("reports/2010/").select("#narratives-heading ~ ul a")
    assert len(listed) == len(files)


def test_real_site_an_unbroken_run_says_since_when(real_site: BuildResult) -> None:
    movement = real_site.html("countries/burma/").select_one(".country__movement").get_text()
    assert "On Tier 2 Watch List in every report since 2012." in " ".join(movement.split())


def test_real_site_the_watch_list_has_no_count_before_it_existed(real_site: BuildResult) -> None:
    row = real_site.html("reports/").select_one("table.data-table tbody tr")
    cells = [cell.get_text(strip=True) for cell in row.select("td")]
    assert row.th.get_text(strip=True) == "2001"
    assert cells[2] == "—"  # Tier 1, Tier 2, then Tier 2 Watch List


def test_real_site_an_inverted_name_shows_its_common_name(real_site: BuildResult) -> None:
    page = real_site.html("countries/congo-democratic-republic-of-the/")
    assert page.h1.get_text(strip=True) == "Congo, Democratic Republic of the"
    assert "Democratic Republic of the Congo" in page.select_one(".country__common-name").text


def test_real_site_repeats_no_myth_about_what_trafficking_is(real_site: BuildResult) -> None:
    """The legal test is force, fraud or coercion (none for a minor in commercial sex)."""
    for file in real_site.output.rglob("*"):
        if file.suffix in (".html", ".xml", ".json", ".txt"):
            assert "not free to leave" not in file.read_text(encoding="utf-8").lower(), file
