"""The campaigns generator: reads campaigns, links their news and countries, writes their pages."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from plugins._common.mentions import name_countries
from plugins._common.problems import metadata_line, report
from plugins._common.tipdata import TipData

from .content import Campaign, campaign_order, state_on
from .pages import campaign_meta, index_meta

logger = logging.getLogger(__name__)


class CampaignsGenerator(Generator):
    """Add ``campaigns`` (published, running first) and ``draft_campaigns`` to the context."""

    def generate_context(self) -> None:
        """Read every campaign; set its dates, state, countries and articles."""
        today = self._today()
        campaigns: list[Campaign] = []
        for path in self.get_files(self.settings["CAMPAIGNS_PATHS"]):
            campaign = self._read(path)
            if campaign is None:
                continue
            if "slug" not in campaign.metadata:
                campaign.slug = Path(campaign.source_path).stem  # what Campaign: names
            campaign.start, campaign.end = _dates(campaign)
            if campaign.start is None or campaign.end is None:
                continue  # content_checks reports the unreadable date with its line
            campaign.state = state_on(campaign.start, campaign.end, today)
            campaign.date = datetime.datetime.combine(campaign.start, datetime.time(), self._tz)
            campaign.articles = []
            campaigns.append(campaign)
            self.add_source_path(campaign)
        campaigns.sort(key=campaign_order)
        # Campaigns in another language than the build's (a language's sub-site reads the
        # English ones) are known, so links to them resolve, but neither listed nor written.
        lang = self.settings["DEFAULT_LANG"]
        own = [c for c in campaigns if str(getattr(c, "lang", lang) or lang) == lang]
        published = [c for c in own if c.status == "published"]
        drafts = [c for c in own if c.status == "draft"]
        self._link_articles([c for c in campaigns if c.status in ("published", "draft")])
        self._link_countries(published + drafts)
        self.context.update(campaigns=published, draft_campaigns=drafts, campaigns_today=today)

    def generate_output(self, writer) -> None:
        """Write each campaign's page and the campaign index."""
        shown = list(self.context["campaigns"])
        if self.settings.get("SHOW_DRAFTS"):
            shown += self.context["draft_campaigns"]
        for campaign in shown:
            if not campaign.save_as:
                continue
            writer.write_file(
                campaign.save_as,
                self.get_template(campaign.template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=campaign.url,
                campaign=campaign,
                page=campaign,
                page_meta=campaign_meta(self.settings, campaign),
            )
        writer.write_file(
            self.settings["CAMPAIGNS_INDEX_SAVE_AS"],
            self.get_template("campaigns"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings["CAMPAIGNS_INDEX_URL"],
            page_meta=index_meta(self.settings),
        )

    @property
    def _tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings["TIMEZONE"])

    def _today(self) -> datetime.date:
        configured = self.settings["CAMPAIGNS_TODAY"]
        if configured:
            return datetime.date.fromisoformat(str(configured))
        return datetime.datetime.now(self._tz).date()

    def _read(self, path: str) -> Campaign | None:
        try:
            return self.readers.read_file(
                base_path=self.path, path=path, content_class=Campaign, context=self.context
            )
        except (OSError, ValueError) as error:
            logger.debug("Skipping %s: %s", path, error)  # content_checks reports why
            return None

    def _link_articles(self, campaigns: list[Campaign]) -> None:
        """Attach each article whose ``Campaign:`` names a campaign; report unknown names."""
        by_slug = {campaign.slug: campaign for campaign in campaigns}
        articles = [*self.context.get("articles", []), *self.context.get("drafts", [])]
        shown = self.settings.get("SHOW_DRAFTS")
        for article in articles:
            slug = article.metadata.get("campaign", "").strip()
            if not slug:
                continue
            campaign = by_slug.get(slug)
            if campaign is None:
                known = ", ".join(sorted(by_slug)) or "none yet"
                report(
                    logger,
                    article.source_path,
                    f"Campaign names {slug!r}, which is not a campaign",
                    f"write the file name of a campaign in content/campaigns/ ({known})",
                    line=metadata_line(article.source_path, "campaign"),
                )
                continue
            article.campaign = campaign
            if article.status == "published" or shown:  # drafts are checked, listed in preview
                campaign.articles.append(article)

    def _link_countries(self, campaigns: list[Campaign]) -> None:
        """Resolve each campaign's ``Countries:`` (country pages then list the campaign)."""
        data: TipData | None = self.context.get("tip")
        if data is not None:
            name_countries(data, campaigns)


def _dates(campaign: Campaign) -> tuple[datetime.date | None, datetime.date | None]:
    """Return the campaign's start and end dates, or None where they do not parse."""
    values = []
    for field in ("start", "end"):
        try:
            values.append(datetime.date.fromisoformat(str(campaign.metadata.get(field, ""))))
        except ValueError:
            values.append(None)
    return values[0], values[1]
