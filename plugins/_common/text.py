"""Small text helpers shared by the plugins: slugs and HTML serialization."""

from __future__ import annotations

from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

# HTML5 output that escapes only &, < and > (bs4's "html5" formatter turns every non-ASCII
# character into a named entity) and writes void elements without "/>".
HTML5_MINIMAL = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix="",
    empty_attributes_are_booleans=True,
)


def slug_of(text: str) -> str:
    """Return the slug Pelican makes of ``text`` with its default substitutions."""
    return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
