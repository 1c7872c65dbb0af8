"""Incremental fusion against a full rebuild: claims read and time.

Builds a SQLite store of the FA-KES dev corpus, fuses it, adds the TRT example article and fuses
incrementally (``fuse_store(store, new)``), then rebuilds (``fuse_store(store)``) and checks the
two give the same fused events, control periods and credibility scores. Times (wall clock)
include copy detection, the store reads and writes, and the control and credibility refresh
that follow fusion (each shown apart).

    python benchmarks/bench_fuse_update.py [--db /tmp/bench_update.db]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from frontline.fuse import credibility
from frontline.fuse.update import FuseReport, fuse_store, unfused_documents
from frontline.ingest import iter_documents
from frontline.ingest.options import ReadOptions
from frontline.pipeline import run_many
from frontline.records import Document
from frontline.store import Store
from frontline.store import control as control_store
from frontline.store.credibility import read_credibility
from frontline.store.fused import load_fused

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / "samples" / "fakes_dev.csv"
TRT = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"


def _documents(path: Path, options: ReadOptions | None = None) -> list[Document]:
    items: Iterable[object] = iter_documents([path], options or ReadOptions())
    return [d for d in items if isinstance(d, Document)]


_STAGES: dict[str, float] = {}


def _timing(module: object, name: str, stage: str) -> None:
    """Wrap ``module.name`` so that its wall time adds to ``_STAGES[stage]``."""
    inner = getattr(module, name)

    def timed(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            _STAGES[stage] = _STAGES.get(stage, 0.0) + time.perf_counter() - start

    setattr(module, name, timed)


_timing(control_store, "refresh_control", "control")  # the hooks import them when called
_timing(credibility, "refresh_credibility", "credibility")


def _timed(store: Store, doc_ids: list[str] | None) -> tuple[FuseReport, float]:
    _STAGES.clear()
    start = time.perf_counter()
    report = fuse_store(store, doc_ids)
    return report, time.perf_counter() - start


def _line(name: str, report: FuseReport, seconds: float, total: int) -> str:
    control, scores = _STAGES.get("control", 0.0), _STAGES.get("credibility", 0.0)
    return (
        f"{name}: {seconds:.2f} s ({seconds - control - scores:.2f} s fusion, {control:.2f} s "
        f"control, {scores:.2f} s credibility), read {report.claims_read} of "
        f"{total} claims, re-fused {report.claims} claims into {report.fused_events} events"
    )


def _snapshot(store: Store) -> tuple[list[object], ...]:
    periods = sorted(control_store.control_periods(store), key=repr)
    areas: list[object] = sorted(control_store.control_areas(store), key=repr)
    return list(load_fused(store)), list(periods), areas, list(read_credibility(store))


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
        incremental = _snapshot(store)
        report, seconds = _timed(store, None)
        print(_line("full rebuild", report, seconds, store.count_events()))
        rebuilt = _snapshot(store)
        names = ("fused events", "control periods", "area-level changes", "credibility scores")
        for part, name in enumerate(names):
            print(f"incremental equals rebuild, {name}:", rebuilt[part] == incremental[part])


if __name__ == "__main__":
    main()
