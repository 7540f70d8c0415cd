"""The edits made to each written page; each takes the parsed page and changes it in place."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .urls import Site


def mark_external_links(soup: BeautifulSoup, site: Site) -> None:
    """Give every link that leaves the site ``rel="noopener"`` and an ``external`` class."""
    for link in soup.find_all("a", href=True):
        if not site.is_external(link["href"]):
            continue
        rel = link.get("rel") or []
        if "noopener" not in rel:
            link["rel"] = [*rel, "noopener"]
        classes = link.get("class") or []
        if "external" not in classes:
            link["class"] = [*classes, "external"]


def wrap_tables(soup: BeautifulSoup) -> None:
    """Put each table in a labelled region that scrolls sideways and takes keyboard focus."""
    for number, table in enumerate(soup.find_all("table"), start=1):
        parent = table.parent
        if isinstance(parent, Tag) and "table-wrap" in (parent.get("class") or []):
            continue
        caption = table.find("caption")
        label = caption.get_text(" ", strip=True) if caption else f"Table {number}"
        wrapper = soup.new_tag(
            "div", attrs={"class": "table-wrap", "role": "region", "tabindex": "0"}
        )
        wrapper["aria-label"] = label
        table.wrap(wrapper)


def anchor_headings(soup: BeautifulSoup, levels: tuple[str, ...]) -> None:
    """Add a link to itself beside each heading with an id in written prose (``.prose``)."""
    headings = (h for prose in soup.select(".prose") for h in prose.find_all(levels))
    for heading in headings:
        ident = heading.get("id")
        if not ident or heading.find("a", class_="heading-anchor"):
            continue
        anchor = soup.new_tag("a", attrs={"class": "heading-anchor", "href": f"#{ident}"})
        anchor["aria-label"] = "Link to this section"
        anchor.string = "#"
        heading.append(" ")
        heading.append(anchor)


def lazy_load_images(soup: BeautifulSoup) -> None:
    """Let the browser defer images below the fold and decode them off the main thread."""
    for image in soup.find_all("img"):
        image.attrs.setdefault("loading", "lazy")
        image.attrs.setdefault("decoding", "async")
