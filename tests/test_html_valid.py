"""Every page of the published real site is valid HTML, by the Nu HTML Checker (vnu.jar).

The checker runs once over the whole output folder (one JVM start instead of one per page).
Its "info" messages, warnings included, are printed but do not fail the test. The checker
comes from npm (package.json pins vnu-jar) and needs Java 17 or later; both missing is a
failure with the install commands, never a skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sitebuild import PROJECT, BuildResult

pytestmark = pytest.mark.slow

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "apt-get install default-jre-headless && npm ci --ignore-scripts (in the project root)"
ERROR_TYPES = frozenset({"error", "non-document-error"})


@dataclass(frozen=True)
class Message:
    """One message of the checker, with the file and line it concerns."""

    kind: str
    file: str
    line: int | None
    text: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.kind}: {self.text}"


def _messages(report: dict[str, Any], output: Path) -> list[Message]:
    found = []
    for item in report.get("messages", []):
        url = str(item.get("url", ""))
        file = url.removeprefix("file:")
        if file.startswith(str(output)):
            file = file[len(str(output)) :].lstrip("/")
        kind = str(item.get("type", ""))
        if item.get("subType"):
            kind = f"{kind}/{item['subType']}"
        found.append(Message(kind, file, item.get("lastLine"), str(item.get("message", ""))))
    return found


def run_vnu(output: Path) -> list[Message]:
    """Check every HTML file under ``output`` in one run and return the checker's messages."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is not installed; the HTML check needs it: {INSTALL}")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing; install the checker: {INSTALL}")
    command = [
        java,
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--stdout",
        "--skip-non-html",
        str(output),
    ]
    run = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON report (exit {run.returncode}):\n{run.stdout}{run.stderr}")
    return _messages(report, output)


def test_published_pages_are_valid_html(real_site: BuildResult) -> None:
    """The checker finds no error in any page of the publish build."""
    assert real_site.pages(), "the publish build wrote no HTML page"
    messages = run_vnu(real_site.output)
    for message in messages:
        print(message)
    errors = [m for m in messages if m.kind.split("/")[0] in ERROR_TYPES]
    assert errors == [], "\n".join(str(m) for m in errors)


def test_checker_counts_errors_not_warnings(tmp_path: Path) -> None:
    """The checker's errors are found with file and line; its warnings are only "info"."""
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><title>T</title></head>\n'
        '<body><img src="x.png"><section><p>x</p></section></body></html>\n',
        encoding="utf-8",
    )
    messages = run_vnu(tmp_path)
    errors = [m for m in messages if m.kind.split("/")[0] in ERROR_TYPES]
    assert [(m.file, m.line) for m in errors] == [("bad.html", 3)]
    assert "alt" in errors[0].text
    assert any(m.kind == "info/warning" for m in messages)
