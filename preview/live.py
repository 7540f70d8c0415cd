"""Live reload: rebuild the preview on every change, the edited page first, the rest after.

When a Markdown file changes, its own pages are built at once, in this process, where
Pelican's content cache and the imports are warm (a partial build: ``WRITER_CHANGED_SOURCES``),
and the browser reloads; then the whole site is built in a child process, for the lists,
feeds, cards and sitemap, and the browser reloads again if anything else changed. A change to
the theme, the plugins, the settings or the data goes straight to the full build (a child
process runs the new code). A new change stops a full build that is still running. Every
build goes into a fresh folder first (:mod:`.builds`): ``output/`` only takes finished files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deploy.strict import STOPPED, pelican_in_process

from .builds import (
    FRESH_PREFIX,
    fresh_folder,
    pelican_command,
    signals_held,
    update,
)

logger = logging.getLogger(__name__)
QUICK_CACHE = ".cache/quick"  # the in-process builds' own Pelican cache (children use .cache)


@dataclass
class LiveBuilder:
    """Rebuild ``output`` from ``content`` with ``settings_file`` as files change."""

    root: Path
    settings_file: Path
    output: Path
    siteurl: str
    reload: Callable[[], None]
    content: str = "content"
    _child: subprocess.Popen[bytes] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def first_build(self) -> bool:
        """Build the whole site in this process (warming its caches); tell if it worked."""
        started = time.perf_counter()
        problems = self._in_process({})
        if problems is None:
            return False
        print(f"Preview built in {time.perf_counter() - started:.1f} s.", flush=True)
        return True

    def changed(self, paths: Iterable[Path]) -> None:
        """Rebuild after a change to ``paths``: the edited pages at once, then the rest."""
        # A folder's own event (its listing changed) comes with the file's: it is no edit.
        paths = [path.resolve() for path in paths if not path.is_dir()]
        content = (self.root / self.content).resolve()
        pages = [
            p for p in paths if p.suffix == ".md" and p.is_file() and p.is_relative_to(content)
        ]
        # Only edited or new Markdown files can be shown before the full build.
        self._stop_child()
        if pages and len(pages) == len(paths):
            started = time.perf_counter()
            if self._in_process({"WRITER_CHANGED_SOURCES": [str(p) for p in pages]}) is not None:
                seconds = time.perf_counter() - started
                print(f"Rebuilt the edited page in {seconds:.1f} s; now the rest.", flush=True)
        self._start_child()

    def stop(self) -> None:
        """Stop a full build that is still running."""
        self._stop_child()

    def _overrides(self) -> dict[str, Any]:
        # the search bundle of output/ is kept when its index is the same (plugins/search)
        return {"SITEURL": self.siteurl, "SEARCH_PREVIOUS_OUTPUT": str(self.output)}

    def _in_process(self, extra: dict[str, Any]) -> list[str] | None:
        """Build in this process into a fresh folder, then update ``output``.

        Return the problems logged (already shown), or None when the build failed.
        """
        with fresh_folder(self.output) as fresh:
            overrides = {
                **self._overrides(),
                "OUTPUT_PATH": str(fresh),
                "CACHE_PATH": str(self.root / QUICK_CACHE),
                **extra,
            }
            problems = pelican_in_process(self.root, self.settings_file, overrides)
            if any(problem.startswith(STOPPED) for problem in problems):
                print("The preview was not updated: the build stopped (see above).", flush=True)
                return None
            with self._lock, signals_held():
                if update(self.output, fresh, delete=not extra):
                    self.reload()
            return problems

    def _start_child(self) -> None:
        """Build the whole site in a child process; update ``output`` when it succeeds."""
        folder = Path(tempfile.mkdtemp(prefix=f"{FRESH_PREFIX}{os.getpid()}-", dir=self.root))
        command = pelican_command(self.content, self.settings_file, folder, self._overrides())
        child = subprocess.Popen(command, cwd=self.root, start_new_session=True)
        self._child = child
        started = time.perf_counter()
        waiting = threading.Thread(
            target=self._finish_child, args=(child, folder, started), daemon=True
        )
        waiting.start()

    def _finish_child(self, child: subprocess.Popen[bytes], folder: Path, started: float) -> None:
        status = child.wait()
        current = status == 0 and child is self._child  # not stopped for a newer change
        changed = 0
        try:
            if current:
                with self._lock:
                    changed = update(self.output, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if current:
            if changed:
                self.reload()
            seconds = time.perf_counter() - started
            print(
                f"Rebuilt the whole site in {seconds:.1f} s ({changed} files changed).", flush=True
            )
        elif status > 0:
            print("The preview was not updated: the build failed (see above).", flush=True)

    def _stop_child(self) -> None:
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGTERM)
            child.wait()
