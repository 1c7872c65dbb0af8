"""The control timeline from fused changes read with their member claims, raw claims with
their outlet's camp, and area-level changes kept in the store, on the bundled articles."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontline.cli import main
from frontline.fuse.control import as_group, build_timeline
from frontline.fuse.copies import find_copies, fingerprint
from frontline.fuse.fusion import fuse_claims
from frontline.fuse.outlets import OutletDirectory
from frontline.records import Document, Event, FusedEvent, TerritoryChange
from frontline.store import Store
from frontline.store.control import control_areas, refresh_control

SAMPLES = Path(__file__).parents[2] / "samples"
ARTICLE = SAMPLES / "aleppo_2016-11-28_trt.txt"
GOV, REBELS = "Military Forces of Syria", "Syrian rebels"


def _documents() -> list[Document]:
    """The example article and the FA-KES dev articles published in Nov–Dec 2016."""
    from frontline.ingest import ReadOptions, iter_documents

    docs = list(iter_documents([ARTICLE], ReadOptions(published=date(2016, 11, 28))))
    docs += list(iter_documents([SAMPLES / "fakes_dev.csv"]))
    return [
        d
        for d in docs
        if isinstance(d, Document)
        and d.published is not None
        and date(2016, 11, 1) <= d.published <= date(2016, 12, 31)
    ]


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Document], list[Event]]:
    from frontline.pipeline import run_one

    docs = _documents()
    return docs, [e for d in docs for e in run_one(d).events if e.territory is not None]


def _fuse(docs: list[Document], claims: list[Event]) -> list[FusedEvent]:
    copies = find_copies([fingerprint(d.doc_id, d.text, d.published) for d in docs])
    return fuse_claims(claims, copies, {d.doc_id: d.source for d in docs})


def test_control_raw_claims_carry_their_outlets_camp(
    corpus: tuple[list[Document], list[Event]],
) -> None:
    _, claims = corpus
    for claim in claims:
        assert as_group(claim).camps == (OutletDirectory.default().camp(claim.source),)
    trt = next(c for c in claims if c.source == "trt")
    assert as_group(trt).camps != ("unknown",)


def test_control_capture_dates_of_every_aleppo_neighbourhood_come_from_their_day(
    corpus: tuple[list[Document], list[Event]],
) -> None:
    docs, claims = corpus
    by_id = {c.event_id: c for c in claims}
    fused = _fuse(docs, claims)
    members = {f.fused_id: f.members for f in fused}
    timeline = build_timeline(fused, members=by_id)
    captured = {c.place.name for c in claims if c.place and c.place.feature == "neighbourhood"}
    assert {"Hanano", "Jabal Badro", "Sakhour"} <= captured
    for place in captured:
        taken = [p for p in timeline.periods if p.place == place and p.since is not None]
        assert taken, f"{place} has no capture date"
        for period in taken:
            stated = [
                by_id[m]
                for change in period.evidence
                for m in (members.get(change, (change,)) if change not in by_id else (change,))
            ]
            days = sorted(c.event_date for c in stated if c.event_date is not None)
            # dated by the claims of its first day; later mentions only confirm the holder
            assert days and abs((days[0] - period.since).days) <= 1, place


def test_control_members_far_from_the_fused_date_keep_their_own_day(
    corpus: tuple[list[Document], list[Event]],
) -> None:
    _, claims = corpus
    capture = next(c for c in claims if c.place and c.place.name == "Jabal Badro")
    assert capture.event_date == date(2016, 11, 27)
    later = replace(
        capture,
        event_id=capture.event_id + "-later",
        doc_id="later",
        source="etilaf",
        event_date=date(2016, 12, 9),
    )
    # a fused change dated by its later member (as a vote between two outlets can fall)
    fused = replace(
        as_group(later),
        fused_id="fused-badro",
        members=(capture.event_id, later.event_id),
        sources=("etilaf", "trt"),
        independent_sources=2,
    )
    voted = [p for p in build_timeline([fused]).periods if p.faction == GOV]
    assert [p.since for p in voted] == [date(2016, 12, 9)]
    members = {c.event_id: c for c in (capture, later)}
    split = [p for p in build_timeline([fused], members=members).periods if p.faction == GOV]
    assert [p.since for p in split] == [date(2016, 11, 27)]
    assert set(split[0].evidence) == {capture.event_id, later.event_id}


def test_control_rival_takers_fused_together_both_get_a_period(
    corpus: tuple[list[Document], list[Event]],
) -> None:
    _, claims = corpus
    capture = next(c for c in claims if c.place and c.place.name == "Jabal Badro")
    rival = replace(
        capture,
        event_id=capture.event_id + "-rival",
        doc_id="rival",
        source="etilaf",
        territory=TerritoryChange(GOV, REBELS),
    )
    (fused,) = [f for f in fuse_claims([capture, rival]) if capture.event_id in f.members]
    assert set(fused.members) == {capture.event_id, rival.event_id}
    voted = {p.faction for p in build_timeline([fused]).periods if p.since}
    split = build_timeline([fused], members={c.event_id: c for c in (capture, rival)})
    assert len(voted) == 1
    assert {p.faction for p in split.periods if p.since} == {GOV, REBELS}


@pytest.fixture
def filled(store: Store) -> Store:
    from frontline.ingest import ReadOptions, iter_documents
    from frontline.pipeline import run_many

    docs = [
        d
        for d in iter_documents([ARTICLE], ReadOptions(published=date(2016, 11, 28)))
        if isinstance(d, Document)
    ]
    store.ingest(run_many(docs))
    return store


def test_control_area_level_changes_are_stored_and_listed_with_their_level(
    filled: Store,
) -> None:
    refresh_control(filled)
    areas = control_areas(filled)
    # "Syria's rebels lost all of the northern neighbourhoods of their stronghold in east Aleppo"
    assert any(a.place == "Aleppo" and a.taker == GOV and a.on == date(2016, 11, 28) for a in areas)
    assert control_areas(filled, until=date(2016, 11, 1)) == []
    refresh_control(filled)
    assert control_areas(filled) == areas
    args = ["control", "--place", "Aleppo", "--date", "2016-11-28", "--db", filled.url]
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["level"] for r in rows} == {"place", "area"}
    area_rows = [r for r in rows if r["level"] == "area"]
    assert all(r["since"] <= "2016-11-28" and r["evidence"] for r in area_rows)
    assert any(r["place"] == "Aleppo" and r["faction"] == GOV for r in area_rows)
    places = {r["place"] for r in rows if r["level"] == "place"}
    assert "Aleppo" not in places and "Jabal Badro" in places
