"""Deploy the site: a strict build into a fresh folder, the site checks, then one host.

Plain modules that ``tasks.py`` calls (``invoke publish``, ``invoke gh-pages``,
``invoke s3``); a failed build or check raises :class:`PublishError` and nothing is deployed.

- :mod:`.strict`: builds that list every warning (the strict build runs it as a process);
- :mod:`.pipeline`: the strict build into a scratch folder (:mod:`.scratch`), checked;
- :mod:`.checks`: links and fragments, inline code (CSP), HTML validity (vnu.jar);
- :mod:`.folder`: rsync to a folder or user@host:path (a Python copy without rsync);
- :mod:`.ghpages`: a commit on the gh-pages branch of a git remote, from a temporary clone;
- :mod:`.s3`: a bucket of any S3-compatible store, with each file's headers (:mod:`.files`);
- :mod:`.commands`: the three deploys, with their defaults (:mod:`.settings`).
"""

from __future__ import annotations

from .commands import to_folder, to_gh_pages, to_s3
from .pipeline import Project, PublishError

__all__ = ["Project", "PublishError", "to_folder", "to_gh_pages", "to_s3"]
