"""Run Pagefind over a finished build and put its bundle beside the pages, changed files only.

Pagefind (the ``pagefind`` package's Python API, with the extended indexer from PyPI; nothing
is downloaded) reads the written pages and indexes the part each marks ``data-pagefind-body``:
published pages only, never drafts, redirect stubs or 404. Its bundle is written to a scratch
folder, then each file is copied into ``<output>/<bundle>/`` only if its bytes changed, and a
file the new bundle no longer has is removed. Pages unchanged since the last run keep its
bundle (see :func:`index_site`), so a rebuild with no change rewrites nothing.
Pagefind's own search interfaces are not shipped: the theme has its own (``js/search.js``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import hashlib
import json
import shutil
import tempfile
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from plugins._common.output import write_bytes, write_text

# Pagefind's ready-made interfaces, and the highlighter: not used by the theme.
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the build."""


@dataclass(frozen=True)
class Indexed:
    """What an indexing run did."""

    pages: int  # pages in the index, all languages
    changed: int  # bundle files written or removed


def index_site(
    site: Path,
    bundle_dir: str,
    previous: Path | None = None,
    record: Path | None = None,
    exclude: Sequence[str] = (),
) -> Indexed:
    """Index the pages under ``site`` into ``site/<bundle_dir>``.

    ``previous`` is the folder this build's output will replace, when it is built elsewhere
    first; ``record`` a file (in the cache) naming the pages and the bundle of the last run.
    When the pages are those of the last run and its bundle is still there, it is kept:
    Pagefind lists each filter's values in a new order on every run (a hash map's), so a new
    run on the same pages would rewrite files though the index is the same.
    """
    bundle = site / bundle_dir
    pages = _pages_digest(site, bundle_dir, exclude)
    kept = (previous or site) / bundle_dir
    if record is not None and _unchanged(record, pages, kept):
        return Indexed(_page_count(kept), _sync(kept, bundle))
    with tempfile.TemporaryDirectory(prefix="pagefind-") as scratch:
        _make_bundle(site, Path(scratch), exclude)
        changed = _sync(Path(scratch), bundle)
    if record is not None:
        write_text(record, json.dumps({"pages": pages, "bundle": _digests(bundle)}, indent=1))
    return Indexed(_page_count(bundle), changed)


def _pages_digest(site: Path, bundle_dir: str, exclude: Sequence[str]) -> str:
    """Return a digest of every page Pagefind reads, of Pagefind's version and its options."""
    digest = hashlib.sha256(version("pagefind-bin-extended").encode() + repr(exclude).encode())
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if not relative.startswith(f"{bundle_dir}/"):
            digest.update(relative.encode() + b"\0" + page.read_bytes())
    return digest.hexdigest()


def _digests(bundle: Path) -> dict[str, str]:
    return {
        name.as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for name, file in sorted(_files(bundle).items())
    }


def _unchanged(record: Path, pages: str, bundle: Path) -> bool:
    """Tell whether ``record`` names these pages and ``bundle`` is the bundle it names."""
    try:
        last = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return last.get("pages") == pages and bundle.is_dir() and last.get("bundle") == _digests(bundle)


def _make_bundle(site: Path, scratch: Path, exclude: Sequence[str], tries: int = 3) -> None:
    """Have Pagefind index ``site`` into ``scratch``, until it writes a whole bundle.

    Pagefind's service can be ended while its last files are still being written (it answers
    before they are on disk): such a bundle is made again, never shipped.
    """
    for _ in range(tries):
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        try:
            _run(_index(site, scratch, exclude))
        except (OSError, AssertionError, RuntimeError) as error:  # no binary, a failed run
            raise SearchIndexError(f"Pagefind could not index {site}: {error}") from error
        if _whole(scratch):
            return
    raise SearchIndexError(f"Pagefind wrote an incomplete index of {site} {tries} times")


def _whole(bundle: Path) -> bool:
    """Tell whether every file of a bundle is complete: the entry file reads as JSON, and each
    compressed file (the WebAssembly, metadata, index, filters, fragments) decompresses."""
    try:
        json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        for file in bundle.rglob("*"):
            if file.suffix in (".pagefind", ".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment"):
                gzip.decompress(file.read_bytes())
    except (OSError, ValueError, EOFError, gzip.BadGzipFile):
        return False
    return True


def _run(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run ``coroutine`` to its end, in a thread of its own if this one runs an event loop
    (a build started from a notebook, an async server or Playwright's sync API)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


class _WrittenError(Exception):
    """Leaves the index's context without its own second write (the bundle is on disk)."""


async def _index(site: Path, scratch: Path, exclude: Sequence[str]) -> None:
    config = IndexConfig(output_path=str(scratch), exclude_selectors=list(exclude))
    with contextlib.suppress(_WrittenError):
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(site.resolve()), glob="**/*.html")
            await index.write_files()
            # Pagefind answers before its files are all on disk; ending its service then
            # cuts them short. Wait until the bundle stops growing, then leave.
            await _settled(scratch)
            raise _WrittenError


async def _settled(folder: Path, quiet: float = 0.1, limit: float = 10.0) -> None:
    """Return once no file under ``folder`` has changed for ``quiet`` seconds."""
    last: dict[Path, int] = {}
    for _ in range(int(limit / quiet)):
        sizes = {file: file.stat().st_size for file in folder.rglob("*") if file.is_file()}
        if sizes and sizes == last:
            return
        last = sizes
        await asyncio.sleep(quiet)


def _files(folder: Path) -> dict[Path, Path]:
    """Return the bundle files of ``folder`` that are shipped, by relative path."""
    return {
        file.relative_to(folder): file
        for file in folder.rglob("*")
        if file.is_file() and not file.name.startswith(_UNUSED)
    }


def _sync(source: Path, target: Path) -> int:
    """Copy the changed files of ``source`` onto ``target``; remove what ``source`` lacks."""
    if source == target:
        return 0
    wanted = _files(source)
    changed = sum(write_bytes(target / name, file.read_bytes()) for name, file in wanted.items())
    if target.is_dir():
        for old in sorted(target.rglob("*"), reverse=True):
            relative = old.relative_to(target)
            if old.is_file() and relative not in wanted:
                old.unlink()
                changed += 1
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    return changed


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())
