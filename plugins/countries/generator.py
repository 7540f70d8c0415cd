"""The countries generator: loads the tier model once and writes every page built from it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markdown import Markdown
from pelican.contents import Page
from pelican.generators import Generator

from plugins._common.i18n import language
from plugins._common.mentions import Mentions, name_countries
from plugins._common.names import AliasError, localized, read_aliases
from plugins._common.output import is_selected, write_text
from plugins._common.problems import stop
from plugins._common.text import read_text, shift_headings
from plugins._common.tiers import TIERS
from plugins._common.tipdata import (
    REGIONS,
    Country,
    TipData,
    TipDataError,
    load_office_figures,
    load_tip_data,
)

from . import pages
from .counts import counts_chart
from .downloads import FIELD_MEANINGS, to_csv, to_json
from .history import history_chart
from .links import Links
from .narratives import check_sections, read_country_narratives, read_notes
from .worldmap import countries_off_map, world_map

logger = logging.getLogger(__name__)


class CountriesGenerator(Generator):
    """Add ``tip`` (the model) to the context; write country, region, report and data pages."""

    def generate_context(self) -> None:
        """Load and check the data; link articles and narratives to countries."""
        data_path = Path(self.path, self.settings["COUNTRIES_DATA_PATH"])
        figures_path = data_path.with_name("office_figures.csv")
        first, last = self.settings["COUNTRIES_REPORT_YEARS"]
        aliases_path = Path(self.path, self.settings["COUNTRIES_ALIASES_PATH"])
        try:
            aliases = read_aliases(aliases_path)
            data = load_tip_data(data_path, range(first, last + 1), aliases)
            figures = load_office_figures(figures_path) if figures_path.is_file() else ()
        except (TipDataError, AliasError) as error:
            stop(logger, str(error))
        # The pages name countries as the build's language does; the downloads keep the report's.
        self.source_data = data
        data = localized(data, language(self.settings))
        # Drafts are checked too, but listed on country pages only where drafts are shown.
        name_countries(data, [*self.context.get("articles", []), *self.context.get("drafts", [])])
        links = Links(self.settings)
        narratives = read_country_narratives(
            self, self.settings["COUNTRIES_NARRATIVE_PATHS"], data, links
        )
        by_year: dict[int, list[Page]] = {}
        for pages_of_country in narratives.values():
            for narrative in pages_of_country:
                check_sections(narrative.source_path)
                self.add_source_path(narrative)
                by_year.setdefault(narrative.narrative.year, []).append(narrative)
        for year_narratives in by_year.values():
            year_narratives.sort(key=lambda page: page.narrative.country.name)
        notes = read_notes(
            self, self.settings["COUNTRIES_REPORT_NOTE_PATHS"], {str(y) for y in data.years}
        )
        for year, note in notes.items():
            note.override_url = links.report(int(year))
            self.add_source_path(note)
        self.context.update(
            tip=data,
            tiers=TIERS,
            regions=REGIONS,
            country_links=links,
            country_articles=Mentions(self.context, bool(self.settings.get("SHOW_DRAFTS"))),
            country_narratives=narratives,
            report_narratives=by_year,
            report_notes=notes,
            office_figures=figures,
            # the latest report's map for any template (the home page's main picture)
            tier_map=lambda siteurl, id_prefix: world_map(
                data,
                data.latest_year,
                lambda c: f"{siteurl}/{links.country(c)}",
                id_prefix,
                self.settings,
            ),
        )

    def generate_output(self, writer) -> None:
        """Write every page of the model and the two downloads."""
        data: TipData = self.context["tip"]
        links: Links = self.context["country_links"]
        self._write(
            writer,
            self.settings["COUNTRIES_INDEX_SAVE_AS"],
            links.countries,
            "countries",
            page_meta=pages.countries_meta(self.settings, data, links),
            map_svg=lambda siteurl: world_map(
                data,
                data.latest_year,
                lambda c: f"{siteurl}/{links.country(c)}",
                "map",
                self.settings,
            ),
            off_map=countries_off_map(data, data.latest_year),
        )
        for country in data.countries:
            if not is_selected(self.settings, links.country_save_as(country)):
                continue  # a partial build: no chart to draw for a page it does not write
            narratives = self.context["country_narratives"].get(country.slug, [])
            self._write(
                writer,
                links.country_save_as(country),
                links.country(country),
                "country",
                page_meta=pages.country_meta(self.settings, country, links),
                country=country,
                narratives=narratives,
                # shown inside a section of the country's page: its headings one level down
                newest_content=shift_headings(narratives[0].content, 1) if narratives else "",
                mentions=self.context["country_articles"][country.slug],
                peers=_peers(data, country),
                history_svg=history_chart(country, data.years, "history", self.settings),
            )
        for region in REGIONS.values():
            self._write(
                writer,
                links.region_save_as(region),
                links.region(region),
                "region",
                page_meta=pages.region_meta(self.settings, region, links),
                region=region,
                region_countries=data.in_region(region),
            )
        self._write(
            writer,
            self.settings["COUNTRIES_REPORTS_SAVE_AS"],
            links.reports,
            "reports",
            page_meta=pages.reports_meta(self.settings, data, links),
            counts_svg=counts_chart(data, "counts", self.settings),
        )
        for index, year in enumerate(data.years):
            previous = data.years[index - 1] if index else None
            self._write(
                writer,
                links.report_save_as(year),
                links.report(year),
                "report_year",
                page_meta=pages.report_meta(self.settings, year, links),
                year=year,
                previous_year=previous,
                next_year=data.years[index + 1] if index + 1 < len(data.years) else None,
                placements=data.in_year(year),
                note=self.context["report_notes"].get(str(year)),
                narratives=self.context["report_narratives"].get(year, []),
            )
        for country_narratives in self.context["country_narratives"].values():
            for narrative in country_narratives:
                self._write_narrative(writer, narrative, country_narratives)
        self._write_data(writer, data, links)

    def _write_narrative(self, writer, page: Page, others: list[Page]) -> None:
        """Write one country narrative's own page."""
        facts = page.narrative
        links = self.context["country_links"]
        self._write(
            writer,
            facts.save_as,
            facts.url,
            "narrative",
            page_meta=pages.narrative_meta(self.settings, facts, page, links),
            country=facts.country,
            narrative=page,
            narratives=others,
        )

    def _write_data(self, writer, data: TipData, links: Links) -> None:
        """Write the two downloads and the page that documents them."""
        if not is_selected(self.settings, self.settings["COUNTRIES_DATA_SAVE_AS"]):
            return  # a partial build that does not show them
        csv_text = to_csv(self.source_data)
        json_text = to_json(self.source_data, self.settings["COUNTRIES_DATA_CREDIT"])
        self._write_text(links.csv, csv_text)
        self._write_text(links.json, json_text)
        sources = Path(self.path, self.settings["COUNTRIES_DATA_PATH"]).with_name("SOURCES.md")
        self._write(
            writer,
            self.settings["COUNTRIES_DATA_SAVE_AS"],
            links.data,
            "data",
            page_meta=pages.data_meta(self.settings, data, links),
            downloads=[
                ("Tier placements, CSV", links.csv, len(csv_text.encode())),
                ("Tier placements, JSON", links.json, len(json_text.encode())),
            ],
            downloads_rows=sum(len(country.placements) for country in data.countries),
            download_fields=FIELD_MEANINGS,
            sources_html=self._markdown(sources) if sources.is_file() else "",
        )

    def _markdown(self, path: Path) -> str:
        """Render a Markdown file with the site's Markdown settings, headings from h3 down."""
        settings = self.settings["MARKDOWN"]
        configs = dict(settings.get("extension_configs", {}))
        toc = "markdown.extensions.toc"
        configs[toc] = {**configs.get(toc, {}), "baselevel": 3}  # under the page's h1 and h2
        extensions = [e for e in settings.get("extensions", []) if e != "markdown.extensions.meta"]
        markdown = Markdown(
            extensions=[*extensions, *(name for name in configs if name not in extensions)],
            extension_configs=configs,
            output_format=settings.get("output_format", "html5"),
        )
        return markdown.convert(read_text(path))

    def _write(self, writer, save_as: str, url: str, template: str, **values: Any) -> None:
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            page_url=url,
            **values,
        )

    def _write_text(self, save_as: str, text: str) -> None:
        if is_selected(self.settings, save_as):
            write_text(Path(self.output_path, save_as), text)


def _peers(data: TipData, country: Country) -> list[Country]:
    """Return the other countries of the same region on the same latest tier."""
    return [
        other
        for other in data.in_region(country.region)
        if other != country
        and other.latest.year == country.latest.year
        and other.latest.tier == country.latest.tier
    ]
