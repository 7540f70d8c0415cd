"""Benchmark: time Pelican builds of the real site and of a synthetic site of N articles.

    .venv/bin/python bench/build.py                 # 200 synthetic articles
    .venv/bin/python bench/build.py --articles 500 --content-cache

Every build is a separate ``python -m pelican`` process with ``-s pelicanconf.py`` and the real
theme and plugins, so import time and memory are measured as a writer would see them. A cold
build writes into an empty output folder; a warm build runs again over that output (with
``--content-cache``, also over Pelican's content cache). Pages per second counts the HTML files
in the output; peak memory is the build process's maximum resident set size (``wait4``).

The synthetic site is the real ``content/`` plus N generated articles (headings, an aligned
table, a footnote, internal and external links, an image), all in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

PROJECT = Path(__file__).resolve().parent.parent
CATEGORIES = ("Stories", "Campaigns", "Statements", "Press releases")
TAGS = (
    "forced-labor",
    "sex-trafficking",
    "child-soldiers",
    "victim-protection",
    "prosecution",
    "prevention",
    "supply-chains",
    "hotline",
    "grants",
    "tip-report",
)
WORDS = tuple(
    " ".join(
        (
            "government victims trafficking labor report protection prevention prosecution",
            "partners shelters survivors law enforcement recruitment debt bondage domestic",
            "workers fishing agriculture training hotline identification referral courts",
        )
    ).split()
)

# Pelican's console log names the level of each warning or error it prints.
PROBLEM = re.compile(r"\b(?:WARNING|ERROR|CRITICAL)\b")


@dataclass(frozen=True)
class Build:
    """One measured build: wall time, HTML files written, peak memory, problems logged."""

    seconds: float
    html_files: int
    peak_mb: float
    problems: int

    @property
    def pages_per_second(self) -> float:
        """Return HTML files in the output divided by the build's wall time."""
        return self.html_files / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Row:
    """The cold and warm builds of one site."""

    site: str
    articles: int
    cold: Build
    warm: Build


def pelican_command(content: Path, output: Path, cache: Path | None) -> list[str]:
    """Return the ``python -m pelican`` command line for one preview build."""
    overrides = {
        "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_CONTENT": cache is not None,
        "LOAD_CONTENT_CACHE": cache is not None,
        "CACHE_PATH": str(cache or output.parent / "cache"),
    }
    command = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py"]
    command += ["-o", str(output)]
    for key, value in overrides.items():
        command += ["-e", f"{key}={json.dumps(value)}"]
    return command


def measure(command: list[str], output: Path) -> Build:
    """Run one build in a child process and measure it; stop the benchmark if it fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read().decode(errors="replace")
    if process.returncode != 0:
        sys.exit(f"build failed ({' '.join(command)}):\n{text}")
    html_files = sum(1 for _ in output.rglob("*.html"))
    problems = len(PROBLEM.findall(text))
    return Build(seconds, html_files, usage.ru_maxrss / 1024, problems)  # maxrss: KiB on Linux


def bench_site(name: str, content: Path, work: Path, *, content_cache: bool) -> Row:
    """Build ``content`` cold then warm into ``work`` and return both measurements."""
    output = work / f"{name}-output"
    cache = work / f"{name}-cache" if content_cache else None
    command = pelican_command(content, output, cache)
    cold = measure(command, output)
    warm = measure(command, output)
    articles = sum(1 for _ in (content / "news").rglob("*.md"))
    return Row(name, articles, cold, warm)


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_text(number: int, rng: random.Random) -> str:
    """Return the Markdown of synthetic article ``number``, like a real news story."""
    day = date(2001, 1, 1) + timedelta(days=number * 5)
    tags = ", ".join(rng.sample(TAGS, 2))
    previous = f"[the previous story]({{filename}}bench-{number - 1:05d}.md)" if number else ""
    paragraphs = "\n\n".join(_paragraph(rng, 60) for _ in range(3))
    return f"""Title: Benchmark story {number}
Slug: bench-story-{number:05d}
Date: {day.isoformat()} 09:00
Category: {CATEGORIES[number % len(CATEGORIES)]}
Tags: {tags}
Summary: {_paragraph(rng, 20)}

{paragraphs}[^note]

![A one-colour test image]({{static}}/images/bench-image.png)

## Tier placements

| Country | Tier | Year | Note |
|:--------|:----:|-----:|------|
| Atlantis | 1 | {day.year} | {rng.choice(WORDS)} |
| Utopia | 2WL | {day.year} | {rng.choice(WORDS)} |

### What changed

{_paragraph(rng, 80)} See the [UN Office on Drugs and Crime](https://www.unodc.org/) and
{previous or "the news index"}.

## Further reading

{_paragraph(rng, 50)}

[^note]: {_paragraph(rng, 12)}
"""


def make_synthetic_site(root: Path, articles: int) -> Path:
    """Copy the real content into ``root`` and add ``articles`` generated stories."""
    content = root / "content"
    shutil.copytree(PROJECT / "content", content)
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (64, 48), (0, 51, 102)).save(content / "images" / "bench-image.png")
    news = content / "news" / "bench"
    news.mkdir(parents=True)
    rng = random.Random(2010)
    for number in range(articles):
        (news / f"bench-{number:05d}.md").write_text(article_text(number, rng), encoding="utf-8")
    return content


def print_table(rows: list[Row]) -> None:
    """Print the measurements as an aligned table."""
    header = (
        "site",
        "articles",
        "HTML",
        "cold s",
        "warm s",
        "cold p/s",
        "warm p/s",
        "peak MB",
        "warnings",
    )
    lines = [header]
    for row in rows:
        peak = max(row.cold.peak_mb, row.warm.peak_mb)
        lines.append(
            (
                row.site,
                str(row.articles),
                str(row.cold.html_files),
                f"{row.cold.seconds:.2f}",
                f"{row.warm.seconds:.2f}",
                f"{row.cold.pages_per_second:.1f}",
                f"{row.warm.pages_per_second:.1f}",
                f"{peak:.0f}",
                str(max(row.cold.problems, row.warm.problems)),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        cells = [line[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
        print("  ".join(cells))


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its table (and write JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic articles (200)")
    parser.add_argument(
        "--content-cache", action="store_true", help="let warm builds use Pelican's content cache"
    )
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tip-bench-"))
    try:
        cache = args.content_cache
        rows = [bench_site("real site", PROJECT / "content", work, content_cache=cache)]
        synthetic = make_synthetic_site(work / "synthetic", args.articles)
        name = f"synthetic (+{args.articles})"
        rows.append(bench_site(name, synthetic, work, content_cache=cache))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_table(rows)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(row) for row in rows], indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
