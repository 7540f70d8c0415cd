"""Tasks for writers and publishers (``invoke --list``): build, preview, scaffold, check, test.

The names follow Pelican's quickstart where they exist. Every full build writes into a
fresh folder and replaces ``output/`` only when it succeeds, so a failed build never
leaves a broken site behind.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from invoke import Context, Exit, task

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


def _pelican(c: Context, settings: str, output: Path, *options: str) -> None:
    """Run one Pelican build of the content into ``output``."""
    args = [CONFIG["content"], "-s", settings, "-o", str(output), *options]
    with c.cd(str(ROOT)):
        c.run(f"{PELICAN} {shlex.join(args)}")


def _build_atomically(c: Context, settings: str, *options: str) -> None:
    """Build into a fresh folder, then swap it in place of ``output/``."""
    output = ROOT / CONFIG["output"]
    fresh = Path(tempfile.mkdtemp(prefix=".output-", dir=ROOT))
    try:
        _pelican(c, settings, fresh, *options)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    fresh.chmod(0o755)
    old = output.with_name(f".output-old-{fresh.name}")
    if output.exists():
        output.rename(old)
    fresh.rename(output)
    shutil.rmtree(old, ignore_errors=True)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(ROOT / CONFIG["output"], ignore_errors=True)


@task
def build(c):
    """Build the local preview site into output/ (relative URLs, drafts shown)."""
    _build_atomically(c, CONFIG["settings_base"])


@task(pre=[clean])
def rebuild(c):
    """Remove output/ and build the preview site again."""
    build(c)


@task
def preview(c):
    """Build the site with the publish settings into output/ ($SITEURL, no drafts)."""
    _build_atomically(c, CONFIG["settings_publish"])


@task
def check(c):
    """Build with the publish settings in a scratch folder; list every problem, fail on any."""
    with tempfile.TemporaryDirectory(prefix="tip-check-") as scratch:
        problems = _problems_of_build(ROOT / CONFIG["settings_publish"], Path(scratch))
    if problems:
        print(f"\n{len(problems)} problem(s) to fix before publishing:", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        raise Exit(code=1)
    print("Check passed: the site builds with no warning.")


def _problems_of_build(settings_file: Path, output: Path) -> list[str]:
    """Build once, in this process, and return every warning and error it logged.

    Unlike ``pelican --fatal warnings``, which stops at the first, this lists them all.
    """
    from pelican import Pelican
    from pelican.log import LimitFilter, init
    from pelican.settings import read_settings

    init(level=logging.WARNING)
    LimitFilter._raised_messages = set()
    collected: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: collected.append(record.getMessage())
    logging.getLogger().addHandler(handler)
    try:
        with contextlib.chdir(ROOT):
            settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(output)})
            Pelican(settings).run()
    except (Exception, SystemExit) as error:
        collected.append(f"the build stopped: {error}")
    finally:
        logging.getLogger().removeHandler(handler)
    return collected


@task
def serve(c):
    """Serve output/ at http://localhost:8000 (build first)."""
    with c.cd(str(ROOT)):
        c.run(
            f"{PELICAN} --listen -o {shlex.quote(CONFIG['output'])} "
            f"-b {CONFIG['host']} -p {CONFIG['port']}",
            pty=False,
        )


@task
def livereload(c):
    """Build, serve at http://localhost:8000, and rebuild and reload on every change."""
    from livereload import Server

    server = Server()
    rebuild = _in_process_builder(ROOT / CONFIG["settings_base"], ROOT / CONFIG["output"])
    rebuild()
    for path in [CONFIG["content"], "theme", "plugins", CONFIG["settings_base"]]:
        target = f"{path}/**/*" if (ROOT / path).is_dir() else path
        server.watch(str(ROOT / target), rebuild)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=str(ROOT / CONFIG["output"]))


def _in_process_builder(settings_file: Path, output: Path):
    """Return a function that rebuilds the preview in place, in this process.

    No new Python per edit, so an edit shows in a second or two. A failed build is logged
    and the previous pages stay; the server keeps running.
    """
    from pelican import Pelican
    from pelican.log import LimitFilter, init
    from pelican.settings import read_settings

    init(level=logging.WARNING)

    def rebuild() -> None:
        LimitFilter._raised_messages = set()  # show a repeated warning on every build
        settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(output)})
        with contextlib.chdir(ROOT):
            try:
                Pelican(settings).run()
            except (Exception, SystemExit) as error:
                logging.getLogger("tasks").error("The preview was not rebuilt: %s", error)

    return rebuild


@task(help={"title": "The post's title, in quotes", "category": "Its news category"})
def new_post(c, title, category="Stories"):
    """Scaffold content/news/<date>-<slug>.md with every field explained (never overwrites)."""
    try:
        path = write_post(ROOT / CONFIG["news"], title, category, datetime.datetime.now())
    except ScaffoldExistsError as error:
        raise Exit(str(error), code=1) from None
    print(f"Created {path.relative_to(ROOT)}: fill it in, then set Status: published.")


@task(help={"title": "The campaign's title, in quotes", "days": "How many days it runs"})
def new_campaign(c, title, days=30):
    """Scaffold content/campaigns/<slug>.md from today, every field explained (no overwrite)."""
    try:
        path = write_campaign(ROOT / CONFIG["campaigns"], title, datetime.date.today(), int(days))
    except ScaffoldExistsError as error:
        raise Exit(str(error), code=1) from None
    print(f"Created {path.relative_to(ROOT)}: fill it in, then set Status: published.")


@task
def test(c):
    """Run the whole test suite (installs the HTML checker from npm on first use)."""
    with c.cd(str(ROOT)):
        if not (ROOT / "node_modules" / "vnu-jar").is_dir():
            # --ignore-scripts: vnu-jar's postinstall may download a Java; we use the system one.
            c.run("npm ci --ignore-scripts --no-audit --no-fund")
        c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)


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


def _deploy(run) -> None:
    """Run one deploy; turn its refusal into a one-line error and a non-zero exit."""
    from deploy import PublishError

    try:
        run()
    except PublishError as error:
        raise Exit(f"Not published: {error}", code=1) from None


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
        lambda: to_folder(Project(ROOT), dest or None, siteurl=siteurl or None, dry_run=dry_run)
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
        lambda: to_gh_pages(
            Project(ROOT), remote or None, branch or None, siteurl=siteurl or None, dry_run=dry_run
        )
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
        lambda: to_s3(
            Project(ROOT),
            bucket or None,
            prefix=prefix or None,
            endpoint_url=endpoint_url or None,
            region=region or None,
            siteurl=siteurl or None,
            dry_run=dry_run,
        )
    )
