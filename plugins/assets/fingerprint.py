"""Name each file of the theme's static folders by its content, and rewrite CSS to match.

Pure functions on folders and text: :func:`build_manifest` reads the files once and returns
where each one is written and with which bytes. A stylesheet's ``url(...)`` and ``@import``
of another theme file are rewritten to that file's fingerprinted name *before* the
stylesheet's own hash is taken, so a changed font or image changes the stylesheet's name too.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# url(x), url('x'), url("x") and @import "x" / @import 'x', as CSS writes them.
_CSS_REFERENCE = re.compile(
    r"""(?P<head>url\(\s*)(?P<quote>["']?)(?P<url>[^"')\s]+)(?P=quote)(?P<tail>\s*\))"""
    r"""|(?P<ihead>@import\s+)(?P<iquote>["'])(?P<iurl>[^"']+)(?P=iquote)"""
)


@dataclass(frozen=True)
class Asset:
    """One theme file: its path in the static folder, its fingerprinted path and its bytes."""

    name: str  # "css/site.css", relative to the static folder, "/" separated
    fingerprinted: str  # "css/site.3f2a9c1b0d.css"
    content: bytes


@dataclass
class Manifest:
    """Every fingerprinted theme file, by its plain name."""

    assets: dict[str, Asset] = field(default_factory=dict)

    def get(self, name: str) -> Asset | None:
        """Return the asset called ``name`` ("css/site.css"), or None."""
        return self.assets.get(name.lstrip("/"))


def fingerprinted_name(name: str, content: bytes, length: int) -> str:
    """Return ``name`` with a hash of ``content`` before its extension (a/b.<hash>.css)."""
    digest = hashlib.sha256(content).hexdigest()[:length]
    folder, base = posixpath.split(name)
    stem, dot, extension = base.partition(".")
    new_base = f"{stem}.{digest}{dot}{extension}" if dot else f"{stem}.{digest}"
    return posixpath.join(folder, new_base)


def static_files(roots: Iterable[Path]) -> dict[str, Path]:
    """Map each file's name relative to its static folder to the file (later roots win)."""
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for file in sorted(root.rglob("*")):
            if file.is_file() and not file.name.startswith("."):
                found[file.relative_to(root).as_posix()] = file
    return found


def build_manifest(files: dict[str, Path], hash_length: int) -> Manifest:
    """Fingerprint every file; stylesheets after the files they reference."""
    manifest = Manifest()

    def visit(name: str, seen: tuple[str, ...]) -> Asset:
        if name in manifest.assets:
            return manifest.assets[name]
        content = files[name].read_bytes()
        if name.endswith(".css") and name not in seen:
            content = rewrite_css(
                content.decode("utf-8"),
                name,
                lambda target: (
                    visit(target, (*seen, name)).fingerprinted
                    if target in files and target not in seen and target != name
                    else None
                ),
            ).encode("utf-8")
        asset = Asset(name, fingerprinted_name(name, content, hash_length), content)
        manifest.assets[name] = asset
        return asset

    for name in sorted(files):
        visit(name, ())
    return manifest


def rewrite_css(css: str, name: str, lookup: Callable[[str], str | None]) -> str:
    """Replace each relative reference of stylesheet ``name`` that ``lookup`` knows.

    ``lookup(target)`` takes the referenced file's name relative to the static folder and
    returns its fingerprinted name, or None to leave the reference as written.
    """
    folder = posixpath.dirname(name)

    def replace(match: re.Match[str]) -> str:
        url = match.group("url") or match.group("iurl")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "#", "data:")):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(folder, parts.path))
        fingerprinted = lookup(target)
        if fingerprinted is None:
            return match.group(0)
        new_url = posixpath.relpath(fingerprinted, folder or ".")
        if parts.query:
            new_url += f"?{parts.query}"
        if parts.fragment:
            new_url += f"#{parts.fragment}"
        if match.group("url"):
            head, quote, tail = match.group("head", "quote", "tail")
            return f"{head}{quote}{new_url}{quote}{tail}"
        head, quote = match.group("ihead", "iquote")
        return f"{head}{quote}{new_url}{quote}"

    return _CSS_REFERENCE.sub(replace, css)
