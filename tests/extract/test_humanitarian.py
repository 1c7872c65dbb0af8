"""The Humanitarian layer on real sentences: what makes a siege, a displacement or an
infrastructure event, and what does not (data/gold/README.md, Sieges and Infrastructure).

Sentences come from the bundled FA-KES dev articles (samples/fakes_dev.csv), a place or day
added where the article gave it elsewhere, unless marked as written to the guideline.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date, source: str = "afp") -> list[Event]:
    return events_of(text, published, source)


def _kinds(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.location or "") for e in events]


def test_a_school_hit_is_the_strike_alone_not_an_infrastructure_event() -> None:
    # The convention names facilities serving civilians' survival (hospital, civil-defence
    # centre, medical warehouse, water station); a school struck is coded as the strike only.
    text = (
        "One of the shells smashed into a high school in Damascus on Tuesday and injured three "
        "of its staff members according to a Police Command source."
    )
    events = _events(text, date(2016, 2, 3), "sana")
    assert not [e for e in events if e.sub_event_type == "Infrastructure"], _kinds(events)
    assert [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]


def test_a_hospital_hit_is_still_an_infrastructure_event() -> None:
    text = (
        "A view shows the damage at a hospital after an air strike in Deir al-Sharqi village in "
        "Idlib province Syria on Thursday."
    )
    events = _events(text, date(2017, 4, 28), "reuters")
    assert [e for e in events if e.sub_event_type == "Infrastructure"], _kinds(events)


def test_months_into_a_siege_is_a_running_siege() -> None:
    text = (
        "Fridays rebel assault comes more than three months into a government siege of eastern "
        "Aleppo where more than 250000 people live."
    )
    sieges = [e for e in _events(text, date(2016, 10, 28)) if e.sub_event_type == "Siege"]
    assert [(e.location, e.event_date) for e in sieges] == [("Aleppo", date(2016, 10, 28))]


def test_a_months_long_siege_is_a_running_siege() -> None:
    text = (
        "Syrian rebels launched a major assault Friday aimed at breaking a months-long siege of "
        "opposition-held districts of Aleppo."
    )
    sieges = [e for e in _events(text, date(2016, 10, 28)) if e.sub_event_type == "Siege"]
    assert [e.location for e in sieges] == ["Aleppo"]


def test_the_besieged_town_alone_is_no_siege() -> None:
    text = "Government forces shelled the besieged town of Madaya on Monday."  # to the guideline
    events = _events(text, date(2016, 8, 12))
    assert not [e for e in events if e.sub_event_type == "Siege"], _kinds(events)


def test_a_convoy_of_buses_leaving_a_town_is_a_displacement_from_it() -> None:
    text = (
        "Meanwhile a convoy of 11 buses left regime-besieged al-Zabadani near the capital "
        "Damascus for opposition-controlled territory a military media unit linked to the "
        "pro-regime Hezbollah group said."
    )
    events = _events(text, date(2017, 4, 19))
    assert [e.location for e in events if e.sub_event_type == "Displacement"] == ["Zabadani"]


def test_a_blocked_supply_route_is_an_infrastructure_event() -> None:
    # GUIDELINE_EXTENSIONS.md: a blocked main supply road is Humanitarian / Infrastructure.
    text = (
        "The Syrian army backed by allied militia has captured several villages north of Aleppo "
        "from insurgents and fighting has blocked a main supply route leading into the northern "
        "city a monitoring group said on Tuesday."
    )
    events = _events(text, date(2015, 2, 18), "reuters")
    roads = [e for e in events if e.sub_event_type == "Infrastructure"]
    assert [(e.location, e.event_date) for e in roads] == [("Aleppo", date(2015, 2, 17))]
    # the road is cut, not seized: the capture told beside it stays its own event
    captures = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert [(e.location, e.territory is not None) for e in captures] == [("Aleppo", True)]


def test_a_road_told_as_a_landmark_is_no_infrastructure_event() -> None:
    text = (  # to the guideline: a road named only as where something happened
        "Rebels attacked an army checkpoint on the road between Aleppo and Idlib on Monday."
    )
    events = _events(text, date(2016, 7, 19))
    assert not [e for e in events if e.sub_event_type == "Infrastructure"], _kinds(events)


def test_one_of_a_rescue_group_s_buildings_hit_is_an_infrastructure_event() -> None:
    text = (
        "The White Helmets a group of civil defence emergency workers operating in rebel-held "
        "areas said on Twitter one of their buildings in Haritan in the north Aleppo countryside "
        "was hit by an air strike on Saturday."
    )
    events = _events(text, date(2016, 6, 18), "ahram")
    kinds = sorted(e.sub_event_type for e in events)
    assert kinds == ["Air/drone strike", "Infrastructure"], _kinds(events)


def test_a_displacement_told_before_an_unnamed_speaker_is_kept() -> None:
    # unpunctuated text: "... an activist said" names the speaker, not "civilians ... Turkey"
    text = (
        "The assault on the town of Ras al-Ain sparked an exodus of civilians into neighbouring "
        "Turkey an activist said."
    )
    events = _events(text, date(2013, 8, 17))
    assert [e.sub_event_type for e in events] == ["Displacement"], _kinds(events)
    assert events[0].attributed_to == "activist"


def test_hospital_bombings_as_a_class_of_attacks_are_no_infrastructure_event() -> None:
    text = (
        "Last week MSFs international president condemned the United Nations for failing to "
        "take action over hospital bombings in Aleppo."
    )
    events = _events(text, date(2016, 9, 26), "anadolu")
    assert not [e for e in events if e.sub_event_type == "Infrastructure"], _kinds(events)


def test_the_hospital_strike_is_still_one_facility_hit() -> None:
    text = "The air strike hit the hospital in Kafr Takharim on Tuesday."  # to the guideline
    events = _events(text, date(2017, 4, 26), "reuters")
    assert [e.location for e in events if e.sub_event_type == "Infrastructure"] == ["Kafr Takharim"]
