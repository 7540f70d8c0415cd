"""Settings the share cards fixture site overrides (upper-case names, as in pelicanconf.py)."""

# Only the sections this small site has, so that every navigation link resolves.
NAV_ITEMS = [
    ("Campaigns", "campaigns/"),
    ("News", "news/"),
]
# The campaign's state (running, upcoming, ended) is that of a fixed day, not of the build's.
CAMPAIGNS_TODAY = "2010-10-01"
# No Get Help page on this small site, so no call-out linking one (the minimal site has both).
HELP_LINES: list = []
