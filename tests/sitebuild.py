"""Build a Pelican site in-process with the project's settings, theme and plugins.

The tests' fixtures (``conftest.py``) are thin wrappers around :func:`build`. A build reads
``pelicanconf.py`` (preview) or ``publishconf.py`` (publish) from the project root, points PATH,
OUTPUT_PATH, THEME and PLUGIN_PATHS at absolute folders, runs ``Pelican(settings).run()`` and
returns the output folder with every message logged at WARNING or above.

Pelican's log filter hides a message it has seen once for the rest of the process; it is reset
before every build so that each build reports its own warnings.
"""

from __future__ import annotations

import contextlib
import logging
import os
import runpy
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import load_source, read_settings

from plugins._common.logs import reset_log_filter

PROJECT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
THEME = PROJECT / "theme"
# The share cards every test build draws, kept between runs (.cache/ is never committed).
CARD_CACHE = PROJECT / ".cache" / "test-share-cards"
# Publish builds run under a path, as the real host may serve the site from a sub-folder.
PUBLISH_SITEURL = "https://example.org/tip"

Builder = Callable[..., "BuildResult"]


@dataclass
class BuildResult:
    """What one build produced: its output folder, its settings and the warnings it logged."""

    output: Path
    warnings: list[str]
    settings: dict[str, Any]
    _soups: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False, compare=False)

    @property
    def siteurl(self) -> str:
        """Return the SITEURL the build used."""
        return str(self.settings["SITEURL"])

    def path(self, relpath: str) -> Path:
        """Return the file that serves ``relpath`` (a directory URL maps to its index.html)."""
        target = self.output / relpath.lstrip("/")
        if relpath in ("", "/") or relpath.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def html(self, relpath: str) -> BeautifulSoup:
        """Parse the page that serves ``relpath`` (relative to the output folder)."""
        target = self.path(relpath)
        if target not in self._soups:
            if not target.is_file():
                raise FileNotFoundError(f"{relpath!r} was not written (looked for {target})")
            self._soups[target] = BeautifulSoup(target.read_bytes(), "lxml")
        return self._soups[target]

    def pages(self) -> list[Path]:
        """Return every HTML file written, sorted, relative to the output folder."""
        return sorted(p.relative_to(self.output) for p in self.output.rglob("*.html"))


class _ListHandler(logging.Handler):
    """Keep the formatted text of every record it receives."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.setFormatter(logging.Formatter("%(message)s"))
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(self.format(record))


@contextlib.contextmanager
def capture_warnings() -> Iterator[list[str]]:
    """Collect every message logged at WARNING or above (any logger) while the block runs."""
    handler = _ListHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.messages
    finally:
        root.removeHandler(handler)


@contextlib.contextmanager
def _publishconf_importable(siteurl: str) -> Iterator[None]:
    """Let ``publishconf.py`` run ``from pelicanconf import *`` whatever the current folder is."""
    saved_module = sys.modules.get("pelicanconf")
    saved_path = list(sys.path)  # publishconf.py appends os.curdir on every read
    saved_env = os.environ.get("SITEURL")
    load_source("pelicanconf", str(PROJECT / "pelicanconf.py"))
    os.environ["SITEURL"] = siteurl
    try:
        with contextlib.chdir(PROJECT):
            yield
    finally:
        sys.path[:] = saved_path
        if saved_module is None:
            sys.modules.pop("pelicanconf", None)
        else:
            sys.modules["pelicanconf"] = saved_module
        if saved_env is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = saved_env


def site_overrides(site: Path) -> dict[str, Any]:
    """Return the upper-case names a fixture site's optional ``settings.py`` defines."""
    settings_file = site / "settings.py"
    if not settings_file.is_file():
        return {}
    namespace = runpy.run_path(str(settings_file))
    return {key: value for key, value in namespace.items() if key.isupper()}


def load_settings(
    content: Path,
    output: Path,
    *,
    publish: bool = False,
    siteurl: str = PUBLISH_SITEURL,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Read the project's preview or publish settings for a build of ``content`` into ``output``."""
    override: dict[str, Any] = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(THEME),
        "PLUGIN_PATHS": [str(PROJECT)],
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        # Cards are named by their inputs, so every build of the run may share them.
        "SHARE_CARDS_CACHE_PATH": str(CARD_CACHE),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }
    if publish:
        override["SITEURL"] = siteurl
    override.update(overrides or {})
    if not publish:
        return read_settings(str(PROJECT / "pelicanconf.py"), override=override)
    with _publishconf_importable(siteurl):
        return read_settings(str(PROJECT / "publishconf.py"), override=override)


def build(
    content: Path,
    output: Path,
    *,
    publish: bool = False,
    siteurl: str = PUBLISH_SITEURL,
    overrides: dict[str, Any] | None = None,
) -> BuildResult:
    """Build ``content`` into ``output`` in this process and return what was written and logged."""
    reset_log_filter()
    if content.resolve() != (PROJECT / "content").resolve():
        # A fixture site is in English alone, unless it says otherwise.
        overrides = {"LANGUAGES": ["en"], **(overrides or {})}
    with capture_warnings() as messages:
        settings = load_settings(
            content, output, publish=publish, siteurl=siteurl, overrides=overrides
        )
        Pelican(settings).run()
    reset_log_filter()
    return BuildResult(output=output, warnings=list(messages), settings=settings)


def make_builder(base: Path) -> Builder:
    """Return ``build_site(name, publish=False, siteurl=..., **overrides)`` working under ``base``.

    ``name`` is a folder of ``tests/sites/``; it is copied before the build, so a test may edit
    its copy. Each call gets its own folder, so one test may build the same site twice.
    """
    counter = 0

    def build_site(
        name: str,
        *,
        publish: bool = False,
        siteurl: str = PUBLISH_SITEURL,
        **overrides: Any,
    ) -> BuildResult:
        nonlocal counter
        counter += 1
        source = SITES / name
        if not (source / "content").is_dir():
            raise FileNotFoundError(f"no fixture site {source} (it needs a content/ folder)")
        site = base / f"{name}-{counter}"
        shutil.copytree(source, site)
        settings = {**site_overrides(site), **overrides}
        return build(
            site / "content",
            site / "output",
            publish=publish,
            siteurl=siteurl,
            overrides=settings,
        )

    return build_site
