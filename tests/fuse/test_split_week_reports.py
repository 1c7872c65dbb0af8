"""A claim dated only to the week carries its article's date: it tells what happened in the
few days before it, or a happening of its own. It joins no event whose claims that know their
day lie mostly more than ``[week_report] days_after`` (3) days before it, unless its sub-type
is told for weeks (a chemical attack).

Real claims: the evacuations of Madaya near Damascus, a first batch on Friday 14 April 2017
and "another 11 buses" on the 19th.
"""

from __future__ import annotations

from fuse_fakes import read_and_fused

from frontline.fuse.rules import default_rules
from frontline.records import Event, FusedEvent

FIRST = "1924058032"  # "evacuated from rebel-held Madaya and Zabadani on Friday" (the 14th)
NEXT_DAY = "1924058147"  # "hundreds of rebels and their families evacuated the town of Madaya"
SECOND = "1918150028"  # "Another 11 buses ... left Madaya and Zabadani" (the 19th)


def _fused() -> tuple[tuple[Event, ...], tuple[FusedEvent, ...]]:
    return read_and_fused(tuple(sorted((FIRST, NEXT_DAY, SECOND))))


def _madaya(doc_id: str, words: str) -> Event:
    events, _ = _fused()
    found = [
        e
        for e in events
        if e.doc_id == doc_id
        and e.sub_event_type == "Displacement"
        and words in e.evidence.text
        and e.place is not None
        and e.place.text == "Madaya"
    ]
    assert found, f"no Madaya displacement of {doc_id} says {words!r}"
    return found[0]


def _event_of(claim: Event) -> FusedEvent:
    _, fused = _fused()
    return next(f for f in fused if claim.event_id in f.members)


def test_the_shipped_rules_give_a_week_report_three_days() -> None:
    assert default_rules().week_report_days == 3


def test_a_report_dated_to_the_week_the_next_day_joins_the_evacuation_it_tells() -> None:
    first = _madaya(FIRST, "on Friday")
    next_day = _madaya(NEXT_DAY, "evacuated the town of Madaya")
    assert (first.time_precision, next_day.time_precision) == (1, 2)
    assert next_day.event_id in _event_of(first).members


def test_a_report_dated_to_the_week_five_days_on_is_another_batch() -> None:
    first = _madaya(FIRST, "on Friday")
    second = _madaya(SECOND, "Another 11 buses")
    assert second.time_precision == 2
    assert first.event_date is not None and second.event_date is not None
    assert (second.event_date - first.event_date).days > default_rules().week_report_days
    assert second.event_id not in _event_of(first).members
