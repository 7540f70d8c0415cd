"""Hide the Pelican messages that this project replaces with one-line messages that name a line.

- A missing ``{filename}``/``{static}`` target and an image without alt text: the content
  checks report them with the file's line and a fix.
- "There are 2 items with slug ...": Pelican says so whenever two items share a slug, even
  when their addresses differ (two years' posts), and names absolute paths. Two items that
  really write one file are reported by the writer plugin, naming both files and the fix.
"""

from __future__ import annotations

import logging

# Pelican's own wording of problems that the checks report with the file's line and a fix.
REPLACED = frozenset(
    {
        "Unable to find '%s', skipping url replacement.",  # a {filename}/{static} target
        "Empty alt attribute for image %s in %s",  # an image without alt text
    }
)
# Pelican's duplicate-slug messages start so (their endings list the files).
REPLACED_PREFIXES = ('There are %s items "%s" with lang %s', "There are %s original (not")
LOGGERS = ("pelican.contents", "pelican.readers", "pelican.utils")


class ReplacedMessages(logging.Filter):
    """Drop records whose message template the project already reports in its own words."""

    def filter(self, record: logging.LogRecord) -> bool:
        template = str(record.msg)
        return template not in REPLACED and not template.startswith(REPLACED_PREFIXES)


def install() -> None:
    """Attach the filter to Pelican's loggers once per process."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, ReplacedMessages) for f in logger.filters):
            logger.addFilter(ReplacedMessages())
