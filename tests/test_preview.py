"""The writer's preview (``preview/``): safe builds, the reload server and live reload.

- ``invoke build`` updates ``output/`` with what changed only (an unchanged file keeps its
  date), and a build that stops leaves ``output/`` as it was, with no folder behind;
- the preview server adds its reload script to pages, answers a missing page with the 404
  page, and signals a reload to every open page;
- live reload shows an edited post before the full rebuild, which then updates the lists;
- ``invoke livereload --port`` serves on that port and reloads on a saved edit.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from projects import invoke, processes_naming, project_copy

from preview.live import LiveBuilder
from preview.server import SCRIPT_PATH, PreviewServer

FIRST = "news/2024/first-story/"


def _stamps(output: Path) -> dict[str, int]:
    return {
        f.relative_to(output).as_posix(): f.stat().st_mtime_ns
        for f in output.rglob("*")
        if f.is_file()
    }


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Reloads:
    """Count the reload signals the preview sends, as a page listening to it would."""

    def __init__(self, url: str) -> None:
        self.count = 0
        self._response = urllib.request.urlopen(url, timeout=120)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self._response:
            if line.startswith(b"event: reload"):
                self.count += 1

    def wait(self, count: int, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while self.count < count and time.monotonic() < end:
            time.sleep(0.02)
        return self.count >= count


@pytest.mark.slow
def test_build_updates_only_what_changed_and_a_failed_build_keeps_the_site(
    tmp_path: Path,
) -> None:
    project = project_copy(tmp_path)
    first = invoke(project, "build")
    assert first.returncode == 0, first.stdout + first.stderr
    output = project / "output"
    before = _stamps(output)
    again = invoke(project, "build")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 file(s) of output/ changed" in again.stdout
    assert _stamps(output) == before

    (project / "theme" / "templates" / "article.html").write_text("{% block broken %}\n")
    failed = invoke(project, "build")
    assert failed.returncode == 1
    assert "output/ was left as it was" in failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr
    assert _stamps(output) == before
    assert list(project.glob(".output-*")) == [], "the fresh folder was left behind"


def test_the_server_adds_its_script_and_answers_a_missing_page_with_404(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><body><p>A</p></body></html>")
    (tmp_path / "404.html").write_text("<html><body><p>Not here</p></body></html>")
    (tmp_path / "style.css").write_text("p { color: navy }")
    server = PreviewServer(tmp_path, "127.0.0.1", 0)
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        status, page = _get(f"{base}/a/")
        assert status == 200
        assert page.endswith(f'<p>A</p><script src="{SCRIPT_PATH}" defer></script></body></html>')
        assert _get(f"{base}/style.css") == (200, "p { color: navy }")  # not a page: as it is
        status, missing = _get(f"{base}/nowhere/")
        assert status == 404 and "Not here" in missing and SCRIPT_PATH in missing
        status, script = _get(f"{base}{SCRIPT_PATH}")
        assert status == 200 and "EventSource" in script
        listener = _Reloads(f"{base}/__reload")
        time.sleep(0.2)
        server.reload()
        assert listener.wait(1, timeout=5)
    finally:
        server.stop()


@pytest.mark.slow
def test_live_reload_shows_the_edit_first_then_the_rest(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    output = project / "output"
    output.mkdir()
    server = PreviewServer(output, "127.0.0.1", 0)
    siteurl = f"http://127.0.0.1:{server.port}"
    builder = LiveBuilder(project, project / "pelicanconf.py", output, siteurl, server.reload)
    assert builder.first_build()
    server.start()
    try:
        listener = _Reloads(f"{siteurl}/__reload")
        time.sleep(0.2)
        story = project / "content" / "news" / "first-story.md"
        text = story.read_text(encoding="utf-8")
        story.write_text(
            text.replace("Title: First story", "Title: First story, edited")
            + "\nA sentence added in the preview.\n",
            encoding="utf-8",
        )
        builder.changed([story])
        # The edited page is there as soon as the first step returns...
        status, page = _get(f"{siteurl}/{FIRST}")
        assert status == 200 and "A sentence added in the preview." in page
        assert listener.wait(1, timeout=5)
        # ...and the full rebuild brings the lists up to date, and reloads again.
        assert listener.wait(2, timeout=120), "the full rebuild never reloaded the page"
        assert "First story, edited" in _get(f"{siteurl}/news/")[1]
        assert list(project.glob(".output-*")) == []
    finally:
        builder.stop()
        server.stop()


@pytest.mark.slow
def test_invoke_livereload_serves_on_its_port_and_reloads_on_a_save(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    port = _free_port()
    command = [sys.executable, "-m", "invoke", "livereload", "--port", str(port)]
    log = tmp_path / "livereload.log"
    with log.open("wb") as sink:
        # Started with SIGINT ignored, as `cmd &` in a script (CI) starts it: Python then
        # leaves Ctrl-C ignored unless livereload takes it back (it hung so, before it did).
        process = subprocess.Popen(
            command,
            cwd=project,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
    base = f"http://localhost:{port}"
    try:
        end = time.monotonic() + 120
        while time.monotonic() < end and _served(f"{base}/{FIRST}") is None:
            time.sleep(0.2)
        assert _served(f"{base}/{FIRST}") is not None, log.read_text(errors="replace")
        story = project / "content" / "news" / "first-story.md"
        story.write_text(story.read_text(encoding="utf-8") + "\nSaved while serving.\n", "utf-8")
        end = time.monotonic() + 60
        while time.monotonic() < end and "Saved while" not in (_served(f"{base}/{FIRST}") or ""):
            time.sleep(0.1)
        assert "Saved while" in (_served(f"{base}/{FIRST}") or ""), log.read_text(errors="replace")
        # The page is served a moment before the line saying so is printed: wait for it
        # before Ctrl-C, which would end the process between the two.
        end = time.monotonic() + 30
        while time.monotonic() < end and "Rebuilt the edited page" not in log.read_text("utf-8"):
            time.sleep(0.1)
    finally:
        _stop_with_ctrl_c(process, log)
    printed = log.read_text(errors="replace")
    assert printed.count("Rebuilt the edited page") == 1, printed  # each line once
    assert "Traceback" not in printed, printed
    shutil.rmtree(project / "output", ignore_errors=True)


def _stop_with_ctrl_c(process: subprocess.Popen[bytes], log: Path) -> None:
    """Press Ctrl-C (SIGINT to the process group); fail, with every thread's stack, if the
    server does not stop within a minute."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGUSR1)  # faulthandler: every thread's stack, into the log
        time.sleep(1)
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("Ctrl-C did not stop livereload; its threads were:\n" + log.read_text("utf-8"))


def _served(url: str) -> str | None:
    try:
        status, body = _get(url)
    except OSError:
        return None
    return body if status == 200 else None


@pytest.mark.slow
def test_sigterm_stops_a_build_its_workers_and_leaves_nothing_behind(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    news = project / "content" / "news"
    head = "Title: Story {n}\nDate: 2024-05-{d:02d} 09:00\nCategory: Stories\nSummary: Story {n}.\n"
    for n in range(300):  # enough work for the build to be stopped in the middle
        text = head.format(n=n, d=1 + n % 28) + "\n" + "Words of a story. " * 200 + "\n"
        (news / f"story-{n}.md").write_text(text, encoding="utf-8")
    first = invoke(project, "build")
    assert first.returncode == 0, first.stdout + first.stderr
    output = project / "output"
    before = _stamps(output)
    for n in range(300):  # every page changes: a finished build would touch output/
        story = news / f"story-{n}.md"
        story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    command = [sys.executable, "-m", "invoke", "--search-root", str(project), "build"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    end = time.monotonic() + 60
    while time.monotonic() < end and not list(project.glob(".output-*")):
        time.sleep(0.05)
    time.sleep(1.0)
    assert process.poll() is None, "the build ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    assert process.returncode == 130  # Ctrl-C's status
    assert b"output/ was left as it was" in process.stdout.read()
    time.sleep(0.5)
    assert processes_naming(project) == [], "a process of the build is still running"
    assert list(project.glob(".output-*")) == []
    assert _stamps(output) == before
