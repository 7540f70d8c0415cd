"""Convert a cold build's Markdown in worker processes, ahead of Pelican's asking.

Pelican reads content files one after the other, so a cold build converts its Markdown on
one core while the others wait. Once a build has had to convert a few files itself
(:data:`START_AFTER`: a rebuild after an edit or two never gets there), a pool of worker
processes, one per core, converts every other Markdown file of the content folder; the
reader then takes each file's result instead of converting it. The workers are forked from
the build, so they have its settings as they are; where processes cannot be forked (macOS,
Windows) files are read one by one, as Pelican does.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from plugins._common.workers import IN_FLIGHT
from plugins._common.workers import pool as worker_pool

from .reader import Converted, Options, convert, options_from

START_AFTER = 8  # files converted in the build's own process before the workers start
_worker: tuple[Mapping[str, Any], Options] | None = None  # in each worker process only


def _start_worker(settings: Mapping[str, Any]) -> None:
    global _worker  # the settings the forked worker converts with, for the pool's life
    _worker = (settings, options_from(settings))


def _convert_in_worker(path: str) -> Converted:
    assert _worker is not None
    settings, options = _worker
    return convert(path, settings, options)


class Prefetch:
    """One build's worker pool and the files it converts, a few at a time.

    Pelican asks for the files in an order of its own: a file it asks for that no worker has
    taken yet is converted in the build's own process, so no file is converted twice.
    """

    def __init__(self, settings: Mapping[str, Any], workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self._queue: list[str] = []  # files for the workers, in order
        self._futures: dict[str, Future[Converted]] = {}
        self._converted_here: set[str] = set()
        self._pool: ProcessPoolExecutor | None = None

    def __reduce__(self) -> tuple:
        # Pelican's content cache pickles the settings (each category and tag holds them),
        # and with them this object: what is unpickled is an idle one.
        return (Prefetch, ({}, 1))

    def take(self, source_path: str) -> Converted | None:
        """Return the converted file if a worker did it; else None (convert it yourself)."""
        path = str(Path(source_path).resolve())
        future = self._futures.pop(path, None)
        if future is not None:
            self._pump()
            return future.result()
        self._converted_here.add(path)
        if path in self._queue:
            self._queue.remove(path)
        if self._pool is None and len(self._converted_here) == START_AFTER:
            self._start()
        self._pump()
        return None

    def close(self) -> None:
        """Stop the workers; files nobody asked for are not converted."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures.clear()
        self._queue.clear()

    def _start(self) -> None:
        if "fork" not in multiprocessing.get_all_start_methods() or self.workers < 2:
            return
        left = [path for path in markdown_files(self.settings) if path not in self._converted_here]
        if len(left) < START_AFTER:
            return  # a small site: starting workers would cost more than it saves
        # Forked, so the workers have the build's settings as they are (nothing is pickled).
        self._pool = worker_pool(self.workers, "fork", _start_worker, self.settings)
        self._queue = left

    def _pump(self) -> None:
        """Hand the workers more files, up to the few they may hold."""
        if self._pool is None:
            return
        busy = sum(1 for future in self._futures.values() if not future.done())
        for _ in range(max(self.workers * IN_FLIGHT - busy, 0)):
            if not self._queue:
                break
            path = self._queue.pop(0)
            self._futures[path] = self._pool.submit(_convert_in_worker, path)


def markdown_files(settings: Mapping[str, Any]) -> list[str]:
    """Return every Markdown file of the content folder Pelican may read, by name."""
    ignored = settings.get("IGNORE_FILES", ())
    extensions = (".md", ".markdown", ".mkd", ".mdown")
    found = []
    for file in sorted(Path(settings["PATH"]).rglob("*")):
        if file.suffix in extensions and not any(fnmatch.fnmatch(file.name, p) for p in ignored):
            found.append(str(file.resolve()))
    return found
