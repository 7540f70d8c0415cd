"""Tasks for writers and publishers (``invoke --list``): build, preview, scaffold, check, test.

The names follow Pelican's quickstart where they exist. Every full build writes into a
fresh folder and replaces ``output/`` only when it succeeds, so a failed build never
leaves a broken site behind.
"""

from __future__ import annotations

import datetime
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
    """Make a strict publish build in a scratch folder: every warning is an error."""
    with tempfile.TemporaryDirectory(prefix="tip-check-") as scratch:
        _pelican(c, CONFIG["settings_publish"], Path(scratch), "--fatal", "warnings")
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


@task
def livereload(c):
    """Build, serve at http://localhost:8000, and rebuild and reload on every change."""
    from livereload import Server

    def rebuild_in_place() -> None:
        # In place (not atomic) so that an edit shows within a second or two.
        output = ROOT / CONFIG["output"]
        c.run(
            f"{PELICAN} {CONFIG['content']} -s {CONFIG['settings_base']} -o {output}",
            warn=True,
        )

    rebuild_in_place()
    server = Server()
    watched = [CONFIG["content"], "theme", "plugins", CONFIG["settings_base"]]
    for path in watched:
        target = f"{path}/**/*" if (ROOT / path).is_dir() else path
        server.watch(str(ROOT / target), rebuild_in_place)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=str(ROOT / CONFIG["output"]))


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
