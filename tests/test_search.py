"""Search (plugins/search): what goes into the Pagefind index, and the names it finds.

On the real site's publish build: every published page of an indexed kind carries
``data-pagefind-body``, and nothing else does (no draft, redirect stub, 404, list or the search
page); the bundle holds as many pages; a country's filters give its tier in every report year.
The names readers type come from data (names.py) and resolve ``Countries:`` too.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sitebuild import Builder, BuildResult

from plugins._common.names import AliasError, names_of, read_aliases
from plugins._common.tipdata import load_tip_data
from plugins.search.indexer import Indexed, _whole, index_site

pytestmark = pytest.mark.plugin("search")
DATA = Path(__file__).resolve().parent.parent / "content" / "data"


def _indexed(site: BuildResult) -> list[str]:
    return [
        page.as_posix()
        for page in site.pages()
        if site.html(page.as_posix()).select_one("main[data-pagefind-body]")
    ]


def test_the_index_holds_the_published_pages_and_nothing_else(real_site: BuildResult) -> None:
    """Countries, news, campaigns and office pages are indexed; 404, stubs and lists are not."""
    indexed = set(_indexed(real_site))
    entry = json.loads((real_site.output / "pagefind/pagefind-entry.json").read_text())
    # one index per language (Pagefind reads <html lang>), all in the root's bundle
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert sum(counts.values()) == len(indexed)
    assert counts["en"] == len(
        [
            page
            for page in indexed
            if "/" not in page.split("/", 1)[0] and page.split("/", 1)[0] not in counts
        ]
    )
    for page in ("countries/burma/index.html", "about/index.html", "get-help/index.html"):
        assert page in indexed
    assert "news/2010/2010-tip-report-ranks-the-united-states/index.html" in indexed
    for page in ("404.html", "search/index.html", "news/index.html", "campaigns/index.html"):
        assert page not in indexed
    stubs = [
        page.as_posix()
        for page in real_site.pages()
        if real_site.html(page.as_posix()).find("meta", attrs={"http-equiv": "refresh"})
    ]
    assert stubs and not indexed & set(stubs)
    noindex = [
        page
        for page in indexed
        if real_site.html(page).find("meta", attrs={"name": "robots", "content": "noindex"})
    ]
    assert noindex == []


def test_no_draft_is_indexed(real_site_preview: BuildResult) -> None:
    """The preview writes drafts; none of them goes into the index."""
    drafts = [page for page in real_site_preview.pages() if page.parts[0] == "drafts"]
    assert not set(_indexed(real_site_preview)) & {page.as_posix() for page in drafts}


def test_a_country_is_filtered_by_its_tier_in_each_report_year(real_site: BuildResult) -> None:
    """Burma's page says its type, region, latest tier and the tier of every report year."""
    spans = real_site.html("countries/burma/").select("[data-pagefind-filter]")
    filters = {tuple(span["data-pagefind-filter"].split(":", 1)) for span in spans}
    assert ("type", "Country") in filters
    assert ("region", "East Asia and Pacific") in filters
    assert ("tier", "Tier 2 Watch List") in filters
    assert ("tier-2010", "Tier 3") in filters and ("tier-2015", "Tier 2 Watch List") in filters
    assert len([key for key, _ in filters if key.startswith("tier-")]) == 15


def test_news_is_filtered_by_category_and_year_and_sorted_by_date(real_site: BuildResult) -> None:
    page = real_site.html("news/2010/2010-tip-report-ranks-the-united-states/")
    filters = {span["data-pagefind-filter"] for span in page.select("[data-pagefind-filter]")}
    assert {"type:News", "category:Press releases", "year:2010"} <= filters
    assert page.select_one('[data-pagefind-sort="date:2010-06-14"]') is not None


def test_a_country_page_shows_the_names_readers_type(real_site: BuildResult) -> None:
    """Burma's page says "Myanmar" (weighted in the index) and its ISO codes."""
    names = real_site.html("countries/burma/").select_one(".country__names")
    assert "Myanmar" in names.select_one("[data-pagefind-weight]").get_text()
    assert "MM, MMR" in names.get_text()


@pytest.mark.parametrize(
    ("name", "iso3", "expected"),
    [
        ("Burma", "MMR", "Myanmar"),
        ("Cote d'Ivoire", "CIV", "Ivory Coast"),
        ("Cote d'Ivoire", "CIV", "Côte d'Ivoire"),
        ("North Korea", "PRK", "DPRK"),
        ("Swaziland", "SWZ", "Eswatini"),
    ],
)
def test_other_names_come_from_data(name: str, iso3: str, expected: str) -> None:
    """pycountry, CLDR (Babel) and the sourced alias file give the names readers type."""
    aliases = read_aliases(DATA / "country_aliases.csv")
    assert expected in names_of(name, iso3, aliases)
    assert name not in names_of(name, iso3, aliases)


def test_countries_resolve_by_the_names_readers_type() -> None:
    """`Countries: Myanmar` finds Burma, as search does; a shared name finds no one."""
    aliases = read_aliases(DATA / "country_aliases.csv")
    data = load_tip_data(DATA / "tier_history.csv", aliases=aliases)
    assert data.lookup("Myanmar").name == "Burma"
    assert data.lookup("ivory coast").iso3 == "CIV"
    assert data.lookup("MM").name == "Burma"
    assert data.lookup("Burma").name == "Burma"


def test_an_alias_without_a_source_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "country_aliases.csv"
    bad.write_text("iso3,name,source\nCIV,Ivory Coast,\n", encoding="utf-8")
    with pytest.raises(AliasError, match=r"country_aliases.csv:2: the source .*Fix: cite"):
        read_aliases(bad)
    bad.write_text("iso3,name,source\nXXX,Atlantis,a page | https://example.org\n")
    with pytest.raises(AliasError, match=r":2: 'XXX' is not an ISO 3166-1 alpha-3 code"):
        read_aliases(bad)


def test_a_rebuild_with_no_change_keeps_the_bundle(build_site: Builder) -> None:
    """Pagefind orders filter values anew on each run; an unchanged site keeps its bundle."""
    first = build_site("minimal")
    bundle = first.output / "pagefind"
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in bundle.rglob("*") if p.is_file()}
    assert any(p.suffix == ".pf_filter" for p in before)
    again = build_site(
        "minimal", OUTPUT_PATH=str(first.output), CACHE_PATH=first.settings["CACHE_PATH"]
    )
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in bundle.rglob("*") if p.is_file()}
    assert again.warnings == [] and after == before


def test_a_build_inside_a_running_event_loop_is_indexed(tmp_path: Path) -> None:
    """A build started where an event loop runs (a notebook, Playwright) still gets its index."""
    page = tmp_path / "site" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html lang="en"><body><main data-pagefind-body><h1>Atlantis</h1></main></body></html>'
    )

    async def build() -> Indexed:
        return index_site(tmp_path / "site", "pagefind")

    # In a thread of its own: this one may run Playwright's loop already (the browser tests).
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, build()).result().pages == 1


def test_an_incomplete_bundle_is_never_shipped(real_site: BuildResult, tmp_path: Path) -> None:
    """A bundle whose entry file or a compressed file was cut short is made again."""
    bundle = tmp_path / "bundle"
    shutil.copytree(real_site.output / "pagefind", bundle)
    assert _whole(bundle)
    fragment = next((bundle / "fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes()[:10])
    assert not _whole(bundle)
    (bundle / "pagefind-entry.json").write_text("")
    assert not _whole(bundle)
