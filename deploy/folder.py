"""Copy a build onto a folder: rsync when installed (a folder or user@host:path), else Python.

Both upload in two steps so that a reader never meets a page whose assets are missing: first
every new or changed file but the pages, then the pages, and only then delete what the new
build no longer has. Files are compared by content, so an unchanged file keeps its date
(and the ETag a web server derives from it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .files import upload_order
from .pipeline import PublishError

Echo = Callable[[str], None]
RSYNC_OPTIONS = (
    "--recursive",
    "--links",
    "--perms",
    "--chmod=D755,F644",
    "--checksum",  # by content: a fresh build gives every file a new date
    "--itemize-changes",
    "--delay-updates",  # each step's files appear together at its end
)
_REMOTE = re.compile(r"^[^/:]+:")  # host:path or user@host:path (rsync's own rule)


@dataclass
class Plan:
    """What a sync changes: files to copy (pages last) and files to delete."""

    upload: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)


def is_remote(dest: str) -> bool:
    """Tell whether ``dest`` names another machine (user@host:path) rather than a folder."""
    return bool(_REMOTE.match(dest))


def sync(source: Path, dest: str, *, dry_run: bool, echo: Echo = print) -> None:
    """Make ``dest`` an exact copy of ``source``: new files first, deletions last."""
    if shutil.which("rsync"):
        rsync(source, dest, dry_run=dry_run, echo=echo)
    elif is_remote(dest):
        raise PublishError(
            f"rsync is not installed, and {dest} is on another machine. Install it "
            "(apt-get install rsync) or deploy to a folder."
        )
    else:
        copy_folder(source, Path(dest), dry_run=dry_run, echo=echo)


def rsync(source: Path, dest: str, *, dry_run: bool, echo: Echo = print) -> None:
    """Sync with rsync: files but pages, then pages with deletions; a dry run shows both."""
    if not is_remote(dest) and not dry_run:
        Path(dest).mkdir(parents=True, exist_ok=True)
    target = dest if dest.endswith("/") else f"{dest}/"
    steps = (
        [["--delete-after", "--dry-run"]] if dry_run else [["--exclude=*.html"], ["--delete-after"]]
    )
    for step in steps:
        command = ["rsync", *RSYNC_OPTIONS, *step, f"{source}/", target]
        echo(f"$ {' '.join(command)}")
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        for line in run.stdout.splitlines():
            echo(line)
        if run.returncode != 0:
            raise PublishError(f"rsync failed (exit {run.returncode}): {run.stderr.strip()}")


def plan_copy(source: Path, dest: Path, *, delete: bool = True) -> Plan:
    """Compare two folders by content and return what copying ``source`` onto ``dest`` changes.

    With ``delete=False`` the files only ``dest`` has are not looked for (nor listed).
    """
    wanted = {f.relative_to(source).as_posix() for f in source.rglob("*") if f.is_file()}
    changed = [name for name in wanted if not _same(source / name, dest / name)]
    present = set()
    if delete and dest.is_dir():
        present = {f.relative_to(dest).as_posix() for f in dest.rglob("*") if f.is_file()}
    return Plan(upload=upload_order(changed), delete=sorted(present - wanted))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def copy_folder(
    source: Path, dest: Path, *, dry_run: bool, echo: Echo = print, delete: bool = True
) -> Plan:
    """Sync without rsync: each file is written beside its place, then renamed into it.

    With ``delete=False`` the files ``source`` lacks are kept (a partial build's pages).
    """
    plan = plan_copy(source, dest, delete=delete)
    for name in plan.upload:
        echo(f"upload  {name}")
    for name in plan.delete:
        echo(f"delete  {name}")
    echo(f"{len(plan.upload)} to upload, {len(plan.delete)} to delete")
    if dry_run:
        return plan
    dest.mkdir(parents=True, exist_ok=True)
    dest.chmod(0o755)
    for name in plan.upload:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        os.close(handle)
        shutil.copyfile(source / name, temporary)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(target)
    for name in plan.delete:
        (dest / name).unlink()
    for folder in sorted((p for p in dest.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return plan
