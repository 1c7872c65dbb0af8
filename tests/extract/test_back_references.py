"""An event told before and pointed back at ("following the massacre", "in response to a deadly
gas attack") is no new event unless the sentence gives it a day, place or toll of its own.

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv) unless marked as written to
the guideline.
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "x")


@pytest.mark.parametrize(
    "text",
    [
        "The United States launched cruise missiles at a Syrian air base last week in response "
        "to a deadly poison gas attack in the west of the country that Washington blamed on "
        "Bashar al-Assads regime.",
        # written to the guideline
        "In the wake of the massacre thousands of residents left the town.",
        "The opposition demanded that the United Nations investigate the recent chemical attack.",
        "Human rights groups condemned the attack and called for an inquiry.",
    ],
)
def test_a_pointer_to_an_earlier_event_is_no_new_event(text: str) -> None:
    kinds = {"Chemical weapon", "Attack", "Armed clash", "Air/drone strike"}
    assert not [e for e in _events(text, date(2017, 4, 10)) if e.sub_event_type in kinds]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # written to the guideline
        (
            "Activists condemned the air strike on Kafr Nabl on Tuesday that killed seven "
            "civilians.",
            date(2016, 10, 25),
        ),
        # the place from the sentence before: an event with no place at all is not coded
        (
            "Kafr Nabl lies in Idlib province. Activists condemned the air strike that killed "
            "seven civilians.",
            date(2016, 10, 27),
        ),
    ],
)
def test_a_condemned_attack_with_its_own_day_place_or_toll_is_an_event(
    text: str, day: date
) -> None:
    events = _events(text, date(2016, 10, 27))
    assert [e for e in events if e.sub_event_type == "Air/drone strike" and e.fatalities == 7]
    assert events[0].event_date == day


def test_a_new_attack_named_after_the_earlier_one_is_still_read() -> None:
    # written to the guideline: the cue governs the first attack, not the second
    text = (
        "Following the attack on Monday, warplanes struck the town of Saraqib on Tuesday "
        "killing four civilians."
    )
    events = _events(text, date(2016, 10, 27))
    assert [e for e in events if e.sub_event_type == "Air/drone strike"]
