"""Benchmark: milliseconds per share card, cold (empty cache) and warm (every card cached).

    .venv/bin/python bench/cards.py                  # real site + 1,000 synthetic pages
    .venv/bin/python bench/cards.py --pages 300 --workers 1

The real site is built twice in this process with the preview settings (``pelicanconf.py``)
into a temporary folder with its own card cache: the first build draws every card, the
second finds them all in the cache. Cards are drawn while the pages render, so the time
shown is what is left once the site is written (waiting for the last cards, copying them
into the output), per card: the figure a writer waits for.

The synthetic pages skip Pelican: 1,000 card specs (articles, campaigns, countries with a
tier strip, report years; Latin, Cyrillic, Arabic and Chinese titles of 20 to 200
characters) go through the same cache-and-draw step twice; there the time is the drawing
itself. Last, a sample of cards is encoded in several formats, to show why cards are PNGs
mapped onto their kind's palette.
"""

# ruff: noqa: E402 (the project's packages are importable only once PROJECT is on sys.path)
from __future__ import annotations

import argparse
import io
import logging
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import PIL
from pelican import Pelican
from pelican.settings import read_settings
from PIL import Image

from plugins.share_cards import cache
from plugins.share_cards.draw import Renderer, paint
from plugins.share_cards.fonts import HAS_RAQM
from plugins.share_cards.model import CardJob, CardSpec, Cell
from plugins.share_cards.palette import read_palette
from plugins.share_cards.plugin import STATE
from plugins.share_cards.settings import DEFAULTS, font_paths

WORDS = [
    "trafficking",
    "victims",
    "report",
    "protection",
    "prevention",
    "prosecution",
    "partners",
    "shelters",
    "survivors",
    "labor",
    "recruitment",
    "debt",
    "bondage",
    "domestic",
    "workers",
    "fishing",
    "agriculture",
    "training",
    "hotline",
    "identification",
    "referral",
    "courts",
    "government",
    "campaign",
    "awareness",
    "supply",
    "chains",
    "minimum",
    "standards",
    "watch",
    "list",
]
CYRILLIC = [
    "доклад",
    "торговля",
    "людьми",
    "защита",
    "жертв",
    "профилактика",
    "уголовное",
    "преследование",
]
ARABIC = ["تقرير", "الاتجار", "بالأشخاص", "حماية", "الضحايا", "الوقاية", "الملاحقة", "القضائية"]
CHINESE = "人口贩运问题报告保护预防起诉受害者政府伙伴关系强迫劳动债务奴役"
TIER_CODES = ("1", "2", "2WL", "3", "special")


def build_real_site(output: Path, cache_dir: Path, workers: int) -> cache.Stats:
    """Build the project's content once and return the card step's figures."""
    settings = read_settings(
        str(PROJECT / "pelicanconf.py"),
        override={
            "PATH": str(PROJECT / "content"),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / "pelican-cache"),
            "SHARE_CARDS_CACHE_PATH": str(cache_dir),
            "SHARE_CARDS_WORKERS": workers,
        },
    )
    Pelican(settings).run()
    return settings[STATE].stats


def synthetic_jobs(count: int, seed: int = 2010) -> dict[Path, CardJob]:
    """Return ``count`` card jobs of mixed kinds and scripts, keyed by made-up output paths."""
    rng = random.Random(seed)
    palette = read_palette(PROJECT / "theme" / "static" / "css" / "site.css")
    fonts = DEFAULTS["SHARE_CARDS_FONTS"]
    regular = tuple(str(p) for p in font_paths(fonts["regular"]))
    bold = tuple(str(p) for p in font_paths(fonts["bold"]))
    inputs = cache.code_digest()
    brand = {
        "brand_department": "U.S. Department of State",
        "brand_name": "Office to Monitor and Combat Trafficking in Persons",
    }
    jobs = {}
    for number in range(count):
        spec = _synthetic_spec(rng, number, brand)
        job = CardJob(spec, palette, regular, bold, "png", 300 * 1024, inputs)
        jobs[Path(f"cards/synthetic/{number}.png")] = job
    return jobs


def _synthetic_spec(rng: random.Random, number: int, brand: dict[str, str]) -> CardSpec:
    script = rng.random()
    length = rng.randint(20, 200)
    if script < 0.05:
        title = "".join(rng.choice(CHINESE) for _ in range(max(8, length // 3)))
    elif script < 0.10:
        title = _words(rng, ARABIC, length)
    elif script < 0.15:
        title = _words(rng, CYRILLIC, length)
    else:
        title = _words(rng, WORDS, length).capitalize()
    title = f"{title} {number}"
    kind = rng.random()
    if kind < 0.1:
        cells = tuple(Cell(rng.choice(TIER_CODES), str(2001 + i), None) for i in range(15))
        cells = tuple(Cell(c.label, c.caption, c.label) for c in cells)
        return CardSpec(
            kind="country",
            title=title[:40],
            kicker="TIP Report · Country",
            subtitle="Europe and Eurasia",
            badge="Tier 2 Watch List",
            badge_tier="2WL",
            badge_caption="in the 2015 report",
            cells=cells,
            cells_caption="Tier in each report, 2001–2015",
            **brand,
        )
    if kind < 0.15:
        return CardSpec(
            kind="campaign",
            title=title,
            kicker="Campaign",
            subtitle="1 September 2010 – 31 December 2010",
            hashtag="#KnowTheSigns",
            **brand,
        )
    return CardSpec(
        kind="article", title=title, kicker="News · Stories", subtitle="14 June 2010", **brand
    )


def _fonts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    fonts = DEFAULTS["SHARE_CARDS_FONTS"]
    return (
        tuple(str(p) for p in font_paths(fonts["regular"])),
        tuple(str(p) for p in font_paths(fonts["bold"])),
    )


def _words(rng: random.Random, words: list[str], length: int) -> str:
    text = ""
    while len(text) < length:
        text = f"{text} {rng.choice(words)}".strip()
    return text


def encodings(jobs: list[CardJob]) -> list[str]:
    """Return one line per encoding: median size and time over the sample of cards."""
    renderer = Renderer(jobs[0].regular, jobs[0].bold)
    images = [paint(job, renderer.fonts) for job in jobs]
    palette = renderer.palette_of(jobs[0])  # the article cards' reference palette
    formats = {
        "PNG, the kind's palette, zlib 3 (used)": lambda im: _save(
            im.quantize(palette=palette, dither=Image.Dither.NONE), "PNG", compress_level=3
        ),
        "PNG, RGB, zlib 6": lambda im: _save(im, "PNG", compress_level=6),
        "PNG, 256-colour octree, zlib 6": lambda im: _save(
            im.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE),
            "PNG",
            compress_level=6,
        ),
        "PNG, 256-colour octree, zlib 9": lambda im: _save(
            im.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE),
            "PNG",
            compress_level=9,
        ),
        "PNG, 256-colour median cut, optimized": lambda im: _save(
            im.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE),
            "PNG",
            optimize=True,
        ),
        "JPEG, quality 88, 4:4:4": lambda im: _save(im, "JPEG", quality=88, subsampling=0),
    }
    lines = []
    for name, encode in formats.items():
        sizes, times = [], []
        for image in images:
            started = time.perf_counter()
            sizes.append(len(encode(image)))
            times.append(time.perf_counter() - started)
        lines.append(
            f"  {name:40} {statistics.median(sizes) / 1024:6.1f} KB "
            f"(max {max(sizes) / 1024:5.1f})  {statistics.median(times) * 1000:6.1f} ms"
        )
    return lines


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _sizes(folder: Path) -> str:
    sizes = sorted(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    if not sizes:
        return "no cards"
    return (
        f"sizes {sizes[0] / 1024:.0f} / {statistics.median(sizes) / 1024:.0f} / "
        f"{sizes[-1] / 1024:.0f} KB (min / median / max)"
    )


def _line(label: str, stats: cache.Stats) -> str:
    per_card = stats.seconds * 1000 / max(stats.cards, 1)
    return (
        f"  {label}: {stats.cards} cards, {stats.drawn} drawn, {stats.seconds:6.2f} s "
        f"= {per_card:6.1f} ms per card"
    )


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="synthetic pages (1000)")
    parser.add_argument("--workers", type=int, default=0, help="processes (0: one per core)")
    parser.add_argument("--skip-site", action="store_true", help="skip the real site")
    args = parser.parse_args()
    logging.getLogger("pelican").setLevel(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)
    workers = cache.worker_count(args.workers)
    print(
        f"Share cards: {workers} worker(s), Pillow {PIL.__version__}, "
        f"raqm {'yes' if HAS_RAQM else 'no'}"
    )
    with tempfile.TemporaryDirectory(prefix="cards-bench-") as tmp:
        root = Path(tmp)
        if not args.skip_site:
            print("Real site (content/, preview settings):")
            for run in ("cold", "warm"):
                stats = build_real_site(root / f"site-{run}", root / "site-cache", workers)
                print(_line(run, stats))
            print(f"  {_sizes(root / 'site-warm' / 'cards')}")
        print(f"Synthetic pages ({args.pages}):")
        jobs = synthetic_jobs(args.pages)
        for run in ("cold", "warm"):
            output = root / f"synthetic-{run}"
            placed = {output / path: job for path, job in jobs.items()}
            drawer = cache.Drawer(root / "synthetic-cache", workers, *_fonts())
            stats = cache.publish(placed, drawer)
            print(_line(run, stats))
        print(f"  {_sizes(root / 'synthetic-warm')}")
        print("Encodings (median of 20 synthetic cards, size and time to encode):")
        for line in encodings(list(jobs.values())[:20]):
            print(line)


if __name__ == "__main__":
    main()
