"""The release date of each TIP Report, with its source, read from ``report_releases.csv``.

A country feed dates each placement by its report's release date. A year without a sourced
date is simply absent from the file, and its placements get no entry: a feed never guesses.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

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
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
        if missing:
            raise ReleasesError(
                f"{path}:1: the header lacks {', '.join(missing)}. Fix: start with "
                f"{','.join(COLUMNS)}"
            )
        for row in reader:
            release = _release(path, reader.line_num, row)
            if release.year in releases:
                raise ReleasesError(
                    f"{path}:{reader.line_num}: {release.year} appears twice. Fix: keep one row "
                    "per report year"
                )
            releases[release.year] = release
    return releases


def _release(path: Path, line: int, row: dict[str, str]) -> Release:
    try:
        year = int(row["year"])
        released = datetime.date.fromisoformat(row["released"].strip())
    except (TypeError, ValueError, AttributeError):
        raise ReleasesError(
            f"{path}:{line}: {row.get('year')!r},{row.get('released')!r} is not a year and a "
            "date. Fix: e.g. 2009,2009-06-17"
        ) from None
    if released.year != year:
        raise ReleasesError(
            f"{path}:{line}: the {year} report cannot come out on {released}. Fix: correct the "
            "year or the date"
        )
    source = (row.get("source") or "").strip()
    if not source:
        raise ReleasesError(
            f"{path}:{line}: the {year} date has no source. Fix: name where the date comes "
            "from, or leave the year out"
        )
    return Release(year, released, source)
