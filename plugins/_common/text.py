"""The text helpers every plugin shares: reading a text file, slugs, HTML to plain text.

:func:`read_text` reads every text input of the site (Markdown, CSV, the data's notes) as
editors save them: UTF-8 with or without a byte-order mark, any line endings; a file in
another encoding is an error naming its first bad byte.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from markupsafe import Markup
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

# HTML5 output that escapes only &, < and > (bs4's "html5" formatter turns every non-ASCII
# character into a named entity) and writes void elements without "/>".
HTML5_MINIMAL = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix="",
    empty_attributes_are_booleans=True,
)
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")  # white space, but not the no-break spaces
BOM = b"\xef\xbb\xbf"


class NotUtf8Error(ValueError):
    """The file is not UTF-8 text; ``line`` and ``column`` locate the first bad byte."""

    def __init__(self, line: int, column: int, byte: int) -> None:
        super().__init__(f"byte 0x{byte:02x} at line {line}, column {column} is not UTF-8")
        self.line = line
        self.column = column


def read_text(path: Path) -> str:
    """Return a text file's content without its byte-order mark, line endings made ``\\n``.

    Raise :class:`NotUtf8Error` naming the first byte that is not UTF-8.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise NotUtf8Error(line, column, data[error.start]) from None
    text = text.removeprefix(BOM.decode("utf-8"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def slug_of(text: str) -> str:
    """Return the slug Pelican makes of ``text`` with its default substitutions."""
    return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def plain_text(value: object) -> str:
    """Return HTML (a title, a summary, a body) as plain text on one line.

    Tags and comments are dropped, entities decoded, the text put in Unicode's composed form
    (NFC), soft hyphens removed and every run of white space made one space (no-break
    spaces are kept).
    """
    # striptags() makes every run of white space one space, no-break spaces too; French
    # puts them before "?" and inside « », so they go through as entities.
    kept = str(value or "").replace("\u00a0", "&nbsp;").replace("\u202f", "&#8239;")
    text = Markup(kept).striptags()
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _SPACES.sub(" ", text).strip()


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def shift_headings(html: str, levels: int) -> str:
    """Return content HTML with every heading ``levels`` deeper (h2 becomes h3), at most h6.

    For content shown inside a section of another page (a narrative on its country's page),
    so the page's outline stays one tree.
    """

    def shifted(match: re.Match[str]) -> str:
        return f"<{match[1]}h{min(int(match[2]) + levels, 6)}"

    return _HEADING_TAG.sub(shifted, html)


# A North American number as the site writes it: 911, 1-888-373-7888 or 888-373-7888.
PHONE = re.compile(r"(?<![\w-])(?:911|(?:1-)?\d{3}-\d{3}-\d{4})(?![\w-])")
PHONE_CLASS = "tel"  # the class of every link that dials (templates' components/phone.html too)


def tel_uri(number: str) -> str:
    """Return the ``tel:`` URI that dials ``number`` (RFC 3966: global form with +1, 911 as is)."""
    digits = "".join(char for char in number if char.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if len(digits) == 11 else f"tel:{digits}"


def link_phones(text: str) -> Markup:
    """Return ``text`` as HTML, each phone number in it a ``tel:`` link (plain text fields)."""
    escaped = str(Markup.escape(text))
    return Markup(
        PHONE.sub(
            lambda m: f'<a class="{PHONE_CLASS}" href="{tel_uri(m.group())}">{m.group()}</a>',
            escaped,
        )
    )
