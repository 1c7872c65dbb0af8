"""Words of attack that the trigger lexicon (frontline/data/triggers.toml) reads as events.

Each sentence is copied from an article of a development gold set (samples/fakes_dev.csv);
the date given is the article's publication date.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.records import Event

GOVERNMENT = "Military Forces of Syria"
REBELS = "Syrian rebels"


def _kinds(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.sub_event_type, e.location) for e in events]


def test_blew_up_a_car_is_an_explosion_where_it_was_blown_up() -> None:
    # batch B, 1965511195 (sana)
    events = events_of(
        "The terrorists blew up a car and a motorcycle in al-Mukhraam al-Fouqani town in the "
        "eastern countryside of Homs province the agency said according to Barazi.",
        date(2016, 5, 5),
        "sana",
    )
    assert ("Remote explosive/landmine/IED", "Mukharram al Fawqani") in _kinds(events)


def test_a_bomber_who_blew_himself_up_is_still_a_suicide_bomb() -> None:
    # batch B, 1924058099 (trt): "blew up" does not outrank "blew himself up"
    events = events_of(
        "The latest attack comes one week after a Daesh suicide bomber blew himself up at a "
        "border crossing in neighbouring Idlib province killing 29 Syrian opposition fighters.",
        date(2016, 10, 13),
        "trt",
    )
    assert {e.sub_event_type for e in events} == {"Suicide bomb"}


def test_explosive_rounds_fired_at_a_neighbourhood_are_shelling() -> None:
    # batch C, 1926479084 (sana)
    events = events_of(
        "A source at Damascus Police Command told SANAs correspondent that terrorists located in "
        "the Eastern Ghouta area in Damascus Countryside fired explosive rounds at the residential "
        "neighborhood of al-Mazraa injuring one person.",
        date(2016, 11, 28),
        "sana",
        "damascus",
    )
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.location for e in shelling] == ["Al Mazra'a"]
    assert shelling[0].actor1 == REBELS


def test_a_district_that_came_under_fire_was_shelled() -> None:
    # batch B, 1923102944 (alaraby)
    events = events_of(
        "Meanwhile the rebel-held Handarat district just a few miles north of Aleppo also came "
        "under fire The New Arab correspondent reported.",
        date(2016, 9, 20),
        "alaraby",
        "aleppo",
    )
    assert _kinds(events) == [("Shelling/artillery/missile attack", "Handarat")]


def test_an_aircraft_that_came_under_fire_was_not_shelling() -> None:
    # batch B, 1924058080 (presstv): ground fire at a helicopter is no bombardment
    events = events_of(
        "After using up all of their ammunition the pilots were leaving the area when their "
        "chopper came under fire from the ground held by Syrian military troops after DAESH "
        "militants breached Syrian forces lines east of Palmyra.",
        date(2016, 7, 10),
        "trt",
        "homs",
    )
    assert "Shelling/artillery/missile attack" not in {e.sub_event_type for e in events}


def test_a_thwarted_attempt_to_storm_a_base_is_fighting() -> None:
    # batch F, 1962495649 (alalam)
    events = events_of(
        "The army units meantime thwarted an attempt by the Takfiri terrorists to penetrate into "
        "a Syrian army base in Jabal al-Rahmalia region in Northern Lattakia.",
        date(2015, 7, 30),
        "alalam",
        "lattakia",
    )
    clash = [e for e in events if e.sub_event_type == "Armed clash"]
    assert [e.location for e in clash] == ["Ar Rahmaliyah"]
    assert (clash[0].actor1, clash[0].actor2) == (GOVERNMENT, REBELS)


def test_a_route_that_has_been_cut_is_infrastructure_whatever_stands_between() -> None:
    # batch G, 1923102958 (alaraby): "the only route out of those areas has been cut"
    events = events_of(
        "Around 200000 people lived in rebel-held eastern parts of Aleppo and the only route out "
        "of those areas has been cut following fierce fighting that erupted on Thursday.",
        date(2016, 6, 5),
        "alaraby",
        "aleppo",
    )
    assert ("Infrastructure", "Aleppo") in _kinds(events)


def test_a_blockade_of_the_roads_to_an_area_is_a_siege() -> None:
    # batch G, 1926479081 (etilaf)
    events = events_of(
        "Northern rural Homs already suffers from lack of food and medical supplies as a result "
        "of the regimes blockade of most of the roads leading to the area.",
        date(2016, 1, 28),
        "etilaf",
        "homs",
    )
    # (the besieger is left open: "the regimes" with its lost apostrophe names no actor yet)
    assert [e.location for e in events if e.sub_event_type == "Siege"] == ["Homs"]
