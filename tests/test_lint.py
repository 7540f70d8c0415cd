"""The project's Python passes ruff's checks and formatting (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sitebuild import PROJECT


@pytest.mark.parametrize(
    "arguments", [["check", "."], ["format", "--check", "."]], ids=["check", "format"]
)
def test_ruff(arguments: list[str]) -> None:
    """``ruff <arguments>`` exits 0 from the project root; its output is shown on failure."""
    run = subprocess.run(
        [sys.executable, "-m", "ruff", *arguments],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, f"ruff {' '.join(arguments)}:\n{run.stdout}{run.stderr}"
