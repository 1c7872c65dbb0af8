"""Geo stage figures: build time, index size, load time, lookups/s, mentions, resolves/s.

Run: ``.venv/bin/python benchmarks/bench_geo.py``
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

from frontline.geo.build import build_index
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.mentions import find_mentions
from frontline.geo.normalize import GAZETTEER_DIR, name_keys, token_keys
from frontline.geo.resolve import ResolveContext, resolve

ROOT = Path(__file__).resolve().parents[1]


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s"


def main() -> int:
    out = sys.stdout
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        manifest = build_index(ROOT / "data" / "geo", Path(tmp))
        out.write(
            f"build: {time.perf_counter() - started:.2f} s, "
            f"{manifest.counts['entries']:,} entries, "
            f"{manifest.counts['names']:,} names, {manifest.counts['polygons']} polygons\n"
        )
    sizes = {p.name: p.stat().st_size for p in GAZETTEER_DIR.iterdir() if p.suffix == ".gz"}
    out.write(
        "index size: "
        + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(sizes.items()))
        + f" (total {sum(sizes.values()) / 1e6:.2f} MB)\n"
    )

    started = time.perf_counter()
    gaz = Gazetteer.load(GAZETTEER_DIR)
    out.write(f"load: {(time.perf_counter() - started) * 1000:.0f} ms\n")

    names = list(dict.fromkeys(n for e in gaz for n in e.names))[:50_000]
    name_keys.cache_clear()
    token_keys.cache_clear()
    started = time.perf_counter()
    for n in names:
        gaz.lookup(n)
    out.write(
        "lookups (distinct names, cold fold cache): "
        f"{_rate(len(names), time.perf_counter() - started)}\n"
    )
    common = [
        "Aleppo",
        "Hanano",
        "Holok",
        "Idlib",
        "Deir Ezzor",
        "Douma",
        "Ansari",
        "al-Qaterji",
    ] * 5000
    started = time.perf_counter()
    for n in common:
        gaz.lookup(n)
    out.write(f"lookups (repeated names): {_rate(len(common), time.perf_counter() - started)}\n")

    rows = list(csv.DictReader((ROOT / "samples" / "fakes_dev.csv").open(encoding="utf-8")))
    texts = [r["article_content"][:2000] for r in rows if len(r["article_content"]) >= 2000]
    times = []
    mentions = 0
    for t in texts:
        started = time.perf_counter()
        mentions += len(find_mentions(t, gaz))
        times.append(time.perf_counter() - started)
    out.write(
        f"find_mentions on {len(texts)} 2,000-char articles: median "
        f"{statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms, "
        f"{mentions / len(texts):.1f} mentions/article\n"
    )

    phrases = [
        "Hanano",
        "east Aleppo",
        "Aleppo province",
        "the Ansari neighbourhood",
        "Douma",
        "Deir Ezzor",
        "the Suleiman al-Halabi water pumping station",
        "al-Midan",
    ] * 500
    ctx = ResolveContext(city="Aleppo", admin1="aleppo")
    started = time.perf_counter()
    for p in phrases:
        resolve(p, ctx)
    out.write(f"resolve: {_rate(len(phrases), time.perf_counter() - started)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
