"""Awareness campaigns as their own content type, with a landing page each and an index.

Adds a generator that reads ``content/campaigns/*.md`` (fields: Title, Summary, Hashtag,
Start, End, Call_to_action, and optional Countries, Tags, Featured, Image, Status), works out
each campaign's state on the day of the build (running, upcoming or ended), attaches the news
articles whose ``Campaign:`` metadata names it (an unknown name is reported with the article's
file and line), lists it on the pages of the countries it names, and writes
``campaigns/<slug>/`` and ``campaigns/`` (running first). Drafts are written only when
``SHOW_DRAFTS`` is on (the local preview). A campaign in another language than the build's
(``DEFAULT_LANG``; the English ones, in a language's sub-site) is read, so links to it
resolve, but not listed.

Context it adds: ``campaigns``, ``draft_campaigns``, ``campaigns_today``; ``article.campaign``.
Signals: ``initialized``, ``get_generators``. Runs after the countries plugin (it reads ``tip``).
Settings read (defaults in :mod:`.settings`): ``CAMPAIGNS_PATHS`` (["campaigns"]),
``CAMPAIGNS_INDEX_URL`` / ``_SAVE_AS`` ("campaigns/"), ``CAMPAIGNS_PAGE_URL`` / ``_SAVE_AS``
("campaigns/{slug}/"), ``CAMPAIGNS_DRAFT_URL`` / ``_SAVE_AS`` ("drafts/campaigns/{slug}/"),
``CAMPAIGNS_TODAY`` (None: the day of the build), and Pelican's ``TIMEZONE``, ``SHOW_DRAFTS``.
"""

from __future__ import annotations

from pelican import signals

from plugins._common.settings import apply_defaults

from .generator import CampaignsGenerator
from .settings import DEFAULTS


def add_defaults(pelican) -> None:
    """Merge the plugin's defaults into the settings."""
    apply_defaults(pelican.settings, DEFAULTS)


def get_generators(pelican) -> type[CampaignsGenerator]:
    """Return the campaigns generator."""
    return CampaignsGenerator


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
