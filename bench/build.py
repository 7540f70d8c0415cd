"""Benchmark: this project against plain Pelican and Hugo, on the same posts, in one run.

    .venv/bin/python bench/build.py                      # 1,000 posts, 3 runs of each
    .venv/bin/python bench/build.py --posts 5000 --runs 1

The shared benchmark material (``../shared/bench``, see its README) writes one corpus of N
posts as a plain Pelican site (default theme) and as a Hugo site, and puts the same posts into
a copy of this project under its content schema. Each build is a separate process
(``pelican`` or Debian's ``hugo``), timed from outside, in this order for each system:

- cold: no output and no cache of any kind (Pelican's content cache, share cards, feeds);
- no change: the same build again over that output, caches warm;
- one edit: a sentence added to one post, then the build again.

For each it prints the median wall time over the runs, the peak memory of the build's
largest process, and for the no-change build the files it rewrote (a file counts as
rewritten when its modification time or inode changed, or its bytes); then each figure's
ratio to Hugo's. Live reload, where the preview shows an edited page before the full
rebuild, is measured by ``bench/livereload.py``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared" / "bench"
COUNTRIES = 200  # the corpus's country pages (the project drops them: it writes its own)
SYSTEMS = ("this project", "plain Pelican", "Hugo")


@dataclass(frozen=True)
class Run:
    """One build: wall seconds, the peak memory of its largest process, files it rewrote."""

    seconds: float
    peak_mib: float
    rewritten: int = 0
    files: int = 0


@dataclass
class System:
    """A way to build the corpus: its folder, its build command and what to clear for cold."""

    name: str
    folder: Path
    command: list[str]
    output: Path
    caches: list[Path]
    edit: Path  # the post the one-edit build changes
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def clear(self) -> None:
        """Remove the output and every cache, for a cold build."""
        for path in (self.output, *self.caches):
            shutil.rmtree(path, ignore_errors=True)


def measure(system: System, stamps: Callable[[Path], dict[str, tuple]] | None = None) -> Run:
    """Run one build of ``system`` in a child process; stop the benchmark if it fails."""
    before = stamps(system.output) if stamps else {}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        child = subprocess.Popen(system.command, cwd=system.folder, stdout=log, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            sys.exit(f"{system.name}: the build failed:\n{log.read().decode(errors='replace')}")
    after = stamps(system.output) if stamps else {}
    rewritten = sum(1 for name, stamp in after.items() if before.get(name) != stamp)
    return Run(seconds, usage.ru_maxrss / 1024, rewritten, len(after))  # ru_maxrss: KiB


def file_stamps(output: Path) -> dict[str, tuple]:
    """Return each output file's inode, modification time and size."""
    stamps = {}
    for file in output.rglob("*"):
        if file.is_file():
            stat = file.stat()
            stamps[file.relative_to(output).as_posix()] = (
                stat.st_ino,
                stat.st_mtime_ns,
                stat.st_size,
            )
    return stamps


def prepare(work: Path, posts: int) -> list[System]:
    """Write the corpus and the project's copy of it; return the three systems."""
    corpus, site = work / "corpus", work / f"site-{posts}"
    if not corpus.is_dir():
        _run([sys.executable, SHARED / "make_corpus.py", str(posts), str(COUNTRIES), str(corpus)])
    shutil.rmtree(site, ignore_errors=True)
    _run([sys.executable, SHARED / "adapt_corpus.py", str(corpus), str(PROJECT), str(site)])
    pelican = [sys.executable, "-m", "pelican", "-q", "content", "-s", "pelicanconf.py"]
    plain = corpus / "pelican"
    newest = sorted((plain / "content" / "posts").glob("*.md"))[-1].name
    # The project's copy names each post by its date too: 2024-12-25-post-00999.md
    ours = next((site / "content" / "news").glob(f"*-{newest}"))
    return [
        System(
            SYSTEMS[0],
            site,
            [*pelican, "-o", "output"],
            site / "output",
            [site / ".cache"],
            ours,
        ),
        System(
            SYSTEMS[1],
            plain,
            [*pelican, "-o", "output", "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"],
            plain / "output",
            [plain / "cache"],
            plain / "content" / "posts" / newest,
        ),
        System(
            SYSTEMS[2],
            corpus / "hugo",
            ["hugo", "--quiet", "-s", ".", "-d", "public"],
            corpus / "hugo" / "public",
            [corpus / "hugo" / "resources"],
            corpus / "hugo" / "content" / "posts" / newest,
        ),
    ]


def _run(command: list) -> None:
    subprocess.run([str(part) for part in command], check=True, stdout=subprocess.DEVNULL)


def bench(systems: list[System], runs: int) -> None:
    """Measure cold, no-change and one-edit builds of each system, ``runs`` times."""
    for number in range(1, runs + 1):
        for system in systems:
            system.clear()
            cold = measure(system)
            unchanged = measure(system, file_stamps)
            text = system.edit.read_text(encoding="utf-8")
            system.edit.write_text(text + f"\nA sentence added by run {number}.\n", "utf-8")
            edited = measure(system)
            for kind, run in (("cold", cold), ("no change", unchanged), ("one edit", edited)):
                system.runs.setdefault(kind, []).append(run)
            print(
                f"run {number}, {system.name}: cold {cold.seconds:.1f} s, no change "
                f"{unchanged.seconds:.1f} s ({unchanged.rewritten} of {unchanged.files} files "
                f"rewritten), one edit {edited.seconds:.1f} s",
                flush=True,
            )


def report(systems: list[System], posts: int, runs: int) -> None:
    """Print the medians and their ratios to Hugo."""
    hugo = systems[-1]
    print(
        f"\n{posts} posts, median of {runs} run(s); {platform.node()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {_hugo_version()}"
    )
    header = f"{'':16} {'cold s':>8} {'no-change s':>12} {'one-edit s':>11} {'peak MiB':>9}"
    print(f"{header} {'rewritten':>10}   ratio to Hugo (cold / no change / edit / memory)")
    for system in systems:
        figures = [_median(system, kind) for kind in ("cold", "no change", "one edit")]
        peak = max(run.peak_mib for kinds in system.runs.values() for run in kinds)
        rewritten = statistics.median(run.rewritten for run in system.runs["no change"])
        files = system.runs["no change"][0].files
        hugo_figures = [_median(hugo, kind) for kind in ("cold", "no change", "one edit")]
        hugo_peak = max(run.peak_mib for kinds in hugo.runs.values() for run in kinds)
        ratios = [mine / theirs for mine, theirs in zip(figures, hugo_figures, strict=True)]
        ratios.append(peak / hugo_peak)
        print(
            f"{system.name:16} {figures[0]:8.1f} {figures[1]:12.1f} {figures[2]:11.1f} "
            f"{peak:9.0f} {rewritten:>4.0f}/{files:<5}   "
            + " / ".join(f"{ratio:.1f}x" for ratio in ratios)
        )


def _median(system: System, kind: str) -> float:
    return statistics.median(run.seconds for run in system.runs[kind])


def _hugo_version() -> str:
    run = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    return run.stdout.split("+")[0].replace("hugo v", "Hugo ") if run.returncode == 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the corpus and sites here")
    args = parser.parse_args()
    if shutil.which("hugo") is None:
        sys.exit("hugo is not installed: apt-get install hugo")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        systems = prepare(work, args.posts)
        bench(systems, args.runs)
        report(systems, args.posts, args.runs)


if __name__ == "__main__":
    main()
