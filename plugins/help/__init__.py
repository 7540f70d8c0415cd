"""Get Help: the numbers a victim or a witness can call, with the sources that state them.

Adds the template global ``GET_HELP`` (:class:`~.model.Help`: the lines, the advice and the
numbered sources, read once from the settings) and the filters ``tel_uri`` (``"1-888-373-7888"
| tel_uri`` is ``tel:+18883737888``), which the theme's ``components/phone.html`` uses for every
number it shows, and ``link_phones`` (plain text to HTML with each number a ``tel:`` link, for
text fields such as a campaign's call to action), as the markup plugin does in Markdown. The
theme renders the ``get-help/`` page and the call-out near the top of every page from
``GET_HELP``.

A mistake in the settings (a line without a number, a fact citing an unknown source) is logged
as an error naming the setting and the fix, and ``GET_HELP`` is then empty.

Signals: ``initialized``, ``generator_init``, ``page_generator_finalized`` (a missing Get Help
page is an error: every call-out links it).
Settings read: ``HELP_LINES`` ([]), ``HELP_ADVICE`` ([]) and ``HELP_SOURCES`` ({}), documented
in pelicanconf.py, and ``HELP_PAGE_URL`` ("get-help/": where the page with Template: get_help
is).
"""

from __future__ import annotations

import logging

from pelican import signals

from plugins._common.text import link_phones, tel_uri

from .model import Help, HelpSettingsError, read_help

log = logging.getLogger(__name__)
_MODEL = "HELP_MODEL"  # the settings key the model is kept under for the build's generators


def start(pelican) -> None:
    """Read the ``HELP_*`` settings into the model once per build."""
    try:
        pelican.settings[_MODEL] = read_help(pelican.settings)
    except HelpSettingsError as error:
        log.error("pelicanconf.py: %s", error)
        pelican.settings[_MODEL] = Help((), (), ())


def add_template_functions(generator) -> None:
    """Give the generator's templates ``GET_HELP`` and the ``tel_uri`` filter."""
    generator.env.globals["GET_HELP"] = generator.settings.get(_MODEL) or read_help({})
    generator.env.filters["tel_uri"] = tel_uri
    generator.env.filters["link_phones"] = link_phones


def check_page(generator) -> None:
    """Report lines without the page every call-out links to."""
    model: Help | None = generator.settings.get(_MODEL)
    if model is None or not model.lines:
        return
    # A language's sub-site without its own Get Help page links the English one (languages)
    pages = [*generator.pages, *generator.translations]
    if not any(page.url == model.url or page.url.endswith(f"/{model.url}") for page in pages):
        log.error(
            "no page is at %s, which the Get Help call-out on every page links. Fix: add "
            "content/pages/get-help.md with Template: get_help (see docs/writing.md), or set "
            "HELP_LINES = [] to show no call-out",
            model.url,
        )


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_functions)
    signals.page_generator_finalized.connect(check_page)
