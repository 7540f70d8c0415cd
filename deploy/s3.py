"""Sync a build to a bucket of any S3-compatible store, with each file's headers.

Each object gets the Content-Type and Cache-Control of :mod:`deploy.files`. Objects are
compared by MD5 (the ETag of a single-part upload), so only new and changed files go up,
pages last; objects the build no longer has are deleted at the end. The endpoint, region and
credentials come from the flags or the SDK's usual sources (``AWS_ACCESS_KEY_ID``,
``AWS_ENDPOINT_URL``, ``~/.aws``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import SiteFile, site_files
from .pipeline import PublishError

Echo = Callable[[str], None]
DELETE_BATCH = 1000  # the most keys one DeleteObjects request takes


@dataclass
class S3Plan:
    """What a sync changes: files to upload (pages last) and keys to delete."""

    upload: list[SiteFile] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)


def make_client(endpoint_url: str = "", region: str = "") -> Any:
    """Return an S3 client (boto3), for AWS or the S3-compatible store at ``endpoint_url``."""
    try:
        import boto3
    except ImportError:
        raise PublishError("boto3 is not installed: pip install -r requirements.txt") from None
    return boto3.client("s3", endpoint_url=endpoint_url or None, region_name=region or None)


def _key(prefix: str, path: str) -> str:
    return f"{prefix.strip('/')}/{path}" if prefix.strip("/") else path


def remote_etags(client: Any, bucket: str, prefix: str) -> dict[str, str]:
    """Return the ETag (without quotes) of every object under ``prefix``."""
    found: dict[str, str] = {}
    start = f"{prefix.strip('/')}/" if prefix.strip("/") else ""
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=start):
            for item in page.get("Contents", []):
                found[item["Key"]] = str(item.get("ETag", "")).strip('"')
    except Exception as error:  # botocore's errors: no bucket, no access, no network
        raise PublishError(f"cannot list the bucket {bucket!r}: {error}") from error
    return found


def plan_sync(files: Sequence[SiteFile], remote: dict[str, str], prefix: str) -> S3Plan:
    """Return the uploads (new or changed content) and deletions that make the bucket the build."""
    plan = S3Plan()
    for site_file in files:
        md5 = hashlib.md5(site_file.file.read_bytes(), usedforsecurity=False).hexdigest()
        if remote.get(_key(prefix, site_file.path)) != md5:
            plan.upload.append(site_file)
    wanted = {_key(prefix, f.path) for f in files}
    plan.delete = sorted(key for key in remote if key not in wanted)
    return plan


def sync_bucket(
    source: Path,
    bucket: str,
    *,
    rules: Sequence[Sequence[str]],
    prefix: str = "",
    client: Any,
    dry_run: bool,
    echo: Echo = print,
) -> S3Plan:
    """Upload what changed (pages last), then delete what the build no longer has."""
    plan = plan_sync(site_files(source, rules), remote_etags(client, bucket, prefix), prefix)
    for item in plan.upload:
        echo(f"upload  {_key(prefix, item.path)}  ({item.content_type}; {item.cache_control})")
    for key in plan.delete:
        echo(f"delete  {key}")
    echo(f"{len(plan.upload)} to upload, {len(plan.delete)} to delete in s3://{bucket}")
    if dry_run:
        echo("Dry run: nothing uploaded or deleted.")
        return plan
    try:
        for item in plan.upload:
            client.put_object(
                Bucket=bucket,
                Key=_key(prefix, item.path),
                Body=item.file.read_bytes(),
                ContentType=item.content_type,
                CacheControl=item.cache_control,
            )
        for start in range(0, len(plan.delete), DELETE_BATCH):
            batch = plan.delete[start : start + DELETE_BATCH]
            client.delete_objects(
                Bucket=bucket,
                Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True},
            )
    except Exception as error:  # botocore's errors
        raise PublishError(f"the upload to s3://{bucket} stopped: {error}") from error
    echo(f"Synced s3://{bucket}/{prefix.strip('/')}")
    return plan
