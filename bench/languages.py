"""Benchmark: what each added language costs a publish build of the real site.

    .venv/bin/python bench/languages.py            # 3 runs of each
    .venv/bin/python bench/languages.py --runs 5

Builds the project's content with the publish settings, first in English alone, then adding
one language of ``LANGUAGES`` at a time (each a sub-site of the same build), each build a
separate cold process into a fresh folder. Prints the median wall time of each, and the time
each added language adds (median minus the previous median), with the pages written.
"""

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
BUILD = """
import sys
from pathlib import Path
from deploy.strict import pelican_in_process
problems = pelican_in_process(Path.cwd(), Path("publishconf.py"), {
    "OUTPUT_PATH": sys.argv[1], "CACHE_PATH": sys.argv[2], "LANGUAGES": sys.argv[3].split(","),
})
# With fewer languages, the other languages' translations are reported: that is expected.
stopped = [p for p in problems if p.startswith("the build stopped")]
sys.exit(1 if stopped else 0)
"""


def one_build(languages: list[str]) -> tuple[float, int]:
    """Build once, cold; return the wall seconds and the HTML pages written."""
    with tempfile.TemporaryDirectory(prefix="bench-lang-") as scratch:
        output, cache = Path(scratch, "output"), Path(scratch, "cache")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", BUILD, str(output), str(cache), ",".join(languages)],
            cwd=PROJECT,
            check=True,
            env={**os.environ, "SITEURL": "https://example.org/tip"},
            capture_output=True,
        )
        seconds = time.perf_counter() - started
        return seconds, sum(1 for _ in output.rglob("*.html"))


def main(argv: list[str] | None = None) -> int:
    """Print the median build time for 1, 2, ... languages and what each one adds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PROJECT))
    from pelican.settings import read_settings

    languages = list(read_settings(str(PROJECT / "pelicanconf.py"))["LANGUAGES"])
    previous = None
    print(f"real site, publish build, median of {args.runs} cold run(s)")
    print(f"{'languages':<16}{'seconds':>9}{'added':>9}{'pages':>8}")
    for count in range(1, len(languages) + 1):
        chosen = languages[:count]
        runs = [one_build(chosen) for _ in range(args.runs)]
        median = statistics.median(seconds for seconds, _ in runs)
        added = "" if previous is None else f"{median - previous:+.1f}"
        print(f"{'+'.join(chosen):<16}{median:>9.1f}{added:>9}{runs[0][1]:>8}")
        previous = median
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
