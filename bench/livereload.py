"""Benchmark: seconds from saving a post to the browser's reload and the changed page served.

    .venv/bin/python bench/livereload.py                       # the project itself, 3 edits
    .venv/bin/python bench/livereload.py --site ../site-1000 --edits 5

Starts ``invoke livereload`` on a free port in a copy of the site (never the original),
waits for its first build, then saves a post several times, each time with a new sentence.
For each save it prints two figures, as a writer sees them: when the page's reload signal
arrives (the event stream a browser listens to), and when the served page holds the new
sentence. Between edits it waits for the full rebuild that follows each one to end, as a
writer who reads the page before editing again would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from plugins._common.text import slug_of  # noqa: E402 (needs PROJECT on sys.path)

SKIP = shutil.ignore_patterns(".git", ".venv", "output", ".output-*", "node_modules", "__pycache__")


def free_port() -> int:
    """Return a port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    """Poll ``url`` until its body holds ``needle``; return when, or None on timeout."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8", "replace"):
                    return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.02)
    return None


class Events:
    """Listen to the preview's reload stream; note when each reload arrives."""

    def __init__(self, url: str) -> None:
        self.times: list[float] = []
        self._response = urllib.request.urlopen(url, timeout=600)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self._response:
            if line.startswith(b"event: reload"):
                self.times.append(time.perf_counter())

    def after(self, moment: float, timeout: float) -> float | None:
        """Return the first reload at or after ``moment`` (waiting up to ``timeout`` for it)."""
        end = time.perf_counter() + timeout
        while True:
            found = next((t for t in self.times if t >= moment), None)
            if found is not None or time.perf_counter() > end:
                return found
            time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=PROJECT, help="a copy of the project")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--post", help="the post to edit (default: the newest in content/news)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-livereload-") as scratch:
        site = Path(scratch) / "site"
        shutil.copytree(args.site.resolve(), site, ignore=SKIP)
        cache = args.site.resolve() / ".cache"
        if cache.is_dir():  # a writer's caches are warm when they start the preview
            shutil.copytree(cache, site / ".cache", dirs_exist_ok=True)
        posts = sorted((site / "content" / "news").glob("*.md"))
        post = site / "content" / "news" / args.post if args.post else posts[-1]
        port = free_port()
        command = [sys.executable, "-m", "invoke", "livereload", "--port", str(port)]
        log = (site / "livereload.log").open("wb")
        server = subprocess.Popen(
            command, cwd=site, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        base = f"http://localhost:{port}"
        try:
            started = time.perf_counter()
            if wait_for(f"{base}/", "</html>", 900) is None:
                sys.exit(f"the preview did not start; see {site / 'livereload.log'}")
            print(f"{post.name}: preview up in {time.perf_counter() - started:.1f} s")
            page = _page_url(site, base, post)
            events = Events(f"{base}/__reload")
            reloads, served = [], []
            for number in range(1, args.edits + 1):
                marker = f"Benchmark sentence {number} {time.time_ns()}."
                saved = time.perf_counter()
                post.write_text(post.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
                # As a browser does: wait for the reload signal, then fetch the page (polling
                # while the build runs would take the CPU from the build it measures).
                reload_at = events.after(saved, timeout=120)
                shown = wait_for(page, marker, 120)
                if shown is None:
                    sys.exit(f"edit {number}: the page never showed the change")
                served.append(shown - saved)
                reloads.append((reload_at - saved) if reload_at else float("nan"))
                print(
                    f"edit {number}: reload signal after {reloads[-1]:.2f} s, "
                    f"changed page served after {served[-1]:.2f} s"
                )
                _wait_for_full_build(site / "livereload.log", number)
            print(
                f"median of {args.edits}: reload {statistics.median(reloads):.2f} s, "
                f"page served {statistics.median(served):.2f} s"
            )
        finally:
            os.killpg(server.pid, signal.SIGINT)
            server.wait(timeout=60)
            log.close()
            if os.environ.get("BENCH_SHOW_LOG"):
                print((site / "livereload.log").read_text(errors="replace"))


def _page_url(site: Path, base: str, post: Path) -> str:
    """Return the address of a post's page, from its header (Date and Slug, or its name)."""
    header = post.read_text(encoding="utf-8").split("\n\n", 1)[0]
    fields = dict(line.split(":", 1) for line in header.splitlines() if ":" in line)
    fields = {key.strip().lower(): value.strip() for key, value in fields.items()}
    slug = fields.get("slug") or slug_of(fields["title"])
    year = fields["date"][:4]
    return f"{base}/news/{year}/{slug}/"


def _wait_for_full_build(log: Path, count: int, timeout: float = 900) -> None:
    """Wait until the preview reports ``count`` full rebuilds (one after each edit)."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if log.read_text(errors="replace").count("Rebuilt the whole site") >= count:
            return
        time.sleep(0.2)


if __name__ == "__main__":
    main()
