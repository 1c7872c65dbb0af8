"""Fusion over the store: incremental after new documents equals a full rebuild."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fuse_fakes import TRT, fakes_documents, rows_where
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontline.cli import main
from frontline.fuse.update import fuse_store, unfused_documents
from frontline.pipeline import run_many, run_one
from frontline.records import Credibility, Document, Extraction
from frontline.store import Store
from frontline.store import credibility as credibility_store
from frontline.store.control import control_areas, control_periods
from frontline.store.credibility import read_credibility
from frontline.store.fused import FusedFilter, fused_members, load_fused
from frontline.store.schema import ControlPeriodRow

ALEPPO_LATE_2016 = rows_where("aleppo", ("11/2016", "12/2016"))
UNRELATED = rows_where("damascus", tuple(f"{m}/2013" for m in range(1, 13)))


@functools.cache
def _extractions() -> tuple[Extraction, ...]:
    wanted = set(ALEPPO_LATE_2016)
    return tuple(run_many(d for d in fakes_documents() if d.doc_id in wanted))


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    return [
        (f.fused_id, f.members, f.sources, f.independent_sources, f.fatalities_best, f.place)
        for f in load_fused(store)
    ]


def _derived(store: Store) -> tuple[list[object], list[object], list[object]]:
    """What fusion refreshes after it: the control timeline (periods and area-level changes)
    and the credibility scores."""
    periods = sorted(control_periods(store), key=repr)
    scores = sorted(read_credibility(store), key=lambda c: c.doc_id)
    return periods, scores, sorted(control_areas(store), key=repr)


def _period_rows(store: Store) -> dict[int, tuple[object, ...]]:
    """The stored periods by row id (a row re-derived gets a new id)."""
    with Session(store.engine) as session:
        rows = session.scalars(select(ControlPeriodRow))
        return {r.id: (r.place, r.faction, r.since, r.until, r.confidence) for r in rows}


@functools.cache
def _trt() -> Extraction:
    """The example article: captures of east Aleppo's neighbourhoods (territory changes)."""
    text = TRT.read_text(encoding="utf-8")
    return run_one(Document("trt", text, published=date(2016, 11, 28), source="TRT World"))


def test_fuse_store_incremental_equals_rebuild(tmp_path: Path) -> None:
    # the article's captures arrive in the second half, so the timeline changes incrementally
    documents = (*_extractions(), _trt())
    half = len(documents) // 2
    assert half >= 5
    with Store.open(f"sqlite:///{tmp_path / 'inc.db'}") as store:
        store.ingest(documents[:half])
        fuse_store(store, unfused_documents(store))
        store.ingest(documents[half:])
        new = unfused_documents(store)
        assert len(new) == len({x.document.doc_id for x in documents[half:]})
        report = fuse_store(store, new)
        assert report.components < report.claims
        incremental = _snapshot(store)
        derived = _derived(store)
        assert derived[0] and len(derived[1]) == len(documents)
        again = fuse_store(store, unfused_documents(store))
        assert again.fused_events == 0 and _snapshot(store) == incremental
        fuse_store(store)
        assert _snapshot(store) == incremental
    with Store.open(f"sqlite:///{tmp_path / 'full.db'}") as store:
        store.ingest(documents)
        fuse_store(store)
        assert _snapshot(store) == incremental
        assert _derived(store) == derived


def test_incremental_update_reads_only_the_claims_near_the_new_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unrelated = tuple(run_many(d for d in fakes_documents() if d.doc_id in set(UNRELATED)))
    trt = _trt()
    with Store.open(f"sqlite:///{tmp_path / 'inc.db'}") as store:
        store.ingest((*_extractions(), *unrelated))
        fuse_store(store)
        periods = _period_rows(store)
        store.ingest([trt])
        scored: list[str] = []
        write = credibility_store.write_credibility

        def spy(store: Store, records: Sequence[Credibility], published: Any) -> None:
            scored.extend(r.doc_id for r in records)
            write(store, records, published)

        monkeypatch.setattr(credibility_store, "write_credibility", spy)
        report = fuse_store(store, unfused_documents(store))
        assert trt.events and 0 < report.claims_read < store.count_events()
        assert report.claims <= report.claims_read
        # credibility is re-scored for the documents of the re-fused claims only
        assert "trt" in scored and not set(scored) & set(UNRELATED)
        # the periods of places the article names are re-derived, the others left as they were
        now = _period_rows(store)
        kept = set(now.items()) & set(periods.items())
        assert kept and len(now) > len(kept)
        assert {row[0] for row in now.values()} - {row[0] for row in periods.values()}
        incremental, derived = _snapshot(store), _derived(store)
        rebuilt = fuse_store(store)
        assert rebuilt.claims_read == store.count_events()
        assert _snapshot(store) == incremental
        assert _derived(store) == derived


# the missile on al-Maghayir, Aleppo, 21 July 2015: AFP (through Ahram Online and TRT World)
# and the Syrian Coalition, two independent sources of one event
MAGHAYIR = ("1918398785", "1923848184", "1926478915")


def test_fuse_store_readers_filter_and_list_members(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        store.ingest(_extractions())
        store.ingest(tuple(run_many(d for d in fakes_documents() if d.doc_id in MAGHAYIR)))
        fuse_store(store)
        everything = load_fused(store)
        assert everything
        claims = sum(len(f.members) for f in everything)
        assert claims == store.count_events()
        several = load_fused(store, FusedFilter(min_sources=2))
        assert several and all(f.independent_sources >= 2 for f in several)
        first = several[0]
        members = fused_members(store, first.fused_id)
        assert sorted(e.event_id for e in members) == list(first.members)
        battles = load_fused(store, FusedFilter(event_type="battles"))
        assert all(f.event_type == "Battles" for f in battles)


@pytest.mark.parametrize("flag", [[], ["--rebuild"]])
def test_cli_fuse_reports_what_it_fused(tmp_path: Path, flag: list[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    trt = Path(__file__).resolve().parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", str(trt), "--db", db, "--published", "2016-11-28"])
    assert ingested.exit_code == 0, ingested.output
    assert "fused" in ingested.output
    result = runner.invoke(main, ["fuse", "--db", db, *flag])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("fused ")
    with Store.open(db) as store:
        fused = load_fused(store)
        assert sum(len(f.members) for f in fused) == store.count_events()
        assert {f.camps for f in fused} == {("Turkish state/pro-government",)}
