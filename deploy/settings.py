"""Defaults of the deploy settings, read with the publish settings (publishconf.py may set them).

A task's flag wins over the setting, and the setting over these defaults.
"""

from __future__ import annotations

DEFAULTS = {
    "PUBLISH_DEST": "",  # rsync destination: a folder or user@host:path
    "PUBLISH_GH_PAGES_REMOTE": "origin",  # a remote of this repository, or a URL or path
    "PUBLISH_GH_PAGES_BRANCH": "gh-pages",
    "PUBLISH_S3_BUCKET": "",
    "PUBLISH_S3_PREFIX": "",  # a folder in the bucket ("" for its root)
    "PUBLISH_S3_ENDPOINT_URL": "",  # any S3-compatible store; "" for AWS (or $AWS_ENDPOINT_URL)
    "PUBLISH_S3_REGION": "",  # "" for the SDK's own ($AWS_DEFAULT_REGION, ~/.aws/config)
}
