"""Fixtures: build fixture sites (``tests/sites/<name>/``) and the real site with the real theme.

- ``build_site(name, publish=False, siteurl=..., **overrides)`` builds a copy of a fixture site
  in the test's temporary folder and returns a :class:`sitebuild.BuildResult`.
- ``minimal_preview`` / ``minimal_publish``: the ``minimal`` fixture site, built once a session.
- ``real_site`` / ``real_site_preview``: the project's own ``content/``, built once a session
  with publish settings under ``https://example.org/tip``, and with preview settings.
- ``browser``: Debian's chromium driven by Playwright, one for the session (tests/browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitebuild import PROJECT, Builder, BuildResult, build, make_builder


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``plugin`` marker: the test checks behaviour of one of our plugins."""
    config.addinivalue_line(
        "markers", "plugin(name): checks behaviour added by plugins/<name> (markup, links, ...)"
    )


@pytest.fixture
def build_site(tmp_path: Path) -> Builder:
    """Return a function that builds a fixture site into this test's temporary folder."""
    return make_builder(tmp_path)


@pytest.fixture(scope="session")
def session_builder(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Return a ``build_site`` function whose builds live for the whole session."""
    return make_builder(tmp_path_factory.mktemp("sites"))


@pytest.fixture(scope="session")
def minimal_preview(session_builder: Builder) -> BuildResult:
    """Build the ``minimal`` fixture site with preview settings (drafts written)."""
    return session_builder("minimal")


@pytest.fixture(scope="session")
def minimal_publish(session_builder: Builder) -> BuildResult:
    """Build the ``minimal`` fixture site with publish settings under a path."""
    return session_builder("minimal", publish=True)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the project's content with publish settings under https://example.org/tip."""
    output = tmp_path_factory.mktemp("real-publish") / "output"
    return build(PROJECT / "content", output, publish=True)


@pytest.fixture(scope="session")
def real_site_preview(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the project's content with the preview settings of pelicanconf.py."""
    output = tmp_path_factory.mktemp("real-preview") / "output"
    return build(PROJECT / "content", output)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Start one chromium for the session; fail, naming the install command, if it cannot."""
    from browser import launch_chromium, missing_tools
    from playwright.sync_api import sync_playwright

    missing = missing_tools()
    if missing:
        pytest.fail("the browser tests cannot run: " + "; ".join(missing))
    with sync_playwright() as playwright:
        started = launch_chromium(playwright)
        yield started
        started.close()
