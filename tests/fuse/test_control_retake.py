"""Two rules of the control timeline, on real FA-KES claims (development batches D and F).

- A place the gazetteer lacks, kept under its own name at the governorate its sentence names
  (precision 3), is a place of its own, not a change known only at governorate level: the
  army's "restore security to Sanei Tal al-Hawa and Tal-Arous in the southwestern countryside
  of Damascus" gives periods at Tal al-Hawa and Tal-Arous.
- A change to the side that already holds a place, taking it from another side, more than
  ``retake_gap_days`` (30) after the last change of its period, is a new capture: the army
  retook Al-Qaryatayn from the Islamic State in April 2016 and again in October 2017 ("After
  the regime retook it [on Saturday]"); the loss between went unreported.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fuse_fakes import read_documents

from frontline.fuse.control import ControlWeights, build_timeline
from frontline.pipeline import run_one
from frontline.records import Event, GeoStatus

GOV = "Military Forces of Syria"
SANA_SOURCE = "1915433670"  # Deir al-Adas, February 2015: the army "restore security" to ...
QARYATAYN_2016 = "1965511206"  # "fully retook the al-Qaryatain city in Homs"
QARYATAYN_2017 = "1965495348"  # "After the regime retook it [on Saturday]"


def _territory(*doc_ids: str) -> list[Event]:
    documents = read_documents()
    return [e for d in doc_ids for e in run_one(documents[d]).events if e.territory is not None]


def test_a_place_the_gazetteer_lacks_kept_at_its_governorate_gets_a_period() -> None:
    claims = _territory(SANA_SOURCE)
    hawa = [e for e in claims if e.place is not None and e.place.text == "Tal al-Hawa"]
    assert hawa and all(e.place is not None for e in hawa)
    place = hawa[0].place
    assert place is not None
    assert (place.status, place.geo_precision) == (GeoStatus.UNRESOLVED, 3)
    periods = [p for p in build_timeline(claims).periods if p.place == "Tal al-Hawa"]
    assert [(p.faction, p.since) for p in periods if p.since is not None] == [
        (GOV, hawa[0].event_date)
    ]


def test_a_change_told_only_at_its_governorate_still_gives_no_period() -> None:
    hawa = next(e for e in _territory(SANA_SOURCE) if e.place and e.place.text == "Tal al-Hawa")
    assert hawa.place is not None and hawa.place.admin1
    governorate = replace(
        hawa.place,
        text=hawa.place.admin1,
        name=hawa.place.admin1,
        status=GeoStatus.RESOLVED,
        feature="governorate",
    )
    timeline = build_timeline([replace(hawa, place=governorate)])
    assert not timeline.periods and not timeline.area_claims


def test_a_retaking_from_another_side_months_later_opens_a_new_period() -> None:
    assert ControlWeights.default().retake_gap_days == 30
    claims = _territory(QARYATAYN_2016, QARYATAYN_2017)
    here = [e for e in claims if e.place is not None and e.place.name == "Al-Qaryatayn"]
    assert {e.event_date.year for e in here if e.event_date} == {2016, 2017}
    periods = [p for p in build_timeline(here).periods if p.place == "Al-Qaryatayn"]
    army = sorted((p.since, p.until) for p in periods if p.faction == GOV)
    assert army[0][0] == date(2016, 4, 3) and army[0][1] == date(2017, 10, 21)
    assert army[1] == (date(2017, 10, 21), None)
