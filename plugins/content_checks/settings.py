"""Defaults of the content_checks plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    # The news categories a writer may choose from (campaigns are their own content type).
    "CONTENT_CHECKS_CATEGORIES": ["Press releases", "Statements", "Stories", "Events"],
}
