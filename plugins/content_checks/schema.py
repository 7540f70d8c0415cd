"""The fields each content type takes: required or not, their format, and a line of help.

Both the checks and the scaffolds (``invoke new-post``, ``invoke new-campaign``) read these
definitions, so a scaffold always carries exactly the fields the checks accept.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """How a field's value is checked."""

    TEXT = "text"
    DATETIME = "datetime"  # YYYY-MM-DD or YYYY-MM-DD HH:MM
    DATE = "date"  # YYYY-MM-DD
    CATEGORY = "category"
    STATUS = "status"
    HASHTAG = "hashtag"
    IMAGE = "image"
    YES_NO = "yes/no"
    SUMMARY = "summary"
    YEAR = "year"  # a report year: four digits, the file's name
    TIER = "tier"  # a tier code: 1, 2, 2WL, 3, special
    SOURCES = "sources"  # title | publisher | year | URL, one per line


@dataclass(frozen=True)
class FieldSpec:
    """One metadata field of a content type."""

    name: str
    kind: Kind
    required: bool
    help: str
    example: str = ""
    translation: bool = False  # only a translation has it: a scaffold only explains it


@dataclass(frozen=True)
class Schema:
    """The fields of one content type, in the order a scaffold writes them."""

    name: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec | None:
        """Return the field called ``name`` (case does not matter)."""
        return next((f for f in self.fields if f.name.casefold() == name.casefold()), None)

    @property
    def names(self) -> list[str]:
        """Return the field names."""
        return [f.name for f in self.fields]


STATUSES = ("published", "draft", "hidden")
SUMMARY_MAX = 200

_TITLE = FieldSpec("Title", Kind.TEXT, True, "The headline, as readers see it.")
_SUMMARY = FieldSpec(
    "Summary",
    Kind.SUMMARY,
    True,
    f"One sentence of at most {SUMMARY_MAX} characters, for lists, feeds and share cards.",
)
_TAGS = FieldSpec("Tags", Kind.TEXT, False, "Topics, lower case, comma-separated.", "tip-report")
_COUNTRIES = FieldSpec(
    "Countries",
    Kind.TEXT,
    False,
    "Countries it concerns: ISO codes or names, comma-separated.",
    "USA, Burma",
)
_IMAGE = FieldSpec(
    "Image", Kind.IMAGE, False, "Optional share-card picture.", "{static}/images/file.jpg"
)
_IMAGE_ALT = FieldSpec(
    "Image_alt", Kind.TEXT, False, "What the picture shows, in one sentence (needed with Image)."
)
_STATUS = FieldSpec(
    "Status",
    Kind.STATUS,
    False,
    "draft shows only in the local preview; published when it is ready.",
    "draft",
)
_SOURCE = FieldSpec("Source", Kind.TEXT, False, "Where the facts come from.")
_OLD_URLS = FieldSpec(
    "Old_URLs",
    Kind.TEXT,
    False,
    "Addresses it had before, from the site root, comma-separated; each redirects here.",
    "news/2010/old-slug/",
)
_LANG = FieldSpec(
    "Lang",
    Kind.TEXT,
    False,
    "Only for a translation: its language, one of LANGUAGES (or name the file about.es.md).",
    "es",
    translation=True,
)
_TRANSLATED = FieldSpec(
    "Translated",
    Kind.DATE,
    False,
    "Only for a translation: the day it was translated from the English page, YYYY-MM-DD.",
    translation=True,
)
_ILLUSTRATIVE = FieldSpec(
    "Illustrative", Kind.YES_NO, False, "yes for sample content that restates sourced facts."
)

NEWS = Schema(
    "news article",
    (
        _TITLE,
        FieldSpec(
            "Date",
            Kind.DATETIME,
            True,
            "Publication date, YYYY-MM-DD HH:MM (Eastern); a future date waits for its day.",
        ),
        FieldSpec("Modified", Kind.DATETIME, False, "Date of the last real change, same format."),
        FieldSpec("Category", Kind.CATEGORY, True, "One news category (see the list)."),
        _TAGS,
        FieldSpec("Author", Kind.TEXT, False, "Who signs the post.", "Public Engagement"),
        FieldSpec(
            "Slug",
            Kind.TEXT,
            False,
            "The address part; leave it once published. A translation gives the English one.",
        ),
        _LANG,
        _TRANSLATED,
        _SUMMARY,
        _COUNTRIES,
        FieldSpec("Campaign", Kind.TEXT, False, "The file name of its campaign, without .md.", ""),
        _IMAGE,
        _IMAGE_ALT,
        _SOURCE,
        _ILLUSTRATIVE,
        _OLD_URLS,
        _STATUS,
    ),
)

CAMPAIGN = Schema(
    "campaign",
    (
        _TITLE,
        _SUMMARY,
        FieldSpec("Hashtag", Kind.HASHTAG, True, "One hashtag, e.g. #KnowTheSigns."),
        FieldSpec("Start", Kind.DATE, True, "First day, YYYY-MM-DD."),
        FieldSpec("End", Kind.DATE, True, "Last day, YYYY-MM-DD (on or after Start)."),
        FieldSpec("Call_to_action", Kind.TEXT, True, "One sentence: what readers should do."),
        _COUNTRIES,
        _TAGS,
        FieldSpec("Featured", Kind.YES_NO, False, "yes to show it on the home page."),
        _IMAGE,
        _IMAGE_ALT,
        _SOURCE,
        _ILLUSTRATIVE,
        _OLD_URLS,
        _STATUS,
    ),
)

PAGE = Schema(
    "page",
    (
        _TITLE,
        _LANG,
        _TRANSLATED,
        FieldSpec("Summary", Kind.SUMMARY, False, _SUMMARY.help),
        FieldSpec("Modified", Kind.DATETIME, False, "Date of the last real change, YYYY-MM-DD."),
        FieldSpec("Nav_order", Kind.TEXT, False, "Its place in its section's menu (1, 2...)."),
        FieldSpec("Save_as", Kind.TEXT, False, "Only for the home page: index.html."),
        FieldSpec("URL", Kind.TEXT, False, "Only for the home page: empty."),
        FieldSpec("Template", Kind.TEXT, False, "Only for the home page: home."),
        _IMAGE,
        _IMAGE_ALT,
        _SOURCE,
        _OLD_URLS,
        _STATUS,
    ),
)

COUNTRY_NARRATIVE = Schema(
    "country narrative",
    (
        _TITLE,
        FieldSpec(
            "Report_year",
            Kind.YEAR,
            True,
            "The report year it covers; the file is named after it (2010.md).",
            "2010",
        ),
        FieldSpec(
            "Tier",
            Kind.TIER,
            True,
            "The tier that report gave the country: 1, 2, 2WL, 3 or special.",
            "3",
        ),
        FieldSpec("Written", Kind.DATE, True, "When this summary was written, YYYY-MM-DD."),
        FieldSpec("Summary", Kind.SUMMARY, False, _SUMMARY.help),
        FieldSpec(
            "Sources",
            Kind.SOURCES,
            True,
            "What it was written from, one per line (indent further lines by four spaces): "
            "title | publisher | year | URL.",
            "Trafficking in Persons Report 2010: Cuba | UNHCR Refworld | 2010 | https://...",
        ),
        _STATUS,
    ),
)

REPORT_NOTE = Schema("report note", (_TITLE, _STATUS))
