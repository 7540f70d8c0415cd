"""The three deploys the tasks offer: each a checked build, then one host.

Every function resolves its destination first (a flag, else the publish settings), so a
missing one fails before the build; then :func:`~deploy.pipeline.checked_build` makes and
checks the site, and only a site that passed goes out.
"""

from __future__ import annotations

from .folder import sync
from .ghpages import publish_branch
from .pipeline import Echo, Project, PublishError, checked_build, load_settings
from .s3 import make_client, sync_bucket


def _choose(flag: str | None, settings: dict, name: str, what: str) -> str:
    value = flag or str(settings.get(name) or "")
    if not value:
        raise PublishError(f"No {what}: give it as a flag, or set {name} (publishconf.py).")
    return value


def to_folder(
    project: Project,
    dest: str | None = None,
    *,
    siteurl: str | None = None,
    dry_run: bool = False,
    echo: Echo = print,
) -> None:
    """Deploy to a folder or user@host:path (rsync; PUBLISH_DEST by default)."""
    target = _choose(dest, load_settings(project, siteurl), "PUBLISH_DEST", "destination")
    with checked_build(project, siteurl, echo) as site:
        echo(f"{'Dry run: would sync' if dry_run else 'Syncing'} {site.siteurl} to {target}")
        sync(site.output, target, dry_run=dry_run, echo=echo)
    echo("Dry run done: nothing was changed." if dry_run else f"Published to {target}.")


def to_gh_pages(
    project: Project,
    remote: str | None = None,
    branch: str | None = None,
    *,
    siteurl: str | None = None,
    dry_run: bool = False,
    echo: Echo = print,
) -> None:
    """Deploy to the gh-pages branch of a git remote (origin by default)."""
    settings = load_settings(project, siteurl)
    remote = _choose(remote, settings, "PUBLISH_GH_PAGES_REMOTE", "git remote")
    branch = _choose(branch, settings, "PUBLISH_GH_PAGES_BRANCH", "branch")
    with checked_build(project, siteurl, echo) as site:
        publish_branch(
            site.output, remote, branch, project=project.root, dry_run=dry_run, echo=echo
        )


def to_s3(
    project: Project,
    bucket: str | None = None,
    *,
    prefix: str | None = None,
    endpoint_url: str | None = None,
    region: str | None = None,
    siteurl: str | None = None,
    dry_run: bool = False,
    echo: Echo = print,
) -> None:
    """Deploy to a bucket of an S3-compatible store, with Content-Type and Cache-Control."""
    from plugins.seo.settings import DEFAULTS as SEO_DEFAULTS

    settings = load_settings(project, siteurl)
    bucket = _choose(bucket, settings, "PUBLISH_S3_BUCKET", "bucket")
    client = make_client(
        endpoint_url or settings["PUBLISH_S3_ENDPOINT_URL"], region or settings["PUBLISH_S3_REGION"]
    )
    rules = settings.get("SEO_CACHE_CONTROL") or SEO_DEFAULTS["SEO_CACHE_CONTROL"]
    with checked_build(project, siteurl, echo) as site:
        sync_bucket(
            site.output,
            bucket,
            rules=rules,
            prefix=prefix if prefix is not None else settings["PUBLISH_S3_PREFIX"],
            client=client,
            dry_run=dry_run,
            echo=echo,
        )
