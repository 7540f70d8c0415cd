"""Settings for local preview: relative URLs, drafts visible, problems logged as warnings.

``publishconf.py`` imports everything here and overrides what production needs.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

_HERE = Path(__file__).resolve().parent


def N_(message: str) -> str:  # noqa: N802
    """Mark a setting readers see for translation (``invoke i18n``); the theme translates it."""
    return message


# --- The site -------------------------------------------------------------------------------
SITENAME = N_("Office to Monitor and Combat Trafficking in Persons")
SITE_SHORTNAME = N_("Combat Trafficking in Persons")
SITE_DEPARTMENT = N_("U.S. Department of State")
SITE_MISSION = N_(
    "We lead the United States' global engagement against human trafficking, working with "
    "foreign governments and civil society to protect victims, prevent trafficking and "
    "prosecute traffickers."
)
AUTHOR = "Public Engagement"
# Preview serves from http://localhost:8000 (invoke serve / livereload); links stay relative.
SITEURL = "http://localhost:8000"
RELATIVE_URLS = True
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
# The site's languages (plugins/languages): English at the root, the others under /<lang>/.
# Their interface words are in theme/translations/<lang>/LC_MESSAGES/messages.po (invoke i18n).
LANGUAGES = ["en", "es", "fr", "ar"]
# Dates are CLDR's long form in each language, but for English's house style: 14 June 2010.
I18N_DATE_FORMATS = {"en": "d MMMM y"}
DEFAULT_DATE_FORMAT = "%-d %B %Y"
# Month names in English whatever the machine's locale (C.UTF-8 exists everywhere).
LOCALE = ("en_US.UTF-8", "C.UTF-8")

# --- Content --------------------------------------------------------------------------------
PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["news"]
STATIC_PATHS = ["images"]
IGNORE_FILES = [".#*", "README.md"]
# A page's address follows its file: pages/about/public-engagement.md -> about/public-engagement/
# A translation sits beside its page, named for its language (Hugo's way): about.es.md.
PATH_METADATA = r"pages/(?P<slug>.+?)(?:\.(?P<lang>[a-z]{2,3}))?\.md"
# A news post's date starts its file name; a translation's name ends in its language.
FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2}).*?(?:\.(?P<lang>[a-z]{2,3}))?$"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "news/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "news/{date:%Y}/{slug}/index.html"
# Translations of an article share its slug and year (its address has both): two posts of
# different years may share a slug without being taken for translations of each other.
ARTICLE_TRANSLATION_ID = ("slug", "date.year")
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
CATEGORY_URL = "news/category/{slug}/"
CATEGORY_SAVE_AS = "news/category/{slug}/index.html"
CATEGORIES_SAVE_AS = "news/categories/index.html"
TAG_URL = "news/tag/{slug}/"
TAG_SAVE_AS = "news/tag/{slug}/index.html"
TAGS_SAVE_AS = "news/tags/index.html"
AUTHOR_URL = "news/author/{slug}/"
AUTHOR_SAVE_AS = "news/author/{slug}/index.html"
AUTHORS_SAVE_AS = "news/authors/index.html"
ARCHIVES_SAVE_AS = "news/archives/index.html"
YEAR_ARCHIVE_URL = "news/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "news/{date:%Y}/index.html"
# The home page is content/pages/home.md (saved as index.html); the news list lives at news/.
INDEX_URL = "news/"
INDEX_SAVE_AS = "news/index.html"
CATEGORIES_URL = "news/categories/"
TAGS_URL = "news/tags/"
AUTHORS_URL = "news/authors/"
ARCHIVES_URL = "news/archives/"
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "search"]
SEARCH_URL = "search/"  # the search page (plugins/search indexes; theme/templates/search.html)
SEARCH_SAVE_AS = "search/index.html"
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]
DEFAULT_CATEGORY = "Stories"
USE_FOLDER_AS_CATEGORY = False  # a post without Category: is a story, not "news"
SUMMARY_MAX_LENGTH = 40
SHOW_DRAFTS = True

# --- Markdown -------------------------------------------------------------------------------
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {"footnotes": {"BACKLINK_TITLE": "Back to reference %d"}},
        # Every heading gets a link to itself (the markup plugin names it for screen readers).
        "markdown.extensions.toc": {
            "permalink": "#",
            "permalink_class": "heading-anchor",
            "permalink_title": "",
            "toc_depth": "2-3",
        },
        "markdown.extensions.smarty": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# --- Feeds (plugins/feeds writes them all, with feedgen; Pelican's own writer is off) ---------
FEED_ATOM = FEED_RSS = FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = TAG_FEED_ATOM = TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
# Atom, RSS 2.0 and JSON Feed 1.1 for the site, each category, tag, campaign and country.
FEEDS_ALL_SAVE_AS = "feeds/all.{ext}"  # {ext}: atom.xml, rss.xml, json
FEEDS_CATEGORY_SAVE_AS = "feeds/category/{slug}.{ext}"
FEEDS_TAG_SAVE_AS = "feeds/tag/{slug}.{ext}"
FEEDS_COUNTRY_SAVE_AS = "feeds/country/{slug}.{ext}"
FEEDS_CAMPAIGN_SAVE_AS = "feeds/campaign/{slug}.{ext}"
FEEDS_MAX_ENTRIES = 50
# Entry ids are tag URIs under this authority: never change it, or readers see every entry anew.
FEEDS_TAG_AUTHORITY = "state.gov,2010"
FEEDS_RELEASES_PATH = "data/report_releases.csv"  # release date of each report, with its source
FEEDS_WEBSUB_HUB = None  # a WebSub hub URL, announced in every feed when set

# --- Theme ----------------------------------------------------------------------------------
THEME = "theme"
# The assets plugin writes the theme's files under assets/, named by their content
# (ASSETS_STATIC_PATHS); Pelican need not copy the plain files too.
THEME_STATIC_PATHS: list[str] = []
# Primary navigation: (label, URL relative to the site root[, other URL prefixes it covers]).
# The item whose URL or prefix is the longest start of a page's path is the current one.
NAV_ITEMS = [
    (N_("About the Office"), "about/"),
    (N_("The 3P Paradigm"), "3p/"),
    (N_("Countries"), "countries/", ["regions/"]),
    (N_("TIP Report"), "tip-report/", ["reports/", "data/"]),
    (N_("Campaigns"), "campaigns/"),
    (N_("News"), "news/"),
    (N_("Get Help"), "get-help/"),
]
CONTACT = {
    "office": N_("Office to Monitor and Combat Trafficking in Persons"),
    "address": N_("U.S. Department of State, Washington, DC"),
}

# --- Get Help (plugins/help): who to call, each fact with the sources that state it ----------
# Shown on get-help/ and, for the lines with a "callout", near the top of every page. Sources are
# "title | publisher | year | URL", as in a narrative's Sources:. Invent no number or service.
HELP_SOURCES = {
    "dos-fact-sheet": (
        "Report a Trafficking Victim (fact sheet, 26 March 2009) | U.S. Department of State | "
        "2009 | https://webarchive.library.unt.edu/eot2008/20090509091133/"
        "http://www.state.gov/g/tip/rls/fs/2009/106250.htm"
    ),
    "dos-victims": (
        "Identifying and Helping Trafficking Victims | U.S. Department of State | 2009 | "
        "https://2001-2009.state.gov/g/tip/c16508.htm"
    ),
    "dos-blog": (
        "What to Do If You Encounter a Potential Instance of Human Trafficking | "
        "U.S. Department of State | 2018 | https://blogs.state.gov/stories/2018/01/11/en/"
        "what-do-if-you-encounter-potential-instance-human-trafficking"
    ),
    "hotline": (
        "Report Trafficking | National Human Trafficking Hotline | 2026 | "
        "https://humantraffickinghotline.org/en/report-trafficking"
    ),
    "ice-tip-line": (
        "Homeland Security Investigations Tip Line (archived 15 February 2013) | "
        "U.S. Immigration and Customs Enforcement | 2013 | "
        "https://cybercemetery.unt.edu/archive/oilspill/20130215151907/http://www.ice.gov/tipline/"
    ),
}
HELP_LINES = [
    {
        "key": "emergency",
        "for": N_("Someone is in danger now"),
        "name": N_("Emergency services in the United States"),
        "call": "911",
        "callout": N_("In danger now?"),
        "facts": [
            (
                N_("Call 911 first when anyone is in immediate danger."),
                ["dos-fact-sheet", "dos-blog"],
            )
        ],
    },
    {
        "key": "hotline",
        "for": N_("Victims, and witnesses who see signs of trafficking, in the United States"),
        "name": N_(
            "National Human Trafficking Hotline (formerly the National Human Trafficking "
            "Resource Center)"
        ),
        "call": "1-888-373-7888",
        "text": "233733",
        "callout": N_("Victim or witness in the U.S.?"),
        "callout_note": N_("toll-free, 24 hours"),
        "facts": [
            (N_("Toll-free, open 24 hours a day, 7 days a week."), ["dos-fact-sheet", "dos-blog"]),
            (
                N_(
                    "Advocates take reports of possible trafficking, and answer questions about "
                    "what trafficking is and how to respond safely."
                ),
                ["dos-blog", "hotline"],
            ),
            (N_("Victims can ask for help whatever their immigration status."), ["dos-victims"]),
            (N_("Interpreters are available on phone calls."), ["hotline"]),
            (
                N_(
                    "You choose what to share and may stay anonymous. If what you share identifies "
                    "you, the staff may pass on to police or child protective services what you "
                    "say of a child being harmed or of anyone in immediate danger."
                ),
                ["hotline"],
            ),
            (N_("Texts may cost what your plan charges for messages and data."), ["hotline"]),
        ],
    },
    {
        "key": "tip-line",
        "for": N_("To report a tip to federal law enforcement"),
        "name": N_(
            "Homeland Security Investigations Tip Line, U.S. Immigration and Customs Enforcement"
        ),
        "call": "1-866-347-2423",
        "facts": [
            (
                N_(
                    "Open 24 hours a day, 7 days a week, for calls from the United States, Mexico "
                    "and Canada."
                ),
                ["ice-tip-line"],
            ),
            (
                N_(
                    "Human trafficking is among the crimes it takes reports on; its specialists "
                    "have interpreters for more than 20 languages."
                ),
                ["ice-tip-line"],
            ),
        ],
    },
    {
        "key": "abroad",
        "for": N_("Outside the United States"),
        "name": N_("The same Tip Line, from any other country"),
        "call": "1-802-872-6199",
        "facts": [
            (
                N_(
                    "People anywhere in the world can report suspected crimes to it, human "
                    "trafficking among them."
                ),
                ["ice-tip-line"],
            ),
        ],
    },
]
# What to do, and not do, when you suspect trafficking: (advice, its sources).
HELP_ADVICE = [
    (
        N_(
            "Do not try to help someone you think is a victim on your own: it may be unsafe for "
            "you, and it could put the victim in greater danger. Call one of the numbers above."
        ),
        ["dos-blog"],
    ),
    (
        N_(
            "Sexual and labor exploitation are against the law in the United States, and federal "
            "law prohibits slavery."
        ),
        ["dos-victims"],
    ),
]
DATA_CREDIT = N_(
    "Tier data: US Department of State TIP Reports, as compiled by Judith G. Kelley "
    "(github.com/andrewheiss/scorecard-diplomacy, MIT)."
)

# --- Plugins --------------------------------------------------------------------------------
PLUGIN_PATHS = ["."]
PLUGINS = [
    "plugins.languages",  # first: it keeps the settings as written, for the other languages
    "plugins.i18n",
    "pelican.plugins.neighbors",  # article.next_article (newer) and prev_article (older)
    "pelican.plugins.related_posts",  # article.related_posts: most tags in common
    "plugins.page_meta",
    "plugins.help",
    "plugins.writer",
    "plugins.content_checks",
    "plugins.markup",
    "plugins.countries",
    "plugins.feeds",
    "plugins.campaigns",
    "plugins.share_cards",
    "plugins.assets",
    "plugins.seo",
    "plugins.images",  # after every plugin that renders pages: it drops unused originals
    "plugins.links",
    "plugins.search",  # last: it indexes the pages every other plugin has written
]

RELATED_POSTS_MAX = 3

# The preview's live reload injects a script, so the CSP <meta> is only written when
# publishing (publishconf.py); hosts send the same policy as a header (docs/hosting.md).
SEO_CSP_META = False

# --- Output and caches ----------------------------------------------------------------------
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False
# Caches live in .cache/ (never committed): Pelican's content cache, the share cards and the
# compiled templates. The preview reads a Markdown file again only when it changed
# (publishconf.py turns this off: a publish reads everything afresh).
CACHE_PATH = str(_HERE / ".cache")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
GZIP_CACHE = False  # compressing the cache costs more than reading a larger file
STATIC_CHECK_IF_MODIFIED = True  # copy a static file only when it is newer than its copy
_TEMPLATE_CACHE = _HERE / ".cache" / "jinja"
_TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],  # plugins/i18n adds jinja2.ext.i18n
    "bytecode_cache": FileSystemBytecodeCache(str(_TEMPLATE_CACHE)),
}
