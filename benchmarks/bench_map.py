"""How long the map page's first view takes with many events in the store, in a real browser.

Fills a SQLite store with ``--events`` events (the example article and the FA-KES sample,
extracted once, then copied as new documents with their dates moved by up to 200 days
either way, eight days apart) and fuses them (``--no-fuse`` leaves claims), serves it with
the real app under uvicorn on 127.0.0.1, and opens the page in headless chromium ``--runs``
times, each in a fresh browser context (empty cache): the first run is the cold one, the
first visit after the server started; the others are warm. The first view is from
navigation start until the page has drawn the base layer, the control areas and the
events of the default date, and the chart (the page records ``firstViewMs``).

    python benchmarks/bench_map.py                    # 100,000 events in out/bench_map_fused.db
    python benchmarks/bench_map.py --view '#date=2016-11-30&ll=36.21,37.17&z=12'
    python benchmarks/bench_map.py --events 20000 --runs 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
READY = "() => document.body.dataset.state === 'ready' && window.frontline?.firstViewMs() != null"


def sample_extractions() -> list[Any]:
    from frontline.ingest import ReadOptions
    from frontline.pipeline import extract_paths
    from frontline.records import Extraction

    article = extract_paths(
        [SAMPLES / "aleppo_2016-11-28_trt.txt"], ReadOptions(published=_date("2016-11-28"))
    )
    corpus = extract_paths([SAMPLES / "fakes_dev.csv"])
    return [item for item in [*article, *corpus] if isinstance(item, Extraction) and item.events]


def _date(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


def copy_extraction(extraction: Any, k: int) -> Any:
    """The ``k``-th copy: a new document (distinct text, same offsets), dates moved.

    Copies are eight days apart (from 200 days before the original to 200 after), so no two
    copies of one report fall on neighbouring days: the store looks like years of reporting,
    not fifty reports of each day, which fusion would rightly fold into one event each.
    """
    doc = extraction.document
    shift = timedelta(days=(8 * k) % 400 - 200)
    published = doc.published + shift if doc.published else None
    new_doc = replace(
        doc, doc_id=f"{doc.doc_id}~{k}", text=f"{doc.text}\n[copy {k}]", published=published
    )
    events = tuple(
        replace(
            event,
            event_id=f"{event.event_id}~{k}",
            doc_id=new_doc.doc_id,
            event_date=event.event_date + shift if event.event_date else None,
            provenance=replace(event.provenance, doc_id=new_doc.doc_id),
        )
        for event in extraction.events
    )
    return replace(extraction, document=new_doc, events=events, diagnostics=())


def fill_store(url: str, wanted: int, fuse: bool = True) -> int:
    """Copy the sample's events into the store until it holds ``wanted``, then fuse them all
    (a full rebuild, which derives the control timeline too) unless ``fuse`` is off; return
    the count."""
    from frontline.store import Store

    with Store.open(url) as store:
        have = store.count_events()
        added = have < wanted
        if added:
            base = sample_extractions()
            k = 1 + have // max(1, sum(len(x.events) for x in base))
        while have < wanted:
            batch = [copy_extraction(x, k) for x in base]
            for start in range(0, len(batch), 500):
                store.ingest(batch[start : start + 500])
            have = store.count_events()
            print(f"  {have} events stored", file=sys.stderr)
            k += 1
        if fuse and (added or not _fused_count(store)):
            started = time.perf_counter()
            print(f"  fusing: {_fuse(store)} ({time.perf_counter() - started:.0f} s)")
        return have


def _fused_count(store: Any) -> int:
    from sqlalchemy import func, select

    from frontline.store.schema import FusedEventRow

    with store.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(FusedEventRow)) or 0)


def _fuse(store: Any) -> str:
    from frontline.fuse.update import fuse_store

    report = fuse_store(store)  # also derives the control timeline and credibility
    return f"{report.claims} claims into {report.fused_events} fused events"


@contextmanager
def serving(app: Any) -> Iterator[str]:
    import socket

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def measure(url: str, runs: int, chromium: str) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        # the browser's own first page (processes, fonts) is not the server's cold start:
        # open a static file of the page once, which asks the API nothing
        throwaway = browser.new_context()
        throwaway.new_page().goto(url.split("#")[0] + "static/style.css")
        throwaway.close()
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 820})
            page = context.new_page()
            page.goto(url)
            page.wait_for_function(READY, timeout=60_000)
            results.append(
                {
                    "first_view_ms": page.evaluate("window.frontline.firstViewMs()"),
                    "events_shown": page.evaluate("window.frontline.eventCount()"),
                    "date": page.evaluate("document.body.dataset.date"),
                    "calls": page.evaluate(
                        "performance.getEntriesByType('resource')"
                        ".filter(e => e.initiatorType === 'fetch')"
                        ".map(e => [new URL(e.name).pathname, Math.round(e.duration)])"
                    ),
                }
            )
            context.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default=str(ROOT / "out" / "bench_map_fused.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--view", default="", help="a URL hash, e.g. '#date=2016-11-30&z=12'")
    parser.add_argument(
        "--no-fuse", action="store_true", help="leave the claims unfused (the page shows claims)"
    )
    args = parser.parse_args(argv)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{args.db}"
    started = time.perf_counter()
    stored = fill_store(url, args.events, fuse=not args.no_fuse)
    print(f"store: {stored} events ({time.perf_counter() - started:.0f} s to fill)")

    from frontline.api import create_app
    from frontline.config import load_settings, with_overrides

    with serving(create_app(with_overrides(load_settings(environ={}), db=url))) as base:
        results = measure(base + args.view, args.runs, args.chromium)
    times = [r["first_view_ms"] for r in results]
    print(f"each run: {[round(t) for t in times]} ms")
    print(f"cold (the first visit after the server started): {times[0]:.0f} ms")
    if len(times) > 1:
        warm = times[1:]
        print(
            f"warm over {len(warm)} runs: median {statistics.median(warm):.0f} ms, "
            f"max {max(warm):.0f} ms"
        )
    print(f"{results[0]['events_shown']} events drawn for {results[0]['date']}")
    print("API calls of the first run (ms):", json.dumps(results[0]["calls"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
