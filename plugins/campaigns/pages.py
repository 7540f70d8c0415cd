"""The facts of a campaign's page and of the campaign index."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugins._common.labels import is_illustrative
from plugins._common.pages import Crumb, PageMeta, document_title, sample_facts, trail
from plugins._common.text import plain_text

from .content import Campaign


def campaign_meta(settings: Mapping[str, Any], campaign: Campaign) -> PageMeta:
    """Describe a campaign's landing page."""
    heading = plain_text(campaign.title)
    facts = {
        "title": document_title(settings, heading),
        "description": plain_text(campaign.summary),
    }
    if is_illustrative(campaign):
        facts = sample_facts(settings, heading, facts["description"])
    return PageMeta(
        kind="campaign",
        heading=heading,
        **facts,
        url=campaign.url,
        trail=(
            *trail(("Campaigns", settings["CAMPAIGNS_INDEX_URL"])),
            Crumb(heading, campaign.url),
        ),
        listed=campaign.status == "published",
    )


def index_meta(settings: Mapping[str, Any]) -> PageMeta:
    """Describe the campaign index."""
    url = settings["CAMPAIGNS_INDEX_URL"]
    return PageMeta(
        kind="campaigns",
        heading="Campaigns",
        title=document_title(settings, "Campaigns"),
        description=(
            f"Public awareness campaigns of the {settings['SITENAME']}: what each asks of you, "
            "how to share it, and its resources."
        ),
        url=url,
        trail=(*trail(), Crumb("Campaigns", url)),
    )
