"""Publishing: the deploy tasks end to end, and the deploy modules on small folders.

End to end (``invoke`` in a subprocess on a copy of the project holding the ``minimal``
fixture site, a strict build and the site checks each time):

- ``invoke publish --dest`` deploys the site built for ``http://127.0.0.1:PORT/tip`` into
  ``<www>/tip``; ``http.server`` serves ``<www>``, and a crawler follows every link of every
  page over HTTP: no broken link, no missing fragment, every sitemap address reached;
- with a planted broken link (the build fails) or inline style (the build passes, the checks
  do not), the same command exits non-zero and leaves the destination as it was; stopped
  by SIGTERM, it ends its build's process, removes its folder and deploys nothing;
- ``invoke gh-pages`` commits the build to a local bare repository;
- ``invoke s3`` syncs it to a local S3-compatible server (moto's, from PyPI: ``moto[s3]``
  with ``flask`` and ``flask-cors``), each object with its Content-Type and Cache-Control.

The real site, built once for the session (``real_site``), is served the same way and
crawled: every link of its few hundred pages, over HTTP.

The deploy modules alone: the defaults come from the publish settings, and a missing
destination stops before the build; the site checks find each kind of problem; a folder sync
(rsync, and Python without it) and a bucket sync upload only what changed, pages last, delete
last, and change nothing on a dry run; a gh-pages publish without change makes no commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import boto3
import pytest
from lxml import etree
from lxml import html as lxml_html
from moto.server import ThreadedMotoServer
from projects import invoke, processes_naming, project_copy
from sitebuild import PROJECT, BuildResult

from deploy import Project, PublishError, folder, to_folder
from deploy.checks import check_inline_code, check_links, css_references, page_references
from deploy.files import content_type, site_files, upload_order
from deploy.ghpages import publish_branch
from deploy.pipeline import SCRATCH_PREFIX, load_settings
from deploy.s3 import sync_bucket
from plugins.seo.settings import DEFAULTS as SEO_DEFAULTS

RULES = SEO_DEFAULTS["SEO_CACHE_CONTROL"]
MAX_REQUESTS = 5000  # the crawler's bound: the real site has a few hundred pages


# --- Helpers -----------------------------------------------------------------------------


def digests(root: Path) -> dict[str, str]:
    """Return the SHA-256 of every file under ``root``, by relative path."""
    return {
        f.relative_to(root).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(root.rglob("*"))
        if f.is_file()
    }


class QuietHandler(SimpleHTTPRequestHandler):
    """python -m http.server's handler, without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def http_server(directory: Path) -> Iterator[int]:
    """Serve ``directory`` as ``python -m http.server`` does, on a free port of 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Crawl:
    """What a crawl found: the addresses fetched and the problems met."""

    fetched: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)


def crawl(start: str, served_from: str = "") -> Crawl:
    """Follow every link, asset and stylesheet reference under ``start``, over HTTP.

    ``served_from`` fetches the site from another address than the one it was built for
    (``https://example.org/tip/`` served by a local server at ``http://127.0.0.1:N/tip/``).
    """
    result = Crawl()
    host, prefix = urlsplit(start).netloc, urlsplit(start).path
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    queue, queued = [start], {start}
    while queue and len(result.fetched) < MAX_REQUESTS:
        url = queue.pop()
        result.fetched.add(url)
        fetched = served_from + url.removeprefix(start) if served_from else url
        try:
            with urllib.request.urlopen(fetched, timeout=10) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            result.broken.append(f"{url}: HTTP {error.code}")
            continue
        if kind == "text/html":
            result.pages.add(url)
            root = lxml_html.fromstring(body)
            ids[url] = {str(v) for v in root.xpath("//@id | //a/@name")}
            found = [ref for _, ref in page_references(root)]
        elif kind == "text/css":
            found = css_references(body.decode("utf-8"))
        else:
            continue
        for ref in found:
            target, fragment = urldefrag(urljoin(url, ref.strip()))
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue
            if not parts.path.startswith(prefix):
                result.broken.append(f"{url}: {ref} is outside {start}")
                continue
            if fragment:
                fragments.append((url, target, fragment))
            if target not in queued:
                queued.add(target)
                queue.append(target)
    assert not queue, f"the crawl stopped after {MAX_REQUESTS} requests"
    for source, target, fragment in fragments:
        if target in ids and fragment != "top" and fragment not in ids[target]:
            result.broken.append(f"{source}: #{fragment} is not on {target}")
    return result


# --- End to end: invoke publish, served and crawled ----------------------------------------


@pytest.mark.slow
def test_publish_to_a_folder_under_a_path_browses_without_a_broken_link(tmp_path: Path) -> None:
    """Publish for .../tip into <www>/tip, serve <www>, and follow every link: none broken."""
    project = project_copy(tmp_path)
    www = tmp_path / "www"
    www.mkdir()
    with http_server(www) as port:
        siteurl = f"http://127.0.0.1:{port}/tip"
        run = invoke(project, "publish", "--dest", str(www / "tip"), "--siteurl", siteurl)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Checks passed." in run.stdout
        result = crawl(f"{siteurl}/")
        sitemap = etree.parse(str(www / "tip" / "sitemap.xml"))
        listed = {loc.text for loc in sitemap.iter("{*}loc")}
        for name in ("robots.txt", "sitemap.xml", "404.html"):
            with urllib.request.urlopen(f"{siteurl}/{name}", timeout=10) as response:
                assert response.status == 200, name
    assert result.broken == [], "\n".join(result.broken[:40])
    assert listed <= result.pages, sorted(listed - result.pages)[:20]
    assert any("/assets/css/site." in url for url in result.fetched)
    assert any("/feeds/" in url for url in result.fetched)
    assert any("/cards/" in url for url in result.fetched)


@pytest.mark.slow
def test_the_real_site_browses_without_a_broken_link(
    real_site: BuildResult, tmp_path: Path
) -> None:
    """The session's publish build of the real site, served over HTTP: every link leads."""
    www = tmp_path / "www"
    www.mkdir()
    prefix = urlsplit(real_site.siteurl).path  # "/tip"
    (www / prefix.strip("/")).symlink_to(real_site.output, target_is_directory=True)
    with http_server(www) as port:
        result = crawl(f"{real_site.siteurl}/", served_from=f"http://127.0.0.1:{port}{prefix}/")
    sitemap = etree.parse(str(real_site.output / "sitemap.xml"))
    listed = {loc.text for loc in sitemap.iter("{*}loc")}
    assert result.broken == [], "\n".join(result.broken[:40])
    assert len(result.pages) > 200, len(result.pages)
    assert listed <= result.pages, sorted(listed - result.pages)[:20]
    assert any("/cards/" in url for url in result.fetched)


@pytest.mark.slow
def test_a_broken_link_stops_the_publish_and_leaves_the_destination(tmp_path: Path) -> None:
    """A link to a missing page fails the strict build: exit 1, destination untouched."""
    project = project_copy(tmp_path)
    about = project / "content" / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\nSee [the plans](https://example.org/tip/no-such-page/).\n",
        encoding="utf-8",
    )
    dest = tmp_path / "www" / "tip"
    dest.mkdir(parents=True)
    (dest / "index.html").write_text("<!doctype html><title>The site as it was</title>\n")
    before = digests(dest)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    run = invoke(
        project,
        "publish",
        "--dest",
        str(dest),
        "--siteurl",
        "https://example.org/tip",
        env={"TMPDIR": str(scratch)},
    )
    assert run.returncode != 0, run.stdout + run.stderr
    assert "Not published: The strict build failed" in run.stderr
    assert "1 problem(s) to fix before publishing:\n- content/pages/about.md:" in run.stderr
    assert "no-such-page" in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert digests(dest) == before
    assert list(scratch.iterdir()) == [], "the fresh build folder was not removed"


@pytest.mark.slow
def test_sigterm_stops_a_publish_deploys_nothing_and_leaves_nothing(tmp_path: Path) -> None:
    """SIGTERM during the strict build: its process ends, its folder goes, nothing deployed."""
    project = project_copy(tmp_path)
    dest = tmp_path / "www" / "tip"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    command = [sys.executable, "-m", "invoke", "--search-root", str(project), "publish"]
    command += ["--dest", str(dest), "--siteurl", "https://example.org/tip"]
    environment = {**os.environ, "TMPDIR": str(scratch)}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment
    )
    end = time.monotonic() + 120
    while time.monotonic() < end and not list(scratch.glob(f"{SCRATCH_PREFIX}*")):
        time.sleep(0.05)
    time.sleep(0.5)  # the strict build is under way
    assert process.poll() is None, "the publish ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    printed = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 130, printed
    assert "Not published: stopped before the end" in printed
    time.sleep(0.5)
    assert processes_naming(scratch) == [], "a process of the publish is still running"
    assert list(scratch.iterdir()) == [], "the scratch build folder was not removed"
    assert not dest.exists()


@pytest.mark.slow
def test_the_checks_stop_what_the_build_lets_through(tmp_path: Path) -> None:
    """A theme's inline style builds without a warning, but the site checks refuse it."""
    project = project_copy(tmp_path)
    template = project / "theme" / "templates" / "page.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text.replace('<div class="prose">', '<div class="prose" style="color: red">'),
        encoding="utf-8",
    )
    dest = tmp_path / "www" / "tip"
    run = invoke(project, "publish", "--dest", str(dest), "--siteurl", "https://example.org/tip")
    assert run.returncode != 0, run.stdout + run.stderr
    assert "The site checks found" in run.stderr
    assert "about/index.html: <div style=...>" in run.stderr
    assert not dest.exists()


# --- End to end: invoke gh-pages and invoke s3 --------------------------------------------


def _git(*args: str) -> str:
    run = subprocess.run(["git", *args], capture_output=True, text=True, check=True)
    return run.stdout


@pytest.mark.slow
def test_gh_pages_commits_the_build_to_a_bare_repository(tmp_path: Path) -> None:
    """invoke gh-pages --remote <bare repo> pushes one commit holding the site and .nojekyll."""
    remote = tmp_path / "remote.git"
    _git("init", "--quiet", "--bare", str(remote))
    run = invoke(
        project_copy(tmp_path),
        "gh-pages",
        "--remote",
        str(remote),
        "--siteurl",
        "https://example.org/tip",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    files = set(_git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {".nojekyll", "index.html", "404.html", "sitemap.xml", "robots.txt"} <= files
    assert any(name.startswith("assets/css/site.") for name in files)
    log = _git("--git-dir", str(remote), "log", "--format=%s", "gh-pages").splitlines()
    assert len(log) == 1 and log[0].startswith("Publish the site built from "), log


@contextlib.contextmanager
def s3_server() -> Iterator[tuple[str, Any]]:
    """Start moto's S3-compatible server on a free port; yield its address and a client.

    moto keeps its buckets in the process, not the server: each test uses its own bucket.
    """
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        yield endpoint, client
    finally:
        server.stop()


S3_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


@pytest.mark.slow
def test_s3_syncs_the_build_with_each_files_headers(tmp_path: Path) -> None:
    """invoke s3 uploads every file with its Content-Type and Cache-Control."""
    with s3_server() as (endpoint, client):
        client.create_bucket(Bucket="tip-site")
        run = invoke(
            project_copy(tmp_path),
            "s3",
            "--bucket",
            "tip-site",
            "--endpoint-url",
            endpoint,
            "--siteurl",
            "https://example.org/tip",
            env=S3_ENV,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        pages = client.get_paginator("list_objects_v2").paginate(Bucket="tip-site")
        keys = {item["Key"] for page in pages for item in page.get("Contents", [])}
        css = next(key for key in keys if key.startswith("assets/css/site."))
        expected = {
            "index.html": ("text/html; charset=utf-8", "public, max-age=300"),
            css: ("text/css; charset=utf-8", "public, max-age=31536000, immutable"),
            "feeds/all.atom.xml": ("application/atom+xml", "public, max-age=900"),
            "sitemap.xml": ("application/xml", "public, max-age=300"),
            "data/tier-placements.csv": ("text/csv; charset=utf-8", "public, max-age=300"),
        }
        for key, (kind, cache) in expected.items():
            head = client.head_object(Bucket="tip-site", Key=key)
            assert (head["ContentType"], head["CacheControl"]) == (kind, cache), key
        sitemap = client.get_object(Bucket="tip-site", Key="sitemap.xml")["Body"].read()
    assert {"404.html", "robots.txt", "_headers", "_redirects"} <= keys
    pages = {
        f"{loc.text.removeprefix('https://example.org/tip/')}index.html".removeprefix("/")
        for loc in etree.fromstring(sitemap).iter("{*}loc")
    }
    assert pages and pages <= keys, sorted(pages - keys)  # every page went up


# --- The deploy modules on small folders -------------------------------------------------


def small_site(root: Path, siteurl: str = "https://example.org/tip") -> Path:
    """Write a three-file site whose page links its stylesheet, under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "site.1234.css").write_text("body { color: black; }\n")
    (root / "index.html").write_text(
        f'<!doctype html><html lang="en"><title>Home</title>'
        f'<link rel="stylesheet" href="{siteurl}/assets/site.1234.css">'
        f'<main id="main-content"><a href="{siteurl}/#main-content">top</a></main></html>\n'
    )
    (root / "feeds").mkdir(exist_ok=True)
    (root / "feeds" / "all.atom.xml").write_text("<feed/>\n")
    return root


def test_checks_accept_a_sound_site(tmp_path: Path) -> None:
    """No problem in a site whose every link resolves and which has no inline code."""
    site = small_site(tmp_path / "site")
    assert check_links(site, "https://example.org/tip") == []
    assert check_inline_code(site) == []


def test_checks_find_each_kind_of_broken_link(tmp_path: Path) -> None:
    """Missing file or fragment, outside the path, share card, refresh, CSS url(), sitemap."""
    site = small_site(tmp_path / "site")
    (site / "bad.html").write_text(
        '<!doctype html><meta http-equiv="refresh" content="0; url=gone/">'
        '<a href="missing/">1</a><a href="index.html#nowhere">2</a>'
        '<a href="https://example.org/elsewhere/">3</a><a href="https://other.org/x">ok</a>'
        '<a href="mailto:a@example.org">ok</a><img src="data:image/png;base64,AA" alt="">'
        '<meta property="og:image" content="https://example.org/tip/cards/none.png">\n'
    )
    (site / "assets" / "site.1234.css").write_text("a { background: url(../img/x.png); }\n")
    (site / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://example.org/tip/lost/</loc></url></urlset>\n"
    )
    problems = check_links(site, "https://example.org/tip")
    assert problems == [
        "bad.html: <a href=missing/> -> missing file missing/index.html",
        "bad.html: <a href=index.html#nowhere> -> no id 'nowhere' in index.html",
        "bad.html: <a href=https://example.org/elsewhere/> -> outside the site "
        "https://example.org/tip",
        "bad.html: <meta og:image=https://example.org/tip/cards/none.png> -> missing file "
        "cards/none.png",
        "bad.html: <meta refresh gone/> -> missing file gone/index.html",
        "assets/site.1234.css: url(../img/x.png) -> missing file img/x.png",
        "sitemap.xml: <loc>https://example.org/tip/lost/</loc> -> missing file lost/index.html",
    ]


def test_checks_find_inline_code_but_allow_json_ld(tmp_path: Path) -> None:
    """Inline script, <style>, style= and on*= are refused; JSON-LD data blocks are not."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><script type="application/ld+json">{"@type": "Thing"}</script>'
        '<script>alert(1)</script><style>p{}</style><p style="x" onclick="y">'
        '<a href="javascript:void(0)">z</a></p>\n'
    )
    assert check_inline_code(site) == [
        "index.html: inline <script>",
        "index.html: <style> element",
        "index.html: <p style=...>",
        "index.html: <p onclick=...>",
        "index.html: <a href=javascript:...>",
    ]


def test_content_types_and_upload_order() -> None:
    """Feeds keep their own XML types, text is UTF-8, pages go up last."""
    assert content_type("news/index.html") == "text/html; charset=utf-8"
    assert content_type("feeds/all.atom.xml") == "application/atom+xml"
    assert content_type("feeds/all.rss.xml") == "application/rss+xml"
    assert content_type("sitemap.xml") == "application/xml"
    assert content_type("assets/fonts/a.1234.woff2") == "font/woff2"
    assert content_type("cards/x.png") == "image/png"
    assert content_type("_headers") == "text/plain; charset=utf-8"
    assert upload_order(["b/index.html", "a.css", "index.html", "z.png"]) == [
        "a.css",
        "z.png",
        "b/index.html",
        "index.html",
    ]


def test_defaults_come_from_the_publish_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """PUBLISH_DEST comes from the environment (publishconf.py); --siteurl sets SITEURL."""
    monkeypatch.setenv("PUBLISH_DEST", "deploy@web1:/var/www/tip")
    settings = load_settings(Project(PROJECT), "https://example.net/tip/")
    assert settings["PUBLISH_DEST"] == "deploy@web1:/var/www/tip"
    assert settings["SITEURL"] == "https://example.net/tip"
    assert settings["PUBLISH_GH_PAGES_BRANCH"] == "gh-pages"


def test_no_destination_fails_before_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --dest or PUBLISH_DEST, publish stops at once, saying what to give."""
    monkeypatch.delenv("PUBLISH_DEST", raising=False)
    lines: list[str] = []
    with pytest.raises(PublishError, match="No destination: give it as a flag, or set PUBLISH"):
        to_folder(Project(PROJECT), None, echo=lines.append)
    assert lines == []


def test_destination_kinds() -> None:
    """user@host:path and host:path are remote; folders are not, colons after a slash neither."""
    assert folder.is_remote("deploy@web1:/var/www/tip")
    assert folder.is_remote("web1:tip")
    assert not folder.is_remote("/var/www/tip")
    assert not folder.is_remote("./odd:name")


def _change_site(site: Path) -> None:
    (site / "assets" / "site.5678.css").write_text("body { color: navy; }\n")
    (site / "assets" / "site.1234.css").unlink()
    (site / "index.html").write_text(
        (site / "index.html").read_text().replace("site.1234.css", "site.5678.css")
    )


@pytest.mark.parametrize("backend", ["rsync", "python"])
def test_folder_sync_copies_changes_only_and_deletes_last(
    tmp_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first sync copies all; a dry run changes nothing; a changed site updates exactly."""
    if backend == "python":
        monkeypatch.setattr(folder.shutil, "which", lambda name: None)
    elif shutil.which("rsync") is None:
        pytest.skip("rsync is not installed (apt-get install rsync)")
    site, dest = small_site(tmp_path / "site"), tmp_path / "www" / "tip"
    lines: list[str] = []
    folder.sync(site, str(dest), dry_run=False, echo=lines.append)
    assert digests(dest) == digests(site)
    assert oct(dest.stat().st_mode & 0o777) == "0o755"
    assert oct((dest / "index.html").stat().st_mode & 0o777) == "0o644"

    _change_site(site)
    before = digests(dest)
    lines.clear()
    folder.sync(site, str(dest), dry_run=True, echo=lines.append)
    assert digests(dest) == before
    shown = "\n".join(lines)
    assert "site.5678.css" in shown and "site.1234.css" in shown and "index.html" in shown

    untouched = dest / "feeds" / "all.atom.xml"
    mtime = untouched.stat().st_mtime_ns
    folder.sync(site, str(dest), dry_run=False, echo=lines.append)
    assert digests(dest) == digests(site)
    assert untouched.stat().st_mtime_ns == mtime, "an unchanged file was copied again"


def test_python_sync_uploads_pages_last_and_deletes_after(tmp_path: Path) -> None:
    """The plan copies the stylesheet before the page that links it, and deletes at the end."""
    site, dest = small_site(tmp_path / "site"), tmp_path / "dest"
    folder.copy_folder(site, dest, dry_run=False, echo=lambda line: None)
    _change_site(site)
    lines: list[str] = []
    plan = folder.copy_folder(site, dest, dry_run=False, echo=lines.append)
    assert plan.upload == ["assets/site.5678.css", "index.html"]
    assert plan.delete == ["assets/site.1234.css"]
    assert lines[:3] == [
        "upload  assets/site.5678.css",
        "upload  index.html",
        "delete  assets/site.1234.css",
    ]


def test_rsync_sends_pages_in_a_second_step_with_deletions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rsync runs twice: everything but pages, then all with --delete-after."""
    calls: list[list[str]] = []

    def fake_run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(folder.subprocess, "run", fake_run)
    folder.rsync(tmp_path, "deploy@web1:/var/www/tip", dry_run=False, echo=lambda line: None)
    assert len(calls) == 2
    assert "--exclude=*.html" in calls[0] and "--delete-after" not in calls[0]
    assert "--delete-after" in calls[1] and "--exclude=*.html" not in calls[1]
    assert calls[1][-2:] == [f"{tmp_path}/", "deploy@web1:/var/www/tip/"]
    calls.clear()
    folder.rsync(tmp_path, "deploy@web1:/var/www/tip", dry_run=True, echo=lambda line: None)
    assert len(calls) == 1 and "--dry-run" in calls[0]


def test_gh_pages_makes_no_commit_without_a_change(tmp_path: Path) -> None:
    """Same build: no commit; a dry run: no commit; a changed build: one more, old files gone."""
    remote = tmp_path / "remote.git"
    _git("init", "--quiet", "--bare", str(remote))
    site = small_site(tmp_path / "site")
    quiet = {"project": tmp_path, "echo": lambda line: None}

    def commits() -> int:
        return len(_git("--git-dir", str(remote), "log", "--format=%H", "gh-pages").split())

    assert publish_branch(site, str(remote), "gh-pages", dry_run=False, **quiet)
    assert commits() == 1
    assert not publish_branch(site, str(remote), "gh-pages", dry_run=False, **quiet)
    _change_site(site)
    assert publish_branch(site, str(remote), "gh-pages", dry_run=True, **quiet)
    assert commits() == 1
    assert publish_branch(site, str(remote), "gh-pages", dry_run=False, **quiet)
    assert commits() == 2
    files = _git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert sorted(files) == [
        ".nojekyll",
        "assets/site.5678.css",
        "feeds/all.atom.xml",
        "index.html",
    ]


def test_bucket_sync_uploads_changes_only_and_deletes_last(tmp_path: Path) -> None:
    """First sync uploads all (pages last); a dry run changes nothing; then only the change."""
    site = small_site(tmp_path / "site")
    quiet = {"rules": RULES, "echo": lambda line: None}
    with s3_server() as (_, client):
        client.create_bucket(Bucket="small-site")
        first = sync_bucket(site, "small-site", client=client, prefix="tip", dry_run=False, **quiet)
        assert [f.path for f in first.upload] == [f.path for f in site_files(site, RULES)]
        assert first.upload[-1].path == "index.html"

        _change_site(site)
        dry = sync_bucket(site, "small-site", client=client, prefix="tip", dry_run=True, **quiet)
        assert [f.path for f in dry.upload] == ["assets/site.5678.css", "index.html"]
        assert dry.delete == ["tip/assets/site.1234.css"]
        listed = client.list_objects_v2(Bucket="small-site")["Contents"]
        assert "tip/assets/site.1234.css" in {item["Key"] for item in listed}

        sync_bucket(site, "small-site", client=client, prefix="tip", dry_run=False, **quiet)
        keys = {item["Key"] for item in client.list_objects_v2(Bucket="small-site")["Contents"]}
        assert keys == {"tip/assets/site.5678.css", "tip/feeds/all.atom.xml", "tip/index.html"}
        again = sync_bucket(site, "small-site", client=client, prefix="tip", dry_run=False, **quiet)
        assert again.upload == [] and again.delete == []
