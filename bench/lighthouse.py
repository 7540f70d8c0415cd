"""Benchmark: Lighthouse's four category scores for three pages of the published site.

    .venv/bin/python bench/lighthouse.py                 # build the site, 1 run per page
    .venv/bin/python bench/lighthouse.py --runs 5        # the median of 5 runs
    .venv/bin/python bench/lighthouse.py --site output   # a publish build (invoke preview)

Without ``--site`` the real site is built in this process with the publish settings under
https://example.org/tip, into a temporary folder, by the tests' builder (tests/sitebuild.py).
The build is served from its own origin by tests/siteserver.py with the headers of its
``_headers`` file (so its Content-Security-Policy applies) and gzip, as a host would. Lighthouse
drives a Chrome of its own, whose requests cannot be routed as the browser tests route theirs,
so the server writes its own address in place of the build's SITEURL in every text file.

The pages are the home page, countries/burma/ and the newest news article (tests/browser.py
picks them). Each run is ``node_modules/.bin/lighthouse`` with Debian's chromium (CHROME_PATH),
headless, in its default mobile form factor and simulated throttling. It prints each run's
performance, accessibility, best-practices and SEO scores (x100), then their median per page
(the performance score moves between runs with the machine's load: read the medians) and the
audits that cost each page points in its last run. Lighthouse is pinned at 12.8.2: version 13
needs Node 22.19 or later, and Debian 12's Node is 20.
"""

# ruff: noqa: E402 (the project's packages are importable only once PROJECT is on sys.path)
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from browser import CHROMIUM, checked_pages
from sitebuild import BuildResult, build
from siteserver import SiteServer

LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("home", "country", "news-article")
Scores = dict[str, float]


def built_site(site: Path | None, scratch: Path) -> BuildResult:
    """Return the build at ``site``, or build the real site with publish settings in ``scratch``."""
    if site is None:
        result = build(PROJECT / "content", scratch / "output", publish=True)
        if result.warnings:
            print(f"the build logged {len(result.warnings)} warning(s):", *result.warnings)
        return result
    found = BuildResult(site.resolve(), [], {"SITEURL": ""})
    canonical = found.html("").find("link", rel="canonical")
    if canonical is None:
        sys.exit(f"{found.path('')} has no <link rel=canonical>: is {site} a publish build?")
    found.settings["SITEURL"] = str(canonical["href"]).rstrip("/")
    return found


def lighthouse(url: str) -> dict[str, Any]:
    """Run Lighthouse once on ``url`` and return its JSON report."""
    command = [str(LIGHTHOUSE), url, "--chrome-flags=--headless=new --no-sandbox"]
    command += ["--output=json", "--quiet"]
    # Lighthouse 12's CLI takes the browser from CHROME_PATH (it has no --chrome-path).
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if run.returncode != 0:
        sys.exit(f"lighthouse failed on {url} (exit {run.returncode}):\n{run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    if report.get("runtimeError"):
        sys.exit(f"lighthouse could not load {url}: {report['runtimeError']}")
    return report


def scores(report: dict[str, Any]) -> Scores:
    """Return the four category scores of a report, x100."""
    categories = report["categories"]
    missing = [name for name in CATEGORIES if categories.get(name, {}).get("score") is None]
    if missing:
        sys.exit(f"{report['finalDisplayedUrl']}: no score for {', '.join(missing)}")
    return {name: categories[name]["score"] * 100 for name in CATEGORIES}


@dataclass
class PageRuns:
    """One page's scores, a run each, and the audits that cost it points in the last run."""

    scores: list[Scores] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def lost_points(report: dict[str, Any]) -> list[str]:
    """Return each weighted audit under full score: "category: audit-id (score)"."""
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            score = report["audits"][ref["id"]]["score"]
            if ref["weight"] and score is not None and score < 1:
                lost.append(f"{name}: {ref['id']} ({score:.2f})")
    return lost


def bench(server: SiteServer, paths: list[str], runs: int) -> tuple[dict[str, PageRuns], str]:
    """Run Lighthouse ``runs`` times on each page; return the results and what ran them."""
    results = {path: PageRuns() for path in paths}
    about = ""
    for number in range(1, runs + 1):
        for path, page in results.items():
            report = lighthouse(f"{server.base_url}/{path}")
            page.scores.append(scores(report))
            page.lost = lost_points(report)
            about = about or _environment(report)
            figures = " ".join(f"{name} {value:.0f}" for name, value in page.scores[-1].items())
            print(f"run {number}, /{path}: {figures}", flush=True)
    return results, about


def _environment(report: dict[str, Any]) -> str:
    agent = re.search(r"Chrome/(\d+)", report["environment"]["hostUserAgent"])
    chrome = f"Chromium {agent.group(1)}" if agent else "Chromium"
    settings = report["configSettings"]
    return (
        f"Lighthouse {report['lighthouseVersion']}, {chrome}, {settings['formFactor']}, "
        f"{settings['throttlingMethod']} throttling, benchmark index "
        f"{report['environment']['benchmarkIndex']:.0f}"
    )


def table(results: dict[str, PageRuns], runs: int, about: str) -> None:
    """Print the median of each category per page, then what cost each page points."""
    print(f"\nmedian of {runs} run(s); {about}; {platform.node()}, {os.cpu_count()} cores")
    width = max(len(path) for path in results) + 2
    print(f"{'page':{width}}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for path, page in results.items():
        medians = [statistics.median(run[name] for run in page.scores) for name in CATEGORIES]
        print(f"{'/' + path:{width}}" + "".join(f"{value:16.0f}" for value in medians))
    print("\naudits under full score in the last run:")
    for path, page in results.items():
        print(f"/{path}: {'; '.join(page.lost) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a publish build to serve (default: build one)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (medians are shown)")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: npm ci --ignore-scripts")
    if not CHROMIUM.is_file():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as scratch:
        site = built_site(args.site, Path(scratch))
        every = checked_pages(site)
        paths = [every[kind] for kind in PAGES]
        with SiteServer(site.output, site.siteurl, rewrite=True, compress=True) as server:
            print(f"serving {site.output} (built for {site.siteurl}) at {server.base_url}/")
            results, about = bench(server, paths, args.runs)
        table(results, args.runs, about)


if __name__ == "__main__":
    main()
