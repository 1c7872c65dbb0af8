"""Incremental fusion against a full rebuild: claims read and time.

Builds a SQLite store of the FA-KES dev corpus, fuses it, adds the TRT example article and fuses
incrementally (``fuse_store(store, new)``), then rebuilds (``fuse_store(store)``) and checks the
two give the same fused events. Times (wall clock) include copy detection, the store reads
and writes, and the control and credibility refresh that follow fusion (shown apart too).

    python benchmarks/bench_fuse_update.py [--db /tmp/bench_update.db]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from frontline.fuse import update
from frontline.fuse.update import FuseReport, fuse_store, unfused_documents
from frontline.ingest import iter_documents
from frontline.ingest.options import ReadOptions
from frontline.pipeline import run_many
from frontline.records import Document
from frontline.store import Store
from frontline.store.fused import load_fused

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / "samples" / "fakes_dev.csv"
TRT = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"


def _documents(path: Path, options: ReadOptions | None = None) -> list[Document]:
    items: Iterable[object] = iter_documents([path], options or ReadOptions())
    return [d for d in items if isinstance(d, Document)]


_HOOKS: list[float] = []
_refresh = update._refresh_hooks


def _timed_hooks(store: Store, doc_ids: Sequence[str] | None) -> tuple[str, ...]:
    start = time.perf_counter()
    hooks = _refresh(store, doc_ids)
    _HOOKS.append(time.perf_counter() - start)
    return hooks


update._refresh_hooks = _timed_hooks  # times the control and credibility refresh apart


def _timed(store: Store, doc_ids: list[str] | None) -> tuple[FuseReport, float]:
    start = time.perf_counter()
    report = fuse_store(store, doc_ids)
    return report, time.perf_counter() - start


def _line(name: str, report: FuseReport, seconds: float, total: int) -> str:
    return (
        f"{name}: {seconds:.2f} s ({seconds - _HOOKS[-1]:.2f} s fusion, "
        f"{_HOOKS[-1]:.2f} s control and credibility refresh), read {report.claims_read} of "
        f"{total} claims, re-fused {report.claims} claims into {report.fused_events} events"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench_update.db"))
    args = parser.parse_args()
    args.db.unlink(missing_ok=True)
    with Store.open(f"sqlite:///{args.db}") as store:
        store.ingest(list(run_many(_documents(FAKES))))
        report, seconds = _timed(store, None)
        print(_line("full fuse of FA-KES dev", report, seconds, store.count_events()))
        trt = _documents(TRT, ReadOptions(published=date(2016, 11, 28)))
        store.ingest(list(run_many(trt)))
        report, seconds = _timed(store, unfused_documents(store))
        print(_line("incremental after the TRT article", report, seconds, store.count_events()))
        incremental = load_fused(store)
        report, seconds = _timed(store, None)
        print(_line("full rebuild", report, seconds, store.count_events()))
        print("incremental equals rebuild:", load_fused(store) == incremental)


if __name__ == "__main__":
    main()
