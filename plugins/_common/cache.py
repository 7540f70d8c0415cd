"""The one cache: files named by the hash of everything that made them.

A plugin asks for the result of some inputs by their digest; if the cache has it, nothing is
computed again, and since the name covers every input, a stale result cannot be returned.
Share cards (pictures) and feeds (documents) keep their results here, each in its folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .output import write_bytes


def digest(*parts: str | bytes) -> str:
    """Return the SHA-256 of ``parts``, each kept apart from the next."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()


class ContentCache:
    """A folder of results, each named by its inputs' digest and a suffix (".png")."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str, suffix: str) -> Path:
        """Return where the result of ``key`` is kept."""
        return self.folder / key[:2] / f"{key}{suffix}"

    def get(self, key: str, suffix: str) -> bytes | None:
        """Return the stored result of ``key``, or None."""
        try:
            return self.path(key, suffix).read_bytes()
        except OSError:
            return None

    def put(self, key: str, suffix: str, data: bytes) -> Path:
        """Store ``data`` as the result of ``key`` (atomically) and return its file."""
        target = self.path(key, suffix)
        write_bytes(target, data)
        return target


def cache_folder(settings: Mapping[str, Any], configured: str | None, name: str) -> Path:
    """Return a plugin's cache folder: its setting, or ``<CACHE_PATH>/<name>``.

    A relative setting is taken from the folder that holds PATH (the project's root).
    """
    if not configured:
        return Path(settings["CACHE_PATH"]).resolve() / name
    path = Path(configured)
    return path if path.is_absolute() else Path(settings["PATH"]).resolve().parent / path
