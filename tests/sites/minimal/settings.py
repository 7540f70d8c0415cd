"""Settings the minimal fixture site overrides (upper-case names, as in pelicanconf.py)."""

SITENAME = "Minimal fixture site"
# Only the sections this small site has, so that every navigation link resolves.
NAV_ITEMS = [
    ("About", "about/"),
    ("Campaigns", "campaigns/"),
    ("News", "news/"),
]
