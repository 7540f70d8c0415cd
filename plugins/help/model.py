"""The Get Help model: the lines a reader can call, each fact with its numbered sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from plugins._common.sources import Source, SourceError, parse_source


class HelpSettingsError(ValueError):
    """``HELP_LINES``, ``HELP_ADVICE`` or ``HELP_SOURCES`` is not as documented."""


@dataclass(frozen=True)
class Cited:
    """A sentence and the sources that state it, as their numbers in :attr:`Help.sources`."""

    text: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Line:
    """One number to call: who it is for, who answers, and what the sources say about it."""

    key: str
    audience: str
    name: str
    call: str
    facts: tuple[Cited, ...]
    text: str = ""  # a number to send a text message to, if any
    callout: str = ""  # the call-out's question ("In danger now?"); "" keeps it off the call-out
    callout_note: str = ""


@dataclass(frozen=True)
class Help:
    """Every line, the advice, and the sources they cite (numbered from 1, in this order)."""

    lines: tuple[Line, ...]
    advice: tuple[Cited, ...]
    sources: tuple[Source, ...]
    url: str = "get-help/"  # the Get Help page, relative to SITEURL

    @property
    def callout(self) -> tuple[Line, ...]:
        """Return the lines shown near the top of every page."""
        return tuple(line for line in self.lines if line.callout)


def read_help(settings: Mapping[str, Any]) -> Help:
    """Return the model of the ``HELP_*`` settings; raise :class:`HelpSettingsError` if wrong."""
    keys = list(settings.get("HELP_SOURCES") or {})
    sources = tuple(_source(key, line) for key, line in settings.get("HELP_SOURCES", {}).items())
    numbers = {key: index for index, key in enumerate(keys, start=1)}
    lines = tuple(_line(entry, numbers) for entry in settings.get("HELP_LINES") or ())
    advice = tuple(
        _cited(text, cited, numbers, "HELP_ADVICE")
        for text, cited in settings.get("HELP_ADVICE") or ()
    )
    return Help(lines, advice, sources, settings.get("HELP_PAGE_URL", "get-help/"))


def _source(key: str, line: str) -> Source:
    try:
        return parse_source(line)
    except SourceError as error:
        raise HelpSettingsError(
            f"HELP_SOURCES[{key!r}]: {error}. Fix: write title | publisher | year | URL"
        ) from None


def _line(entry: Mapping[str, Any], numbers: Mapping[str, int]) -> Line:
    where = f"HELP_LINES ({entry.get('key', '?')})"
    missing = [name for name in ("key", "for", "name", "call") if not entry.get(name)]
    if missing:
        raise HelpSettingsError(f"{where}: no {', '.join(missing)}. Fix: give every line them")
    facts = tuple(_cited(text, cited, numbers, where) for text, cited in entry.get("facts", ()))
    return Line(
        key=entry["key"],
        audience=entry["for"],
        name=entry["name"],
        call=entry["call"],
        facts=facts,
        text=entry.get("text", ""),
        callout=entry.get("callout", ""),
        callout_note=entry.get("callout_note", ""),
    )


def _cited(text: str, cited: Sequence[str], numbers: Mapping[str, int], where: str) -> Cited:
    unknown = [key for key in cited if key not in numbers]
    if unknown or not cited:
        raise HelpSettingsError(
            f"{where}: {text[:40]!r}… cites {', '.join(unknown) or 'no source'}. Fix: cite "
            f"one or more of the keys of HELP_SOURCES ({', '.join(numbers)})"
        )
    return Cited(text, tuple(numbers[key] for key in cited))
