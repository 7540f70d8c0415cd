"""Write an output file once: atomically, and not at all when it already holds the same bytes.

Every file a build writes goes through :func:`write_bytes` (the pages through the writer
plugin, the plugins' own files directly), so a rebuild that changes nothing rewrites nothing:
modification times hold, and rsync or an S3 sync see no change. A reader (the preview server,
a host) never sees half a file: the bytes go to a temporary name, then replace the file.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

SELECTED = "WRITER_SELECTED"  # the setting: output paths a partial build writes (empty: all)


def write_bytes(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds them; return whether it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        try:
            partial.write_bytes(data)
        except FileNotFoundError:  # the folder is new (asked only then: mkdir is not free)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return True


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` as UTF-8 to ``path`` unless it already holds it; return whether it wrote."""
    return write_bytes(path, text.encode("utf-8"))


def selection(settings: Mapping[str, Any]) -> Collection[str]:
    """Return the output paths a partial build writes, or an empty collection for all."""
    return settings.get(SELECTED) or ()


def is_partial(settings: Mapping[str, Any]) -> bool:
    """Tell whether this build writes only some pages (a live-reload preview of an edit).

    Files about the whole site (feeds, cards, the sitemap) are then left as they are: the
    full build that follows writes them.
    """
    return bool(selection(settings))


def is_selected(settings: Mapping[str, Any], save_as: str) -> bool:
    """Tell whether this build writes the output file ``save_as`` (relative to the output)."""
    chosen = selection(settings)
    return not chosen or save_as in chosen
