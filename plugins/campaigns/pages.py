"""The facts of a campaign's page and of the campaign index."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugins._common.i18n import gettext
from plugins._common.labels import is_illustrative
from plugins._common.pages import (
    Crumb,
    PageMeta,
    document_title,
    sample_facts,
    site_name,
    top_page,
    trail,
)
from plugins._common.text import plain_text

from .content import Campaign


def campaign_meta(settings: Mapping[str, Any], campaign: Campaign) -> PageMeta:
    """Describe a campaign's landing page."""
    _ = gettext(settings)
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
            *trail((_("Campaigns"), settings["CAMPAIGNS_INDEX_URL"]), settings=settings),
            Crumb(heading, campaign.url),
        ),
        listed=campaign.status == "published",
    )


def index_meta(settings: Mapping[str, Any]) -> PageMeta:
    """Describe the campaign index."""
    _ = gettext(settings)
    url = settings["CAMPAIGNS_INDEX_URL"]
    description = _(
        "Public awareness campaigns of the %(site)s: what each asks of you, how to share "
        "it, and its resources."
    ) % {"site": site_name(settings)}
    return top_page(settings, "campaigns", _("Campaigns"), description, url)
