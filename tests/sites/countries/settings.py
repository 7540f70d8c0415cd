"""Settings of the countries fixture site: three countries over three report years."""

SITENAME = "Countries fixture site"
COUNTRIES_REPORT_YEARS = (2008, 2010)
NAV_ITEMS = [("Countries", "countries/"), ("News", "news/")]
# No Get Help page on this small site, so no call-out linking one (the minimal site has both).
HELP_LINES: list = []
