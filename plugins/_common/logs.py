"""Reset Pelican's log filter between builds that run in one process.

Pelican's ``LimitFilter`` lets a message through once per process and then hides it, so a
second build (live reload, ``invoke check``, the tests) would not repeat a warning the writer
still has to fix. Pelican's own tests reset it the same way.
"""

from __future__ import annotations

from collections import defaultdict

from pelican.log import LimitFilter


def reset_log_filter() -> None:
    """Forget every message the filter has seen, so the next build reports its own."""
    LimitFilter._ignore = set()
    LimitFilter._raised_messages = set()
    LimitFilter._threshold = 5
    LimitFilter._group_count = defaultdict(int)
