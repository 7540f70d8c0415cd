"""Hide the Pelican messages that this plugin replaces with one-line messages that name a line."""

from __future__ import annotations

import logging

# Pelican's own wording of problems that the checks report with the file's line and a fix.
REPLACED = frozenset(
    {
        "Unable to find '%s', skipping url replacement.",  # a {filename}/{static} target
        "Empty alt attribute for image %s in %s",  # an image without alt text
    }
)
LOGGERS = ("pelican.contents", "pelican.readers")


class ReplacedMessages(logging.Filter):
    """Drop records whose message template the content checks already report."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in REPLACED


def install() -> None:
    """Attach the filter to Pelican's loggers once per process."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, ReplacedMessages) for f in logger.filters):
            logger.addFilter(ReplacedMessages())
