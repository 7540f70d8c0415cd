"""Draw the cards the cache lacks while the site renders, and copy every card into the output.

A card's file in the cache is named by :meth:`~.model.CardJob.key`, the hash of all its
inputs (text, layout kind, palette, font bytes, the drawing code, the photo's bytes), so a
card whose inputs did not change is never drawn again, and two pages with the same card
share one drawing. A :class:`Drawer` hands each missing card to a pool of processes (one per
core) as soon as its page is described, so the cards are drawn while Pelican renders the
other pages; once the site is written it waits for the last ones.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from plugins._common import workers as worker_pools
from plugins._common.cache import ContentCache
from plugins._common.output import write_bytes

from .draw import Renderer
from .model import CardJob

# The modules whose source decides the pixels: editing one redraws every card.
DRAWING_MODULES = ("draw.py", "fonts.py", "layouts.py", "model.py", "palette.py", "text.py")
POOL_FROM = 4  # fewer cards than this are drawn in this process (a pool costs more)
# The folder that holds the ``plugins`` package. Pelican imports plugins from PLUGIN_PATHS
# without putting them on sys.path, so a worker started by "spawn" or "forkserver" (macOS,
# Windows, Python 3.14) could not import this module; it inherits the parent's sys.path.
START_METHOD: str | None = None  # the platform's default
PROJECT_ROOT = str(Path(__file__).resolve().parents[2])
_worker: Renderer | None = None  # in each worker process of one build's pool only


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
    return ContentCache(cache_dir).path(job.key, ".png" if job.fmt == "png" else ".jpg")


def draw_to(renderer: Renderer, job: CardJob, target: Path) -> int:
    """Draw a card into the cache file ``target`` (atomically); return its size in bytes."""
    data = renderer.render(job)
    write_bytes(target, data)
    return len(data)


def _start_worker(regular: tuple[str, ...], bold: tuple[str, ...]) -> None:
    global _worker  # one renderer per worker process, for its pool's life
    _worker = Renderer(regular, bold)


def _draw_in_worker(job: CardJob, target: str) -> int:
    assert _worker is not None
    return draw_to(_worker, job, Path(target))


@dataclass
class Drawer:
    """Draw the cards of one build that the cache lacks, in the background, as they are known.

    A few cards at a time are with the pool (:data:`~plugins._common.workers.IN_FLIGHT` per
    worker); the rest wait here, so a stopped build leaves no long queue to finish.
    """

    cache_dir: Path
    workers: int
    regular: tuple[str, ...]
    bold: tuple[str, ...]
    _waiting: dict[Path, CardJob] = field(default_factory=dict)  # not yet handed to the pool
    _drawing: dict[Path, Future] = field(default_factory=dict)
    _drawn: int = 0
    _pool: ProcessPoolExecutor | None = None

    def __reduce__(self) -> tuple:
        # Pelican's content cache pickles the settings, and the build's state with them:
        # what is unpickled is a drawer with nothing to draw.
        return (Drawer, (self.cache_dir, 1, self.regular, self.bold))

    def want(self, job: CardJob) -> Path:
        """Return the cache file of ``job``'s card; start drawing it if it is missing."""
        target = cache_file(self.cache_dir, job)
        if target in self._drawing or target in self._waiting or target.is_file():
            return target
        self._waiting[target] = job
        if self._pool is None and self.workers > 1 and len(self._waiting) >= POOL_FROM:
            if PROJECT_ROOT not in sys.path:
                sys.path.append(PROJECT_ROOT)
            self._pool = worker_pools.pool(
                self.workers, START_METHOD, _start_worker, self.regular, self.bold
            )
        self._pump()
        return target

    def finish(self) -> int:
        """Wait for every card asked for; draw the few never handed to a pool; return how many."""
        try:
            while self._drawing:
                wait(self._drawing.values(), return_when=FIRST_COMPLETED)
                self._pump()
            if self._waiting:
                renderer = Renderer(self.regular, self.bold)
                for target, job in sorted(self._waiting.items()):
                    draw_to(renderer, job, target)
                    self._drawn += 1
                self._waiting.clear()
        finally:
            self.close()
        return self._drawn

    def close(self) -> None:
        """Stop the pool (a build that failed leaves no worker behind)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._waiting.clear()
        self._drawing.clear()

    def _pump(self) -> None:
        """Collect the cards drawn; hand the pool more, up to the few it may hold."""
        if self._pool is None:
            return
        for target, future in list(self._drawing.items()):
            if future.done():
                future.result()  # a drawing error ends the build here, with its message
                del self._drawing[target]
                self._drawn += 1
        room = self.workers * worker_pools.IN_FLIGHT - len(self._drawing)
        for target in sorted(self._waiting)[: max(room, 0)]:
            job = self._waiting.pop(target)
            self._drawing[target] = self._pool.submit(_draw_in_worker, job, str(target))


def worker_count(setting: int) -> int:
    """Return how many processes draw: the setting, or one per core the build may use."""
    return worker_pools.count(setting)


def publish(jobs: Mapping[Path, CardJob], drawer: Drawer) -> Stats:
    """Make sure every card is in the cache, then copy each to its output path."""
    started = time.perf_counter()
    sources = {output: drawer.want(job) for output, job in jobs.items()}
    drawn = drawer.finish()
    largest = 0
    for output, source in sorted(sources.items()):
        data = source.read_bytes()
        write_bytes(output, data)  # an unchanged card keeps its file
        largest = max(largest, len(data))
    return Stats(
        cards=len(jobs),
        drawn=drawn,
        cached=len(jobs) - drawn,
        seconds=time.perf_counter() - started,
        largest=largest,
    )
