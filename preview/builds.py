"""Builds for writers: into a fresh folder first, then onto ``output/``, only when they succeed.

A build writes into a new folder beside ``output/`` (``.output-<pid>-*``); once it succeeds,
the files that changed are copied onto ``output/`` one by one (each replaced in one step) and
the files it no longer has are removed, so a failed build leaves ``output/`` as it was, an
unchanged file keeps its date, and a server never serves half a page. A build killed on the
way leaves its folder behind; the next build removes it.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from deploy.folder import copy_folder
from deploy.scratch import remove_abandoned as remove_scratch
from deploy.scratch import scratch_folder

FRESH_PREFIX = ".output-"


def fresh_folder(output: Path) -> contextlib.AbstractContextManager[Path]:
    """Return a context giving a new, empty folder beside ``output``, removed afterwards."""
    return scratch_folder(output.parent, FRESH_PREFIX)


def remove_abandoned(root: Path) -> None:
    """Remove the fresh folders of builds whose process is gone (killed on the way)."""
    remove_scratch(root, FRESH_PREFIX)


def update(output: Path, fresh: Path, *, delete: bool = True) -> int:
    """Copy what changed from ``fresh`` onto ``output``; return how many files changed.

    Call it within :func:`signals_held`, so Ctrl-C never leaves ``output/`` half updated.
    """
    plan = copy_folder(fresh, output, dry_run=False, echo=lambda line: None, delete=delete)
    return len(plan.upload) + len(plan.delete)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block ends (main thread, POSIX; else no-op)."""
    held = {signal.SIGINT, signal.SIGTERM}
    main = threading.current_thread() is threading.main_thread()
    if not main or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def pelican_command(
    content: str, settings_file: Path, output: Path, overrides: Mapping[str, Any]
) -> list[str]:
    """Return the ``python -m pelican`` command line of a build with ``overrides``."""
    command = [sys.executable, "-m", "pelican", content, "-s", str(settings_file)]
    command += ["-o", str(output)]
    for name, value in overrides.items():
        command += ["-e", f"{name}={json.dumps(value)}"]
    return command
