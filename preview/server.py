"""Serve ``output/`` for the preview, and reload every open page when a build changed it.

Each HTML page is served with one extra line, ``<script src="/__reload.js">``, a file that
listens to ``/__reload`` (server-sent events); :meth:`PreviewServer.reload` tells every
listener to reload. Requests are served on their own threads while a build runs; since a
build replaces each file in one step, a page is never served half-written. The preview has
no Content-Security-Policy ``<meta>`` (only publish builds carry it), so the script runs.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RELOAD_PATH = "/__reload"
SCRIPT_PATH = "/__reload.js"
SCRIPT = (
    "// Reload the page when the preview rebuilds (invoke livereload).\n"
    f'new EventSource("{RELOAD_PATH}").addEventListener("reload", () => location.reload());\n'
)
TAG = f'<script src="{SCRIPT_PATH}" defer></script>'.encode()
KEEP_ALIVE = 15  # seconds between comments that keep an idle event stream open


class Reloads:
    """A counter of builds that changed the site, which listeners wait on."""

    def __init__(self) -> None:
        self._generation = 0
        self._changed = threading.Condition()
        self.closed = False

    def announce(self) -> None:
        """Tell every listener that the site changed."""
        with self._changed:
            self._generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        """Let every listener go (the server stops)."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """Wait until the generation passes ``seen`` or ``timeout`` ends; return it."""
        with self._changed:
            self._changed.wait_for(lambda: self._generation > seen or self.closed, timeout)
            return self._generation

    @property
    def generation(self) -> int:
        """Return how many changes were announced."""
        return self._generation


class _Handler(SimpleHTTPRequestHandler):
    reloads: Reloads

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the build's own messages

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == RELOAD_PATH:
            self._events()
        elif path == SCRIPT_PATH:
            self._send(200, "text/javascript; charset=utf-8", SCRIPT.encode())
        else:
            self._file()

    def _file(self) -> None:
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()  # redirects to the folder's address with a slash
                return
            file = file / "index.html"
        if file.suffix != ".html" or not file.is_file():
            if not file.exists() and (Path(self.directory) / "404.html").is_file():
                self._send(404, "text/html; charset=utf-8", _with_script(self._read("404.html")))
                return
            super().do_GET()
            return
        self._send(200, "text/html; charset=utf-8", _with_script(file.read_bytes()))

    def _read(self, name: str) -> bytes:
        return (Path(self.directory) / name).read_bytes()

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.reloads.generation
        try:
            while not self.reloads.closed:
                now = self.reloads.wait(seen, KEEP_ALIVE)
                message = b"event: reload\ndata: reload\n\n" if now > seen else b": waiting\n\n"
                seen = now
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Say nothing when a browser goes away mid-answer (a reload); report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _with_script(page: bytes) -> bytes:
    end = page.rfind(b"</body>")
    return page + TAG if end < 0 else page[:end] + TAG + page[end:]


class PreviewServer:
    """An HTTP server for ``output/`` on its own threads, with :meth:`reload`."""

    def __init__(self, root: Path, host: str, port: int) -> None:
        self.reloads = Reloads()
        handler = type("Handler", (_Handler,), {"reloads": self.reloads})
        self.httpd = _Server((host, port), partial(handler, directory=str(root)))
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        """Return the port it listens on."""
        return int(self.httpd.server_address[1])

    def start(self) -> None:
        """Serve in the background."""
        self._thread.start()

    def reload(self) -> None:
        """Reload every page open in a browser."""
        self.reloads.announce()

    def stop(self) -> None:
        """Stop serving and let the listeners go."""
        self.reloads.close()
        self.httpd.shutdown()
        self.httpd.server_close()
