"""The one text-in-a-language helper: the build's message catalog and CLDR's locale data.

Each build is in one language, its ``DEFAULT_LANG``. :func:`translations` compiles that
language's catalog (``<THEME>/translations/<lang>/LC_MESSAGES/messages.po``) in memory, once per
build, leaving out fuzzy entries; English, the source language, needs none. Templates get it
through Jinja's i18n extension (the i18n plugin); Python code that writes words a reader sees
asks :func:`gettext` for the same catalog. Messages are English text: code marks constants with
:func:`N_` (so ``invoke i18n`` extracts them) and translates them where they are shown.

Dates, numbers, lists and country names come from CLDR through Babel, never typed by hand.
"""

from __future__ import annotations

import datetime
import io
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _format_date
from babel.lists import format_list as _format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
CATALOGS = "theme/translations"  # the project's catalogs (the theme's translations/ folder)
_MEMO = "_I18N_TRANSLATIONS"  # a key in the build's settings: its compiled catalog, once


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


class CatalogError(ValueError):
    """A language has no catalog, or one that cannot be read: where, what, and the fix."""

    def __init__(self, where: str, problem: str, fix: str) -> None:
        super().__init__(f"{where}: {problem}. Fix: {fix}")
        self.where, self.problem, self.fix = where, problem, fix


def language(settings: Mapping[str, Any]) -> str:
    """Return the build's language code (``DEFAULT_LANG``)."""
    return str(settings.get("DEFAULT_LANG") or SOURCE_LANGUAGE)


def catalog_path(settings: Mapping[str, Any], lang: str) -> Path:
    """Return where the ``.po`` file of ``lang`` lives (``I18N_CATALOGS``, or the theme's)."""
    root = Path(settings.get("I18N_CATALOGS") or Path(settings["THEME"]) / "translations")
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalog(path: Path, lang: str) -> Translations:
    """Compile the ``.po`` file at ``path`` in memory, without its fuzzy entries."""
    try:
        with path.open("rb") as file:
            catalog = read_po(file, locale=lang, domain=DOMAIN)
    except FileNotFoundError:
        raise CatalogError(
            str(path),
            f"no message catalog for {lang!r}",
            "run `invoke i18n` to create it, then translate its messages",
        ) from None
    except Exception as error:  # babel raises several kinds for a malformed file
        raise CatalogError(
            str(path),
            f"cannot be read as a PO file ({error})",
            "correct the line it names, or restore the file from git",
        ) from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class _Compiled:
    """A build's compiled catalog, kept in its settings; never pickled with them.

    Pelican's content cache pickles objects that hold the settings, and gettext's plural
    function cannot be pickled; a copy read back compiles the catalog again when asked.
    """

    def __init__(self, lang: str, compiled: NullTranslations) -> None:
        self.lang = lang
        self.compiled: NullTranslations | None = compiled

    def __getstate__(self) -> dict[str, Any]:
        return {"lang": self.lang, "compiled": None}


def translations(settings: dict[str, Any]) -> NullTranslations:
    """Return the build language's translations, compiled once per build."""
    lang = language(settings)
    found = settings.get(_MEMO)
    if isinstance(found, _Compiled) and found.lang == lang and found.compiled is not None:
        return found.compiled
    compiled = (
        NullTranslations()
        if lang == SOURCE_LANGUAGE
        else compile_catalog(catalog_path(settings, lang), lang)
    )
    settings[_MEMO] = _Compiled(lang, compiled)
    return compiled


def fall_back(settings: dict[str, Any]) -> None:
    """Show the build in English words: its catalog cannot be used (already reported)."""
    settings[_MEMO] = _Compiled(language(settings), NullTranslations())


def gettext(settings: dict[str, Any]) -> Callable[[str], str]:
    """Return the function that translates a message into the build's language."""
    return translations(settings).gettext


def locale(settings: Mapping[str, Any]) -> Locale:
    """Return the CLDR locale of the build's language."""
    return locale_of(language(settings))


def locale_of(lang: str) -> Locale:
    """Return the CLDR locale of ``lang`` (``"es"``, ``"pt-BR"``)."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise CatalogError(
            "LANGUAGES", f"{lang!r} is not a language CLDR knows", "use a code such as 'es'"
        ) from None


def is_rtl(lang: str) -> bool:
    """Tell whether ``lang`` is written right to left."""
    return locale_of(lang).character_order == "right-to-left"


def date(settings: Mapping[str, Any], value: datetime.date | str, form: str = "long") -> str:
    """Return ``value`` (a date, or one as YYYY-MM-DD) as the build's language writes a date.

    ``form`` is a CLDR form (short, medium, long, full) or pattern; ``I18N_DATE_FORMATS``
    (``{lang: pattern}``) replaces the long form of a language with the site's own.
    """
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value.strip()[:10])
    if form == "long":  # a language's house style, where it has one (English: 14 June 2010)
        form = (settings.get("I18N_DATE_FORMATS") or {}).get(language(settings), form)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return _format_date(value, format=form, locale=locale(settings))


def number(settings: Mapping[str, Any], value: float) -> str:
    """Return ``value`` with the build's language's digits and grouping."""
    return format_decimal(value, locale=locale(settings))


def listing(settings: Mapping[str, Any], items: Iterable[str], style: str = "standard") -> str:
    """Return ``items`` joined as the build's language writes a list ("a, b and c")."""
    return _format_list(list(items), style=style, locale=locale(settings))


def territory(lang: str, alpha2: str) -> str:
    """Return CLDR's name of the territory ``alpha2`` in ``lang``, or "" when it has none."""
    return locale_of(lang).territories.get(alpha2.upper(), "") if alpha2 else ""


def language_name(lang: str) -> str:
    """Return a language's name in that language, capitalized ("Español", "العربية")."""
    name = locale_of(lang).get_display_name(locale_of(lang)) or lang
    return name[:1].upper() + name[1:]


def sort_key(text: str) -> str:
    """Return a key that sorts names alphabetically whatever their accents ("É" with "E")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def initial(name: str) -> str:
    """Return the letter an A-Z list files ``name`` under: its first, without accents."""
    return sort_key(name)[:1].upper()
