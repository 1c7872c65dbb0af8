"""Control changes told in words the capture rules used to pass over, and names that are no places.

Each sentence is copied from an article of a development gold set (samples/fakes_dev.csv); the
date given is the article's publication date.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.geo import Gazetteer

IS = "Islamic State"
NUSRA = "Jabhat Fateh al-Sham"


def test_a_group_that_expelled_its_rivals_from_a_city_took_the_city() -> None:
    # batch G, 1926479240 (reuters): "expelled" takes people as its object and the place after
    # "from"
    events = events_of(
        "The Islamic State expelled rival rebels from Deir al-Zor city on Monday tightening its "
        "hold on the eastern province bordering Iraq.",
        date(2014, 7, 18),
        "reuters",
        "homs",
    )
    changes = [e for e in events if e.territory is not None]
    assert [(e.location, e.event_date) for e in changes] == [("Deir ez-Zor", date(2014, 7, 14))]
    assert changes[0].territory is not None and changes[0].territory.taker == IS


def test_a_weekday_with_a_lost_apostrophe_is_no_place() -> None:
    # batch G, 1923848303 (ahram): "in Mondays fighting" ("Monday's") is a day, the capture is
    # at the village of al-Sabha
    events = events_of(
        "Five civilians were killed in Mondays fighting which resulted in the Nusra Front and its "
        "allies taking control of the village of al-Sabha it said.",
        date(2014, 5, 6),
        "ahram",
        "idlib",
    )
    changes = [e for e in events if e.territory is not None]
    assert [e.location for e in changes] == ["Sabhah"]
    assert changes[0].territory is not None and changes[0].territory.taker == NUSRA
    assert changes[0].event_date == date(2014, 5, 5)


def test_the_un_secretary_generals_name_is_no_village() -> None:
    # batch B, 1923848281 (ahram): "Ki-moon" once resolved to Kamin, a village in Latakia
    text = (
        "UN chief Ban Ki-moon meanwhile condemned an attack on a school in government-held west "
        "Aleppo on Thursday that killed at killed at least six children according to state media."
    )
    named = [text[m.start : m.end] for m in Gazetteer.default().find_mentions(text)]
    assert named == ["Aleppo"]
