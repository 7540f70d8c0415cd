"""Start the plugin for a build, and the generator that writes the 404 and redirect pages."""

from __future__ import annotations

from pelican.generators import Generator

from plugins._common.pages import PageMeta, document_title
from plugins._common.settings import apply_defaults
from plugins._common.text import plain_text

from .meta import GLOBALS
from .redirects import collect
from .settings import DEFAULTS
from .state import STATE, SeoState, state_of
from .urls import absolute


def start(pelican) -> None:
    """Merge the defaults, pin the absolute site address and give the build a fresh state."""
    settings = pelican.settings
    apply_defaults(settings, DEFAULTS)
    # Pages of a preview link relatively (their SITEURL is ".."); canonical links may not.
    settings["SEO_SITEURL"] = str(settings["SEO_SITEURL"] or settings["SITEURL"]).rstrip("/")
    settings[STATE] = SeoState()


def add_template_globals(generator: Generator) -> None:
    """Give every template the globals of ``partials/seo_meta.html``."""
    if state_of(generator.settings) is not None:
        generator.env.globals.update(GLOBALS)


class SeoGenerator(Generator):
    """Write the 404 page and one redirect page for each old address a content file lists."""

    def generate_output(self, writer) -> None:
        """Write 404.html (absolute links: it answers at any depth) and the redirect pages."""
        state = state_of(self.settings)
        if state is None:
            return
        if self.settings["SEO_404_SAVE_AS"]:
            writer.write_file(
                self.settings["SEO_404_SAVE_AS"],
                self.get_template(self.settings["SEO_404_TEMPLATE"]),
                self.context,
                relative_urls=False,
                page_meta=PageMeta(
                    kind="404",
                    heading="Page not found",
                    title=document_title(self.settings, "Page not found"),
                    description=(
                        f"There is no page at this address on the {self.settings['SITENAME']} "
                        "website."
                    ),
                    url=self.settings["SEO_404_SAVE_AS"],
                    listed=False,
                ),
            )
        contents = list(self.context.get("generated_content", {}).values())
        # Pages written so far this build (not files left by an earlier preview build).
        taken = {str(c.save_as) for c in contents if getattr(c, "save_as", None)}
        taken |= state.written
        state.redirects = collect(contents, self.settings["SEO_REDIRECT_METADATA"], taken)
        template = self.get_template(self.settings["SEO_REDIRECT_TEMPLATE"])
        for redirect in state.redirects:
            writer.write_file(
                redirect.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_meta=PageMeta(
                    kind="redirect",
                    heading="This page has moved",
                    title=document_title(
                        self.settings, f"Moved: {plain_text(redirect.target.title)}"
                    ),
                    description=f"This page is now at {redirect.target.url}.",
                    url=redirect.old_url,
                    listed=False,
                ),
                redirect_to=redirect.target,
                canonical_url=absolute(self.settings, redirect.target.url),
            )


def get_generators(pelican) -> type[SeoGenerator]:
    """Return the generator that writes the 404 and redirect pages."""
    return SeoGenerator
