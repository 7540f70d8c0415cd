"""Settings for production: absolute URLs under $SITEURL, no drafts, a clean output folder.

``SITEURL`` comes from the environment and may carry a path (``https://example.org/tip``).
"""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://example.org").rstrip("/")
RELATIVE_URLS = False
SHOW_DRAFTS = False
# Drafts are read (so their mistakes are still reported) but never written.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# A post dated in the future becomes a draft until its day comes (and is not written).
WITH_FUTURE_DATES = False
DELETE_OUTPUT_DIRECTORY = True
# A publish reads every content file afresh (the preview's content cache is not trusted).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
SEO_CSP_META = True
# Where `invoke publish` deploys when no --dest is given: a folder or user@host:path
# (other deploy settings and their defaults: deploy/settings.py).
PUBLISH_DEST = os.environ.get("PUBLISH_DEST", "")
