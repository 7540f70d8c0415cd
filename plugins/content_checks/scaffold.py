"""Write a new content file with every field of its schema present and explained.

The explanations are Markdown comments (``[//]: # "..."``), which render to nothing, so a
scaffold builds cleanly before the writer has touched it. Scaffolds start as drafts.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path

from plugins._common.text import slug_of

from .schema import CAMPAIGN, NEWS, Kind, Schema

_BODY = {
    NEWS.name: "Write the post here, in Markdown.",
    CAMPAIGN.name: (
        "One or two sentences that introduce the campaign.\n\n## Goal\n\nWhat it aims to "
        "change.\n\n## What you can do\n\n1. A first step.\n\n## Share\n\n- A post people "
        "can copy, with the hashtag.\n\n## Resources\n\n- A link to a page or fact sheet."
    ),
}


class ScaffoldExistsError(FileExistsError):
    """The file a scaffold would write already exists."""


def render(schema: Schema, values: Mapping[str, str]) -> str:
    """Return a scaffold: the fields (date fields only when given), notes, then a body."""
    header = []
    for spec in schema.fields:
        value = values.get(spec.name, "")
        if spec.translation and not value:
            continue  # a new post is in the default language; the notes explain the field
        if spec.kind in (Kind.DATE, Kind.DATETIME) and not value:
            continue  # an empty date does not parse: it is only explained below
        header.append(f"{spec.name}: {value}".rstrip())
    notes = [f'[//]: # "{spec.name}: {_note(spec.help, spec.example)}"' for spec in schema.fields]
    intro = '[//]: # "These [//] lines are notes for you: readers never see them; delete them."'
    return "\n".join([*header, "", *notes, "", intro, "", _BODY[schema.name], ""])


def _note(help_text: str, example: str) -> str:
    text = f"{help_text} Example: {example}" if example else help_text
    return text.replace('"', "'")


def write_post(folder: Path, title: str, category: str, now: datetime.datetime) -> Path:
    """Create ``<folder>/<date>-<slug>.md``, a draft news post; refuse to overwrite."""
    values = {
        "Title": title,
        "Date": now.strftime("%Y-%m-%d %H:%M"),
        "Category": category,
        "Author": "Public Engagement",
        "Status": "draft",
    }
    return _write(folder / f"{now:%Y-%m-%d}-{slug_of(title)}.md", render(NEWS, values))


def write_campaign(folder: Path, title: str, start: datetime.date, days: int = 30) -> Path:
    """Create ``<folder>/<slug>.md``, a draft campaign of ``days`` days; refuse to overwrite."""
    values = {
        "Title": title,
        "Start": start.isoformat(),
        "End": (start + datetime.timedelta(days=days - 1)).isoformat(),
        "Status": "draft",
    }
    return _write(folder / f"{slug_of(title)}.md", render(CAMPAIGN, values))


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldExistsError(f"{path} already exists: choose another title or edit that file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
