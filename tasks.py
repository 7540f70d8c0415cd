"""Tasks for writers and publishers (``invoke --list``): build, preview, scaffold, check, test.

The names follow Pelican's quickstart where they exist. Every build writes into a fresh
folder first and then updates ``output/`` with the files that changed, only when it
succeeds: a failed build never leaves a broken site behind, and an unchanged file keeps its
date (``preview/``).
"""

from __future__ import annotations

import datetime
import faulthandler
import json
import logging
import shlex
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import Exit, task

from plugins.content_checks.scaffold import ScaffoldExistsError, write_campaign, write_post

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "content": "content",
    "news": "content/news",
    "campaigns": "content/campaigns",
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "output": "output",
    "host": "localhost",
    "port": 8000,
}
PELICAN = f"{shlex.quote(sys.executable)} -m pelican"


def _start_logging() -> None:
    """Show Pelican's messages as its command does, and stop cleanly on SIGTERM."""
    from pelican.log import init

    init(level=logging.WARNING)
    # A KeyboardInterrupt unwinds the build, so its fresh folder is removed on the way out.
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def _build(settings: str, **overrides: object) -> None:
    """Build into a fresh folder, in this process; then update ``output/`` with what changed."""
    from deploy.strict import STOPPED, pelican_in_process
    from preview.builds import fresh_folder, signals_held, update

    _start_logging()
    output = ROOT / CONFIG["output"]
    started = time.perf_counter()
    changed = None
    try:
        with fresh_folder(output) as fresh:
            overrides = {
                "OUTPUT_PATH": str(fresh),
                "SEARCH_PREVIOUS_OUTPUT": str(output),
                **overrides,
            }
            problems = pelican_in_process(ROOT, ROOT / settings, overrides)
            stopped = [problem for problem in problems if problem.startswith(STOPPED)]
            if stopped:
                raise Exit(f"{stopped[0]}. output/ was left as it was.", code=1)
            with signals_held():  # output/ is updated whole or not at all
                changed = update(output, fresh)
    except KeyboardInterrupt:
        done = "output/ was left as it was" if changed is None else "output/ is up to date"
        raise Exit(f"Build stopped; {done}.", code=130) from None
    seconds = time.perf_counter() - started
    print(f"Built in {seconds:.1f} s; {changed} file(s) of output/ changed.")


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(ROOT / CONFIG["output"], ignore_errors=True)


@task
def build(c):
    """Build the local preview site into output/ (relative URLs, drafts shown)."""
    _build(CONFIG["settings_base"])


@task(pre=[clean])
def rebuild(c):
    """Remove output/ and build the preview site again."""
    build(c)


@task
def preview(c):
    """Build the site with the publish settings into output/ ($SITEURL, no drafts)."""
    _build(CONFIG["settings_publish"])


@task
def check(c):
    """Build with the publish settings in a scratch folder; list every problem, fail on any."""
    from deploy.strict import pelican_in_process, problem_list

    _start_logging()
    with tempfile.TemporaryDirectory(prefix="tip-check-") as scratch:
        problems = pelican_in_process(
            ROOT, ROOT / CONFIG["settings_publish"], {"OUTPUT_PATH": scratch}
        )
    if problems:
        print(f"\n{problem_list(problems)}", file=sys.stderr)
        raise Exit(code=1)
    print("Check passed: the site builds with no warning.")


@task
def serve(c):
    """Serve output/ at http://localhost:8000 (build first)."""
    with c.cd(str(ROOT)):
        c.run(
            f"{PELICAN} --listen -o {shlex.quote(CONFIG['output'])} "
            f"-b {CONFIG['host']} -p {CONFIG['port']}",
            pty=False,
        )


@task(help={"port": "The port to serve on (default 8000)", "host": "The address to serve on"})
def livereload(c, port=CONFIG["port"], host=CONFIG["host"]):
    """Build, serve at http://localhost:8000, and rebuild and reload on every change."""
    from watchfiles import watch

    from preview.live import LiveBuilder
    from preview.server import PreviewServer

    # Ctrl-C stops it even when started with SIGINT ignored (by `cmd &` in a script, where
    # Python then leaves it ignored); kill -USR1 <pid> prints where every thread is.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    _start_logging()
    output = ROOT / CONFIG["output"]
    output.mkdir(exist_ok=True)
    server = PreviewServer(output, host, int(port))
    siteurl = f"http://{host}:{server.port}"
    builder = LiveBuilder(ROOT, ROOT / CONFIG["settings_base"], output, siteurl, server.reload)
    builder.first_build()
    server.start()
    print(f"Serving {siteurl}/ and rebuilding on every change; Ctrl-C stops.", flush=True)
    watched = [ROOT / CONFIG["content"], ROOT / "theme", ROOT / "plugins", ROOT / "pelicanconf.py"]
    try:
        for changes in watch(*watched, debounce=50, step=20):
            builder.changed({Path(path) for _, path in changes})
    except KeyboardInterrupt:
        pass
    finally:
        builder.stop()
        server.stop()


def _site_now() -> datetime.datetime:
    """Return the time now in the site's TIMEZONE, the zone its dates are read in."""
    from pelican.settings import read_settings

    zone = read_settings(str(ROOT / CONFIG["settings_base"]))["TIMEZONE"]
    return datetime.datetime.now(ZoneInfo(zone))


@task(help={"title": "The post's title, in quotes", "category": "Its news category"})
def new_post(c, title, category="Stories"):
    """Scaffold content/news/<date>-<slug>.md with every field explained (never overwrites)."""
    try:
        path = write_post(ROOT / CONFIG["news"], title, category, _site_now())
    except ScaffoldExistsError as error:
        raise Exit(str(error), code=1) from None
    print(f"Created {path.relative_to(ROOT)}: fill it in, then set Status: published.")


@task(help={"title": "The campaign's title, in quotes", "days": "How many days it runs"})
def new_campaign(c, title, days=30):
    """Scaffold content/campaigns/<slug>.md from today, every field explained (no overwrite)."""
    try:
        path = write_campaign(ROOT / CONFIG["campaigns"], title, _site_now().date(), int(days))
    except ScaffoldExistsError as error:
        raise Exit(str(error), code=1) from None
    print(f"Created {path.relative_to(ROOT)}: fill it in, then set Status: published.")


def _install_node_tools(c) -> None:
    """Install the Node tools pinned in package.json (HTML checker, axe-core) if one is missing."""
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    installed = ROOT / "node_modules" / ".package-lock.json"
    stale = not installed.is_file() or (
        installed.stat().st_mtime < (ROOT / "package-lock.json").stat().st_mtime
    )
    if stale or not all((ROOT / "node_modules" / name).is_dir() for name in wanted):
        with c.cd(str(ROOT)):
            # --ignore-scripts: vnu-jar's postinstall may download a Java; we use the system one.
            c.run("npm ci --ignore-scripts --no-audit --no-fund")


@task
def test(c):
    """Run the whole test suite (installs the pinned Node tools from npm on first use)."""
    _install_node_tools(c)
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)


@task
def icons(c):
    """Redraw the favicon and app icons (theme/static/img/icons/) from the share cards' mark."""
    from plugins.share_cards.icons import ICONS_DIR, write_icons

    static = ROOT / "theme" / "static"
    for path in write_icons(static / ICONS_DIR, static / "css" / "site.css"):
        print(path.relative_to(ROOT))


@task
def lint(c):
    """Check code style with ruff."""
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(sys.executable)} -m ruff check .")
        c.run(f"{shlex.quote(sys.executable)} -m ruff format --check .")


# --- Deploy: a strict build into a fresh folder, the site checks, then one host --------------
# Each task only reads its flags; the work is in deploy/ (see docs/hosting.md). A failed build
# or check exits non-zero and deploys nothing; --dry-run shows what would change.

_SITEURL_HELP = "The address the site is served from (default: $SITEURL, else publishconf.py's)"
_DRY_RUN_HELP = "Build and check, then only show what would change"
STOPPED_DEPLOY = (
    "Not published: stopped before the end. If the upload had begun, the site has some of "
    "the new files and all of the old ones (deletions come last); publish again to finish."
)


def _deploy(c, run) -> None:
    """Run one deploy; turn its refusal into a one-line error and a non-zero exit.

    SIGTERM stops it as Ctrl-C does: the strict build's process is ended, its scratch folder
    removed, and nothing is deployed.
    """
    from deploy import PublishError

    _install_node_tools(c)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        run()
    except PublishError as error:
        raise Exit(f"Not published: {error}", code=1) from None
    except KeyboardInterrupt:
        raise Exit(STOPPED_DEPLOY, code=130) from None


@task(
    help={
        "dest": "A folder or user@host:path (default: PUBLISH_DEST)",
        "siteurl": _SITEURL_HELP,
        "dry_run": _DRY_RUN_HELP,
    }
)
def publish(c, dest="", siteurl="", dry_run=False):
    """Build strictly, check, and rsync the site to DEST: new files first, deletions last."""
    from deploy import Project, to_folder

    _deploy(
        c, lambda: to_folder(Project(ROOT), dest or None, siteurl=siteurl or None, dry_run=dry_run)
    )


@task(
    name="gh-pages",
    help={
        "remote": "A remote of this repository, or a git URL or path (default: origin)",
        "branch": "The branch to commit to (default: gh-pages)",
        "siteurl": _SITEURL_HELP,
        "dry_run": _DRY_RUN_HELP,
    },
)
def gh_pages(c, remote="", branch="", siteurl="", dry_run=False):
    """Build strictly, check, and commit the site to the gh-pages branch of a git remote."""
    from deploy import Project, to_gh_pages

    _deploy(
        c,
        lambda: to_gh_pages(
            Project(ROOT), remote or None, branch or None, siteurl=siteurl or None, dry_run=dry_run
        ),
    )


@task(
    help={
        "bucket": "The bucket's name (default: PUBLISH_S3_BUCKET)",
        "prefix": "A folder in the bucket (default: PUBLISH_S3_PREFIX, the bucket's root)",
        "endpoint_url": "An S3-compatible store's address (default: AWS, or $AWS_ENDPOINT_URL)",
        "region": "The bucket's region (default: the SDK's own)",
        "siteurl": _SITEURL_HELP,
        "dry_run": _DRY_RUN_HELP,
    }
)
def s3(c, bucket="", prefix="", endpoint_url="", region="", siteurl="", dry_run=False):
    """Build strictly, check, and sync the site to an S3 bucket with each file's headers."""
    from deploy import Project, to_s3

    _deploy(
        c,
        lambda: to_s3(
            Project(ROOT),
            bucket or None,
            prefix=prefix or None,
            endpoint_url=endpoint_url or None,
            region=region or None,
            siteurl=siteurl or None,
            dry_run=dry_run,
        ),
    )


@task
def i18n(c):
    """Extract the messages of the theme, plugins and settings; update each language's .po."""
    from pelican.settings import read_settings

    from plugins._common.i18n import CATALOGS, SOURCE_LANGUAGE
    from plugins.i18n.catalogs import update

    languages = read_settings(str(ROOT / CONFIG["settings_base"])).get("LANGUAGES", [])
    wanted = [lang for lang in languages if lang != SOURCE_LANGUAGE]
    for line in update(ROOT, ROOT / "babel.cfg", ROOT / CATALOGS, wanted):
        print(line)
    print('Translate the messages marked to do (msgstr "" or #, fuzzy), then build.')
