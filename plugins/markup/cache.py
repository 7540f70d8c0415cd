"""Keep Pelican's content cache trustworthy across code and settings changes.

Pelican keeps each Markdown file's HTML in its content cache, checked only against the
file's date: a change to the reader, to the ``MARKDOWN`` settings or to the site's address
would leave stale HTML in it, and a cache file cut short (a build killed while saving it)
stops the next build with a traceback. So, before any reading, the cache is emptied when
what made it has changed (a digest kept beside it) or when a file is not whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
STAMP = "content-cache.digest"  # in CACHE_PATH, beside Pelican's own files
_CODE = ("collect.py", "images.py", "links.py", "phones.py", "reader.py", "tables.py")


def digest(settings: Mapping[str, Any]) -> str:
    """Return a digest of everything the cached HTML depends on besides the file itself."""
    markdown = settings.get("MARKDOWN") or {}
    here = Path(__file__).resolve().parent
    parts = {
        "code": [hashlib.sha256((here / name).read_bytes()).hexdigest() for name in _CODE],
        "prose": hashlib.sha256((here.parent / "_common" / "prose.py").read_bytes()).hexdigest(),
        "versions": [version("pelican"), version("markdown")],
        "configs": markdown.get("extension_configs", {}),
        "extensions": sorted(
            ext if isinstance(ext, str) else type(ext).__qualname__
            for ext in markdown.get("extensions", [])
        ),
        "settings": {
            name: settings.get(name)
            for name in (
                "SITEURL",
                "PATH",
                "FORMATTED_FIELDS",
                "MARKUP_LAZY_IMAGES",
                "MARKUP_EXTERNAL_LINKS",
            )
        },
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def guard(settings: Mapping[str, Any]) -> None:
    """Empty Pelican's content cache if it no longer matches the code and settings."""
    if not settings.get("LOAD_CONTENT_CACHE"):
        return
    folder = Path(settings["CACHE_PATH"])
    files = [path for path in folder.glob("*Generator*") if path.is_file()]
    stamp, current = folder / STAMP, digest(settings)
    stale = not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != current
    for path in files:
        if stale or not _whole(path, gzipped=bool(settings.get("GZIP_CACHE"))):
            logger.info("Emptying the content cache %s: it no longer matches", path)
            path.unlink(missing_ok=True)
    if stale:
        folder.mkdir(parents=True, exist_ok=True)
        stamp.write_text(current + "\n", encoding="utf-8")


def _whole(path: Path, *, gzipped: bool) -> bool:
    """Tell whether a cache file was written to its end (a pickle ends with its STOP code)."""
    if gzipped:
        return True  # telling would mean reading it all: the setting keeps it plain
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            return False
        handle.seek(-1, 2)
        return handle.read(1) == b"."
