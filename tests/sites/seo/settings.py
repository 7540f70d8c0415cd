"""Settings the seo fixture site overrides (upper-case names, as in pelicanconf.py)."""

SITENAME = "SEO fixture site"
NAV_ITEMS = [
    ("About", "about/"),
    ("News", "news/"),
]
# No Get Help page on this small site, so no call-out linking one (the minimal site has both).
HELP_LINES: list = []
