"""A strict build into a fresh folder, then the site checks: what every deploy starts with.

:func:`checked_build` yields the folder only when Pelican built it with no warning
(:mod:`deploy.strict`, in a process of its own) and :func:`~deploy.checks.check_site` found
no problem; otherwise it raises :class:`PublishError` and the caller deploys nothing. The
folder is removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from .checks import check_site
from .scratch import scratch_folder
from .settings import DEFAULTS

Echo = Callable[[str], None]
MAX_SHOWN = 40  # problems printed before "... and N more"
SCRATCH_PREFIX = "tip-publish-"  # the strict build's folder, in the system's temporary folder


class PublishError(Exception):
    """Nothing was deployed; the message says why and what to do."""


@dataclass(frozen=True)
class Project:
    """Where the site's sources are: the project root, its content and its publish settings."""

    root: Path
    content: str = "content"
    settings: str = "publishconf.py"


@dataclass(frozen=True)
class CheckedSite:
    """A build that passed the checks: its folder and the settings it was built with."""

    output: Path
    settings: dict[str, Any]

    @property
    def siteurl(self) -> str:
        """Return the address the site was built for."""
        return str(self.settings["SITEURL"])


@contextlib.contextmanager
def _environment(name: str, value: str | None) -> Iterator[None]:
    saved = os.environ.get(name)
    if value is not None:
        os.environ[name] = value
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved


def load_settings(project: Project, siteurl: str | None = None) -> dict[str, Any]:
    """Read the publish settings as the build will (``$SITEURL``, or ``siteurl`` when given)."""
    saved_path, saved_module = list(sys.path), sys.modules.pop("pelicanconf", None)
    try:
        with contextlib.chdir(project.root), _environment("SITEURL", siteurl):
            sys.path.insert(0, str(project.root))  # publishconf.py imports pelicanconf
            settings = read_settings(str(project.root / project.settings))
    finally:
        sys.path[:] = saved_path
        sys.modules.pop("pelicanconf", None)
        if saved_module is not None:
            sys.modules["pelicanconf"] = saved_module
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    return settings


def strict_build(project: Project, output: Path, siteurl: str | None, echo: Echo) -> None:
    """Build the site into ``output`` with warnings as errors; raise PublishError if it fails."""
    command = [sys.executable, "-m", "deploy.strict", project.settings, str(output)]
    command += ["--content", project.content]
    env = dict(os.environ)
    if siteurl is not None:
        env["SITEURL"] = siteurl
    echo(f"Building the site strictly into {output} ...")
    run = subprocess.run(command, cwd=project.root, env=env, check=False)
    if run.returncode != 0:
        raise PublishError(
            "The strict build failed (every warning is an error; see the list above). "
            "Nothing was deployed."
        )


@contextlib.contextmanager
def checked_build(
    project: Project, siteurl: str | None = None, echo: Echo = print
) -> Iterator[CheckedSite]:
    """Yield a fresh, strictly built and checked copy of the site; remove it afterwards."""
    settings = load_settings(project, siteurl)
    with scratch_folder(Path(tempfile.gettempdir()), SCRATCH_PREFIX) as fresh:
        strict_build(project, fresh, siteurl, echo)
        echo(f"Checking links, inline code and HTML of the build for {settings['SITEURL']} ...")
        problems = check_site(fresh, str(settings["SITEURL"]), project.root)
        if problems:
            shown = "\n".join(f"  {problem}" for problem in problems[:MAX_SHOWN])
            more = len(problems) - MAX_SHOWN
            tail = f"\n  ... and {more} more" if more > 0 else ""
            raise PublishError(
                f"The site checks found {len(problems)} problem(s); nothing was deployed:\n"
                f"{shown}{tail}"
            )
        echo("Checks passed.")
        fresh.chmod(0o755)
        yield CheckedSite(fresh, settings)
