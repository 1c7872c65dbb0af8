"""The control timeline, derived from the territory changes the bundled articles report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontline.fuse.control import as_group, build_timeline, derive_control, holders_on
from frontline.fuse.control_shares import control_shares, find_area, neighbourhoods
from frontline.geo import Gazetteer
from frontline.records import ControlPeriod, Document, Event, TerritoryChange

SAMPLES = Path(__file__).parents[2] / "samples"
ARTICLE = SAMPLES / "aleppo_2016-11-28_trt.txt"
GOV, REBELS = "Military Forces of Syria", "Syrian rebels"


def _extract_corpus() -> list[Event]:
    """The example article and the FA-KES articles on Aleppo from Nov–Dec 2016."""
    from frontline.ingest import ReadOptions, iter_documents
    from frontline.pipeline import run_one

    docs = list(iter_documents([ARTICLE], ReadOptions(published=date(2016, 11, 28))))
    docs += [
        d
        for d in iter_documents([SAMPLES / "fakes_dev.csv"])
        if isinstance(d, Document)
        and d.meta.get("location") == "aleppo"
        and d.published is not None
        and date(2016, 11, 1) <= d.published <= date(2016, 12, 31)
    ]
    assert len(docs) > 10
    return [e for d in docs if isinstance(d, Document) for e in run_one(d).events]


@pytest.fixture(scope="module")
def claims() -> list[Event]:
    return [e for e in _extract_corpus() if e.territory is not None]


@pytest.fixture(scope="module")
def periods(claims: list[Event]) -> list[ControlPeriod]:
    return derive_control(claims)


def _periods_of(periods: Sequence[ControlPeriod], place: str) -> list[ControlPeriod]:
    return [p for p in periods if p.place == place]


def _holder(periods: Sequence[ControlPeriod], place: str, on: date) -> ControlPeriod:
    (found,) = [p for p in holders_on(periods, on) if p.place == place]
    return found


def _capture(claims: Sequence[Event], place: str) -> Event:
    (found,) = [c for c in claims if c.location == place and c.doc_id.startswith("aleppo")]
    return found


def test_control_capture_dates_follow_the_articles_own_words(
    periods: list[ControlPeriod],
) -> None:
    # "took control of the Hanano housing district ... on Saturday", "Jabal Badro on Sunday",
    # in an article published Monday 28 November 2016
    hanano = [p for p in _periods_of(periods, "Hanano") if p.faction == GOV]
    badro = [p for p in _periods_of(periods, "Jabal Badro") if p.faction == GOV]
    assert [p.since for p in hanano] == [date(2016, 11, 26)]
    assert [p.since for p in badro] == [date(2016, 11, 27)]
    assert badro[0].within == "Aleppo"


def test_control_holder_before_and_after_the_capture(
    periods: list[ControlPeriod], claims: list[Event]
) -> None:
    after = _holder(periods, "Jabal Badro", date(2016, 11, 28))
    before = _holder(periods, "Jabal Badro", date(2016, 11, 20))
    assert after.faction == GOV
    assert before.faction == REBELS
    assert before.since is None and before.until == date(2016, 11, 27)
    evidence = {c.event_id: c for c in claims}
    assert all("Jabal Badro" in evidence[i].evidence.text for i in after.evidence)


def test_control_area_claims_do_not_overwrite_neighbourhoods(
    claims: list[Event], periods: list[ControlPeriod]
) -> None:
    timeline = build_timeline(claims)
    # "rebels lost all of the northern neighbourhoods of their stronghold in east Aleppo"
    assert any(a.place == "Aleppo" and a.taker == GOV for a in timeline.area_claims)
    assert not _periods_of(periods, "Aleppo")
    named = {c.location for c in claims if c.location != "Aleppo"}
    assert {p.place for p in periods} <= named


def test_control_claimed_changes_count_for_less(periods: list[ControlPeriod]) -> None:
    # Holok: "It later said it had taken a third district" (the regime's own claim)
    holok = _holder(periods, "Holok", date(2016, 11, 28))
    badro = _holder(periods, "Jabal Badro", date(2016, 11, 28))
    assert holok.faction == GOV
    assert 0 < holok.confidence < badro.confidence


def _rival(event: Event, *, taker: str, loser: str, source: str, certainty: str) -> Event:
    return replace(
        event,
        event_id=f"{event.event_id}-{source}",
        doc_id=f"{event.doc_id}-{source}",
        source=source,
        territory=TerritoryChange(loser, taker),
        certainty=certainty,
    )


def test_control_same_day_conflict_keeps_both_and_the_better_supported_wins(
    claims: list[Event],
) -> None:
    capture = _capture(claims, "Jabal Badro")
    rival = _rival(capture, taker=REBELS, loser=GOV, source="etilaf", certainty="claimed")
    periods = derive_control([capture, rival])
    day = date(2016, 11, 28)
    both = [p for p in periods if p.since == capture.event_date]
    assert {p.faction for p in both} == {GOV, REBELS}
    assert _holder(periods, "Jabal Badro", day).faction == GOV

    backed = [
        _rival(capture, taker=REBELS, loser=GOV, source=s, certainty="reported")
        for s in ("etilaf", "alaraby")
    ]
    assert _holder(derive_control([capture, *backed]), "Jabal Badro", day).faction == REBELS


def test_control_denied_change_moves_nothing_and_weakens_the_claim(claims: list[Event]) -> None:
    capture = _capture(claims, "Jabal Badro")
    denial = _rival(capture, taker=GOV, loser=REBELS, source="etilaf", certainty="denied")
    alone = _holder(derive_control([capture]), "Jabal Badro", date(2016, 11, 28))
    denied = _holder(derive_control([capture, denial]), "Jabal Badro", date(2016, 11, 28))
    assert denied.faction == GOV and denied.confidence < alone.confidence
    assert derive_control([denial]) == []


def test_control_recapture_closes_the_period(claims: list[Event]) -> None:
    capture = _capture(claims, "Jabal Badro")
    back = replace(
        _rival(capture, taker=REBELS, loser=GOV, source="etilaf", certainty="reported"),
        event_date=date(2016, 12, 1),
    )
    factions = [(p.faction, p.since, p.until) for p in derive_control([back, capture])]
    assert factions == [
        (REBELS, None, date(2016, 11, 27)),
        (GOV, date(2016, 11, 27), date(2016, 12, 1)),
        (REBELS, date(2016, 12, 1), None),
    ]


def test_control_withdrawal_ends_the_period_without_a_new_holder(claims: list[Event]) -> None:
    capture = _capture(claims, "Jabal Badro")
    withdrew = replace(
        _rival(capture, taker=None, loser=GOV, source="etilaf", certainty="reported"),  # type: ignore[arg-type]
        event_date=date(2016, 12, 3),
    )
    periods = derive_control([capture, withdrew])
    assert periods[-1].faction == GOV and periods[-1].until == date(2016, 12, 3)
    assert not [p for p in holders_on(periods, date(2016, 12, 4)) if p.place == "Jabal Badro"]


def test_control_fused_sources_and_camps_raise_confidence(claims: list[Event]) -> None:
    capture = _capture(claims, "Jabal Badro")
    single = derive_control([capture])[-1]
    fused = replace(
        as_group(capture),
        sources=("trt", "sana", "reuters"),
        camps=("Turkish state/pro-government", "Syrian state", "international wire"),
        independent_sources=3,
    )
    corroborated = derive_control([fused])[-1]
    assert corroborated.faction == single.faction == GOV
    assert corroborated.confidence > single.confidence
    assert corroborated.evidence == (capture.event_id,)


def test_control_shares_of_aleppo_by_count_and_area(periods: list[ControlPeriod]) -> None:
    gaz = Gazetteer.default()
    day = date(2016, 11, 28)
    area = find_area(gaz, "Aleppo", periods)
    assert area is not None and area.kind == "city"
    shares = control_shares(gaz, area, holders_on(periods, day), day)
    known = {s.faction: s for s in shares.known}
    assert known[GOV].places >= 4
    overall = {s.faction: s for s in shares.overall}
    assert shares.total == len(neighbourhoods(gaz, area)) > 100
    assert sum(s.places for s in shares.overall) == shares.total
    assert overall["unknown"].places < shares.total
    assert sum(s.area_share or 0 for s in shares.overall) == pytest.approx(1.0, abs=0.01)


def test_control_unknown_place_is_none(periods: list[ControlPeriod]) -> None:
    assert find_area(Gazetteer.default(), "Xqzzyville", periods) is None
