"""The TIP Report's tiers: their codes, labels, plain-language meanings and order."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_


@dataclass(frozen=True)
class Tier:
    """One tier of the TIP Report, coded in the data as 1, 2, 2WL, 3 or special."""

    code: str
    label: str  # English, marked for translation: shown as ``_(tier.label)``
    short: str  # the label in a card's cell: "1", "2WL", "SC" (translated like the label)
    meaning: str  # English, marked for translation
    rank: int | None  # 1 is best; None for special cases, which are not ranked
    since: int | None = None  # the first report with this tier, when it came later than 2001

    def exists_in(self, year: int) -> bool:
        """Return whether the reports of ``year`` had this tier at all."""
        return self.since is None or year >= self.since

    @property
    def css(self) -> str:
        """Return the CSS class of the tier's badge, e.g. ``tier-2wl``."""
        return f"tier-{self.code.lower()}"

    @property
    def slug(self) -> str:
        """Return the tier's URL part, e.g. ``tier-2wl`` or ``special-case``."""
        return "special-case" if self.code == "special" else f"tier-{self.code.lower()}"


TIERS: dict[str, Tier] = {
    tier.code: tier
    for tier in (
        Tier(
            "1",
            N_("Tier 1"),
            "1",
            N_(
                "The government fully meets the minimum standards for the elimination of "
                "trafficking in Section 108 of the Trafficking Victims Protection Act."
            ),
            1,
        ),
        Tier(
            "2",
            N_("Tier 2"),
            "2",
            N_(
                "The government does not fully meet the minimum standards but is making "
                "significant efforts to bring itself into compliance with them."
            ),
            2,
        ),
        Tier(
            "2WL",
            N_("Tier 2 Watch List"),
            N_("2WL"),
            N_(
                "The government does not fully meet the minimum standards and is making "
                "significant efforts, but concerns such as a large or growing number of victims, "
                "or a failure to show increasing efforts, put it on watch."
            ),
            3,
            since=2004,  # the first report year with Watch List placements in the data
        ),
        Tier(
            "3",
            N_("Tier 3"),
            "3",
            N_(
                "The government does not fully meet the minimum standards and is not making "
                "significant efforts to do so."
            ),
            4,
        ),
        Tier(
            "special",
            N_("Special case"),
            N_("SC"),
            N_(
                "The report did not rank the country that year, usually because conflict, "
                "disaster or a lack of information made a ranking impossible."
            ),
            None,
        ),
    )
}


def movement(previous: Tier | None, current: Tier) -> str:
    """Describe the change from the previous report: new, upgraded, downgraded or unchanged."""
    if previous is None:
        return "new"
    if previous.rank is None or current.rank is None:
        return "unchanged" if previous == current else "changed"
    if current.rank < previous.rank:
        return "upgraded"
    if current.rank > previous.rank:
        return "downgraded"
    return "unchanged"
