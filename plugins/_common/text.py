"""The text helpers every plugin shares: slugs, HTML to plain text, HTML serialization."""

from __future__ import annotations

import re
import unicodedata

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
_SPACES = re.compile(r"\s+")


def slug_of(text: str) -> str:
    """Return the slug Pelican makes of ``text`` with its default substitutions."""
    return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def plain_text(value: object) -> str:
    """Return HTML (a title, a summary, a body) as plain text on one line.

    Tags and comments are dropped, entities decoded, the text put in Unicode's composed form
    (NFC), soft hyphens removed and every run of white space made one space.
    """
    text = Markup(str(value or "")).striptags()
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _SPACES.sub(" ", text).strip()
