"""The message catalogs: extract the messages, update each language's ``.po``, check them.

``invoke i18n`` calls :func:`update`: it extracts every message of the theme's templates, the
plugins and the settings (as ``babel.cfg`` maps them; the keywords are gettext's and ``N_``),
then merges them into ``<catalogs>/<lang>/LC_MESSAGES/messages.po`` for each language but the
source one: a new message arrives untranslated, a changed one fuzzy (with the old text as a
guess), a removed one obsolete. :func:`problems` lists what a shipped catalog still lacks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from plugins._common.i18n import DOMAIN

PROJECT = "Combat Trafficking in Persons"
_SKIP = ("node_modules", "output", "tests", "bench")  # folders with nothing to extract


def extract(root: Path, mapping: Path) -> Catalog:
    """Return a catalog of every message the files ``mapping`` names hold, below ``root``."""
    with mapping.open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file, filename=str(mapping))
    template = Catalog(project=PROJECT, domain=DOMAIN, fuzzy=False)
    found = extract_from_dir(
        root,
        method_map,
        options_map,
        # plugins/_common holds words too: only hidden folders and caches are left out
        directory_filter=lambda path: (
            Path(path).name not in (*_SKIP, "__pycache__") and not Path(path).name.startswith(".")
        ),
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def catalog_file(catalogs: Path, lang: str) -> Path:
    """Return the ``.po`` file of ``lang``."""
    return catalogs / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def update(root: Path, mapping: Path, catalogs: Path, languages: Iterable[str]) -> list[str]:
    """Merge the extracted messages into each language's catalog; return a line per catalog."""
    template = extract(root, mapping)
    lines = []
    for lang in languages:
        path = catalog_file(catalogs, lang)
        if path.is_file():
            with path.open("rb") as file:
                catalog = read_po(file, locale=lang, domain=DOMAIN)
            catalog.update(template, update_creation_date=False)
        else:
            catalog = Catalog(
                locale=lang,
                domain=DOMAIN,
                project=PROJECT,
                creation_date=datetime.datetime.now(datetime.UTC),
            )
            catalog.update(template)
        catalog.obsolete.clear()  # git keeps the history; a catalog lists what is used
        catalog.fuzzy = False  # the header: its fields are filled in here, not by hand
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            write_po(file, catalog, width=100, sort_output=True, include_lineno=False)
        todo = problems_of(catalog)
        lines.append(f"{path.relative_to(root)}: {len(catalog)} messages, {len(todo)} to do")
    return lines


def problems(path: Path, lang: str) -> list[str]:
    """Return what the catalog at ``path`` lacks: untranslated, fuzzy, broken placeholders."""
    with path.open("rb") as file:
        return problems_of(read_po(file, locale=lang, domain=DOMAIN))


def problems_of(catalog: Catalog) -> list[str]:
    """Return every message of ``catalog`` a reader would not see translated."""
    found = []
    for message in catalog:
        if not message.id:
            continue  # the header
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        texts = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {ids[0]!r}")
        elif not all(texts):
            found.append(f"untranslated: {ids[0]!r}")
        elif errors := list(message.check(catalog)):
            found.append(f"{ids[0]!r}: {errors[0]}")
    return found
