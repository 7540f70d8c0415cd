"""The theme's words in the build's language: gettext for the templates, CLDR's formats.

Adds Jinja's i18n extension to every generator's templates, with the build language's
catalog (:func:`plugins._common.i18n.translations`: ``theme/translations/<lang>/LC_MESSAGES/
messages.po``, compiled in memory at build time, fuzzy entries left out), so ``{{ _("...") }}``
and ``{% trans %}`` show the language of ``DEFAULT_LANG``; and the filters ``format_date``
(a date in CLDR's ``long`` form, or another form or pattern), ``format_number``,
``initial`` (the letter a name is listed under: "É" under "E"), and the global ``LANG_DIR``
("ltr" or "rtl").
``invoke i18n`` extracts the messages (``babel.cfg``) and updates the catalogs.

Signals: ``initialized`` (the catalog is compiled, so a broken one stops the build at once),
``generator_init``.
Settings read: ``DEFAULT_LANG``, ``I18N_CATALOGS`` (None: the theme's ``translations/``),
``I18N_DATE_FORMATS`` ({}: a language's pattern for the long date instead of CLDR's),
``THEME``.
"""

from __future__ import annotations

import logging

from pelican import signals

from plugins._common import i18n
from plugins._common.problems import report

logger = logging.getLogger(__name__)
EXTENSION = "jinja2.ext.i18n"


def start(pelican) -> None:
    """Compile the build language's catalog once, reporting a missing or broken one."""
    settings = pelican.settings
    try:
        i18n.translations(settings)
    except i18n.CatalogError as error:
        report(logger, error.where, error.problem, error.fix)
        i18n.fall_back(settings)


def add_i18n(generator) -> None:
    """Give the generator's templates gettext in the build's language and CLDR's formats."""
    settings = generator.settings
    env = generator.env
    env.add_extension(EXTENSION)
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's message is one line
    env.install_gettext_translations(i18n.translations(settings), newstyle=True)
    env.globals["LANG_DIR"] = "rtl" if i18n.is_rtl(i18n.language(settings)) else "ltr"
    env.filters["format_date"] = lambda value, form="long": i18n.date(settings, value, form)
    env.filters["format_number"] = lambda value: i18n.number(settings, value)
    env.filters["initial"] = i18n.initial


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.generator_init.connect(add_i18n)
