"""Draw the cards the cache lacks, in parallel, and copy every card into the output.

A card's file in the cache is named by :meth:`~.model.CardJob.key`, the hash of all its
inputs (text, layout kind, palette, font bytes, the drawing code, the photo's bytes), so a
card whose inputs did not change is never drawn again, and two pages with the same card
share one drawing. Missing cards are drawn by a pool of processes, one per core.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .draw import render
from .model import CardJob

# The modules whose source decides the pixels: editing one redraws every card.
DRAWING_MODULES = ("draw.py", "fonts.py", "layouts.py", "model.py", "palette.py", "text.py")
POOL_FROM = 4  # fewer cards than this are drawn in this process (a pool costs more)
# The folder that holds the ``plugins`` package. Pelican imports plugins from PLUGIN_PATHS
# without putting them on sys.path, so a worker started by "spawn" or "forkserver" (macOS,
# Windows, Python 3.14) could not import this module; it inherits the parent's sys.path.
START_METHOD: str | None = None  # the platform's default
PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


@dataclass(frozen=True)
class Stats:
    """What one build did with its cards."""

    cards: int  # pages that got a card
    drawn: int  # pictures drawn in this build (pages with the same card share one)
    cached: int  # pages whose card was already in the cache
    seconds: float  # the whole card step: checking, drawing, copying
    largest: int  # bytes of the largest card


def code_digest() -> str:
    """Return a SHA-256 of the drawing code, so a change to it redraws every card."""
    hasher = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in DRAWING_MODULES:
        hasher.update((here / name).read_bytes())
    return hasher.hexdigest()


def file_digest(path: str) -> str:
    """Return a SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cache_file(cache_dir: Path, job: CardJob) -> Path:
    """Return where the card of ``job`` is kept."""
    key = job.key()
    return cache_dir / key[:2] / f"{key}.{'png' if job.fmt == 'png' else 'jpg'}"


def draw_to(item: tuple[CardJob, str]) -> int:
    """Draw a card into the cache file ``item[1]`` (atomically); return its size in bytes."""
    job, target = item
    data = render(job)
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)
    return len(data)


def worker_count(setting: int) -> int:
    """Return how many processes draw: the setting, or one per core the build may use."""
    if setting:
        return setting
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def publish(jobs: Mapping[Path, CardJob], cache_dir: Path, workers: int) -> Stats:
    """Make sure every card is in the cache, then copy each to its output path."""
    started = time.perf_counter()
    sources = {output: cache_file(cache_dir, job) for output, job in jobs.items()}
    missing: dict[Path, CardJob] = {}
    for output, source in sources.items():
        if not source.is_file():
            missing.setdefault(source, jobs[output])
    items = [(job, str(source)) for source, job in sorted(missing.items())]
    processes = min(workers, len(items))
    if processes > 1 and len(items) >= POOL_FROM:
        if PROJECT_ROOT not in sys.path:
            sys.path.append(PROJECT_ROOT)
        chunk = max(1, len(items) // (processes * 4))
        context = multiprocessing.get_context(START_METHOD)
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            list(pool.map(draw_to, items, chunksize=chunk))
    else:
        for item in items:
            draw_to(item)
    largest = 0
    for output, source in sorted(sources.items()):
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, output)
        largest = max(largest, source.stat().st_size)
    return Stats(
        cards=len(jobs),
        drawn=len(items),
        cached=sum(1 for source in sources.values() if source not in missing),
        seconds=time.perf_counter() - started,
        largest=largest,
    )
