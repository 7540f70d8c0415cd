"""The real site, end to end: built from the project's content/ with the real theme and plugins.

Each check runs on the publish build (absolute URLs under https://example.org/tip) and on the
preview build (relative URLs, drafts written): no warnings, no broken link or fragment, the
landmarks every page needs, nothing a strict Content Security Policy would block, no request to
another host, light pages, and a byte-for-byte reproducible publish build.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from siteaudit import Audit, audit
from sitebuild import PROJECT, PUBLISH_SITEURL, BuildResult

pytestmark = pytest.mark.slow

BUILDS = ["real_site", "real_site_preview"]
# What a first visit transfers, gzip-compressed: HTML plus the stylesheets it links. The home
# page carries the world map (inline SVG, about 30 KB compressed); a typical page far less.
MAX_HOME_WEIGHT = 50 * 1024
MAX_MEDIAN_WEIGHT = 25 * 1024


@pytest.fixture(scope="module", params=BUILDS)
def site(request: pytest.FixtureRequest) -> BuildResult:
    """Return the publish build, then the preview build, of the real site."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def findings(site: BuildResult) -> Audit:
    """Audit every page of the build once; the tests below read its lists."""
    return audit(site)


def _report(problems: list[str], limit: int = 40) -> str:
    shown = "\n".join(problems[:limit])
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problem(s):\n{shown}{more}"


def test_builds_without_warnings(site: BuildResult) -> None:
    """Strict build: not a single warning or error is logged."""
    assert site.warnings == [], _report(site.warnings)


def test_writes_pages(findings: Audit) -> None:
    """The build wrote HTML pages, so the checks below have something to check."""
    assert len(findings.pages) > 1


def test_internal_references_resolve(findings: Audit) -> None:
    """Every internal href/src/srcset (and CSS url) leads to a written file and existing id."""
    assert findings.broken == [], _report(findings.broken)


def test_every_page_declares_its_language(findings: Audit) -> None:
    """Every page's <html> carries a lang attribute."""
    assert findings.lang == [], _report(findings.lang)


def test_every_page_has_one_h1(findings: Audit) -> None:
    """Every page has exactly one <h1>."""
    assert findings.h1 == [], _report(findings.h1)


def test_every_page_has_one_main_landmark(findings: Audit) -> None:
    """Every page has exactly one main landmark, and its id is main-content."""
    assert findings.main == [], _report(findings.main)


def test_skip_link_comes_first(findings: Audit) -> None:
    """The first element the keyboard reaches is a link to #main-content."""
    assert findings.skip_link == [], _report(findings.skip_link)


def test_no_inline_code(findings: Audit) -> None:
    """No inline script, event handler, javascript: URL, <style> or style= (strict CSP)."""
    assert findings.inline_code == [], _report(findings.inline_code)


def test_no_third_party_requests(findings: Audit) -> None:
    """Nothing a page or stylesheet loads comes from another host."""
    assert findings.third_party == [], _report(findings.third_party)


def test_external_links_have_noopener(findings: Audit) -> None:
    """Every link to another host carries rel=noopener."""
    assert findings.noopener == [], _report(findings.noopener)


def test_pages_are_light(site: BuildResult, findings: Audit) -> None:
    """A first visit to the home page transfers under 50 KB, to the median page under 25 KB."""
    weights = findings.weight
    home = site.output / "index.html"
    assert home in weights, "no index.html"
    assert weights[home] < MAX_HOME_WEIGHT, f"index.html weighs {weights[home]} bytes"
    median = statistics.median(weights.values())
    heaviest = sorted(weights.items(), key=lambda item: -item[1])[:5]
    listing = ", ".join(f"{p.relative_to(site.output)}={w}" for p, w in heaviest)
    assert median < MAX_MEDIAN_WEIGHT, f"median page weighs {median} bytes; heaviest: {listing}"


def _digests(root: Path) -> dict[str, str]:
    return {
        file.relative_to(root).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(root.rglob("*"))
        if file.is_file()
    }


def test_publish_build_is_reproducible(real_site: BuildResult, tmp_path: Path) -> None:
    """A second publish build, in another process and folder, writes byte-identical files
    (but for the order of Pagefind's filter values: see below)."""
    output = tmp_path / "again"
    env = {**os.environ, "SITEURL": PUBLISH_SITEURL, "PYTHONHASHSEED": "1"}
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(PROJECT / "content"),
        "--settings",
        str(PROJECT / "publishconf.py"),
        "--output",
        str(output),
        "--extra-settings",
        f'SITEURL="{PUBLISH_SITEURL}"',
    ]
    run = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    first, second = _digests(real_site.output), _digests(output)
    # Pagefind writes each filter's values in a hash map's order, new on every run: its filter
    # files (named by their bytes), the metadata naming them and the entry file differ; the
    # index itself (words, fragments, sorting) does not. plugins/search keeps a bundle whose
    # pages did not change, so rebuilds rewrite nothing; two clean builds differ only there.
    assert _bundle_shape(first) == _bundle_shape(second)
    first, second = _without_ordered(first), _without_ordered(second)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == [], _report(differing)


def _ordered(name: str) -> bool:
    """Tell whether a file is one of Pagefind's that follow its filters' hash-map order."""
    return name.startswith("pagefind/filter/") or (
        name.startswith("pagefind/")
        and (name.endswith(".pf_meta") or name.endswith("pagefind-entry.json"))
    )


def _without_ordered(digests: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in digests.items() if not _ordered(name)}


def _bundle_shape(digests: dict[str, str]) -> tuple[int, int]:
    """Return how many filter files and metadata files the Pagefind bundle has."""
    names = [name for name in digests if _ordered(name)]
    return sum(n.startswith("pagefind/filter/") for n in names), sum(".pf_meta" in n for n in names)
