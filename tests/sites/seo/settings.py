"""Settings the seo fixture site overrides (upper-case names, as in pelicanconf.py)."""

SITENAME = "SEO fixture site"
NAV_ITEMS = [
    ("About", "about/"),
    ("News", "news/"),
]
