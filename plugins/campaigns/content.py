"""The campaign content type: a Pelican page with a hashtag, dates and a call to action."""

from __future__ import annotations

import datetime

from pelican.contents import Page

STATES = ("running", "upcoming", "ended")


class Campaign(Page):
    """One awareness campaign, read from ``content/campaigns/<slug>.md``.

    Its URL comes from ``CAMPAIGNS_PAGE_URL`` (``CAMPAIGNS_DRAFT_URL`` for a draft). The
    generator sets ``start``, ``end``, ``state``, ``countries`` and ``articles``; Pelican sets
    each metadata field as an attribute (``hashtag``, ``call_to_action``, ``featured``...).
    """

    default_template = "campaign"
    start: datetime.date | None = None
    end: datetime.date | None = None
    state: str = "upcoming"

    def _expand_settings(self, key: str) -> str:
        klass = "campaigns_draft" if self.status == "draft" else "campaigns_page"
        return super(Page, self)._expand_settings(key, klass)


def state_on(start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    """Return ``running``, ``upcoming`` or ``ended`` for a campaign on ``today``."""
    if today < start:
        return "upcoming"
    if today > end:
        return "ended"
    return "running"


def campaign_order(campaign: Campaign) -> tuple[int, int, str]:
    """Sort key: running first, then upcoming (soonest first), then ended (latest first).

    The slug breaks ties, so campaigns that start on the same day keep one order.
    """
    rank = STATES.index(campaign.state)
    day = campaign.start.toordinal() if campaign.start else 0
    return (rank, day if campaign.state == "upcoming" else -day, campaign.slug)
