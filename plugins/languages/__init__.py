"""The site in several languages, in one build: a sub-site per language, linked page to page.

The build of ``DEFAULT_LANG`` writes the site's root; once it is written, it builds every other
language of ``LANGUAGES`` the same way, in this process, into ``<lang>/`` of the output
(:mod:`.subsites`), so the sub-sites share the addresses below their folder. Each build:

- keeps the content of its language and leaves the rest out of its lists, feeds and files: a
  file's language is its ``Lang:`` field, or the ``.es`` of ``about.es.md``; files of one slug
  are translations of one another (Pelican's ``translation`` links). A page not translated is
  not shown in another language: links to it go to the English page, marked as English;
- points other languages' content at their own sub-site, so ``{filename}`` links and
  ``article.translations`` lead to the right address;
- gives the templates ``alternates()`` (the page in each language it exists in, for the
  language switcher and ``hreflang``: :mod:`.model` says which), ``href_in_language(url)``
  (the address of a site-relative URL from this language: the English one when this language
  has no such page), ``site_link(href)`` (such an address as a link, absolute without
  ``es/../`` when SITEURL is), ``LANGUAGES_SITE`` and the context's ``alternates_of`` (for
  the sitemap).

Signals: ``initialized``, ``content_object_init`` (an empty ``Lang:`` is the default),
``article_generator_pretaxonomy``, ``page_generator_finalized``, ``generator_init``,
``finalized`` (the sub-sites).
Settings read: ``LANGUAGES`` ([DEFAULT_LANG]; the first is DEFAULT_LANG, at the root),
``LANGUAGES_SUBSITE_SETTINGS`` ({}: settings every sub-site overrides), and Pelican's
``DEFAULT_LANG``, ``SITEURL``, ``OUTPUT_PATH``, ``PATH``, ``NAV_ITEMS``, the ``*_URL`` of the
news lists and ``CAMPAIGNS_INDEX_URL``.
"""

from __future__ import annotations

import logging
import os
import posixpath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from jinja2 import pass_context
from pelican import signals

from plugins._common import i18n
from plugins._common.output import is_partial
from plugins._common.pages import meta_of
from plugins._common.problems import metadata_line, report
from plugins._common.prose import prose_of

from .model import SITE, Languages, news_urls
from .subsites import MISSING, MISSING_PREFIXES, PRISTINE, build_subsites

logger = logging.getLogger(__name__)
_ARTICLES = "_LANGUAGES_ARTICLE_FILES"  # lang -> the article files its sub-site must read


def start(pelican) -> None:
    """Work out the site's languages; the first build remembers its settings for the rest."""
    settings = pelican.settings
    if settings.get(SITE) is not None:
        _source_language(settings, settings[SITE].default)
        return  # a sub-site: its Languages came with its settings
    codes = tuple(dict.fromkeys(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]]))
    if codes[0] != settings["DEFAULT_LANG"]:
        codes = (settings["DEFAULT_LANG"], *(c for c in codes if c != settings["DEFAULT_LANG"]))
    codes = (codes[0], *(code for code in codes[1:] if _known(code)))
    _source_language(settings, codes[0])
    settings[PRISTINE] = {k: v for k, v in settings.items() if k != PRISTINE}
    settings[_ARTICLES] = {}
    settings[SITE] = Languages(
        codes=codes,
        current=codes[0],
        root_siteurl=str(settings.get("SITEURL") or ""),
        root_output=str(settings["OUTPUT_PATH"]),
    )


def _known(code: str) -> bool:
    """Tell whether CLDR knows ``code``; report it, to be left out, when it does not."""
    try:
        i18n.locale_of(code)
    except i18n.CatalogError as error:
        report(logger, error.where, error.problem, error.fix)
        return False
    return True


def _source_language(settings: dict[str, Any], code: str) -> None:
    """A content file with no language is in the default one, whichever language is built."""
    settings["DEFAULT_METADATA"] = {"lang": code, **(settings.get("DEFAULT_METADATA") or {})}


def fill_language(content) -> None:
    """An empty ``Lang:`` (a scaffold's) means the default language, as no field does."""
    site = _site(content.settings)
    if site is not None and not getattr(content, "lang", None):
        content.lang = site.default
        content.in_default_lang = content.lang == content.settings["DEFAULT_LANG"]


def _site(settings: dict[str, Any]) -> Languages | None:
    return settings.get(SITE)


def _own_url(content) -> str:
    """Return the URL ``content`` has in its own language's site."""
    if hasattr(content, "override_url"):
        return str(content.override_url)
    kind = type(content).__name__.upper()
    return str(content.settings[f"{kind}_URL"]).format(**content.url_format)


def _place(site: Languages, contents: list) -> list:
    """Point other languages' content at their sub-site; return this language's."""
    kept = []
    for content in contents:
        lang = str(getattr(content, "lang", site.default))
        if lang not in site.codes:
            report(
                logger,
                content.source_path,
                f"the language {lang!r} is not one of the site's ({', '.join(site.codes)})",
                "write one of them in Lang:, or add the language to LANGUAGES",
                line=metadata_line(content.source_path, "Lang"),
            )
        if lang == site.current:
            kept.append(content)
            continue
        content.override_url = site.prefix(lang) + _own_url(content)
        content.override_save_as = ""
    return kept


def _keep_own(site: Languages, generator, pairs: tuple[tuple[str, str], ...]) -> None:
    """Leave each ``(others, listed)`` list of ``generator`` with this language's content
    listed; another language's stays known among the others (its links resolve), unwritten."""
    for others, listed in pairs:
        _place(site, getattr(generator, others))
        contents = getattr(generator, listed)
        kept = _place(site, contents)
        ids = {id(content) for content in kept}
        getattr(generator, others).extend(c for c in contents if id(c) not in ids)
        contents[:] = kept


def place_articles(generator) -> None:
    """Keep this language's articles in the lists; note every language's news (first build)."""
    site = _site(generator.settings)
    if site is None:
        return
    if site.is_root:
        every = [*generator.articles, *generator.translations]
        for code in {str(article.lang) for article in every}:
            own = [article for article in every if str(article.lang) == code]
            site.pages.setdefault(code, set()).update(news_urls(generator.settings, own))
    _keep_own(site, generator, (("translations", "articles"), ("drafts_translations", "drafts")))


def place_pages(generator) -> None:
    """Keep this language's pages; note every language's page URLs (first build)."""
    site = _site(generator.settings)
    if site is None:
        return
    if site.is_root:
        for page in [
            *generator.pages,
            *generator.hidden_pages,
            *generator.translations,
            *generator.hidden_translations,
        ]:
            site.pages.setdefault(str(page.lang), set()).add(_own_url(page))
    _keep_own(
        site,
        generator,
        (
            ("translations", "pages"),
            ("hidden_translations", "hidden_pages"),
            ("draft_translations", "draft_pages"),
        ),
    )


def note_article_files(generators) -> None:
    """Work out, per language, the only articles its sub-site needs to read (first build).

    Those in the language, with their translations (for the language switcher), and those
    its pages and articles link with ``{filename}`` (for their addresses): a sub-site need
    not read a thousand English posts to show none of them.
    """
    if not generators:
        return
    settings = generators[0].settings
    site = _site(settings)
    if site is None or not site.is_root:
        return
    generated = generators[0].context.get("generated_content", {})
    articles = {key: c for key, c in generated.items() if type(c).__name__ == "Article"}
    for code in site.codes[1:]:
        own = [c for c in generated.values() if str(getattr(c, "lang", "")) == code]
        ids = {id(c) for c in own}
        # its articles and every translation of them (Pelican gives each one the others)
        wanted = {
            key
            for key, c in articles.items()
            if id(c) in ids or any(id(t) in ids for t in getattr(c, "translations", ()))
        }
        wanted |= {key for c in own for key in _linked_files(c) if key in articles}
        settings[_ARTICLES][code] = sorted(wanted)


def _linked_files(content) -> set[str]:
    """Return the content files (relative to PATH) ``content`` links with ``{filename}``."""
    prose = prose_of(content)
    if prose is None:
        return set()
    folder = posixpath.dirname(str(content.relative_source_path).replace(os.sep, "/"))
    found = set()
    for href in prose.links:
        if not href.startswith(("{filename}", "|filename|")):
            continue
        path = unquote(urlsplit(href[len("{filename}") :]).path)
        key = path[1:] if path.startswith("/") else posixpath.join(folder, path)
        found.add(posixpath.normpath(key))
    return found


def add_template_functions(generator) -> None:
    """Give the templates the switcher's and hreflang's data, and cross-language links."""
    settings = generator.settings
    site = _site(settings)
    if site is None:
        return
    missing: set[str] = set(settings.get(MISSING, ()))
    prefixes: tuple[str, ...] = tuple(settings.get(MISSING_PREFIXES, ()))

    @pass_context
    def alternates(context) -> list:
        """Return the page being rendered in each language it exists in (none: [])."""
        meta = meta_of(context)
        if meta.page_number != 1:
            return []
        return site.alternates(meta.kind, meta.url, context.get("article") or context.get("page"))

    def href_in_language(url: str) -> str:
        """Return ``url`` from this language's root: English when this language lacks it."""
        if url in missing or (prefixes and url.startswith(prefixes)):
            return site.prefix(site.default) + url
        return url

    @pass_context
    def site_link(context, href: str) -> str:
        """Return the address of ``href`` (from this language's root) as the page links it."""
        siteurl = str(context.get("SITEURL") or "")
        if urlsplit(siteurl).scheme:
            return urljoin(siteurl + "/", href)  # an absolute address, without "es/../"
        return f"{siteurl}/{href}"

    generator.env.globals["site_link"] = site_link
    generator.env.globals["alternates"] = alternates
    generator.env.globals["href_in_language"] = href_in_language
    generator.env.globals["LANGUAGES_SITE"] = site
    generator.context["alternates_of"] = site.alternates


def run_subsites(pelican) -> None:
    """After the default language's build, build every other language's sub-site."""
    settings = pelican.settings
    site = _site(settings)
    if site is None or not site.is_root or len(site.codes) < 2:
        return
    build_subsites(settings, site, settings[_ARTICLES], is_partial(settings))


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(start)
    signals.content_object_init.connect(fill_language)
    signals.article_generator_pretaxonomy.connect(place_articles)
    signals.page_generator_finalized.connect(place_pages)
    signals.generator_init.connect(add_template_functions)
    signals.all_generators_finalized.connect(note_article_files)
    signals.finalized.connect(run_subsites)
