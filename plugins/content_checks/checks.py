"""Check one content file against its schema; each problem names its line, field and fix."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pelican.utils import get_date

from plugins._common.header import Entry, Header, parse
from plugins._common.sources import EXAMPLE, SourceError, parse_source
from plugins._common.text import NotUtf8Error, read_text
from plugins._common.tiers import TIERS

from .rawhtml import html_tags
from .schema import STATUSES, SUMMARY_MAX, Kind, Schema

_STRICT_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$")
_HASHTAG = re.compile(r"^#\w+$")
_LINK_TARGET = re.compile(r"\{(?:filename|static|attach)\}(?P<target>[^)\s\"'#?]+)")
_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\(")
_NOTE = re.compile(r"^\[//\]: #")  # a Markdown comment, e.g. a scaffold's notes
_ROOT_LINK = re.compile(r"\]\((/[^)\s]*)|href=\"(/[^\"]*)\"")
# A Markdown link, image or reference to a URL that runs code or carries a whole document.
_UNSAFE_LINK = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)(?P<scheme>javascript|vbscript|data):", re.IGNORECASE
)
_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "srcset"})
FIX_URL = "link to an https:// address or to a file of the site"
FIX_STYLE = "remove it: the site's security policy blocks inline styles (the theme styles content)"
FIX_ON = "remove it: no page runs code from its content, and the security policy would block it"
UNSAFE_ELEMENTS = {
    "script": "remove it: no page runs code from its content (the security policy blocks it)",
    "style": FIX_STYLE,
    "iframe": "link to the page instead: an embedded page loads from another site",
    "object": "link to the file instead: embedded objects load code from elsewhere",
    "embed": "link to the file instead: embedded objects load code from elsewhere",
    "form": "link to the form's own page instead: the site has no form handler",
}


@dataclass(frozen=True)
class Problem:
    """One mistake in a file. A fatal one stops Pelican from reading the file at all."""

    line: int | None
    field: str | None
    problem: str
    fix: str
    fatal: bool = False


@dataclass(frozen=True)
class Build:
    """What the checks need to know about the build: where content is, what it accepts, when."""

    content_root: Path
    categories: Sequence[str]
    now: datetime.datetime | None = None  # set when a post dated later is left out (publish)


def check_file(path: Path, schema: Schema, build: Build) -> list[Problem]:
    """Return every problem of the file at ``path``, read as a ``schema`` document."""
    try:
        text = read_text(path)
    except NotUtf8Error as error:
        return [
            Problem(
                error.line,
                None,
                f"the file is not UTF-8 text ({error})",
                "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                fatal=True,
            )
        ]
    header = parse(text)
    if not header.entries:
        return [
            Problem(
                1,
                None,
                "the file does not start with its metadata",
                "start with 'Title: ...' on line 1, one 'Field: value' per line, "
                "then a blank line before the text",
                fatal=True,
            )
        ]
    problems = [
        *_header_shape(header, schema),
        *_required(header, schema),
        *_values(header, schema, path, build.content_root, build.categories),
        *_future(header, build),
        *_body(header, path, build.content_root),
        *_raw_html(header),
        *_empty(header),
    ]
    return problems


def _header_shape(header: Header, schema: Schema) -> Iterator[Problem]:
    if header.stray is not None:
        yield Problem(
            header.stray,
            None,
            "this line is not 'Field: value', so it and everything after it is read as text",
            "write 'Field: value', or leave a blank line between the fields and the text",
        )
    for entry in header.entries:
        if schema.field(entry.name) is None:
            guess = difflib.get_close_matches(entry.name, schema.names, n=1, cutoff=0.6)
            hint = f"did you mean {guess[0]}? " if guess else ""
            yield Problem(
                entry.line,
                entry.name,
                f"{entry.name!r} is not a field of a {schema.name}",
                f"{hint}the fields are: {', '.join(schema.names)}",
            )


def _required(header: Header, schema: Schema) -> Iterator[Problem]:
    if header.stray is not None:
        return  # the fields after the stray line are lost: that one message says why
    status = header.get("Status")
    draft = status is not None and status.value == "draft"
    for spec in schema.fields:
        if not spec.required or (draft and spec.name not in ("Title", "Date")):
            continue  # a draft is work in progress: only what Pelican needs to read it
        entry = header.get(spec.name)
        if entry is None or not entry.value:
            fatal = spec.name in ("Title", "Date")  # Pelican cannot read the file without them
            yield Problem(
                entry.line if entry else 1,
                spec.name,
                f"the required field {spec.name} is {'empty' if entry else 'missing'}",
                f"add a line '{spec.name}: ...' to the header: {spec.help}",
                fatal=fatal,
            )


def _values(
    header: Header, schema: Schema, path: Path, content_root: Path, categories: Sequence[str]
) -> Iterator[Problem]:
    for entry in header.entries:
        spec = schema.field(entry.name)
        if spec is None or not entry.value:
            continue
        check = _VALUE_CHECKS.get(spec.kind)
        if check:
            yield from check(entry, path=path, root=content_root, categories=categories)
    yield from _pairs(header)


def _datetime(entry: Entry, **_) -> Iterator[Problem]:
    if _STRICT_DATETIME.match(entry.value) and _parses(entry.value):
        return
    try:
        get_date(entry.value)
    except (ValueError, OverflowError):
        yield Problem(
            entry.line,
            entry.name,
            f"{entry.value!r} is not a date",
            "write it as YYYY-MM-DD HH:MM, e.g. 2010-06-14 10:00",
            fatal=True,
        )
    else:
        yield Problem(
            entry.line,
            entry.name,
            f"{entry.value!r} is not in the house format",
            "write it as YYYY-MM-DD HH:MM, e.g. 2010-06-14 10:00",
        )


def _parses(value: str) -> bool:
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _date(entry: Entry, **_) -> Iterator[Problem]:
    try:
        datetime.date.fromisoformat(entry.value)
    except ValueError:
        yield Problem(
            entry.line,
            entry.name,
            f"{entry.value!r} is not a date",
            "write it as YYYY-MM-DD, e.g. 2010-09-01",
            fatal=True,
        )


def _choice(
    entry: Entry, allowed: Sequence[str], what: str, fix: str, fatal: bool = False
) -> Iterator[Problem]:
    """A problem when the field's value is not one of ``allowed``."""
    if entry.value not in allowed:
        yield Problem(entry.line, entry.name, f"{entry.value!r} is not {what}", fix, fatal=fatal)


def _category(entry: Entry, categories: Sequence[str], **_) -> Iterator[Problem]:
    if categories:
        yield from _choice(
            entry, categories, "a news category", f"write one of: {', '.join(categories)}"
        )


def _status(entry: Entry, **_) -> Iterator[Problem]:
    yield from _choice(
        entry, STATUSES, "a status", f"write one of: {', '.join(STATUSES)}", fatal=True
    )


def _hashtag(entry: Entry, **_) -> Iterator[Problem]:
    if not _HASHTAG.match(entry.value):
        yield Problem(
            entry.line,
            entry.name,
            f"{entry.value!r} is not one hashtag",
            "write # and letters, digits or _ with no spaces, e.g. #KnowTheSigns",
        )


def _yes_no(entry: Entry, **_) -> Iterator[Problem]:
    yield from _choice(entry, ("yes", "no"), "yes or no", "write yes or no, lower case")


def _summary(entry: Entry, **_) -> Iterator[Problem]:
    if len(entry.value) > SUMMARY_MAX:
        yield Problem(
            entry.line,
            entry.name,
            f"the summary has {len(entry.value)} characters, more than {SUMMARY_MAX}",
            "shorten it to one sentence; feeds and share cards cut longer ones",
        )


def _image(entry: Entry, path: Path, root: Path, **_) -> Iterator[Problem]:
    if not _target(entry.value, path, root).is_file():
        yield Problem(
            entry.line,
            entry.name,
            f"the image {entry.value!r} does not exist",
            "put the file in content/images/ and write {static}/images/<file>",
        )


def _year(entry: Entry, path: Path, **_) -> Iterator[Problem]:
    if not re.fullmatch(r"\d{4}", entry.value):
        yield Problem(
            entry.line,
            entry.name,
            f"{entry.value!r} is not a report year",
            "write the year the report came out, four digits, e.g. 2010",
        )
    elif path.stem != entry.value:
        yield Problem(
            entry.line,
            entry.name,
            f"the file is {path.name} but it says {entry.value}",
            f"name the file {entry.value}.md, or correct the year",
        )


def _tier(entry: Entry, **_) -> Iterator[Problem]:
    yield from _choice(
        entry, TIERS, "a tier", f"write one of: {', '.join(TIERS)} (2WL is the Tier 2 Watch List)"
    )


def _sources(entry: Entry, **_) -> Iterator[Problem]:
    for offset, line in enumerate(entry.lines):
        try:
            parse_source(line)
        except SourceError as error:
            yield Problem(
                entry.line + offset,
                entry.name,
                f"this source is not title | publisher | year | URL ({error})",
                f"write e.g. {EXAMPLE}, one source per line (further lines indented by four "
                "spaces)",
            )


_VALUE_CHECKS = {
    Kind.DATETIME: _datetime,
    Kind.DATE: _date,
    Kind.CATEGORY: _category,
    Kind.STATUS: _status,
    Kind.HASHTAG: _hashtag,
    Kind.YES_NO: _yes_no,
    Kind.SUMMARY: _summary,
    Kind.IMAGE: _image,
    Kind.YEAR: _year,
    Kind.TIER: _tier,
    Kind.SOURCES: _sources,
}


def _pairs(header: Header) -> Iterator[Problem]:
    """Check fields that depend on each other: Image and its alt text, Start before End."""
    image, alt = header.get("Image"), header.get("Image_alt")
    if image and image.value and not (alt and alt.value):
        yield Problem(
            image.line,
            "Image_alt",
            "the picture has no description",
            "add 'Image_alt: what the picture shows' under Image",
        )
    start, end = header.get("Start"), header.get("End")
    if start and end:
        try:
            if datetime.date.fromisoformat(end.value) < datetime.date.fromisoformat(start.value):
                yield Problem(
                    end.line,
                    "End",
                    f"the campaign ends ({end.value}) before it starts ({start.value})",
                    "write an End on or after Start",
                )
        except ValueError:
            pass  # reported by _date


def _body(header: Header, path: Path, root: Path) -> Iterator[Problem]:
    for number, text in header.body:
        if _NOTE.match(text):
            continue
        for match in _LINK_TARGET.finditer(text):
            target = match["target"]
            if not _target(target, path, root).exists():
                yield Problem(
                    number,
                    None,
                    f"the link target {target!r} does not exist",
                    "link a file that exists, e.g. {filename}/pages/about.md "
                    "(paths start at content/)",
                )
        for match in _ROOT_LINK.finditer(text):
            link = match[1] or match[2]
            yield Problem(
                number,
                None,
                f"the link {link!r} starts with /, so it breaks when the "
                "site is served from a folder (e.g. example.org/tip/)",
                "link the file with {filename}/pages/<file>.md, or write a relative link",
            )
        if _IMAGE_NO_ALT.search(text):
            yield Problem(
                number,
                None,
                "an image has no alt text",
                "describe it: ![what the picture shows](...)",
            )
        match = _UNSAFE_LINK.search(text)
        if match:
            yield Problem(number, None, f"a link to a {match['scheme'].lower()}: URL", FIX_URL)


def _raw_html(header: Header) -> Iterator[Problem]:
    """Report raw HTML a page may not carry (it would run code, load another site...)."""
    for tag in html_tags(header.body):
        if tag.name == "img" and tag.attributes.get("alt") is None:
            yield Problem(
                tag.line,
                None,
                f"the image {tag.attributes.get('src')!r} has no alt text",
                'describe it: <img alt="what the picture shows" ...>, or ![what it shows](...)',
            )
        if tag.name in UNSAFE_ELEMENTS:
            article = "an" if tag.name[0] in "aeiou" else "a"
            yield Problem(
                tag.line, None, f"{article} <{tag.name}> element", UNSAFE_ELEMENTS[tag.name]
            )
        for name, value in tag.attributes.items():
            if name == "style":
                yield Problem(tag.line, None, f"a style attribute on <{tag.name}>", FIX_STYLE)
            elif name.startswith("on"):
                yield Problem(tag.line, None, f"an event handler ({name}=) on <{tag.name}>", FIX_ON)
            elif name in URL_ATTRIBUTES and _UNSAFE_URL.match(value or ""):
                scheme = (value or "").split(":", 1)[0].strip().lower()
                yield Problem(
                    tag.line, None, f"a {scheme}: URL in {name}= of <{tag.name}>", FIX_URL
                )


def _empty(header: Header) -> Iterator[Problem]:
    """Report a published file with no text: readers would find an empty page."""
    status = header.get("Status")
    if status is not None and status.value == "draft":
        return
    if not any(text.strip() and not _NOTE.match(text) for _, text in header.body):
        line = header.body[0][0] if header.body else max(e.line for e in header.entries) + 1
        yield Problem(
            line,
            None,
            "the file has no text after its metadata",
            "write the text under the fields, after one blank line (or set Status: draft)",
        )


def _future(header: Header, build: Build) -> Iterator[Problem]:
    """Name a published post whose date has not come: the publish leaves it out until then."""
    date, status = header.get("Date"), header.get("Status")
    if build.now is None or date is None or (status is not None and status.value != "published"):
        return
    try:
        when = get_date(date.value)
    except (ValueError, OverflowError):
        return  # reported as not a date
    zone = build.now.tzinfo
    when = when if when.tzinfo else when.replace(tzinfo=zone)
    if when <= build.now:
        return
    shown = f"{when.day} {when:%b %Y %H:%M} {getattr(zone, 'key', zone)}"
    yield Problem(
        date.line,
        date.name,
        f"the post will appear on {shown}, not before",
        "set Status: draft to keep it back, or correct the date",
    )


def _target(value: str, path: Path, root: Path) -> Path:
    """Resolve a {filename}/{static} target: from content/ when it starts with /, else the file."""
    value = re.sub(r"^\{(?:filename|static|attach)\}", "", value)
    return root / value.lstrip("/") if value.startswith("/") else path.parent / value
