"""Attacks the article recalls or retells, not reports: earlier attacks, blasts over the war.

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv).
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date, source: str = "trt") -> list[Event]:
    return events_of(text, published, source)


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES 1923102965, after a Monday bombing in Midan
        "Damascus has also been rocked by occasional bomb blasts throughout the Syrian conflict "
        "including previous attacks on Midan a middle-class residential and shopping district.",
        # after strikes on Idlib nobody claimed
        "It was not clear who carried out the Idlib strikes but the observatory has reported "
        "previous air raids by the regime and its Russian ally on Idlib province.",
    ],
)
def test_previous_attacks_are_background(text: str) -> None:
    assert _events(text, date(2017, 10, 2)) == []


def test_an_attack_told_with_its_day_stays_an_event() -> None:
    # written to the guideline: the day's attack itself
    text = (
        "A suicide bomber blew himself up in the southern neighbourhood of Midan on Monday "
        "killing at least 17 people."
    )
    assert [e.location for e in _events(text, date(2017, 10, 3))] == ["Midan"]


def test_a_helicopter_that_came_down_strikes_nothing() -> None:
    # FA-KES 1926479326: the downed Russian helicopter, told again; no air strike near the sea
    text = (
        "Denials The helicopter came down roughly mid-way between Aleppo and Russias main air "
        "base at Khmeimim in the western province of Latakia near the Mediterranean coast."
    )
    assert _events(text, date(2016, 8, 2)) == []


@pytest.mark.parametrize(
    "text",
    [
        # written to the guideline after FA-KES 1924058142 and 1965495383 (7 April 2017)
        "The Khan Sheikhun strike prompted Washington to take its first direct military action "
        "against Assad regime with missile strikes against the Shayrat air base on Friday.",
        "The United States fired 59 cruise missiles at the Shayrat air base near Homs on Friday "
        "in retaliation for the gas attack on Khan Sheikhoun.",
    ],
)
def test_an_attack_named_as_the_cause_does_not_place_the_event(text: str) -> None:
    events = _events(text, date(2017, 4, 7), "reuters")
    assert [e.location for e in events] == ["Ash Sha`irat"]


def test_an_attack_that_prompted_another_is_not_told_again() -> None:
    # FA-KES 1924058142: the gas attack prompted the US strike; only the strike is told here
    text = (
        "The Khan Sheikhun strike prompted Washington to take its first direct military action "
        "against Assad regime with missile strikes against a central air base on Friday morning."
    )
    events = _events(text, date(2017, 4, 7), "trt")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_a_group_named_for_a_country_is_no_event_abroad() -> None:
    # FA-KES 1965511164: "in Iraq" is part of the group's name, not where the strikes were
    text = (
        "Six civilians including a child were among at least 22 people killed in US air strikes "
        "on the stronghold of the Takfiri group ISIL (so-called Islamic State in Iraq and Syria) "
        "on Saturday and Sunday a monitor said. The rest of the dead in the raids on the city "
        "of Raqa were ISIL militants the Syrian Observatory for Human Rights said."
    )
    event = _events(text, date(2015, 7, 5), "manar")[0]
    assert (event.location, event.actor1, event.fatalities) == ("Raqqa", "US-led coalition", 22)


def test_strikes_in_iraq_and_syria_stay_the_war_abroad() -> None:
    # written to the rule: no group name here, the war in both countries
    text = "The coalition has carried out strikes against Islamic State in Iraq and Syria."
    assert _events(text, date(2016, 7, 10), "afp") == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # FA-KES 1923102849: the standfirst, then the lead after the site's tag list
            "Hizballah and Syrian regime forces reportedly targeted a funeral with mortars and "
            "artillery shells killing at least three women and injuring dozens more in the "
            "besieged town of Madaya. Three women from the besieged town of Madaya west of the "
            "Syrian capital Damascus were killed after being hit by artillery shells while "
            "attending a funeral on Thursday evening.",
            date(2016, 8, 12),
            ("Madaya", date(2016, 8, 11), 3),
        ),
        (  # FA-KES 1923102950: "the Tuesday night raids" are the overnight airstrikes
            "Overnight airstrikes on the Islamic State groups de facto Syrian capital Raqqa killed "
            "25 civilians a monitoring group said on Wednesday. Activists were not immediately "
            "able to determine who carried out the Tuesday night raids.",
            date(2016, 6, 22),
            ("Raqqa", date(2016, 6, 21), 25),
        ),
    ],
)
def test_an_attack_told_again_with_its_day_is_one_event_of_that_day(
    text: str, published: date, expected: tuple[str, date, int]
) -> None:
    (event,) = _events(text, published, "alaraby")
    assert (event.location, event.event_date, event.fatalities) == expected
