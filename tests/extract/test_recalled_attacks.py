"""Attacks the article recalls or retells, not reports: earlier attacks, blasts over the war.

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv).
"""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.events import extract_events
from frontline.records import Document, Event


def _events(text: str, published: date, source: str = "trt") -> list[Event]:
    events, _ = extract_events(Document(doc_id="t", text=text, published=published, source=source))
    return events


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
