"""Benchmark: what search costs. Prints two figures against their budgets (issue: search).

    .venv/bin/python bench/search.py             # 3 runs of each build
    .venv/bin/python bench/search.py --runs 5

1. Indexing time: the real site's publish build, timed as a whole process
   (``python -m pelican ... -s publishconf.py``) with ``SEARCH_INDEX`` on and off, the runs
   alternating so that the machine's load falls on both; medians, and the share indexing adds
   (budget: 10%).
2. Transfer on first use: a build served from its own origin with gzip (tests/siteserver.py),
   opened in Debian's chromium at search/?<query> for a few typical queries, each in a new
   browser context (a first visit: nothing cached). It sums the encoded bytes of every response
   the search needed beyond the page itself: search.js, pagefind.js, the WebAssembly, the index
   chunks, filters and result fragments (budget: 150 KB).
"""

# ruff: noqa: E402 (the project's packages are importable only once PROJECT is on sys.path)
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from browser import CHROMIUM
from playwright.sync_api import sync_playwright
from siteserver import SiteServer

SITEURL = "https://example.org/tip"
# Typical first searches: words, and the filters alone (every 2010 Tier 3 country).
QUERIES = ("q=Myanmar", "q=forced+labor", "q=Tier+3", "q=hotline", "tier=Tier+3&report=2010")
INDEX_BUDGET = 0.10
TRANSFER_BUDGET = 150 * 1024
STATUS_HAS = "(text) => document.querySelector('[data-search-status]').textContent.includes(text)"


def timed_build(output: Path, index: bool) -> float:
    """Build the real site with the publish settings into ``output``; return the seconds."""
    command = [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py", "-o"]
    command += [str(output), "-e", f"SITEURL={SITEURL!r}".replace("'", '"')]
    command += ["-e", f"SEARCH_INDEX={'true' if index else 'false'}", "-q"]
    started = time.perf_counter()
    subprocess.run(command, cwd=PROJECT, check=True, env={**os.environ, "SITEURL": SITEURL})
    return time.perf_counter() - started


def indexing_share(scratch: Path, runs: int) -> tuple[float, float]:
    """Return the median build seconds without and with the index."""
    times: dict[bool, list[float]] = {False: [], True: []}
    for run in range(runs):
        for index in (False, True):
            times[index].append(timed_build(scratch / f"site-{run}-{index}", index))
    return statistics.median(times[False]), statistics.median(times[True])


def first_use_bytes(output: Path, query: str) -> int:
    """Return the encoded bytes a first search (``query``: the address's) transfers beyond
    the page itself."""
    with SiteServer(output, SITEURL, rewrite=True, compress=True) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context().new_page()
        requests = []
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(f"{server.base_url}/search/?{query}")
        page.wait_for_function(STATUS_HAS, arg="result")
        searched = [r for r in requests if "/pagefind/" in r.url or "/js/" in r.url]
        size = sum(r.sizes()["responseBodySize"] for r in searched)
        browser.close()
        return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        without, with_index = indexing_share(Path(scratch), args.runs)
        share = with_index / without - 1
        print(f"publish build of the real site, median of {args.runs} run(s):")
        print(f"  without the index {without:6.2f} s")
        print(
            f"  with the index    {with_index:6.2f} s   (+{share:.1%}; budget +{INDEX_BUDGET:.0%})"
        )
        built = Path(scratch) / "site-0-True"
        print("first search of a visit, encoded bytes beyond the page (budget 150 KB):")
        for query in QUERIES:
            size = first_use_bytes(built, query)
            verdict = "within" if size <= TRANSFER_BUDGET else "OVER"
            print(f"  ?{query:24} {size / 1024:6.1f} KB  {verdict} budget")


if __name__ == "__main__":
    main()
