"""Every page of the published real site is valid HTML, by the Nu HTML Checker (vnu.jar).

The test runs the publish check itself (``deploy.checks``), so the suite and a deploy hold
pages to the same rule: one checker run over the whole output folder, errors count,
warnings do not. The checker comes from npm (package.json pins vnu-jar) and needs Java 17 or
later; both missing is a failure with the install commands, never a skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import PROJECT, BuildResult

from deploy.checks import finish_html_check, start_html_check

pytestmark = pytest.mark.slow


def html_errors(output: Path) -> list[str]:
    """Return the checker's errors ("file:line: message") for every page under ``output``."""
    return finish_html_check(start_html_check(output, PROJECT), output)


def test_published_pages_are_valid_html(real_site: BuildResult) -> None:
    """The checker finds no error in any page of the publish build."""
    assert real_site.pages(), "the publish build wrote no HTML page"
    errors = html_errors(real_site.output)
    assert errors == [], "\n".join(errors)


def test_checker_counts_errors_not_warnings(tmp_path: Path) -> None:
    """An error is reported with file and line; the page's warning (a section with no
    heading) is not counted."""
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><title>T</title></head>\n'
        '<body><img src="x.png"><section><p>x</p></section></body></html>\n',
        encoding="utf-8",
    )
    errors = html_errors(tmp_path)
    assert len(errors) == 1, errors
    assert errors[0].startswith("bad.html:3: ")
    assert "alt" in errors[0]
