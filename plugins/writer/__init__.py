"""Write every output file once: only when its bytes changed, atomically, collisions named.

Gives Pelican a writer (:class:`~.writer.OnceWriter`) that renders pages as Pelican's does,
then leaves an unchanged file untouched (so a rebuild with no change rewrites nothing) and
replaces a changed one in one step (a server never serves half a page). A partial build
(``WRITER_SELECTED``, set by the live-reload preview) writes only the pages of the content
files that changed; the plugins' own files (feeds, cards, sitemap) wait for the full build.

Pelican reads the content files in the order the file system lists them, so it also puts
posts and pages of one date (or order) in a fixed order, by file name: the same content
gives the same lists, and of two files for one address, the same one is kept.

Signals: ``initialized`` (defaults), ``get_writer``, ``article_generator_pretaxonomy`` and
``page_generator_finalized`` (the fixed order), ``all_generators_finalized`` (each
content's URL fixed once; the pages of the changed files).
Settings read (defaults in :mod:`.settings`): ``WRITER_CHANGED_SOURCES`` ([]: a full build;
else the content files, relative to PATH or absolute, whose pages alone are written), and it
sets ``WRITER_SELECTED`` from them.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.utils import order_content

from plugins._common.output import SELECTED
from plugins._common.settings import apply_defaults
from plugins._common.urls import page_file

from .settings import DEFAULTS
from .writer import OnceWriter


def start(pelican) -> None:
    """Merge the defaults; a full build writes everything."""
    apply_defaults(pelican.settings, DEFAULTS)
    pelican.settings[SELECTED] = ()


def get_writer(pelican) -> type[OnceWriter]:
    """Return the writer class."""
    return OnceWriter


def fix_article_order(generator) -> None:
    """Order posts of one date by file name (then as ``ARTICLE_ORDER_BY`` says)."""
    order_by = generator.settings["ARTICLE_ORDER_BY"]
    for name in ("articles", "translations", "drafts", "drafts_translations"):
        contents = getattr(generator, name, None)
        if contents:
            contents.sort(key=lambda content: content.source_path)
            contents[:] = order_content(contents, order_by)


def fix_page_order(generator) -> None:
    """Order pages of one ``PAGE_ORDER_BY`` value by file name."""
    order_by = generator.settings["PAGE_ORDER_BY"]
    for name in (
        "pages",
        "translations",
        "hidden_pages",
        "hidden_translations",
        "draft_pages",
        "draft_translations",
    ):
        contents = getattr(generator, name, None)
        if contents:
            contents.sort(key=lambda content: content.source_path)
            contents[:] = order_content(contents, order_by)


def fix_addresses(generators) -> None:
    """Give each content object its URL once, now that all content is known.

    Pelican works a content's ``url`` out of its settings on every use, and the templates
    ask for it tens of thousands of times; its own ``override_url`` (what ``URL:`` metadata
    sets) keeps the answer. (Not ``override_save_as``: Pelican lets a page with one overwrite
    another's file, which would hide a collision.)
    """
    if not generators:
        return
    for content in generators[0].context.get("generated_content", {}).values():
        if not hasattr(content, "override_url"):
            content.override_url = content.url


def select_pages(generators) -> None:
    """For a partial build, choose the pages of the changed content files."""
    if not generators:
        return
    settings = generators[0].settings
    changed = {Path(path).resolve() for path in settings["WRITER_CHANGED_SOURCES"]}
    if not changed:
        return
    root = Path(settings["PATH"]).resolve()
    contents = generators[0].context.get("generated_content", {}).values()
    # A page is the file its URL serves: a country narrative's is its country's page.
    pages = {
        page_file(str(content.url))
        for content in contents
        if getattr(content, "save_as", "") and _source(root, content) in changed
    }
    settings[SELECTED] = frozenset(pages) or frozenset({""})  # nothing to show: write nothing


def _source(root: Path, content) -> Path:
    path = Path(content.source_path)
    return (path if path.is_absolute() else root / path).resolve()


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.get_writer.connect(get_writer)
    signals.article_generator_pretaxonomy.connect(fix_article_order)
    signals.page_generator_finalized.connect(fix_page_order)
    signals.all_generators_finalized.connect(fix_addresses)
    signals.all_generators_finalized.connect(select_pages)
