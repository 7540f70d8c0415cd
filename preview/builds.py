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
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from deploy.folder import copy_folder
from plugins._common.logs import reset_log_filter

FRESH_PREFIX = ".output-"


@contextlib.contextmanager
def fresh_folder(output: Path) -> Iterator[Path]:
    """Yield a new, empty folder beside ``output``; remove it afterwards, whatever happens."""
    remove_abandoned(output.parent)
    fresh = Path(tempfile.mkdtemp(prefix=f"{FRESH_PREFIX}{os.getpid()}-", dir=output.parent))
    try:
        yield fresh
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def remove_abandoned(root: Path) -> None:
    """Remove the fresh folders of builds whose process is gone (killed on the way)."""
    for folder in root.glob(f"{FRESH_PREFIX}*"):
        pid = folder.name.removeprefix(FRESH_PREFIX).split("-", 1)[0]
        if folder.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def update(output: Path, fresh: Path, *, delete: bool = True) -> int:
    """Copy what changed from ``fresh`` onto ``output``; return how many files changed."""
    plan = copy_folder(fresh, output, dry_run=False, echo=lambda line: None, delete=delete)
    return len(plan.upload) + len(plan.delete)


def pelican_in_process(root: Path, settings_file: Path, overrides: Mapping[str, Any]) -> list[str]:
    """Build once in this process; return every warning and error it logged.

    Unlike ``pelican --fatal warnings``, which stops at the first, this lists them all; an
    exception that ends the build is one more line, not a traceback.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    reset_log_filter()
    collected: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: collected.append(record.getMessage())
    logging.getLogger().addHandler(handler)
    try:
        with contextlib.chdir(root):
            settings = read_settings(str(settings_file), override=dict(overrides))
            Pelican(settings).run()
    except (Exception, SystemExit) as error:
        if not isinstance(error, SystemExit) or error.code not in (0, None):
            collected.append(f"the build stopped: {error}")
    finally:
        logging.getLogger().removeHandler(handler)
    return collected


def pelican_command(
    content: str, settings_file: Path, output: Path, overrides: Mapping[str, Any]
) -> list[str]:
    """Return the ``python -m pelican`` command line of a build with ``overrides``."""
    command = [sys.executable, "-m", "pelican", content, "-s", str(settings_file)]
    command += ["-o", str(output)]
    for name, value in overrides.items():
        command += ["-e", f"{name}={json.dumps(value)}"]
    return command
