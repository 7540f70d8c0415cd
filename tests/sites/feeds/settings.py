"""Settings of the feeds fixture site: three countries, two dated reports, a campaign."""

SITENAME = "Feeds fixture site"
SITE_SHORTNAME = "Feeds fixture"
COUNTRIES_REPORT_YEARS = (2008, 2010)
NAV_ITEMS = [("Countries", "countries/"), ("Campaigns", "campaigns/"), ("News", "news/")]
FEEDS_MAX_ENTRIES = 10
# No Get Help page on this small site, so no call-out linking one (the minimal site has both).
HELP_LINES: list = []
