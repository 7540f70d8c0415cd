"""Write each content photo's versions, check the page-weight budgets, drop unused originals."""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from plugins._common.cache import ContentCache, cache_folder, digest
from plugins._common.images import SITE_ROOT, Rules, Version, image_size, versions
from plugins._common.output import is_partial, write_bytes
from plugins._common.problems import report
from plugins._common.prose import prose_of
from plugins._common.urls import Site, page_file, resolve

from .derive import render

logger = logging.getLogger(__name__)
_CODE = Path(__file__).with_name("derive.py")


class ImagesGenerator(Generator):
    """Write the versions the pages' ``<picture>`` elements name; warn over the budgets."""

    def generate_output(self, writer) -> None:
        """Write every version (from the cache when the original is unchanged)."""
        rules = Rules.from_settings(self.settings)
        if rules is None or is_partial(self.settings):
            return  # a partial build's pages use the versions the full build wrote
        contents = sorted(
            self.context.get("generated_content", {}).values(), key=lambda c: str(c.source_path)
        )
        shown: dict[str, list[Any]] = {}  # image path -> the contents that show it
        for content in contents:
            prose = prose_of(content)
            if prose is not None and getattr(content, "save_as", ""):
                for image in prose.images:
                    shown.setdefault(image, []).append(content)
        weights: dict[str, dict[str, int]] = {}
        for image, users in sorted(shown.items()):
            weights[image] = self._write_versions(image, rules, users)
        for content in contents:
            self._check_page(content, weights)
        self._drop_originals(set(shown), contents)

    def _write_versions(self, image: str, rules: Rules, users: list[Any]) -> dict[str, int]:
        """Write one image's versions; return their sizes in bytes, by format (the widest)."""
        file = Path(self.path, image)
        size = image_size(file)  # as the pages' markup was written with it
        if size is None:
            return {}
        found = versions(image, size, rules)
        data = self._versions(file, found)
        for version in found:
            write_bytes(Path(self.output_path, version.path), data[version.path])
        budget = self.settings["IMAGES_MAX_BYTES"]
        for version in found:
            if len(data[version.path]) > budget:
                report(
                    logger,
                    users[0].source_path,
                    f"the image {image} weighs {_kb(len(data[version.path]))} at "
                    f"{version.width} pixels wide ({version.format}), more than "
                    f"{_kb(budget)} (IMAGES_MAX_BYTES)",
                    "save a smaller or more compressed original (a photo: JPEG, about 2000 "
                    "pixels wide)",
                )
                break
        widest = max(found, key=lambda v: v.width).width
        return {v.format: len(data[v.path]) for v in found if v.width == widest}

    def _versions(self, file: Path, found: list[Version]) -> dict[str, bytes]:
        """Return each version's bytes, from the cache when the original did not change."""
        cache = ContentCache(
            cache_folder(self.settings, self.settings["IMAGES_CACHE_PATH"], "images")
        )
        key = digest(
            file.read_bytes(),
            _CODE.read_bytes(),
            repr(sorted(self.settings["IMAGES_QUALITY"].items())),
        )
        data: dict[str, bytes] = {}
        missing = []
        for version in found:
            suffix = f"-{version.width}x{version.height}.{version.format.lower()}"
            cached = cache.get(key, suffix)
            if cached is None:
                missing.append(version)
            else:
                data[version.path] = cached
        if missing:
            made = render(file, missing, self.settings["IMAGES_QUALITY"])
            for version in missing:
                suffix = f"-{version.width}x{version.height}.{version.format.lower()}"
                cache.put(key, suffix, made[version.path])
                data[version.path] = made[version.path]
        return data

    def _check_page(self, content: Any, weights: dict[str, dict[str, int]]) -> None:
        """Warn when a page's images weigh more than the budget at their widest."""
        prose = prose_of(content)
        if prose is None or not prose.images:
            return
        total = sum(max(weights.get(image, {}).values(), default=0) for image in prose.images)
        budget = self.settings["IMAGES_PAGE_MAX_BYTES"]
        if total > budget:
            count = len(prose.images)
            weigh = "its image weighs" if count == 1 else f"its {count} images weigh"
            report(
                logger,
                content.source_path,
                f"{weigh} {_kb(total)} at the widest, more than {_kb(budget)} "
                "(IMAGES_PAGE_MAX_BYTES)",
                "show fewer pictures, or smaller ones",
            )

    def _drop_originals(self, derived: set[str], contents: Iterable[Any]) -> None:
        """Leave out of the output the originals that only their versions show."""
        site = Site.from_siteurl(self.settings["SITEURL"])
        linked = {target for content in contents for target in _static_targets(content, site)}
        unused = derived - linked
        static = self.context.get("staticfiles", [])
        kept = [item for item in static if str(item.relative_source_path) not in unused]
        if len(kept) != len(static):
            logger.debug("images: %d originals not copied", len(static) - len(kept))
            static[:] = kept


def _static_targets(content: Any, site: Site) -> Iterable[str]:
    """Yield the files a content links: ``{static}``-style links by their content path,
    plain addresses by their output path (the same for a static file, as saved by default)."""
    prose = prose_of(content)
    if prose is None:
        return
    folder = posixpath.dirname(str(content.relative_source_path))
    page = page_file(str(getattr(content, "url", "") or ""))
    for href in prose.links:
        marker = next((m for m in ("{static}", "{attach}", "{filename}") if href.startswith(m)), "")
        if marker:
            path = href.removeprefix(marker).split("#")[0].split("?")[0]
            yield (
                path.lstrip("/")
                if path.startswith("/")
                else posixpath.normpath(posixpath.join(folder, path))
            )
        elif not href.startswith(SITE_ROOT):
            target = resolve(site, page, href)
            if target is not None and not target.outside:
                yield target.path


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
