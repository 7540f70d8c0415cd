"""Worker processes that end with the build that started them.

The builds hand work (share cards, Markdown) to pools of processes. A pool keeps only a few
jobs queued at a time (:data:`IN_FLIGHT` per worker): a build that is stopped (Ctrl-C,
SIGTERM) then waits for a handful of jobs, not hundreds, and each worker asks the kernel to
end it if the build is killed outright (Linux's parent-death signal). A build that is
stopped calls :func:`stop_all`, so no worker outlives it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import weakref
from concurrent.futures import ProcessPoolExecutor
from typing import Any

IN_FLIGHT = 2  # jobs queued per worker at any time
_PR_SET_PDEATHSIG = 1  # prctl(2)
_LIVE: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()  # pools not yet shut down


def die_with_parent() -> None:
    """End this process when its parent does (Linux only; elsewhere nothing is done)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def count(setting: int) -> int:
    """Return how many worker processes to use: the setting, or one per core the build has."""
    if setting:
        return setting
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def pool(
    workers: int, start_method: str | None, initializer: Any, *args: Any
) -> ProcessPoolExecutor:
    """Return a pool whose workers run ``initializer(*args)`` and die with this process."""
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_start,
        initargs=(initializer, args),
    )
    _LIVE.add(executor)
    return executor


def stop_all() -> None:
    """Shut down every pool still running, dropping the jobs not started (a stopped build)."""
    for executor in list(_LIVE):
        executor.shutdown(wait=True, cancel_futures=True)
    _LIVE.clear()


def _start(initializer: Any, args: tuple[Any, ...]) -> None:
    die_with_parent()
    initializer(*args)
