"""What is not a reportable event: sweeping, generic, speculative and state statements.

ACLED codes an event only where a specific action happened at a specific place and time. Each
sentence comes from a bundled FA-KES dev article (samples/fakes_dev.csv); the article's
publication date is given as a reader would pass it.
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "alaraby")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # control as a state, not a change of control
        (
            "Most of Idleb province has been under the control of Al-Nusra and its terrorist "
            "allies.",
            date(2015, 7, 9),
        ),
        # "recently" with no day of its own
        (
            "The Syrian forces recently regained control of several areas in the same region.",
            date(2016, 2, 17),
        ),
        (
            "Aleppo has recently come under intense attacks by regime and Russian forces.",
            date(2016, 9, 24),
        ),
        # a trend, not an event
        (
            "The surge in bombing raids has forced hospitals in the province to close medical "
            "charity Doctors Without Borders (MSF) said on Friday.",
            date(2017, 9, 30),
        ),
        (
            "The Islamic State group is under attack in its remaining strongholds in eastern Syria "
            "by both Russian-backed government forces and US-backed fighters.",
            date(2017, 9, 30),
        ),
        (
            "Medical facilities and humanitarian professionals in Syria have not been spared the "
            "deadly scourge of the five-year conflict with ongoing attacks on hospitals and aid "
            "convoys that have left hundreds dead and others injured.",
            date(2016, 10, 3),
        ),
        # speculation
        (
            "In recent days experts have also suggested that Russia may be using thermobaric bombs "
            "which are the most powerful explosives apart from nuclear weapons and are potentially "
            "detrimental for civilians if detonated near urban areas.",
            date(2016, 6, 27),
        ),
        # the 2011 uprising
        (
            "Opponents of Assad took up arms in response to a bloody crackdown on peaceful "
            "pro-democracy protests inspired by the Arab Spring uprisings.",
            date(2014, 9, 12),
        ),
    ],
)
def test_precision_sweeping_and_state_statements_are_not_events(text: str, published: date) -> None:
    assert _events(text, published) == []


def test_precision_a_dated_strike_beside_a_sweeping_clause_is_kept() -> None:
    # the rules above leave a specific strike with its own day and place alone
    text = (
        "Shelling by the army killed at least 21 civilians in Eastern Ghouta on Saturday more "
        "than half of them children the Observatory said."
    )
    events = _events(text, date(2017, 9, 30))
    assert [(e.sub_event_type, e.event_date) for e in events] == [
        ("Shelling/artillery/missile attack", date(2017, 9, 30))
    ]
    assert events[0].fatalities == 21


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # where the wounded are treated
        (
            "Farid al-Asfar told SANA that the bodies of 10 victims arrived at the hospital along "
            "with 41 people who sustained injuries from shrapnel caused by the rocket attacks.",
            date(2016, 2, 3),
        ),
        # a landmark
        (
            "In the northern and western countryside of Deir Ezzor more gatherings of ISIS "
            "terrorists were targeted in a precise operation near the Water Station in Mheimideh "
            "village.",
            date(2016, 2, 14),
        ),
        # a class of places
        (
            "The United Nations condemned the air strikes and called for an end to such attacks "
            "on hospitals.",
            date(2017, 4, 27),
        ),
    ],
)
def test_precision_a_facility_that_is_not_the_thing_hit_is_no_infrastructure_event(
    text: str, published: date
) -> None:
    assert not [e for e in _events(text, published) if e.sub_event_type == "Infrastructure"]


def test_precision_a_particular_facility_hit_is_an_infrastructure_event() -> None:
    text = (
        "The Russian strike targeted a drug warehouse and a civil defense center in Turmanin "
        "neighborhood Vasik Harak told Anadolu Agency."
    )
    events = _events(text, date(2016, 10, 15))
    assert "Infrastructure" in {e.sub_event_type for e in events}


def test_precision_people_captured_in_the_passive_are_no_change_of_control() -> None:
    text = (
        "Jabhat Fateh Al Sham surprise offensive in Daraa countryside on Sunday against Syrian "
        "Arab Army near key town of Ibtraa. The military spokesperson added that another 15 "
        "terrorist were captured by the Syrian Armed Forces during the failed Jabhat Fateh "
        "Al-Sham offensive AMN reports."
    )
    events = _events(text, date(2016, 10, 31))
    assert not [e for e in events if e.territory is not None]
