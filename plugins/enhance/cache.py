"""Keep each page's enhanced result under a hash of everything that decides it.

A rebuild then redoes only the pages whose HTML (or linked images) changed: the preview's
live reload stays fast. Same inputs, same bytes: a cached result equals a fresh one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict
from pathlib import Path

from .page import Found, Options, PageResult

VERSION = "5"  # bump when the transforms change what they write
_IMG_SRC = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"")


def page_key(text: str, page: str, siteurl: str, source: str | None, options: Options) -> str:
    """Return the hash of a page's inputs (its images are added by :func:`with_images`)."""
    digest = hashlib.sha256()
    for part in (VERSION, page, siteurl, source or "", repr(options), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def image_sources(text: str) -> list[str]:
    """Return the ``src`` of every image in the page's text."""
    return _IMG_SRC.findall(text)


def with_images(key: str, files: list[Path | None]) -> str:
    """Fold the size and modification time of the page's image files into ``key``."""
    digest = hashlib.sha256(key.encode())
    for file in files:
        if file is not None and file.is_file():
            stat = file.stat()
            digest.update(f"{file}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class PageCache:
    """Enhanced results stored as JSON files, one per key, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str) -> PageResult | None:
        """Return the stored result, or None."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        links = [Found(**link) for link in data["links"]]
        problems = [tuple(problem) for problem in data["problems"]]
        return PageResult(data["html"], data["ids"], links, problems)

    def store(self, key: str, result: PageResult) -> None:
        """Store ``result``; write to a temporary name first so readers never see half a file."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(asdict(result)), encoding="utf-8")
        partial.replace(path)
