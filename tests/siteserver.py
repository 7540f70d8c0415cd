"""Serve a built site from its own origin on 127.0.0.1, with the headers its build wrote.

:class:`SiteServer` serves an output folder under the path of the SITEURL it was built for
(a build for ``https://example.org/tip`` is served at ``http://127.0.0.1:<port>/tip/``), on a
free port, from a background thread. Every response carries the headers the build's
``_headers`` file (Netlify and Cloudflare Pages syntax, written by plugins/seo) gives its path,
so the real Content-Security-Policy applies, and the Content-Type a deploy sends
(``deploy.files``). A missing file is answered with ``404.html`` and status 404, a folder
without its slash with a redirect, as those hosts do.

A browser that loads the build's own absolute URLs needs them sent here: tests/browser.py
routes them in Playwright. Where that cannot be done (Lighthouse runs its own Chrome),
``rewrite=True`` replaces the build's SITEURL with the server's address in every text file,
and ``compress=True`` gzips text as a real host would. Used by tests/browser.py and
bench/lighthouse.py.
"""

from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

from deploy.files import content_type

HOST = "127.0.0.1"
# Text a host compresses and ``rewrite`` edits; images and fonts are left as they are.
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/atom+xml")
TEXT_TYPES += ("application/rss+xml", "application/manifest+json", "image/svg+xml")


@dataclass(frozen=True)
class HeaderRule:
    """One rule of a ``_headers`` file: a path pattern (``*`` matches anything) and its headers."""

    pattern: re.Pattern[str]
    headers: tuple[tuple[str, str], ...]


def read_header_rules(file: Path) -> list[HeaderRule]:
    """Parse a ``_headers`` file; a missing file has no rules."""
    if not file.is_file():
        return []
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return [HeaderRule(_pattern(path), tuple(headers)) for path, headers in rules]


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in path.split("*")))


def headers_for(rules: list[HeaderRule], path: str) -> list[tuple[str, str]]:
    """Return the headers of every rule that matches ``path``, in file order, as hosts do."""
    return [header for rule in rules if rule.pattern.fullmatch(path) for header in rule.headers]


@dataclass(frozen=True)
class Reply:
    """What the server answers to one path: a status, a file to send or a redirect target."""

    status: int
    file: Path | None = None
    location: str = ""


class SiteServer:
    """Serve ``output``, built for ``siteurl``, at ``http://127.0.0.1:<free port><its path>/``."""

    def __init__(
        self, output: Path, siteurl: str, *, rewrite: bool = False, compress: bool = False
    ) -> None:
        self.output = output.resolve()
        self.siteurl = siteurl.rstrip("/")
        self.prefix = urlsplit(self.siteurl).path.rstrip("/") + "/"
        self.rewrite = rewrite
        self.compress = compress
        self.rules = read_header_rules(self.output / "_headers")
        self._server = _Server((HOST, 0), _Handler)
        self._server.site = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        """Return ``http://127.0.0.1:<port>``."""
        return f"http://{HOST}:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        """Return the address SITEURL maps to here, without a trailing slash."""
        return self.origin + self.prefix.rstrip("/")

    def local_url(self, url: str) -> str:
        """Return the address here of ``url``, an address under SITEURL."""
        return self.base_url + url.removeprefix(self.siteurl)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def reply(self, path: str) -> Reply:
        """Decide what to answer to a request for ``path`` (the URL's path, still quoted)."""
        path = unquote(path)
        if path == self.prefix.rstrip("/"):
            return Reply(301, location=self.prefix)
        target = (self.output / path.removeprefix(self.prefix)).resolve()
        if not path.startswith(self.prefix) or not target.is_relative_to(self.output):
            return self._not_found()
        if target.is_dir():
            if not path.endswith("/"):
                return Reply(301, location=path + "/")
            target = target / "index.html"
        return Reply(200, target) if target.is_file() else self._not_found()

    def _not_found(self) -> Reply:
        page = self.output / "404.html"
        return Reply(404, page if page.is_file() else None)

    def body(self, file: Path, kind: str) -> bytes:
        """Return the bytes to send for ``file``, rewritten when the server rewrites."""
        data = file.read_bytes()
        if self.rewrite and kind.startswith(TEXT_TYPES):
            data = data.replace(self.siteurl.encode(), self.base_url.encode())
        return data


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: SiteServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host: fewer connections to time

    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would bury the test's or the benchmark's own output

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        site = self.server.site
        path = urlsplit(self.path).path
        reply = site.reply(path)
        kind = content_type(reply.file.name) if reply.file else "text/plain; charset=utf-8"
        body = site.body(reply.file, kind) if reply.file else b"Not found\n"
        self.send_response(reply.status)
        if reply.location:
            self.send_header("Location", reply.location)
            body = b""
        if site.compress and kind.startswith(TEXT_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers_for(site.rules, path):
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)
