"""Defaults of the campaigns plugin's settings."""

from __future__ import annotations

DEFAULTS = {
    "CAMPAIGNS_PATHS": ["campaigns"],  # relative to PATH
    "CAMPAIGNS_INDEX_URL": "campaigns/",
    "CAMPAIGNS_INDEX_SAVE_AS": "campaigns/index.html",
    "CAMPAIGNS_PAGE_URL": "campaigns/{slug}/",
    "CAMPAIGNS_PAGE_SAVE_AS": "campaigns/{slug}/index.html",
    "CAMPAIGNS_DRAFT_URL": "drafts/campaigns/{slug}/",
    "CAMPAIGNS_DRAFT_SAVE_AS": "drafts/campaigns/{slug}/index.html",
    # The day that decides running / upcoming / ended: None means the day of the build.
    "CAMPAIGNS_TODAY": None,
}
