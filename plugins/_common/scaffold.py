"""Write a new Markdown file with every metadata field present and explained.

The explanations are Markdown reference definitions (``[//]: # "..."``), which render to
nothing, so a scaffold builds cleanly before the writer has touched it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from pelican.utils import slugify


class ScaffoldExistsError(FileExistsError):
    """The file a scaffold would write already exists."""


@dataclass(frozen=True)
class Field:
    """One metadata line of a scaffold and the sentence that explains it."""

    name: str
    value: str | None  # None: explained only, since an empty value would not parse
    help: str


def post_fields(title: str, category: str, now: datetime.datetime) -> list[Field]:
    """Return the metadata fields of a news post, in the order they are written."""
    return [
        Field("Title", title, "The headline, as readers see it."),
        Field(
            "Date",
            now.strftime("%Y-%m-%d %H:%M"),
            "Publication date, YYYY-MM-DD HH:MM (Eastern); a future date waits for its day.",
        ),
        Field("Modified", None, "Add this line, same format as Date, after a real change."),
        Field(
            "Category", category, "One of: Press releases, Statements, Stories, Events, Campaigns."
        ),
        Field(
            "Tags", "", "Topics, lower case, separated by commas (e.g. tip-report, forced-labor)."
        ),
        Field("Author", "Public Engagement", "Who signs the post."),
        Field(
            "Summary",
            "",
            "One sentence of at most 200 characters, for lists, feeds and share cards.",
        ),
        Field(
            "Countries",
            "",
            "Countries the post concerns: ISO codes or names, comma-separated (e.g. USA, Burma).",
        ),
        Field("Image", "", "Optional picture for the share card, e.g. {static}/images/file.jpg."),
        Field("Image_alt", "", "What the picture shows, in one sentence (required with Image)."),
        Field(
            "Status",
            "draft",
            "draft shows only in the local preview; write published when it is ready.",
        ),
    ]


def render(fields: list[Field]) -> str:
    """Return the scaffold's text: the metadata, the explanations, then a body to replace."""
    header = "\n".join(
        f"{field.name}: {field.value}".rstrip() for field in fields if field.value is not None
    )
    notes = "\n".join(f'[//]: # "{field.name}: {field.help}"' for field in fields)
    body = "Write the post here, in Markdown. The lines above starting [//] are notes for you; "
    body += "readers never see them, and you may delete them."
    return f"{header}\n\n{notes}\n\n{body}\n"


def write_post(folder: Path, title: str, category: str, now: datetime.datetime) -> Path:
    """Create ``<folder>/<date>-<slug>.md`` for a new post; refuse to overwrite."""
    slug = slugify(
        title,
        regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")],
    )
    path = folder / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise ScaffoldExistsError(f"{path} already exists: choose another title or edit that file.")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(render(post_fields(title, category, now)), encoding="utf-8")
    return path
