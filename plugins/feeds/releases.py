"""The release date of each TIP Report, with its source, read from ``report_releases.csv``.

A country feed dates each placement by its report's release date. A year without a sourced
date is simply absent from the file, and its placements get no entry: a feed never guesses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from plugins._common.problems import display_path
from plugins._common.tipdata import TipDataError, csv_rows

COLUMNS = ("year", "released", "source")


class ReleasesError(ValueError):
    """The release dates cannot be used: the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Release:
    """The day a report year's TIP Report came out, and where that date comes from."""

    year: int
    released: datetime.date
    source: str


def load_releases(path: Path) -> dict[int, Release]:
    """Read the file into releases by year (none when it is absent); raise on a bad row."""
    if not path.is_file():
        return {}
    releases: dict[int, Release] = {}
    try:
        reader = csv_rows(path)
    except TipDataError as error:
        raise ReleasesError(str(error)) from None
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        raise _error(
            path, 1, f"the header lacks {', '.join(missing)}", f"start with {','.join(COLUMNS)}"
        )
    for row in reader:
        release = _release(path, reader.line_num, row)
        if release.year in releases:
            raise _error(
                path,
                reader.line_num,
                f"{release.year} appears twice",
                "keep one row per report year",
            )
        releases[release.year] = release
    return releases


def _error(path: Path, line: int, problem: str, fix: str) -> ReleasesError:
    return ReleasesError(f"{display_path(path)}:{line}: {problem}. Fix: {fix}")


def _release(path: Path, line: int, row: dict[str, str]) -> Release:
    try:
        year = int(row["year"])
        released = datetime.date.fromisoformat(row["released"].strip())
    except (TypeError, ValueError, AttributeError):
        raise _error(
            path,
            line,
            f"{row.get('year')!r},{row.get('released')!r} is not a year and a date",
            "e.g. 2009,2009-06-17",
        ) from None
    if released.year != year:
        raise _error(
            path,
            line,
            f"the {year} report cannot come out on {released}",
            "correct the year or the date",
        )
    source = (row.get("source") or "").strip()
    if not source:
        raise _error(
            path,
            line,
            f"the {year} date has no source",
            "name where the date comes from, or leave the year out",
        )
    return Release(year, released, source)
