"""Commit a build to the gh-pages branch of a git remote, from a temporary clone.

The project's own repository is only read (its remotes and HEAD); the work happens in a
clone in a temporary folder, so a publish never touches the writer's checkout. The branch
holds exactly the build plus ``.nojekyll`` (so GitHub Pages serves ``_headers`` and other
files as they are). No change, no commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from .pipeline import PublishError

Echo = Callable[[str], None]
IDENTITY = ("-c", "user.name=TIP site publisher", "-c", "user.email=publisher@localhost")


def _git(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    run = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if check and run.returncode != 0:
        raise PublishError(f"git {' '.join(args)} failed: {run.stderr.strip()}")
    return run


def remote_url(remote: str, project: Path) -> str:
    """Return the URL of ``remote``: a remote of the project's repository, or a URL or path."""
    named = _git("remote", "get-url", remote, cwd=project, check=False)
    if named.returncode == 0:
        return named.stdout.strip()
    if Path(remote).exists():
        return str(Path(remote).resolve())
    if "://" in remote or ":" in remote:
        return remote
    raise PublishError(f"{remote!r} is neither a remote of {project} nor a URL or a path")


def source_commit(project: Path) -> str:
    """Return the project's commit, for the publish commit's message ("unknown" outside git)."""
    head = _git("rev-parse", "--short", "HEAD", cwd=project, check=False)
    if head.returncode != 0:
        return "unknown"
    # --no-optional-locks: only read the project's repository, never refresh its index.
    status = _git("--no-optional-locks", "status", "--porcelain", cwd=project, check=False)
    dirty = status.stdout.strip()
    return f"{head.stdout.strip()}{' with uncommitted changes' if dirty else ''}"


def _clone(url: str, branch: str, work: Path) -> None:
    """Clone ``branch`` of ``url`` into ``work``, or start it as an orphan branch."""
    exists = _git("ls-remote", "--exit-code", "--heads", url, branch, check=False)
    if exists.returncode == 0:
        _git("clone", "--quiet", "--depth", "1", "--branch", branch, url, str(work))
        return
    if exists.returncode != 2:  # 2: the remote answered and has no such branch
        raise PublishError(f"cannot read the git remote {url}: {exists.stderr.strip()}")
    _git("init", "--quiet", str(work))
    _git("checkout", "--quiet", "--orphan", branch, cwd=work)
    _git("remote", "add", "origin", url, cwd=work)


def publish_branch(
    source: Path,
    remote: str,
    branch: str,
    *,
    project: Path,
    dry_run: bool,
    echo: Echo = print,
) -> bool:
    """Commit ``source`` as the whole content of ``branch`` and push it; True if it changed."""
    url = remote_url(remote, project)
    with tempfile.TemporaryDirectory(prefix="tip-gh-pages-") as scratch:
        work = Path(scratch, "site")
        _clone(url, branch, work)
        for entry in work.iterdir():
            if entry.is_dir() and entry.name != ".git":
                shutil.rmtree(entry)
            elif not entry.is_dir():
                entry.unlink()
        shutil.copytree(source, work, dirs_exist_ok=True)
        (work / ".nojekyll").touch()
        _git("add", "--all", cwd=work)
        status = _git("status", "--porcelain", cwd=work).stdout.splitlines()
        if not status:
            echo(f"{branch} on {url} already holds this build: nothing to publish.")
            return False
        for line in status:
            echo(line)
        echo(f"{len(status)} file(s) change on {branch} of {url}")
        if dry_run:
            echo("Dry run: nothing committed or pushed.")
            return True
        configured = _git("config", "user.email", cwd=work, check=False).stdout.strip()
        identity = () if configured else IDENTITY
        message = f"Publish the site built from {source_commit(project)}"
        _git(*identity, "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message, cwd=work)
        _git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", cwd=work)
        echo(f"Pushed to {branch} of {url}.")
        return True
