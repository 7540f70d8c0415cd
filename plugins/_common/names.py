"""The names people type for a country, besides the report's: a model every plugin shares.

A reader looks for "Myanmar" or "Ivory Coast"; the report says "Burma" and "Cote d'Ivoire".
:func:`names_of` gives a country's other names from data, never typed by hand here: ISO 3166's
names in pycountry (short, official, common), CLDR's English name through Babel, and the
rows of ``country_aliases.csv`` (``iso3,name,source``, each alias with where it is written).
The content checks resolve ``Countries:`` by these names too (:meth:`TipData.lookup`), and
the search index finds a country's page by them.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pycountry
from babel import Locale

from .i18n import SOURCE_LANGUAGE, sort_key, territory
from .problems import display_path
from .text import NotUtf8Error, read_text

if TYPE_CHECKING:
    from .tipdata import TipData

ALIAS_COLUMNS = ("iso3", "name", "source")
_ENGLISH = Locale("en")
_BRACKETED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<other>[^()]+)\)$")  # "Myanmar (Burma)"


class AliasError(ValueError):
    """A row of ``country_aliases.csv`` that cannot be used; the message names file and line."""


def read_aliases(path: Path) -> dict[str, tuple[str, ...]]:
    """Return the aliases of ``path`` by ISO alpha-3 code (no file: none)."""
    if not path.is_file():
        return {}
    try:
        reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    except NotUtf8Error as error:
        raise AliasError(f"{display_path(path)}:{error.line}: not UTF-8 ({error})") from None
    if tuple(reader.fieldnames or ()) != ALIAS_COLUMNS:
        raise AliasError(
            f"{display_path(path)}:1: the columns are {reader.fieldnames}. Fix: write the "
            f"header {','.join(ALIAS_COLUMNS)}"
        )
    found: dict[str, list[str]] = {}
    for row in reader:
        _check(path, reader.line_num, row)
        found.setdefault(row["iso3"], []).append(row["name"].strip())
    return {iso3: tuple(names) for iso3, names in found.items()}


def _check(path: Path, line: int, row: Mapping[str, str]) -> None:
    where = f"{display_path(path)}:{line}"
    if pycountry.countries.get(alpha_3=row["iso3"] or "-") is None:
        raise AliasError(
            f"{where}: {row['iso3']!r} is not an ISO 3166-1 alpha-3 code. Fix: e.g. CIV"
        )
    if not (row["name"] or "").strip():
        raise AliasError(f"{where}: the name is empty. Fix: write the name readers use")
    if " | " not in (row["source"] or ""):
        raise AliasError(
            f"{where}: the source is not 'where it is written | URL'. Fix: cite the page that "
            "uses the name"
        )


def names_of(name: str, iso3: str, aliases: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Return the country's names other than ``name``, each once, in a fixed order."""
    entry = pycountry.countries.get(alpha_3=iso3)
    candidates: list[str] = []
    if entry is not None:
        for field in ("common_name", "name", "official_name"):
            candidates.extend(_forms(getattr(entry, field, "") or ""))
        candidates.extend(_forms(_ENGLISH.territories.get(entry.alpha_2, "")))
    candidates.extend(aliases.get(iso3, ()))
    seen = {name.casefold()}
    names = []
    for candidate in candidates:
        if candidate and candidate.casefold() not in seen:
            seen.add(candidate.casefold())
            names.append(candidate)
    return tuple(names)


def iso_codes(iso3: str) -> tuple[str, ...]:
    """Return the country's ISO 3166-1 alpha-2 and alpha-3 codes."""
    entry = pycountry.countries.get(alpha_3=iso3)
    return (entry.alpha_2, entry.alpha_3) if entry is not None else (iso3,)


def _forms(name: str) -> list[str]:
    """Return ``name`` as readers type it: "Korea, Republic of" is "Republic of Korea",
    "Myanmar (Burma)" is both names, and CLDR's typographic apostrophe is a plain one."""
    name = name.strip()
    if not name:
        return []
    match = _BRACKETED.match(name)
    forms = [match["name"], match["other"]] if match else [name]
    return [uninverted(form).replace("’", "'") for form in forms]


def uninverted(name: str) -> str:
    """Return "Korea, Republic of" as "Republic of Korea"; any other name as it is."""
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma and "," not in tail else name


def localized(data: TipData, lang: str) -> TipData:
    """Return the model with each country named as CLDR names it in ``lang``.

    The report's own name becomes the first of the country's other names (so readers and
    ``Countries:`` still find it by that name); a country CLDR has no name for keeps the
    report's. The countries are in the alphabetical order of their new names.
    """
    if lang == SOURCE_LANGUAGE:
        return data
    countries = []
    for country in data.countries:
        local = territory(lang, pycountry_alpha2(country.iso3))
        if not local or local == country.name:
            countries.append(country)
            continue
        others = tuple(n for n in (country.name, *country.other_names) if n != local)
        countries.append(dataclasses.replace(country, name=local, other_names=others))
    countries.sort(key=lambda country: sort_key(country.name))
    from .tipdata import _index as country_index  # tipdata imports this module

    return dataclasses.replace(data, countries=tuple(countries), _index=country_index(countries))


def pycountry_alpha2(iso3: str) -> str:
    """Return the ISO 3166-1 alpha-2 code of ``iso3``, or "" when ISO has none."""
    entry = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return entry.alpha_2 if entry is not None else ""
