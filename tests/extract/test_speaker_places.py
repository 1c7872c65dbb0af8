"""A place named inside the speaker's words places an event that names no other.

FA-KES reports often lose their commas ("... south of the city of Hasakeh from Daesh forces the
observatory said"), so the words read as the speaker's may hold the event's place; and "a
spokesman at the hospital in Kafr Takharim" says where the strike on that hospital was. The
most specific such place is used before the place the story was at. Sentences from bundled
FA-KES dev articles (samples/fakes_dev.csv) with their articles' publication dates.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "reuters")


def test_a_place_in_the_speakers_words_places_the_event() -> None:
    text = (
        "A spokesman at the hospital in Kafr Takharim in Idlib said an air strike hit its "
        "courtyard killing 14 people including patients."
    )
    events = _events(text, date(2017, 4, 25))
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Air/drone strike", "Kafr Takharim")
    ]
    assert events[0].fatalities == 14


def test_a_capture_backed_by_shelling_is_placed_from_the_words_before_the_verb() -> None:
    text = (
        "In northeastern Syria Kurdish forces backed by government shelling took an area south "
        "of the city of Hasakeh from Daesh forces the observatory said."
    )
    events = _events(text, date(2015, 7, 17))
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Non-state actor overtakes territory", "Al-Hasakah")
    ]
    assert events[0].territory is not None
    assert events[0].territory.taker == "Kurdish YPG/SDF"
    assert events[0].attributed_to == "Syrian Observatory for Human Rights"


def test_a_neighbourhood_in_the_speakers_words_beats_its_city() -> None:
    text = (
        "Mortar fire also wounded three people in the Abbasids neighbourhood of northeast "
        "Damascus SANA said on Sunday."
    )
    events = _events(text, date(2014, 4, 6))
    assert [(e.place.name, e.place.admin1) for e in events if e.place] == [
        ("Al  'Abassiyin", "Damascus")
    ]
