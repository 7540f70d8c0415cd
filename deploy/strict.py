"""Builds that list every problem: ``invoke check``, the previews, and a publish's strict build.

Pelican's own strict mode (``--fatal warnings``) stops at the first warning, with a
traceback. :func:`pelican_in_process` lets the build run to its end and returns every
warning and error it logged; a publish runs it in a process of its own
(``python -m deploy.strict``), so each publish starts from fresh settings and modules.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from plugins._common.logs import reset_log_filter
from plugins._common.workers import stop_all as stop_workers

STOPPED = "the build stopped"  # how an exception that ended a build is listed


def pelican_in_process(root: Path, settings_file: Path, overrides: Mapping[str, Any]) -> list[str]:
    """Build once in this process; return every warning and error it logged.

    An exception that ends the build is one more line (``the build stopped: ...``), not a
    traceback.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    reset_log_filter()
    collected: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: collected.append(record.getMessage())
    logging.getLogger().addHandler(handler)
    try:
        with contextlib.chdir(root):
            settings = read_settings(str(settings_file), override=dict(overrides))
            Pelican(settings).run()
    except (Exception, SystemExit) as error:
        if not isinstance(error, SystemExit) or error.code not in (0, None):
            collected.append(f"{STOPPED}: {error}")
    finally:
        stop_workers()  # a build stopped by Ctrl-C or SIGTERM leaves no worker running
        logging.getLogger().removeHandler(handler)
    return collected


def problem_list(problems: list[str]) -> str:
    """Return the problems as the list a writer fixes them from."""
    lines = [f"{len(problems)} problem(s) to fix before publishing:"]
    return "\n".join(lines + [f"- {problem}" for problem in problems])


def main(argv: list[str] | None = None) -> int:
    """Build strictly: exit 1, after listing them, if the build logged any problem."""
    parser = argparse.ArgumentParser(prog="python -m deploy.strict", description=__doc__)
    parser.add_argument("settings", help="the settings file, such as publishconf.py")
    parser.add_argument("output", help="the folder to build into")
    parser.add_argument("--content", default="content", help="the content folder")
    args = parser.parse_args(argv)
    from pelican.log import init

    init(level=logging.WARNING)
    overrides = {"PATH": args.content, "OUTPUT_PATH": str(Path(args.output).resolve())}
    problems = pelican_in_process(Path.cwd(), Path(args.settings), overrides)
    if problems:
        print(f"\n{problem_list(problems)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
