"""Settings the bad_content fixture site overrides (upper-case names, as in pelicanconf.py)."""

SITENAME = "Bad content fixture site"
# Only the section this small site has, so that the theme's links all resolve.
NAV_ITEMS = [("News", "news/")]
# No Get Help page on this small site, so no call-out linking one (the minimal site has both).
HELP_LINES: list = []
