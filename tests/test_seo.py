"""plugins.seo and plugins.assets on the ``seo`` fixture site and on the real site.

The sitemap validates against the sitemaps.org schema and lists every public page (no
redirect, 404 or draft) with lastmod from the content; robots.txt names it; every page has
an absolute canonical link and the <meta> CSP; JSON-LD blocks are valid JSON of the expected
types, the BreadcrumbList repeating the visible trail; old addresses get redirect pages and
_redirects lines, and mistakes in them are reported with their file and line; _headers and
docs/hosting.md carry the same policy; theme files are fingerprinted by content, and a
stylesheet's references to fonts and images are rewritten to match.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from lxml import etree
from sitebuild import PROJECT, PUBLISH_SITEURL, SITES, THEME, BuildResult, build, site_overrides

from deploy.checks import check_links
from plugins.assets.fingerprint import build_manifest, fingerprinted_name, rewrite_css
from plugins.seo.policy import cache_control, content_security_policy
from plugins.seo.settings import DEFAULTS

pytestmark = pytest.mark.plugin("seo")

SITE = SITES / "seo"
SCHEMA = SITE / "sitemap.xsd"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MOVED = "news/2024/moved-story/"
OLD_ADDRESSES = {
    "news/2023/old-story/index.html": MOVED,
    "stories/old-story/index.html": MOVED,
    "team.html": "about/team/",
}
CSP_HEADER = content_security_policy(DEFAULTS["SEO_CSP"])
CSP_META = content_security_policy(DEFAULTS["SEO_CSP"], meta=True)


# plugins/content_checks checks each content type's field names, and its schemas do not list
# Old_URLs (nor Modified on a page) yet. Its warnings about those fields are left out here, so
# that these tests check the seo plugin's own messages.
OTHER_PLUGINS_WARNING = re.compile(r": (Old_URLs|Modified): '(Old_URLs|Modified)' is not a field")


def _ours(warnings: list[str]) -> list[str]:
    return [warning for warning in warnings if not OTHER_PLUGINS_WARNING.search(warning)]


def _build_seo(
    base: Path, *, publish: bool = True, edit: dict[str, str] | None = None, **overrides: Any
) -> BuildResult:
    """Copy the seo fixture site under ``base``, apply ``edit`` (path -> text) and build it."""
    site = base / "seo"
    shutil.copytree(SITE, site)
    for relpath, text in (edit or {}).items():
        (site / "content" / relpath).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / relpath).write_text(text, encoding="utf-8")
    settings = {**site_overrides(site), **overrides}
    result = build(site / "content", site / "output", publish=publish, overrides=settings)
    result.warnings[:] = _ours(result.warnings)
    return result


@pytest.fixture(scope="module")
def seo_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The seo fixture site, built with publish settings under https://example.org/tip."""
    return _build_seo(tmp_path_factory.mktemp("seo-publish"))


@pytest.fixture(scope="module")
def seo_preview(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The seo fixture site, built with the preview settings (relative links)."""
    return _build_seo(tmp_path_factory.mktemp("seo-preview"), publish=False)


XHTML_NS = "http://www.w3.org/1999/xhtml"


def _sitemaps(site: BuildResult) -> list[Path]:
    """Return the site's sitemap and each language sub-site's."""
    others = [lang for lang in site.settings.get("LANGUAGES", ()) if lang != "en"]
    return [site.output / "sitemap.xml", *(site.output / lang / "sitemap.xml" for lang in others)]


def _sitemap(site: BuildResult) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for path in _sitemaps(site):
        for url in etree.parse(str(path)).getroot():
            found[url.findtext(f"{SITEMAP_NS}loc")] = url.findtext(f"{SITEMAP_NS}lastmod")
    return found


def _json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def _of_type(soup: BeautifulSoup, kind: str) -> dict[str, Any]:
    found = [block for block in _json_ld(soup) if block.get("@type") == kind]
    assert len(found) == 1, f"{len(found)} {kind} blocks"
    return found[0]


def _canonical(soup: BeautifulSoup) -> str:
    links = soup.find_all("link", rel="canonical")
    assert len(links) == 1, links
    return str(links[0]["href"])


def _url_of(name: str) -> str:
    """Return the address of output file ``name`` under the publish SITEURL."""
    return f"{PUBLISH_SITEURL}/{name.removesuffix('index.html')}"


# --- The build ---------------------------------------------------------------------------


def test_fixture_builds_without_warnings(seo_site: BuildResult, seo_preview: BuildResult) -> None:
    """Publish and preview builds of the fixture log nothing."""
    assert seo_site.warnings == []
    assert seo_preview.warnings == []


def test_every_link_resolves_under_the_path(seo_site: BuildResult) -> None:
    """Every internal URL (canonical, refresh, sitemap included) leads to a written file."""
    assert check_links(seo_site.output, seo_site.siteurl) == []


# --- sitemap.xml and robots.txt ----------------------------------------------------------


@pytest.mark.parametrize("build_name", ["seo_site", "real_site"])
def test_sitemap_validates_against_the_schema(
    build_name: str, request: pytest.FixtureRequest
) -> None:
    """sitemap.xml is valid by the sitemaps.org XSD (protocol 0.9)."""
    site: BuildResult = request.getfixturevalue(build_name)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    for path in _sitemaps(site):
        document = etree.parse(str(path))
        # Google's hreflang links (xhtml:link) have no XSD of their own: checked here, then
        # left out of the validation against the protocol's schema.
        for link in document.getroot().iter(f"{{{XHTML_NS}}}link"):
            assert link.get("rel") == "alternate" and link.get("hreflang"), path
            assert link.get("href", "").startswith(site.siteurl + "/"), path
            link.getparent().remove(link)
        assert schema.validate(document), f"{path}: {schema.error_log}"


@pytest.mark.parametrize("build_name", ["seo_site", "real_site"])
def test_sitemap_lists_every_public_page(build_name: str, request: pytest.FixtureRequest) -> None:
    """Every HTML page but the 404, the redirect pages, drafts and the search page (a page of
    results: noindex), and nothing else."""
    site: BuildResult = request.getfixturevalue(build_name)
    redirects = {
        line.split()[0].removeprefix("/tip/")
        for line in (site.output / "_redirects").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    expected = {
        _url_of(page.as_posix())
        for page in site.pages()
        if page.as_posix() != "404.html"
        and not page.as_posix().endswith("search/index.html")
        and page.as_posix().removesuffix("index.html") not in redirects
    }
    assert set(_sitemap(site)) == expected
    assert all(".html" not in loc or loc.endswith(".html") for loc in expected)


def test_sitemap_leaves_out_redirects_404_and_drafts(seo_site: BuildResult) -> None:
    """Neither an old address, the 404 page nor the draft is listed."""
    listed = set(_sitemap(seo_site))
    for name in [*OLD_ADDRESSES, "404.html"]:
        assert (seo_site.output / name).is_file(), name
        assert _url_of(name) not in listed, name
    assert not any("unfinished" in loc for loc in listed)


def test_lastmod_comes_from_the_content(seo_site: BuildResult) -> None:
    """Modified wins over Date; a list has its newest article's; an undated page has none."""
    sitemap = _sitemap(seo_site)
    assert sitemap[_url_of(MOVED)] == "2024-02-01T16:30:00-05:00"
    assert sitemap[_url_of("news/2024/plain-story/")] == "2024-01-20T09:00:00-05:00"
    assert sitemap[_url_of("about/team/")] == "2024-03-05T12:00:00-05:00"
    assert sitemap[_url_of("news/")] == "2024-02-01T16:30:00-05:00"
    assert sitemap[_url_of("about/")] is None


def test_robots_txt_names_the_sitemap(seo_site: BuildResult) -> None:
    """robots.txt allows the site's path and points at the absolute sitemap address."""
    lines = (seo_site.output / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /tip/" in lines
    assert f"Sitemap: {PUBLISH_SITEURL}/sitemap.xml" in lines


# --- Canonical links, CSP meta and JSON-LD -----------------------------------------------


@pytest.mark.parametrize("build_name", ["seo_site", "real_site"])
def test_every_page_has_its_canonical_link_and_csp(
    build_name: str, request: pytest.FixtureRequest
) -> None:
    """Each page names its own absolute address (a redirect page: the new one) and the CSP."""
    site: BuildResult = request.getfixturevalue(build_name)
    moved = {
        line.split()[0].removeprefix("/tip/"): line.split()[1].removeprefix("/tip/")
        for line in (site.output / "_redirects").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    for page in site.pages():
        name = page.as_posix()
        soup = site.html(name)
        address = name.removesuffix("index.html")
        expected = _url_of(moved.get(address, address))
        assert _canonical(soup) == expected, name
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert isinstance(meta, Tag), name
        assert meta["content"] == CSP_META, name


def test_preview_canonical_is_absolute(seo_preview: BuildResult) -> None:
    """Preview pages link relatively, but their canonical address is absolute."""
    soup = seo_preview.html(MOVED)
    assert _canonical(soup) == f"{seo_preview.siteurl}/{MOVED}"
    stylesheet = soup.find("link", rel="stylesheet")
    assert isinstance(stylesheet, Tag)
    assert str(stylesheet["href"]).startswith("../../../assets/css/site.")


def test_news_article_structured_data(seo_site: BuildResult) -> None:
    """An article has a NewsArticle with headline, dates, publisher and its address."""
    article = _of_type(seo_site.html(MOVED), "NewsArticle")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "A story that moved"
    assert article["datePublished"] == "2024-01-10T09:00:00-05:00"
    assert article["dateModified"] == "2024-02-01T16:30:00-05:00"
    assert article["url"] == article["mainEntityOfPage"] == _url_of(MOVED)
    assert article["publisher"]["@type"] == "GovernmentOrganization"
    assert article["publisher"]["name"] == "SEO fixture site"
    assert article["author"][0]["name"]


def test_home_page_names_the_office(seo_site: BuildResult) -> None:
    """The home page describes the office as a GovernmentOrganization, and the WebSite."""
    soup = seo_site.html("")
    office = _of_type(soup, "GovernmentOrganization")
    assert office["url"] == f"{PUBLISH_SITEURL}/"
    assert office["parentOrganization"]["name"] == "U.S. Department of State"
    assert _of_type(soup, "WebSite")["publisher"] == {"@id": office["@id"]}


def test_breadcrumb_list_repeats_the_visible_trail(seo_site: BuildResult) -> None:
    """The BreadcrumbList has the trail's names and absolute links, the page itself last."""
    soup = seo_site.html("about/team/")
    nav = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert isinstance(nav, Tag)
    shown = [" ".join(li.get_text().split()) for li in nav.find_all("li")]
    items = _of_type(soup, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in items] == shown == ["Home", "About the fixture", "The team"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["item"] for item in items] == [
        f"{PUBLISH_SITEURL}/",
        f"{PUBLISH_SITEURL}/about/",
        f"{PUBLISH_SITEURL}/about/team/",
    ]


def test_dataset_on_the_open_data_page(real_site: BuildResult) -> None:
    """The open-data page describes the tier data as a Dataset whose downloads exist."""
    dataset = _of_type(real_site.html("data/"), "Dataset")
    assert dataset["url"] == f"{PUBLISH_SITEURL}/data/"
    assert len(dataset["description"]) >= 50
    assert dataset["temporalCoverage"] == "2001/2015"
    formats = {d["encodingFormat"] for d in dataset["distribution"]}
    assert formats == {"text/csv", "application/json"}
    for download in dataset["distribution"]:
        relative = download["contentUrl"].removeprefix(f"{PUBLISH_SITEURL}/")
        assert (real_site.output / relative).is_file(), download


def test_json_ld_is_data_not_script(real_site: BuildResult) -> None:
    """Every JSON-LD block parses, names schema.org, and never closes its <script> early."""
    for page in real_site.pages():
        raw = (real_site.output / page).read_text(encoding="utf-8")
        for match in re.finditer(r'<script type="application/ld\+json">(.*?)</script>', raw):
            block = json.loads(match.group(1))
            assert block["@context"] == "https://schema.org", page
            assert "<" not in match.group(1), page


# --- Redirects and 404 -------------------------------------------------------------------


def test_each_old_address_gets_a_redirect_page(seo_site: BuildResult) -> None:
    """A page at each old address refreshes to the new one, names it canonical, is noindex."""
    for name, target in OLD_ADDRESSES.items():
        soup = seo_site.html(name)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        assert isinstance(refresh, Tag), name
        assert refresh["content"] == f"0; url={_url_of(target)}", name
        assert _canonical(soup) == _url_of(target), name
        assert soup.find("meta", attrs={"name": "robots", "content": "noindex"}), name
        assert soup.find("a", href=_url_of(target)), name


def test_redirects_file_lists_them_under_the_path(seo_site: BuildResult) -> None:
    """_redirects has one 301 per old address, both sides under SITEURL's path."""
    lines = (seo_site.output / "_redirects").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [
        "/tip/news/2023/old-story/ /tip/news/2024/moved-story/ 301",
        "/tip/stories/old-story/ /tip/news/2024/moved-story/ 301",
        "/tip/team.html /tip/about/team/ 301",
    ]


def test_a_draft_makes_no_redirect(seo_site: BuildResult) -> None:
    """The draft's old address is not written."""
    assert not (seo_site.output / "news/2023/draft-old").exists()


def test_404_page_links_absolutely(seo_site: BuildResult, seo_preview: BuildResult) -> None:
    """404.html is noindex and, as it answers at any depth, every link is absolute."""
    for site in (seo_site, seo_preview):
        soup = site.html("404.html")
        assert soup.find("h1").get_text() == "Page not found"
        assert soup.find("meta", attrs={"name": "robots", "content": "noindex"})
        for element in soup.find_all(["a", "link"], href=True):
            href = str(element["href"])
            # the site's own links start with SITEURL; another site's (USA.gov) are absolute too
            assert href.startswith(("#", "tel:", site.siteurl, "https://")), href


BAD_OLD_ADDRESSES = {
    "https://example.org/old/": "is a full address, not a path on this site",
    "about/": "is the address of a page the site has now",
    "news/2023/old-story/": "is also listed by",
    "old/?page=2": "has a query or fragment",
}


@pytest.mark.parametrize("entry", sorted(BAD_OLD_ADDRESSES))
def test_a_bad_old_address_is_reported_with_its_line(tmp_path: Path, entry: str) -> None:
    """Each unusable entry is one warning naming the file, the Old_URLs line and the fix."""
    story = (
        "Title: Another story\nSlug: another\nDate: 2024-01-22 09:00\nCategory: Stories\n"
        f"Summary: A story with a bad old address.\nOld_URLs: {entry}\n\nText.\n"
    )
    result = _build_seo(tmp_path, edit={"news/another.md": story})
    news = tmp_path / "seo" / "content" / "news"
    # Files are read in path order: of two claiming one address, the second is reported.
    where = f"{news / 'moved-story.md'}:8" if "also listed" in BAD_OLD_ADDRESSES[entry] else None
    assert len(result.warnings) == 1, result.warnings
    expected = where or f"{news / 'another.md'}:6"
    assert result.warnings[0].startswith(f"{expected}: the old address "), result.warnings
    assert BAD_OLD_ADDRESSES[entry] in result.warnings[0]
    assert "Fix:" in result.warnings[0]


# --- Host files --------------------------------------------------------------------------


def _headers(site: BuildResult) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = ""
    for line in (site.output / "_headers").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if not line.startswith(" "):
            current = line
            rules[current] = {}
        else:
            name, value = line.strip().split(": ", 1)
            rules[current][name] = value
    return rules


def test_headers_file_sets_policy_and_cache_lifetimes(seo_site: BuildResult) -> None:
    """_headers: every path gets the CSP and security headers; assets a year, feeds short."""
    rules = _headers(seo_site)
    everything = rules["/tip/*"]
    assert everything["Content-Security-Policy"] == CSP_HEADER
    assert "frame-ancestors 'none'" in CSP_HEADER and "frame-ancestors" not in CSP_META
    for name in (
        "Referrer-Policy",
        "X-Content-Type-Options",
        "Permissions-Policy",
        "Strict-Transport-Security",
    ):
        assert everything[name] == DEFAULTS["SEO_SECURITY_HEADERS"][name]
    assert "Cache-Control" not in everything  # hosts join the values of overlapping rules
    assert rules["/tip/assets/*"] == {"Cache-Control": "public, max-age=31536000, immutable"}
    assert rules["/tip/feeds/*"] == {"Cache-Control": "public, max-age=900"}
    assert rules["/tip/cards/*"] == {"Cache-Control": "public, max-age=604800"}


def test_csp_allows_no_inline_code() -> None:
    """The policy has no 'unsafe-inline', no 'unsafe-eval' and nothing from another host; the
    one addition is 'wasm-unsafe-eval' for scripts, which the search's WebAssembly needs."""
    for directive, sources in DEFAULTS["SEO_CSP"].items():
        allowed = ("'self'", "'none'", "'wasm-unsafe-eval'" if directive == "script-src" else "")
        for source in sources:
            assert source in allowed, (directive, source)
    assert DEFAULTS["SEO_CSP"]["default-src"] == ["'none'"]
    assert DEFAULTS["SEO_CSP"]["script-src"] == ["'self'", "'wasm-unsafe-eval'"]


def test_cache_lifetimes_by_path() -> None:
    """Fingerprinted assets a year, cards a week, feeds 15 minutes, pages 5 minutes."""
    rules = DEFAULTS["SEO_CACHE_CONTROL"]
    assert cache_control("assets/css/site.0123456789.css", rules).endswith("immutable")
    assert cache_control("cards/news/story.png", rules) == "public, max-age=604800"
    assert cache_control("feeds/all.atom.xml", rules) == "public, max-age=900"
    assert cache_control("news/index.html", rules) == "public, max-age=300"


def test_hosting_doc_repeats_the_policy() -> None:
    """docs/hosting.md's nginx and Apache snippets carry the very CSP and headers of _headers."""
    doc = (PROJECT / "docs" / "hosting.md").read_text(encoding="utf-8")
    assert doc.count(CSP_HEADER) >= 3, "the nginx, Apache and _headers examples"
    for name, value in DEFAULTS["SEO_SECURITY_HEADERS"].items():
        assert f'add_header {name} "{value}" always;' in doc, name
        assert f'Header always set {name} "{value}"' in doc, name
    for _pattern, value in DEFAULTS["SEO_CACHE_CONTROL"]:
        assert value in doc, value


# --- Fingerprinted assets ----------------------------------------------------------------


@pytest.mark.plugin("assets")
def test_stylesheet_is_fingerprinted_by_content(seo_site: BuildResult) -> None:
    """The page links assets/css/site.<hash>.css, whose hash is the file's own SHA-256."""
    link = seo_site.html("").find("link", rel="stylesheet")
    assert isinstance(link, Tag)
    href = str(link["href"])
    match = re.fullmatch(
        re.escape(PUBLISH_SITEURL) + r"/assets/css/site\.([0-9a-f]{10})\.css", href
    )
    assert match, href
    written = seo_site.output / "assets" / "css" / f"site.{match.group(1)}.css"
    assert hashlib.sha256(written.read_bytes()).hexdigest()[:10] == match.group(1)
    assert written.read_bytes() == (THEME / "static" / "css" / "site.css").read_bytes()


@pytest.mark.plugin("assets")
def test_fingerprinted_name() -> None:
    """The hash goes before the first dot of the file name."""
    assert fingerprinted_name("css/site.css", b"x", 4) == "css/site.2d71.css"
    assert fingerprinted_name("fonts/a.woff2", b"x", 4) == "fonts/a.2d71.woff2"
    assert fingerprinted_name("LICENSE", b"x", 4) == "LICENSE.2d71"


@pytest.mark.plugin("assets")
def test_css_references_are_rewritten() -> None:
    """Relative url() and @import become fingerprinted; data:, absolute and unknown stay."""
    css = (
        '@import "base.css";\n'
        "@font-face { src: url('../fonts/a.woff2?v=1#x') format('woff2'); }\n"
        ".logo { background: url(../img/logo.svg); }\n"
        ".dot { background: url(data:image/png;base64,AAAA); }\n"
        ".far { background: url(https://example.org/x.png); }\n"
        ".gone { background: url(../img/missing.png); }\n"
    )
    known = {
        "css/base.css": "css/base.1.css",
        "fonts/a.woff2": "fonts/a.2.woff2",
        "img/logo.svg": "img/logo.3.svg",
    }
    rewritten = rewrite_css(css, "css/site.css", known.get)
    assert '@import "base.1.css";' in rewritten
    assert "url('../fonts/a.2.woff2?v=1#x')" in rewritten
    assert "url(../img/logo.3.svg)" in rewritten
    assert "url(data:image/png;base64,AAAA)" in rewritten
    assert "url(https://example.org/x.png)" in rewritten
    assert "url(../img/missing.png)" in rewritten


@pytest.mark.plugin("assets")
def test_a_changed_font_renames_the_stylesheet(tmp_path: Path) -> None:
    """The stylesheet's hash covers the names it references: a new font, a new stylesheet."""
    (tmp_path / "css").mkdir()
    (tmp_path / "fonts").mkdir()
    (tmp_path / "css" / "site.css").write_text("a { src: url(../fonts/a.woff2); }\n")
    font = tmp_path / "fonts" / "a.woff2"
    font.write_bytes(b"one")
    files = {"css/site.css": tmp_path / "css/site.css", "fonts/a.woff2": font}
    first = build_manifest(files, 10)
    font.write_bytes(b"two")
    second = build_manifest(files, 10)
    assert (
        first.assets["fonts/a.woff2"].fingerprinted != second.assets["fonts/a.woff2"].fingerprinted
    )
    assert first.assets["css/site.css"].fingerprinted != second.assets["css/site.css"].fingerprinted
    font_name = second.assets["fonts/a.woff2"].fingerprinted.removeprefix("fonts/")
    assert f"url(../fonts/{font_name})".encode() in second.assets["css/site.css"].content


@pytest.mark.plugin("assets")
def test_theme_fonts_and_images_are_fingerprinted_in_a_build(tmp_path: Path) -> None:
    """A theme with a font and an image: all three files fingerprinted, every link resolves."""
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    static = theme / "static"
    (static / "fonts").mkdir()
    (static / "fonts" / "body.woff2").write_bytes(b"not really a font")
    (static / "images").mkdir()
    (static / "images" / "seal.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    with (static / "css" / "site.css").open("a", encoding="utf-8") as css:
        css.write("@font-face { font-family: Body; src: url(../fonts/body.woff2); }\n")
        css.write('.seal { background: url("../images/seal.svg"); }\n')
    result = _build_seo(tmp_path, THEME=str(theme))
    assert result.warnings == []
    assets = result.output / "assets"
    fonts = list((assets / "fonts").glob("body.*.woff2"))
    images = list((assets / "images").glob("seal.*.svg"))
    sheets = list((assets / "css").glob("site.*.css"))
    assert len(fonts) == len(images) == len(sheets) == 1
    css = sheets[0].read_text(encoding="utf-8")
    assert f"url(../fonts/{fonts[0].name})" in css
    assert f'url("../images/{images[0].name}")' in css
    assert check_links(result.output, result.siteurl) == []
